/// A problem in a configuration file, with its line.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}

/// The `KEY=value` format of systemd's `EnvironmentFile=`, so one file serves both the unit and
/// `laureated --config`: `#` and `;` comments, blank lines, optional `export `, values optionally
/// in single or double quotes.
public enum EnvironmentFile {
    /// The assignments of `text`, later ones winning.
    /// - Throws: `ConfigurationError` naming the line of a malformed assignment.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> [String: String] {
        var values: [String: String] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingSpaces() }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(file: file, line: offset + 1, reason: "expected KEY=value")
            }
            let key = String(line[..<equals]).trimmingSpaces()
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw ConfigurationError(file: file, line: offset + 1, reason: "\"\(key)\" is not a variable name")
            }
            var value = String(line[line.index(after: equals)...]).trimmingSpaces()
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}
