import Glibc

/// The orders `laureate.search` can sort by (`-` prefix for descending).
public enum SortKey: String, CaseIterable, Sendable {
    case relevance, project, jobs, investment, aid, distance
}

/// A `jobs`, `investment_eur` or `aid_eur` filter: records whose figure is within the bounds.
struct FigureRange: Sendable, Equatable {
    var figure: Dataset.Figure
    var minimum: Double?
    var maximum: Double?

    func contains(_ value: Int64) -> Bool {
        value >= 0 && minimum.map { Double(value) >= $0 } != false && maximum.map { Double(value) <= $0 } != false
    }
}

/// A `near` filter: records within `kilometres` of a point, by great-circle distance.
public struct NearFilter: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double
    public var kilometres: Double

    /// The mean Earth radius (IUGG), which the haversine formula takes the Earth to be a sphere of.
    static let earthRadiusKilometres = 6371.0088

    /// The great-circle distance from this point to another, by the haversine formula.
    func distance(latitude: Double, longitude: Double) -> Double {
        let radians = Double.pi / 180
        let deltaLatitude = (latitude - self.latitude) * radians
        let deltaLongitude = (longitude - self.longitude) * radians
        let a =
            sin(deltaLatitude / 2) * sin(deltaLatitude / 2)
            + cos(self.latitude * radians) * cos(latitude * radians) * sin(deltaLongitude / 2) * sin(deltaLongitude / 2)
        return 2 * Self.earthRadiusKilometres * asin(min(1, a.squareRoot()))
    }
}

/// The filters shared by `laureate.search` and `laureate.stats`.
public struct QueryFilters: Sendable, Equatable {
    /// The terms of `q`; every one must match.
    public var terms: [SearchTerm] = []
    /// Whether a term also matches words within the typos it forgives (`typos`, default true).
    public var typos = true
    /// Any-of values per field.
    public var sector: [String]?
    public var region: [String]?
    public var department: [String]?
    public var city: [String]?
    public var company: [String]?
    public var call: [String]?
    var ranges: [FigureRange] = []
    public var near: NearFilter?

    public init() {}

    /// The most distinct words a `q` may have.
    public static let maximumTerms = 64

    /// The parameter names these filters read.
    public static let parameterNames = [
        "q", "typos", "sector", "region", "department", "city", "company", "call", "jobs", "investment_eur",
        "aid_eur", "near",
    ]

    /// Reads the filter parameters of `params`, leaving the others to the caller.
    public init(params: JSONObject, departments: DepartmentTable = .embedded) throws(QueryError) {
        if let q = params["q"] {
            guard let text = q.stringValue else {
                throw .invalidParam(name: "q", reason: "expected a string, got \(q.typeName)")
            }
            terms = SearchTerms.queryTerms(text)
            // Each distinct word costs a walk of the vocabulary for its typos and a ranking table:
            // bounded, so that one request cannot hold a thread for seconds or take gigabytes. A
            // compound counts its parts.
            let words = terms.reduce(0) { $0 + max(1, $1.parts.count) }
            guard words <= Self.maximumTerms else {
                throw .invalidParam(
                    name: "q", reason: "\(words) distinct words; a search takes at most \(Self.maximumTerms)")
            }
        }
        typos = try boolean(params, "typos", default: true)
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
        for (name, figure) in [("jobs", Dataset.Figure.jobs), ("investment_eur", .investment), ("aid_eur", .aid)] {
            if let range = try Self.range(params, name, figure) { ranges.append(range) }
        }
        near = try Self.near(params)
    }

    /// `{"min": n, "max": n}`, either bound optional but not both.
    private static func range(
        _ params: JSONObject, _ name: String, _ figure: Dataset.Figure
    ) throws(QueryError)
        -> FigureRange?
    {
        guard let value = params[name] else { return nil }
        guard let object = value.objectValue else {
            throw .invalidParam(name: name, reason: "expected {\"min\": n, \"max\": n}, got \(value.typeName)")
        }
        for key in object.keys where key != "min" && key != "max" {
            throw .invalidParam(name: name, reason: "unknown member \"\(key)\"; a range takes min and max")
        }
        func bound(_ key: String) throws(QueryError) -> Double? {
            guard let bound = object[key] else { return nil }
            guard let number = bound.doubleValue else {
                throw .invalidParam(name: name, reason: "\(key) expected a number, got \(bound.typeName)")
            }
            return number
        }
        let range = FigureRange(figure: figure, minimum: try bound("min"), maximum: try bound("max"))
        if range.minimum == nil, range.maximum == nil {
            throw .invalidParam(name: name, reason: "give min, max or both")
        }
        if let minimum = range.minimum, let maximum = range.maximum, minimum > maximum {
            throw .invalidParam(name: name, reason: "min \(JSONNumber(minimum)) is above max \(JSONNumber(maximum))")
        }
        return range
    }

