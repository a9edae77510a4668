public import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler for daemons: one stderr line per event.
///
/// Under the journal (`$JOURNAL_STREAM` names our stderr) each line starts with its `sd-daemon(3)`
/// priority, `<6>message key=value`, and carries no timestamp, since journald adds one. On a
/// terminal the line reads `2026-11-26T16:34:09Z notice message key=value`.
public struct SystemdLogHandler: LogHandler {
    /// How lines are written.
    public enum Style: Sendable {
        /// `<N>` priority prefixes, no timestamp.
        case journal
        /// A timestamp and the level name.
        case terminal
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let style: Style

    /// Makes a handler writing in `style`.
    public init(label: String, level: Logger.Level, style: Style) {
        self.label = label
        self.logLevel = level
        self.style = style
    }

    /// The journal style when stderr is the journal stream, else the terminal style.
    public static func detectStyle() -> Style {
        guard let stream = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return .terminal }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return .terminal }
        return stream == "\(status.st_dev):\(status.st_ino)" ? .journal : .terminal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let line = Self.format(
            level: event.level, message: event.message.description, metadata: merged, style: style,
            timestamp: style == .terminal ? Self.timestamp() : nil)
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// The `sd-daemon(3)` priority of a level.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// One log line, without its line break: pure, so it is tested directly.
    public static func format(
        level: Logger.Level, message: String, metadata: Logger.Metadata, style: Style, timestamp: String? = nil
    ) -> String {
        var line: String
        switch style {
        case .journal: line = "<\(priority(level))>"
        case .terminal: line = (timestamp.map { $0 + " " } ?? "") + "\(level) "
        }
        line += message.replacing("\n", with: " ")
        for key in metadata.keys.sorted() {
            line += " \(key)=\(quoted(metadata[key]!.description))"
        }
        return line
    }

    /// A value as is, or in double quotes when it has spaces, quotes or is empty.
    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return value
        }
        return "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n")
            + "\""
    }

    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return ISO8601.format(parts)
    }
}

/// ISO 8601 UTC timestamps without Foundation's formatter.
package enum ISO8601 {
    static func format(_ parts: tm) -> String {
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
        return date + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Now, in UTC.
    package static func now() -> String { string(time(nil)) }

    /// A time in seconds since the epoch, in UTC.
    static func string(_ seconds: time_t) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return format(parts)
    }
}
