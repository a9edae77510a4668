/// Case- and accent-insensitive text keys, so that `electronique` finds `électronique` and
/// `ile-de-france` finds `Île-de-France`.
///
/// The stdlib has no public Unicode decomposition and Foundation's `folding(options:)` would pull
/// Foundation into the core, so Latin letters are folded by `LatinFolding`, a table generated from
/// Unicode's decompositions (`Scripts/generate-folding`): every Latin letter with a diacritic,
/// Vietnamese and Romanian included, and the ligatures. Other letters are lower-cased; combining
/// marks are dropped, so NFD input folds too.
public enum TextFolding {
    /// The words of `text`, folded: lower case, no accents, split on anything not a letter or digit.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, without building strings.
    ///
    /// ASCII, most of any French text, is folded byte by byte, and the two-byte Latin letters
    /// through a table; only other scalars are decoded and looked up (this runs over every
    /// searchable field of every record at load).
    public static func forEachWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        forEachWord(text, scratch: &word, body)
    }

    /// `forEachWord`, building each word in `word`, whose capacity callers reuse across calls (a
    /// load folds every searchable field of every record: one allocation each was 1 % of it).
    static func forEachWord(_ text: String, scratch word: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachWord(bytes, scratch: &word) { folded, _ in body(folded) } }
    }

    /// Calls `body` with each folded word of the UTF-8 `bytes` and the byte range it was read from.
    static func forEachWord(
        _ bytes: UnsafeBufferPointer<UInt8>, scratch word: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        word.removeAll(keepingCapacity: true)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                // A run of lower-case letters and digits is taken whole; a word that is only
                // that (most words of French text) goes to `body` from the text, uncopied.
                if isLowerOrDigit(byte) {
                    var end = index + 1
                    while end < bytes.count, isLowerOrDigit(bytes[end]) { end += 1 }
                    let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    if word.isEmpty, end == bytes.count || (bytes[end] < 0x80 && !isUpper(bytes[end])) {
                        body(run, index..<end)
                    } else {
                        if word.isEmpty { start = index }
                        word.append(contentsOf: run)
                    }
                    index = end
                    continue
                }
                if isUpper(byte) {
                    if word.isEmpty { start = index }
                    word.append(byte + 0x20)
                } else {
                    flush(&word, start..<index, body)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { break }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            let scalarStart = index
            index += length
            if (0xC0...0x24F).contains(value) {
                let folded = latinFoldBytes[Int(value - 0xC0)]
                if folded.isEmpty {
                    flush(&word, start..<scalarStart, body)
                } else {
                    if word.isEmpty { start = scalarStart }
                    word.append(contentsOf: folded)
                }
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if let scalar = Unicode.Scalar(value), let folded = fold(scalar) {
                if word.isEmpty { start = scalarStart }
                word.append(contentsOf: String(String.UnicodeScalarView(folded)).utf8)
            } else {
                flush(&word, start..<scalarStart, body)
            }
        }
        flush(&word, start..<index, body)
    }

    /// Hands the word built so far to `body`, then empties it (a static function, not a closure
    /// over `word`, so that no access to it needs a runtime exclusivity check).
    private static func flush(
        _ word: inout [UInt8], _ span: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        guard !word.isEmpty else { return }
        word.withUnsafeBufferPointer { body($0, span) }
        word.removeAll(keepingCapacity: true)
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }
    private static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

    /// The folds of the two-byte Latin letters as bytes, indexed from U+00C0, for the hot loop of
    /// `forEachWord`; a letter with no fold is lower-cased, anything else separates words.
    private static let latinFoldBytes: [[UInt8]] = (0xC0...0x24F).map { value in
        if let folded = latinFolds[UInt32(value)] { return Array(folded.utf8) }
        let scalar = Unicode.Scalar(UInt32(value))!
        return scalar.properties.isAlphabetic ? Array(scalar.properties.lowercaseMapping.utf8) : []
    }

    /// The whole-value key of `text`: its folded words joined by single spaces, so that
    /// `Provence-Alpes-Côte d'Azur` and `provence alpes cote d azur` compare equal.
    public static func key(_ text: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var scratch: [UInt8] = []
        appendKey(text, to: &key, scratch: &scratch)
        return String(decoding: key, as: UTF8.self)
    }

    /// Appends the bytes of `key(text)` to `key`, for callers that reuse one buffer.
    static func appendKey(_ text: String, to key: inout [UInt8], scratch: inout [UInt8]) {
        let start = key.count
        forEachWord(text, scratch: &scratch) { word in
            if key.count > start { key.append(0x20) }
            key.append(contentsOf: word)
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(scalar.value)
    }

    /// The folded form of a letter or digit, or nil for a separator.
    private static func fold(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return String.UnicodeScalarView([scalar])
            case 0x41...0x5A: return String.UnicodeScalarView([Unicode.Scalar(value + 0x20)!])
            default: return nil
            }
        }
        if let latin = latinFolds[value] { return latin.unicodeScalars }
        if let base = baseLetterByName(scalar) { return String.UnicodeScalarView([base]) }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        return properties.lowercaseMapping.unicodeScalars
    }

    /// `e` for a letter named `LATIN SMALL LETTER E WITH …`: the rule `LatinFolding` was made by,
    /// applied to the letters of a Unicode version newer than the table's (the runtime's names are).
    private static func baseLetterByName(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard scalar.value >= 0x1E00, scalar.value <= 0xABFF, let name = scalar.properties.name,
            name.hasPrefix("LATIN "), !name.contains(" WITH SMALL LETTER ")
        else { return nil }
        let words = name.split(separator: " ")
        guard words.count >= 5, words[2] == "LETTER", words[4] == "WITH", words[3].utf8.count == 1,
            let letter = words[3].unicodeScalars.first, ("A"..."Z").contains(letter)
        else { return nil }
        return Unicode.Scalar(letter.value + 0x20)
    }

    private static let latinFolds: [UInt32: String] = Dictionary(
        uniqueKeysWithValues: zip(LatinFolding.scalars, LatinFolding.folds)
    )
}
