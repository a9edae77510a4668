/// Case- and accent-insensitive text keys, so that `electronique` finds `électronique` and
/// `ile-de-france` finds `Île-de-France`.
///
/// The stdlib has no public Unicode decomposition and Foundation's `folding(options:)` would pull
/// Foundation into the core, so Latin letters (all that French and its neighbours use) are folded
/// by a table; other letters are lower-cased; combining marks are dropped, so NFD input folds too.
public enum TextFolding {
    /// The words of `text`, folded: lower case, no accents, split on anything not a letter or digit.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, without building strings.
    ///
    /// ASCII, most of any French text, is folded byte by byte; only other scalars are decoded.
    public static func forEachWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            if !word.isEmpty {
                word.withUnsafeBufferPointer(body)
                word.removeAll(keepingCapacity: true)
            }
        }
        var utf8 = text.utf8.makeIterator()
        var decoder = UTF8()
        var pendingLead: UInt8?
        while true {
            let byte: UInt8
            if let lead = pendingLead {
                byte = lead
                pendingLead = nil
            } else if let next = utf8.next() {
                byte = next
            } else {
                break
            }
            if byte < 0x80 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: word.append(byte)
                case 0x41...0x5A: word.append(byte + 0x20)
                default: flush()
                }
                continue
            }
            var sequence = [byte]
            while let next = utf8.next() {
                if next & 0xC0 == 0x80 {
                    sequence.append(next)
                } else {
                    pendingLead = next
                    break
                }
            }
            var scalars = sequence.makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&scalars) else {
                flush()
                continue
            }
            if let folded = fold(scalar) {
                word.append(contentsOf: String(String.UnicodeScalarView(folded)).utf8)
            } else if !isCombiningMark(scalar) {
                flush()
            }
        }
        flush()
    }

    /// The whole-value key of `text`: its folded words joined by single spaces, so that
    /// `Provence-Alpes-Côte d'Azur` and `provence alpes cote d azur` compare equal.
    public static func key(_ text: String) -> String {
        words(text).joined(separator: " ")
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
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        return properties.lowercaseMapping.unicodeScalars
    }

    /// Base letters for U+00C0…U+017F, one entry per code point ("" for non-letters).
    private static let latinFolds: [UInt32: String] = {
        let latin1 = [
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        ]
        let extendedA = [
            "a", "a", "a", "c", "c", "c", "c", "d", "d", "e", "e", "e", "e", "e", "g", "g", "g", "g", "h", "h",
            "i", "i", "i", "i",
        ]
        var table: [UInt32: String] = [:]
        for (offset, base) in latin1.enumerated() where !base.isEmpty {
            table[0xC0 + UInt32(offset)] = base
            table[0xE0 + UInt32(offset)] = base
        }
        table[0xFF] = "y"
        for (pair, base) in extendedA.enumerated() {
            table[0x100 + UInt32(pair * 2)] = base
            table[0x101 + UInt32(pair * 2)] = base
        }
        let singles: [(ClosedRange<UInt32>, String)] = [
            (0x130...0x131, "i"), (0x132...0x133, "ij"), (0x134...0x135, "j"), (0x136...0x138, "k"),
            (0x139...0x142, "l"), (0x143...0x14B, "n"), (0x14C...0x151, "o"), (0x152...0x153, "oe"),
            (0x154...0x159, "r"), (0x15A...0x161, "s"), (0x162...0x167, "t"), (0x168...0x173, "u"),
            (0x174...0x175, "w"), (0x176...0x178, "y"), (0x179...0x17E, "z"), (0x17F...0x17F, "s"),
        ]
        for (range, base) in singles {
            for value in range { table[value] = base }
        }
        return table
    }()
}
