import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// Where output goes and how it may look: width, colour, TTY or pipe.
struct Terminal {
    let isTTY = isatty(STDOUT_FILENO) == 1
    /// Colour only on a terminal, and never with `NO_COLOR` set (no-color.org).
    var colour: Bool { isTTY && getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb" }

    /// Columns available: the terminal's, `$COLUMNS`, or 100 when piped (for wrapping and bars).
    var width: Int { columns ?? 100 }

    /// The most columns a table may take, `extra` past the width: unlimited when piped without
    /// `$COLUMNS`, so that no cell a script or a spreadsheet reads is cut, as `systemctl` does.
    func tableWidth(plus extra: Int = 0) -> Int {
        columns.map { $0 + extra } ?? Int.max
    }

    /// The terminal's columns, or `$COLUMNS`; nil when piped without it.
    private var columns: Int? {
        var size = winsize()
        if isTTY, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 20 { return columns }
        return nil
    }

    func out(_ text: String) {
        write(STDOUT_FILENO, text + "\n")
    }

    func error(_ message: String) {
        write(STDERR_FILENO, "laureatectl: \(message)\n")
    }

    /// A line on stderr as it is (a JSON error object).
    func errorLine(_ text: String) {
        write(STDERR_FILENO, text + "\n")
    }

    private func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func accent(_ text: String) -> String { colour ? "\u{1B}[36m\(text)\u{1B}[0m" : text }
}

/// Numbers, tables, cards and bars for people.
enum Format {
    /// `1 234 567`, grouped by thousands with a narrow no-break space (U+202F) as in French
    /// typography: not an ASCII space, so `awk` and a spreadsheet's paste keep the number whole.
    static func grouped(_ value: Int64) -> String {
        let text = groupingThousands(String(value.magnitude))
        return value < 0 ? "-" + text : text
    }

    /// `digits` with a narrow no-break space before each group of three from the right.
    private static func groupingThousands(_ digits: some StringProtocol) -> String {
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append("\u{202F}") }
            text.append(digit)
        }
        return text
    }

    /// `1 234 567 €`, the sign after a no-break space, so the amount stays one word.
    static func euros(_ value: Int64) -> String { grouped(value) + "\u{00A0}€" }

    /// A JSON number as people read it: whole part grouped by thousands, a decimal comma
    /// (`1 234,5`); the text is used as it came, so sums past 64 bits print exactly.
    static func number(_ number: JSONNumber) -> String {
        let parts = number.text.split(separator: ".", maxSplits: 1)
        let whole = groupingThousands(parts[0])
        return parts.count == 2 ? whole + "," + parts[1] : whole
    }

    /// The display width of `text` (one column per character; enough for Latin text).
    static func width(_ text: String) -> Int { text.count }

    /// `text` cut to `width` columns with an ellipsis.
    static func fit(_ text: String, _ width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` padded to `width`, left or right aligned.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// An aligned table that fits `maxWidth`: the widest flexible column gives way first.
    static func table(
        header: [String], rows: [[String]], rightAligned: Set<Int> = [], flexible: Set<Int> = [], maxWidth: Int,
        terminal: Terminal
    ) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let separator = 2
        var total = widths.reduce(0, +) + separator * (widths.count - 1)
        while total > maxWidth {
            // In column order: a `Set`'s order changes from run to run, and so would a tie's loser.
            guard let widest = flexible.sorted().filter({ widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] })
            else { break }
            widths[widest] -= 1
            total -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                pad(fit(cell, widths[index]), widths[index], right: rightAligned.contains(index))
            }.joined(separator: String(repeating: " ", count: separator)).trimmingTrailingSpaces()
        }
        return ([terminal.bold(line(header))] + rows.map(line)).joined(separator: "\n")
    }

    /// A horizontal bar of `value` out of `maximum`, `width` columns at most, in eighths.
    static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighths = Int((value / maximum * Double(width * 8)).rounded())
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
    }

    /// `text` wrapped to `width` columns, lines after the first indented by `indent`.
    static func wrap(_ text: String, width: Int, indent: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
