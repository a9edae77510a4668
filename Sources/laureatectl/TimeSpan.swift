import ArgumentParser
import LaureateCore

/// A duration as systemd writes one (`systemd.time(7)`): `5`, `500ms`, `2s`, `1min 30s`, `1.5h`,
/// or `infinity`. A bare number is seconds, as `--timeout` always took.
struct TimeSpan: ExpressibleByArgument, Equatable, CustomStringConvertible {
    /// Seconds, or nil for no limit.
    let seconds: Double?

    init(seconds: Double?) { self.seconds = seconds }

    private static let units: [(names: [String], seconds: Double)] = [
        (["us", "usec", "µs"], 1e-6), (["ms", "msec"], 1e-3), (["s", "sec", "second", "seconds"], 1),
        (["m", "min", "minute", "minutes"], 60), (["h", "hr", "hour", "hours"], 3600), (["d", "day", "days"], 86400),
    ]

    init?(argument: String) {
        let text = argument.trimmingSpaces()
        if text == "infinity" {
            self.seconds = nil
            return
        }
        var total = 0.0
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            if unit.isEmpty {
                total += value
            } else if let scale = Self.units.first(where: { $0.names.contains(String(unit)) })?.seconds {
                total += value * scale
            } else {
                return nil
            }
        }
        self.seconds = total
    }

    var description: String { seconds.map { "\($0) s" } ?? "infinity" }

    static var defaultCompletionKind: CompletionKind { .list(["500ms", "5s", "1min", "infinity"]) }
}