    /// `{"lat": …, "lon": …, "km": …}`.
    private static func near(_ params: JSONObject) throws(QueryError) -> NearFilter? {
        guard let value = params["near"] else { return nil }
        guard let object = value.objectValue else {
            throw .invalidParam(name: "near", reason: "expected {\"lat\", \"lon\", \"km\"}, got \(value.typeName)")
        }
        for key in object.keys where !["lat", "lon", "km"].contains(key) {
            throw .invalidParam(name: "near", reason: "unknown member \"\(key)\"; near takes lat, lon and km")
        }
        func number(_ key: String, _ range: ClosedRange<Double>, _ meaning: String) throws(QueryError) -> Double {
            guard let member = object[key] else { throw .invalidParam(name: "near", reason: "\(key) is missing") }
            guard let number = member.doubleValue else {
                throw .invalidParam(name: "near", reason: "\(key) expected a number, got \(member.typeName)")
            }
            guard range.contains(number) else {
                throw .invalidParam(name: "near", reason: "\(key) \(JSONNumber(number)) is not \(meaning)")
            }
            return number
        }
        return NearFilter(
            latitude: try number("lat", -90...90, "a latitude (-90 to 90)"),
            longitude: try number("lon", -180...180, "a longitude (-180 to 180)"),
            kilometres: try number("km", 0...20_038, "a distance in km (0 to 20038, half the Earth round)"))
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
    /// Whether each item carries the spans of its matched words (`highlight`).
    public var highlight = false
    /// The dimensions to count the matches by (`facets`).
    public var facets: [StatsDimension] = []

    public init() {}

    static let parameterNames = Set(
        QueryFilters.parameterNames + ["limit", "offset", "sort", "fields", "highlight", "facets"])

    /// Reads and checks the params of `laureate.search`.
    /// - Throws: `QueryError.invalidParam` naming the first bad parameter.
    public init(params: JSONObject) throws(QueryError) {
        try rejectUnknown(params, allowed: Self.parameterNames)
        filters = try QueryFilters(params: params)
        limit = try integer(params, "limit", default: Self.defaultLimit, in: 1...Self.maximumLimit)
        offset = try integer(params, "offset", default: 0, in: 0...Int(Int32.max))
        highlight = try boolean(params, "highlight", default: false)
        facets = try StatsDimension.list(params, "facets", counts: 1...StatsDimension.allCases.count)
        sort = filters.terms.isEmpty ? .project : .relevance
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
                        "\"\(value.stringValue!)\" is not one of relevance, project, jobs, investment, aid, distance "
                        + "(prefix - for descending)"
                )
            }
            if key == .relevance, filters.terms.isEmpty {
                throw .invalidParam(name: "sort", reason: "relevance needs a q to rank by")
            }
            if key == .distance, filters.near == nil {
                throw .invalidParam(name: "sort", reason: "distance needs a near to measure from")
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
        if params["by"] != nil { by = try StatsDimension.list(params, "by", counts: 1...2) }
    }
}

extension StatsDimension {
    /// A dimension or an array of `counts` distinct dimensions, read from parameter `name`.
    static func list(_ params: JSONObject, _ name: String, counts: ClosedRange<Int>) throws(QueryError) -> [Self] {
        guard let value = params[name] else { return [] }
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let elements) where counts.contains(elements.count): names = elements
        case .array(let elements):
            throw .invalidParam(
                name: name,
                reason: "expected \(counts.lowerBound) to \(counts.upperBound) dimensions, got \(elements.count)")
        default:
            throw .invalidParam(name: name, reason: "expected a dimension or an array of them, got \(value.typeName)")
        }
        var dimensions: [Self] = []
        for element in names {
            guard let text = element.stringValue, let dimension = Self(rawValue: text) else {
                throw .invalidParam(
                    name: name,
                    reason: "expected one of sector, region, department, call, got \(JSONWriter.string(element))")
            }
            guard !dimensions.contains(dimension) else {
                throw .invalidParam(name: name, reason: "\"\(text)\" is given twice")
            }
            dimensions.append(dimension)
        }
        return dimensions
    }
}

/// Throws for the first parameter not in `allowed`, so a typo is an error, not an ignored filter.
func rejectUnknown(_ params: JSONObject, allowed: Set<String>) throws(QueryError) {
    for name in params.keys where !allowed.contains(name) {
        throw .invalidParam(name: name, reason: "unknown parameter")
    }
}

/// A boolean parameter, or `default` when absent.
func boolean(_ params: JSONObject, _ name: String, default value: Bool) throws(QueryError) -> Bool {
    guard let raw = params[name] else { return value }
    guard case .bool(let flag) = raw else {
        throw .invalidParam(name: name, reason: "expected true or false, got \(JSONWriter.string(raw))")
    }
    return flag
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
