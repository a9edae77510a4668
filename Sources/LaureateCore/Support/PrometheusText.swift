/// Writes Prometheus's text exposition format 0.0.4: `# HELP` and `# TYPE` once per metric
/// family, then its samples, label values escaped as the format says (`\\`, `"`, newline).
public struct PrometheusText: Sendable {
    public private(set) var text = ""

    public init() {}

    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    /// Starts a metric family.
    public mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) \(help.replacingBackslashesAndNewlines())\n# TYPE \(name) \(kind.rawValue)\n"
    }

    /// One sample without labels.
    public mutating func sample(_ name: String, _ value: Double) { sample(name, [:], value) }

    /// One sample of the family begun last (`name` with a suffix for histograms).
    public mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.key)=\"\($0.value.escapedLabelValue())\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.format(value) + "\n"
    }

    /// A value as the format writes it: integers without a fraction, `+Inf`, else Swift's shortest
    /// round-trip form.
    public static func format(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension String {
    fileprivate func escapedLabelValue() -> String {
        var escaped = ""
        for character in self {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    fileprivate func replacingBackslashesAndNewlines() -> String {
        var escaped = ""
        for character in self {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
