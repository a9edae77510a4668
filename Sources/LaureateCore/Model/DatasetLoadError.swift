/// One problem found in a dataset file.
public struct DatasetIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    /// The record field concerned, when there is one.
    public var field: String?
    /// What is wrong.
    public var reason: String

    /// Makes an issue.
    public init(file: String, line: Int?, field: String?, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// A record whose id an earlier record already has, naming both places.
    static func duplicateID(
        _ id: String, at origin: LaureateRecord.Origin, first: LaureateRecord.Origin
    ) -> DatasetIssue {
        DatasetIssue(
            file: origin.file, line: origin.line, field: "id",
            reason: "\"\(id)\" is already the id of the record at \(first)")
    }

    /// `file:line: field: reason`, the shape compilers use, so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + reason
    }
}

/// Why a dataset could not be loaded: the first problems found, each with file, line and reason.
public struct DatasetLoadError: Error, Sendable, CustomStringConvertible {
    /// The most problems a load reports; past that, only the count grows.
    public static let reportedIssueLimit = 20

    /// The first problems, at most `reportedIssueLimit`.
    public var issues: [DatasetIssue]
    /// How many problems were found in all.
    public var totalIssues: Int

    /// Makes an error from a single problem.
    public init(file: String, line: Int?, field: String?, reason: String) {
        self.issues = [DatasetIssue(file: file, line: line, field: field, reason: reason)]
        self.totalIssues = 1
    }

    /// Makes an error from collected problems (keeps the first `reportedIssueLimit`).
    public init(issues: [DatasetIssue], totalIssues: Int? = nil) {
        self.issues = Array(issues.prefix(Self.reportedIssueLimit))
        self.totalIssues = totalIssues ?? issues.count
    }

    /// The first problem, which `server.reload` reports in its error data.
    public var first: DatasetIssue { issues[0] }

    /// One line per problem, and a count of those not shown.
    public var description: String {
        var lines = issues.map(\.description)
        if totalIssues > issues.count { lines.append("… and \(totalIssues - issues.count) more problems") }
        return lines.joined(separator: "\n")
    }
}

/// Collects problems up to the report limit while a file is checked.
package struct IssueCollector {
    package private(set) var issues: [DatasetIssue] = []
    package private(set) var total = 0

    package init() {}

    package mutating func add(_ issue: DatasetIssue) {
        total += 1
        if issues.count < DatasetLoadError.reportedIssueLimit { issues.append(issue) }
    }

    package mutating func add(_ error: DatasetLoadError) {
        for issue in error.issues { add(issue) }
        total += error.totalIssues - error.issues.count
    }

    /// Adds `other`'s problems, keeping the first ones by file (in `fileOrder`) and line.
    package mutating func merge(_ other: IssueCollector, fileOrder: [String]) {
        let position = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = (issues + other.issues).enumerated().sorted { lhs, rhs in
            let left = (position[lhs.element.file] ?? Int.max, lhs.element.line ?? 0, lhs.offset)
            let right = (position[rhs.element.file] ?? Int.max, rhs.element.line ?? 0, rhs.offset)
            return left < right
        }
        issues = Array(sorted.map(\.element).prefix(DatasetLoadError.reportedIssueLimit))
        total += other.total
    }

    package func check() throws(DatasetLoadError) {
        if total > 0 { throw DatasetLoadError(issues: issues, totalIssues: total) }
    }
}
