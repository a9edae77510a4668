import ArgumentParser
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// `--color`: `auto` colours a terminal only, as `ls`, `git` and `systemctl` do.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Where output goes and how it may look: width, colour, TTY or pipe.
struct Terminal {
    let isTTY = isatty(STDOUT_FILENO) == 1
    var colorMode = ColorMode.auto

    /// `always`, or `auto` on a terminal that is not `dumb` and without a non-empty `NO_COLOR`
    /// (no-color.org: an empty one does not count).
    var colour: Bool {
        switch colorMode {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
            return isTTY && !noColor && getenv("TERM").map { String(cString: $0) } != "dumb"
        }
    }

    /// Columns available: the terminal's, `$COLUMNS`, or 100 when piped (for wrapping and bars).
    var width: Int { columns ?? 100 }

    /// The most columns a table may take: unlimited when piped without `$COLUMNS`, so that no
    /// cell a script or a spreadsheet reads is cut, as `systemctl` does.
    func tableWidth() -> Int {
        columns ?? Int.max
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

    /// Text that ends its own lines, written as it is.
    func outVerbatim(_ text: String) {
        write(STDOUT_FILENO, text)
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

    /// The columns `text` takes on a terminal: two for a wide character (CJK, emoji), none for a
    /// combining mark or a joiner, one otherwise, as terminals following Unicode's East Asian
    /// Width draw them. (glibc's `wcwidth` is not visible to Swift without `_XOPEN_SOURCE`.)
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// A grapheme's columns: its widest scalar's, so `é` as e + U+0301 is one and 👍🏽 two.
    static func width(of character: Character) -> Int {
        // An emoji presentation selector makes a narrow symbol wide (❤️).
        if character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        return character.unicodeScalars.map(width(of:)).max() ?? 0
    }

    private static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks: Hangul Jamo, CJK, kana, Hangul syllables,
    /// compatibility ideographs, fullwidth forms, and the ideographic planes.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]

    /// `text` cut to `width` columns with an ellipsis, never through a wide character.
    static func fit(_ text: String, _ width: Int) -> String {
        guard self.width(text) > width else { return text }
        var kept = ""
        var used = 0
        let room = max(0, width - 1)
        for character in text {
            let columns = self.width(of: character)
            if used + columns > room { break }
            kept.append(character)
            used += columns
        }
        return width > 0 ? kept + "…" : ""
    }

    /// `text` padded to `width` columns, left or right aligned.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - self.width(text)))
        return right ? padding + text : text + padding
    }

    /// `text` safe to print on a terminal: control characters (an escape sequence in the data could
    /// recolour or retitle the terminal) shown as `\xHH`, line breaks and tabs as spaces.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                shown += " "
            } else if isControl(scalar) {
                shown += "\\x" + String(scalar.value, radix: 16, uppercase: false).leftPadded(to: 2)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// C0, DEL and C1: what a terminal acts on instead of showing.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The columns a table of these cells takes, unshrunk, with its two-space separators.
    static func tableWidth(header: [String], rows: [[String]]) -> Int {
        var widths = header.map(width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], width(cell))
            }
        }
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// `367,7 M€`, `3,2 Md€`, `500 k€`: an amount in at most seven columns, for narrow tables.
    static func compactEuros(_ value: Double) -> String {
        let (scaled, unit): (Double, String) =
            value >= 1e9
            ? (value / 1e9, "Md€")
            : value >= 1e6 ? (value / 1e6, "M€") : value >= 1e3 ? (value / 1e3, "k€") : (value, "€")
        let tenths = (scaled * 10).rounded()
        let text =
            tenths.truncatingRemainder(dividingBy: 10) == 0 || scaled >= 100
            ? String(Int(scaled.rounded())) : String(Int(tenths) / 10) + "," + String(Int(tenths) % 10)
        return text + "\u{00A0}" + unit
    }

    /// An aligned table that fits `maxWidth`: the widest flexible column gives way first.
    /// `marks[row][column]` are character ranges of a cell shown in bold (what a search matched).
    static func table(
        header: [String], rows: [[String]], rightAligned: Set<Int> = [], flexible: Set<Int> = [], maxWidth: Int,
        terminal: Terminal, marks: [[[Range<Int>]]] = []
    ) -> String {
        var widths = header.map(width)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], width(cell)) }
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
        func line(_ cells: [String], marks: [[Range<Int>]]) -> String {
            cells.enumerated().map { index, cell in
                let shown = fit(cell, widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - width(shown)))
                let styled = index < marks.count ? emphasised(shown, marks[index], terminal: terminal) : shown
                return rightAligned.contains(index) ? padding + styled : styled + padding
            }.joined(separator: String(repeating: " ", count: separator)).trimmingTrailingSpaces()
        }
        let body = rows.enumerated().map { line($1, marks: $0 < marks.count ? marks[$0] : []) }
        return ([terminal.bold(line(header, marks: []))] + body).joined(separator: "\n")
    }

    /// `text` with the characters in `ranges` in bold (those cut off by `fit` simply not shown).
    static func emphasised(_ text: String, _ ranges: [Range<Int>], terminal: Terminal) -> String {
        guard terminal.colour, !ranges.isEmpty else { return text }
        var result = ""
        var run = ""
        var inMark = false
        for (offset, character) in text.enumerated() {
            let marked = ranges.contains { $0.contains(offset) }
            if marked != inMark {
                result += inMark ? terminal.bold(run) : run
                run = ""
                inMark = marked
            }
            run.append(character)
        }
        return result + (inMark ? terminal.bold(run) : run)
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
            if !current.isEmpty, self.width(current) + 1 + self.width(String(word)) > width {
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

extension JSONValue {
    /// The value with every string `Format.visible`: what the views for people are given.
    var visible: JSONValue {
        switch self {
        case .string(let text): .string(Format.visible(text))
        case .array(let items): .array(items.map(\.visible))
        case .object(let object): .object(JSONObject(object.members.map { ($0.key, $0.value.visible) }))
        default: self
        }
    }
}

extension String {
    func leftPadded(to count: Int) -> String {
        String(repeating: "0", count: Swift.max(0, count - self.count)) + self
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
