/// The orders `laureate.search` can sort by (`-` prefix for descending).
public enum SortKey: String, CaseIterable, Sendable {
    case relevance, project, jobs, investment, aid
}

/// The filters shared by `laureate.search` and `laureate.stats`.
public struct QueryFilters: Sendable, Equatable {
    /// Folded words of `q`; every one must match, the last as a prefix.
    public var words: [String] = []
    /// Any-of values per field.
    public var sector: [String]?
    public var region: [String]?
    public var department: [String]?
    public var city: [String]?
    public var company: [String]?
    public var call: [String]?

    public init() {}

    /// The parameter names these filters read.
    public static let parameterNames = ["q", "sector", "region", "department", "city", "company", "call"]

    /// Reads the filter parameters of `params`, leaving the others to the caller.
    public init(params: JSONObject, departments: DepartmentTable = .embedded) throws(QueryError) {
        if let q = params["q"] {
            guard let text = q.stringValue else {
                throw .invalidParam(name: "q", reason: "expected a string, got \(q.typeName)")
            }
            words = TextFolding.words(text)
        }
        sector = try Self.values(params, "sector")
        for id in sector ?? [] where Sector(rawValue: id) == nil {
            throw .invalidParam(name: "sector", reason: "\"\(id)\" is not one of \(Sector.idList)")
        }
        department = try Self.values(params, "department")
        for code in department ?? [] where departments.department(code: code) == nil {
            throw .invalidParam(
                name: "department", reason: "\"\(code)\" is not an INSEE département code (\"44\", \"2A\", \"974\")")
        }
        region = try Self.values(params, "region")
        city = try Self.values(params, "city")
        company = try Self.values(params, "company")
        call = try Self.values(params, "call")
    }

    /// A string or a non-empty array of strings.
    private static func values(_ params: JSONObject, _ name: String) throws(QueryError) -> [String]? {
        guard let value = params[name] else { return nil }
        switch value {
        case .string(let text):
            return [text]
        case .array(let elements) where !elements.isEmpty:
            var texts: [String] = []
            for element in elements {
                guard let text = element.stringValue else {
                    throw .invalidParam(name: name, reason: "expected strings in the array, got \(element.typeName)")
                }
                texts.append(text)
            }
            return texts
        case .array:
            throw .invalidParam(name: name, reason: "an empty array matches nothing; leave the filter out instead")
        default:
            throw .invalidParam(name: name, reason: "expected a string or an array of strings, got \(value.typeName)")
        }
    }
}

/// A validated `laureate.search` request.
public struct SearchQuery: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maximumLimit = 1000

    public var filters = QueryFilters()
    public var limit = defaultLimit
    public var offset = 0
    public var sort: SortKey = .project
    public var descending = false

    public init() {}

    static let parameterNames = Set(QueryFilters.parameterNames + ["limit", "offset", "sort", "fields"])

    /// Reads and checks the params of `laureate.search`.
    /// - Throws: `QueryError.invalidParam` naming the first bad parameter.
    public init(params: JSONObject) throws(QueryError) {
        try rejectUnknown(params, allowed: Self.parameterNames)
        filters = try QueryFilters(params: params)
        limit = try integer(params, "limit", default: Self.defaultLimit, in: 1...Self.maximumLimit)
        offset = try integer(params, "offset", default: 0, in: 0...Int(Int32.max))
        sort = filters.words.isEmpty ? .project : .relevance
        if let value = params["sort"] {
            guard var text = value.stringValue else {
                throw .invalidParam(name: "sort", reason: "expected a string, got \(value.typeName)")
            }
            descending = text.hasPrefix("-")
            if descending { text.removeFirst() }
            guard let key = SortKey(rawValue: text) else {
                throw .invalidParam(
                    name: "sort",
                    reason:
                        "\"\(value.stringValue!)\" is not one of relevance, project, jobs, investment, aid "
                        + "(prefix - for descending)"
                )
            }
            if key == .relevance, filters.words.isEmpty {
                throw .invalidParam(name: "sort", reason: "relevance needs a q to rank by")
            }
            sort = key
        }
    }
}

/// What `laureate.stats` groups by.
public enum StatsDimension: String, CaseIterable, Sendable {
    case sector, region, department, call

    var facetName: Dataset.FacetName {
        switch self {
        case .sector: .sector
        case .region: .region
        case .department: .department
        case .call: .call
        }
    }
}

/// A validated `laureate.stats` request.
public struct StatsQuery: Sendable, Equatable {
    public var filters = QueryFilters()
    /// One dimension, or two for a cross-table.
    public var by: [StatsDimension] = [.sector]

    public init() {}

    private static let parameterNames = Set(QueryFilters.parameterNames + ["by"])

    /// Reads and checks the params of `laureate.stats`.
    /// - Throws: `QueryError.invalidParam` naming the first bad parameter.
    public init(params: JSONObject) throws(QueryError) {
        try rejectUnknown(params, allowed: Self.parameterNames)
        filters = try QueryFilters(params: params)
        if let value = params["by"] {
            let names: [JSONValue]
            switch value {
            case .string: names = [value]
            case .array(let elements) where (1...2).contains(elements.count): names = elements
            case .array(let elements):
                throw .invalidParam(name: "by", reason: "expected one or two dimensions, got \(elements.count)")
            default:
                throw .invalidParam(
                    name: "by", reason: "expected a dimension or an array of two, got \(value.typeName)")
            }
            by = []
            for name in names {
                guard let text = name.stringValue, let dimension = StatsDimension(rawValue: text) else {
                    throw .invalidParam(
                        name: "by",
                        reason: "expected one of sector, region, department, call, got \(JSONWriter.string(name))")
                }
                guard !by.contains(dimension) else {
                    throw .invalidParam(name: "by", reason: "\"\(text)\" is given twice")
                }
                by.append(dimension)
            }
        }
    }
}

/// Throws for the first parameter not in `allowed`, so a typo is an error, not an ignored filter.
func rejectUnknown(_ params: JSONObject, allowed: Set<String>) throws(QueryError) {
    for name in params.keys where !allowed.contains(name) {
        throw .invalidParam(name: name, reason: "unknown parameter")
    }
}

/// An integer parameter within `range`, or `default` when absent.
func integer(
    _ params: JSONObject, _ name: String, default value: Int, in range: ClosedRange<Int>
) throws(QueryError) -> Int {
    guard let raw = params[name] else { return value }
    guard let number = raw.integerValue else {
        throw .invalidParam(name: name, reason: "expected a whole number, got \(JSONWriter.string(raw))")
    }
    guard range.contains(Int(number)) else {
        throw .invalidParam(name: name, reason: "\(number) is out of range \(range.lowerBound)…\(range.upperBound)")
    }
    return Int(number)
}
