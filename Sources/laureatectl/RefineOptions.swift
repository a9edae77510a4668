import ArgumentParser
import LaureateCore

/// The filters beyond words and values, shared by `search` and `stats` through `FilterOptions`:
/// figure ranges, a place and its radius, and typo tolerance.
struct RefineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Jobs from MIN to MAX: 10..50, 100.. or ..20.", valueName: "range"))
    var jobs: String?
    @Option(help: ArgumentHelp("Investment in euros from MIN to MAX, e.g. 1000000..", valueName: "range"))
    var investment: String?
    @Option(help: ArgumentHelp("Aid in euros from MIN to MAX, e.g. ..500000", valueName: "range"))
    var aid: String?
    @Option(help: ArgumentHelp("Laureates near a point: latitude,longitude, e.g. 47.21,-1.55.", valueName: "lat,lon"))
    var near: String?
    @Option(help: "Radius of --near in km (default 10).") var km: Double?
    @Flag(help: "Match words only as typed or as prefixes, without typo tolerance.") var noTypos = false

    func validate() throws {
        for (flag, value) in [("--jobs", jobs), ("--investment", investment), ("--aid", aid)] {
            if let value, Self.range(value) == nil {
                throw ValidationError(
                    "\(flag) takes MIN..MAX, MIN.. or ..MAX with whole numbers, MIN ≤ MAX; not '\(value)'")
            }
        }
        if let near, Self.point(near) == nil {
            throw ValidationError(
                "--near takes latitude,longitude in degrees (-90…90, -180…180), e.g. 47.21,-1.55; not '\(near)'")
        }
        if let km {
            guard near != nil else { throw ValidationError("--km is the radius of --near: give --near too") }
            guard km > 0, km <= 20_038 else {
                throw ValidationError("--km must be above 0 and at most 20038, not \(km)")
            }
        }
    }

    /// `10..50`, `100..`, `..20` as bounds.
    static func range(_ text: String) -> (min: Int64?, max: Int64?)? {
        let parts = text.split(separator: "..", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
        let minimum = parts[0].isEmpty ? nil : Int64(parts[0])
        let maximum = parts[1].isEmpty ? nil : Int64(parts[1])
        if !parts[0].isEmpty, minimum == nil { return nil }
        if !parts[1].isEmpty, maximum == nil { return nil }
        if let minimum, let maximum, minimum > maximum { return nil }
        if let minimum, minimum < 0 { return nil }
        return (minimum, maximum)
    }

    static func point(_ text: String) -> (latitude: Double, longitude: Double)? {
        let parts = text.split(separator: ",").map { Double($0.filter { $0 != " " }) }
        guard parts.count == 2, let latitude = parts[0], let longitude = parts[1], abs(latitude) <= 90,
            abs(longitude) <= 180
        else { return nil }
        return (latitude, longitude)
    }

    /// Adds the daemon's params for what was given.
    func add(to params: inout JSONObject) {
        for (name, value) in [("jobs", jobs), ("investment_eur", investment), ("aid_eur", aid)] {
            guard let value, let bounds = Self.range(value) else { continue }
            var range = JSONObject()
            if let minimum = bounds.min { range["min"] = .number(JSONNumber(minimum)) }
            if let maximum = bounds.max { range["max"] = .number(JSONNumber(maximum)) }
            params[name] = .object(range)
        }
        if let near, let point = Self.point(near) {
            params["near"] = [
                "lat": .number(JSONNumber(point.latitude)), "lon": .number(JSONNumber(point.longitude)),
                "km": .number(JSONNumber(km ?? 10)),
            ]
        }
        if noTypos { params["typos"] = false }
    }
}
