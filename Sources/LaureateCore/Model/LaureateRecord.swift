/// A validated laureate record: every field its source gave, in the canonical member order, plus
/// typed views of the fields the query engine indexes.
///
/// The canonical order (`canonicalFieldOrder`, then any other member by the UTF-8 bytes of its
/// name, nested objects likewise) makes the served JSON, and so `dataset.sha256`, depend on the
/// records alone: not on a file's key order, column order or format.
///
/// The record is kept as its compact JSON, encoded once here, rather than as a tree of values:
/// a load holds every record until the snapshot is built, and the tree took three times the bytes.
public struct LaureateRecord: Sendable, Hashable {
    /// The record as served: compact JSON, members in the canonical order.
    public let json: [UInt8]
    public let id: String
    public let project: String?
    public let title: String?
    public let company: String?
    public let city: String?
    public let department: String?
    public let region: String?
    public let sector: Sector?
    public let summary: String?
    public let call: String
    public let jobs: Int64?
    public let investmentEUR: Int64?
    public let aidEUR: Int64?
    /// Where the laureate is (WGS 84 degrees), when the source says: the official export does.
    public let latitude: Double?
    public let longitude: Double?

    /// Where a record came from, for error messages.
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
        public var description: String { "\(file):\(line)" }
    }

    private static let textFields = ["project", "title", "company", "city", "region", "summary", "notes"]

    /// The documented fields in the order a record is served: the schema's, then the official
    /// export's extra fields, with `derived` last. Official rows are written in this order directly.
    public static let canonicalFieldOrder = [
        "id", "project", "title", "company", "city", "department", "region", "sector", "summary", "jobs",
        "investment_eur", "aid_eur", "call", "announced", "sources", "notes", "siren", "company_type",
        "postal_code", "latitude", "longitude", "updated", "derived",
    ]
    private static let canonicalRank: [String: Int] = Dictionary(
        uniqueKeysWithValues: canonicalFieldOrder.enumerated().map { ($1, $0) }
    )

    /// Figures above this are refused at load: 2⁵³ − 1, the largest integer every JSON reader
    /// (JavaScript's, Python's `float`) holds exactly. Sums are computed in 128 bits, which no
    /// dataset of such figures can overflow.
    public static let maximumFigure: Int64 = 9_007_199_254_740_991

    /// Validates a record object against the record shape of the protocol.
    /// - Throws: `DatasetLoadError` listing every problem of this record, each naming the field.
    public init(
        _ object: JSONObject,
        origin: Origin,
        departments: DepartmentTable = .embedded
    ) throws(DatasetLoadError) {
        var issues = IssueCollector()
        func fail(_ field: String?, _ reason: String) {
            issues.add(DatasetIssue(file: origin.file, line: origin.line, field: field, reason: reason))
        }
        func text(_ name: String) -> String? {
            guard let value = object[name] else { return nil }
            guard case .string(let string) = value else {
                fail(name, "expected a string, got \(value.typeName)")
                return nil
            }
            if string.isEmpty {
                fail(name, "is empty; leave the field out when it is unknown")
                return nil
            }
            return string
        }
        func figure(_ name: String) -> Int64? {
            guard let value = object[name] else { return nil }
            guard let number = value.integerValue, number >= 0 else {
                fail(name, "expected a non-negative whole number, got \(JSONWriter.string(value))")
                return nil
            }
            guard number <= Self.maximumFigure else {
                fail(name, "\(number) is above the largest figure accepted, \(Self.maximumFigure) (2^53 - 1)")
                return nil
            }
            return number
        }

        let id = text("id")
        if object["id"] == nil { fail("id", "missing") }
        if let id, !Self.isSlug(id) { fail("id", "\"\(id)\" is not a slug of a-z, 0-9 and '-'") }
        for name in Self.textFields { _ = text(name) }
        let department = text("department")
        if let department, departments.department(code: department) == nil {
            fail("department", "\"\(department)\" is not an INSEE département code")
        }
        var sector: Sector?
        if let sectorID = text("sector") {
            sector = Sector(rawValue: sectorID)
            if sector == nil { fail("sector", "\"\(sectorID)\" is not one of \(Sector.idList)") }
        }
        let call = text("call")
        if object["call"] == nil { fail("call", "missing") }
        if let call, !Self.isSlug(call) { fail("call", "\"\(call)\" is not a slug of a-z, 0-9 and '-'") }
        if let announced = text("announced"), !Self.isISODate(announced) {
            fail("announced", "\"\(announced)\" is not an ISO date (YYYY-MM-DD)")
        }
        Self.checkSources(object["sources"], fail: fail)
        if let derived = object["derived"] {
            if derived.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
                fail("derived", "expected an array of field names")
            }
        }
        // Coordinates that are not degrees stay in the record as given; `near` skips the record.
        func coordinate(_ name: String, _ limit: Double) -> Double? {
            object[name]?.doubleValue.flatMap { abs($0) <= limit ? $0 : nil }
        }
        let latitude = coordinate("latitude", 90)
        let longitude = coordinate("longitude", 180)
        let jobs = figure("jobs")
        let investment = figure("investment_eur")
        let aid = figure("aid_eur")
        if object["project"] == nil, object["company"] == nil {
            fail(nil, "a record needs a project or a company")
        }
        // In canonical order a member given twice stands next to itself: no set of names needed.
        var canonical = Self.canonical(object)
        for (previous, member) in zip(canonical.members, canonical.members.dropFirst()) where previous.key == member.key
        {
            fail(member.key, "given twice in one record")
        }
        try issues.check()

        for (name, value) in [("jobs", jobs), ("investment_eur", investment), ("aid_eur", aid)] {
            if let value { canonical[name] = .number(JSONNumber(value)) }
        }
        self.init(
            validatedJSON: JSONWriter.encode(.object(canonical)), id: id!, project: object["project"]?.stringValue,
            title: object["title"]?.stringValue, company: object["company"]?.stringValue,
            city: object["city"]?.stringValue,
            department: department, region: object["region"]?.stringValue, sector: sector,
            summary: object["summary"]?.stringValue, call: call!, jobs: jobs, investmentEUR: investment, aidEUR: aid,
            latitude: latitude, longitude: longitude
        )
    }

    /// A record whose fields are already valid, with its JSON already encoded: the validating
    /// initializer ends here, and the official export's rows, valid by construction, start here
    /// without a tree of values.
    init(
        validatedJSON json: [UInt8], id: String, project: String? = nil, title: String? = nil, company: String?,
        city: String?, department: String?, region: String?, sector: Sector?, summary: String?, call: String,
        jobs: Int64? = nil, investmentEUR: Int64? = nil, aidEUR: Int64? = nil, latitude: Double? = nil,
        longitude: Double? = nil
    ) {
        self.latitude = latitude
        self.longitude = longitude
        self.json = json
        self.id = id
        self.project = project
        self.title = title
        self.company = company
        self.city = city
        self.department = department
        self.region = region
        self.sector = sector
        self.summary = summary
        self.call = call
        self.jobs = jobs
        self.investmentEUR = investmentEUR
        self.aidEUR = aidEUR
    }

    /// `object` with its members in the canonical order: the documented fields first, in
    /// `canonicalFieldOrder`, then the others by the bytes of their names; nested objects by name.
    static func canonical(_ object: JSONObject) -> JSONObject {
        // Each member's rank is looked up once, not at every comparison of the sort (the lookups
        // hashed each key again and again: 6 % of a load). Undocumented members rank after all.
        let ranked = object.members.map { member in
            (rank: canonicalRank[member.key] ?? Int.max, key: member.key, value: canonicalValue(member.value))
        }
        return JSONObject(
            ranked.sorted { lhs, rhs in
                lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
            }.map { (key: $0.key, value: $0.value) }
        )
    }

    private static func canonicalValue(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            .object(
                JSONObject(
                    object.members.map { (key: $0.key, value: canonicalValue($0.value)) }
                        .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                )
            )
        case .array(let elements): .array(elements.map(canonicalValue))
        default: value
        }
    }

    /// The record's fields in canonical order (parsed back from `json`; for tools and tests).
    public var fields: JSONObject {
        (try? JSONParser.parse(json))?.objectValue ?? JSONObject()
    }

    private static func checkSources(_ value: JSONValue?, fail: (String?, String) -> Void) {
        guard let value else {
            fail("sources", "missing; give the URLs the record was read from")
            return
        }
        guard let urls = value.arrayValue else {
            fail("sources", "expected an array of URLs, got \(value.typeName)")
            return
        }
        for url in urls {
            guard let text = url.stringValue, isURL(text) else {
                fail("sources", "\(JSONWriter.string(url)) is not an http(s) URL")
                return
            }
        }
    }

    /// Whether `text` is a non-empty run of `a-z`, `0-9` and `-`.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    public static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && day >= 1 && day <= days[month - 1]
    }

    /// Whether `text` is an absolute http or https URL with a host and no spaces.
    public static func isURL(_ text: String) -> Bool {
        let rest: Substring
        if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        guard let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty
        else { return false }
        // ASCII first: a URL is almost always ASCII, and Unicode's whitespace property lookup was
        // 5 % of a load (one check per source of every record).
        return !text.unicodeScalars.contains { scalar in
            scalar.value < 0x80 ? scalar.value <= 0x20 : scalar.properties.isWhitespace
        }
    }
}
