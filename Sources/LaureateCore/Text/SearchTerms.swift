/// The words that search indexes and looks for: `TextFolding`'s folded words, read as French.
///
/// - Elision: `l'`, `d'`, `j'`, `n'`, `s'`, `c'`, `m'`, `t'` and `qu'` before an apostrophe
///   (`'` or `’`) are `elided`. A query drops them, so `l'usine` looks for `usine` alone; the
///   index keeps them, so that a search for the bare letter finds what SQLite FTS5 finds.
/// - Hyphenated compounds: each part of `semi-conducteurs` is a word, and after the last part
///   comes the parts `joined` (`semiconducteurs`), spanning the whole compound; a query for the
///   compound then matches either spelling. An apostrophe that is not an elision links the same
///   way (`Sil'tronix`, `X'Prochem`, `aujourd'hui`): people type such names without it.
public enum SearchTerms {
    /// How a word stands in its text.
    public enum Kind: Equatable, Sendable {
        case word
        /// An elided article or pronoun (`l` of `l'usine`).
        case elided
        /// The preceding `parts` words written as one.
        case joined(parts: Int)
    }

    /// Calls `body` with each word of `text`, the byte range it spans in `text`, and its kind.
    public static func forEach(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Kind) -> Void) {
        var word: [UInt8] = []
        var joined: [UInt8] = []
        forEach(text, word: &word, joined: &joined, body)
    }

    /// `forEach` with buffers whose capacity callers reuse across calls (a load reads every field).
    static func forEach(
        _ text: String, word: inout [UInt8], joined: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Kind) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            var compound = Compound()
            TextFolding.forEachWord(bytes, scratch: &word) { folded, span in
                read(folded, span, in: bytes, compound: &compound, joined: &joined, body)
            }
            finish(&compound, joined: &joined, body)
        }
    }

    /// The hyphenated compound being read: how many parts so far, where it starts and ends, and
    /// where its next part would start.
    private struct Compound {
        var parts = 0
        var start = 0
        var end = 0
        var nextPartStart = -1
    }

    // Static functions over explicit `inout` state rather than closures over local variables:
    // this runs for every word of every record at load, and a captured variable costs a runtime
    // exclusivity check per access.
    private static func read(
        _ folded: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>,
        compound: inout Compound, joined: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Kind) -> Void
    ) {
        if compound.parts > 0, span.lowerBound != compound.nextPartStart { finish(&compound, joined: &joined, body) }
        if apostropheLength(bytes, at: span.upperBound) > 0, isElision(folded) {
            finish(&compound, joined: &joined, body)
            body(folded, span, .elided)
            return
        }
        // A hyphen, or an apostrophe inside a name (`Sil'tronix`), links a compound.
        let link = max(hyphenLength(bytes, at: span.upperBound), apostropheLength(bytes, at: span.upperBound))
        if compound.parts > 0 || link > 0 {
            if compound.parts == 0 { compound.start = span.lowerBound }
            joined.append(contentsOf: folded)
            compound.parts += 1
            compound.end = span.upperBound
        }
        body(folded, span, .word)
        if link > 0 {
            compound.nextPartStart = span.upperBound + link
        } else if compound.parts > 0 {
            finish(&compound, joined: &joined, body)
        }
    }

    private static func finish(
        _ compound: inout Compound, joined: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Kind) -> Void
    ) {
        if compound.parts >= 2 {
            joined.withUnsafeBufferPointer { body($0, compound.start..<compound.end, .joined(parts: compound.parts)) }
        }
        compound.parts = 0
        joined.removeAll(keepingCapacity: true)
    }

    /// The words of a query: elisions dropped, a compound as one term with its parts, a term
    /// given twice kept once (it asks nothing more).
    public static func queryTerms(_ text: String) -> [SearchTerm] {
        var terms: [SearchTerm] = []
        forEach(text) { folded, _, kind in
            let word = String(decoding: folded, as: UTF8.self)
            switch kind {
            case .word: terms.append(SearchTerm(word: word))
            case .elided: break
            case .joined(let count):
                let parts = terms.suffix(count).map(\.word)
                terms.removeLast(count)
                terms.append(SearchTerm(word: word, parts: parts))
            }
        }
        // Few terms, the common case, are compared in place; a hashed set costs two allocations.
        guard terms.count > 16 else {
            var unique: [SearchTerm] = []
            for term in terms where !unique.contains(term) { unique.append(term) }
            return unique
        }
        var seen: Set<SearchTerm> = []
        return terms.filter { seen.insert($0).inserted }
    }

    private static let elisions: [[UInt8]] = ["l", "d", "j", "n", "s", "c", "m", "t", "qu"].map { Array($0.utf8) }

    private static func isElision(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= 2 && elisions.contains { $0.elementsEqual(word) }
    }

    /// The length of the apostrophe (`'` or `’`) at `index`, or 0.
    private static func apostropheLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == 0x27 { return 1 }
        return isThreeByte(bytes, at: index, 0x99) ? 3 : 0
    }

    /// The length of the hyphen (`-`, U+2010 or U+2011) at `index` when a word follows it, or 0.
    private static func hyphenLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == 0x2D { return 1 }
        return isThreeByte(bytes, at: index, 0x90) || isThreeByte(bytes, at: index, 0x91) ? 3 : 0
    }

    /// Whether the bytes at `index` are U+20xx's `E2 80 last`.
    private static func isThreeByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ last: UInt8) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == last
    }
}

/// One word of a query: found as itself (exactly, as a prefix, or with typos), or, for a
/// hyphenated compound, also as its parts all present.
public struct SearchTerm: Sendable, Hashable {
    public var word: String
    public var parts: [String]

    public init(word: String, parts: [String] = []) {
        self.word = word
        self.parts = parts
    }
}
