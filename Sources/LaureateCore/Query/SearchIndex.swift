import Glibc

/// The fields whose words search finds, with the weight each gives a match in ranking.
enum SearchField: Int, CaseIterable, Sendable {
    case project, title, company, city, department, region, summary, sector

    /// Names and companies first: that is what people look a laureate up by; then the place;
    /// the sector label and the summary last (a word of a summary says least about a record).
    var weight: Double {
        switch self {
        case .project, .company: 3
        case .title: 2
        case .city: 1.5
        case .department, .region: 1.25
        case .summary, .sector: 1
        }
    }

    var mask: UInt8 { 1 << UInt8(rawValue) }
}

/// An inverted index of folded words, built once per dataset.
///
/// - The vocabulary: every distinct word, sorted by its bytes, in one block, so a prefix is a
///   contiguous range of positions and typo candidates are found by walking it as a trie.
/// - Postings: by vocabulary position, the records with the word, each with the fields it is in
///   (for ranking).
/// - By record and field, the field's BM25 length normalisation.
struct SearchIndex: Sendable {
    let wordBytes: [UInt8]
    /// Word `n` is `wordBytes[wordStarts[n]..<wordStarts[n + 1]]`.
    let wordStarts: [UInt32]
    let postings: PostingSet
    /// By record `r` and field `f`, at `r * fieldCount + f`: the field's weight over its BM25
    /// length normalisation (its length in words against the field's mean over the records that
    /// have it).
    let fieldNorms: [Float]

    static let fieldCount = SearchField.allCases.count

    var wordCount: Int { wordStarts.count - 1 }
    var recordCount: Int { postings.recordCount }

    /// Calls `body` with the bytes of word `position`.
    func withWord<Result>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        wordBytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(wordStarts[position])..<Int(wordStarts[position + 1])]))
        }
    }

    func word(_ position: Int) -> String { withWord(position) { String(decoding: $0, as: UTF8.self) } }

    /// Compares word `position` with `bytes`: negative, zero or positive as for `memcmp`.
    private func compare(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        withWord(position) { word in
            let common = min(word.count, bytes.count)
            let order = common == 0 ? 0 : Int(memcmp(word.baseAddress!, bytes.baseAddress!, common))
            return order != 0 ? order : word.count - bytes.count
        }
    }

    /// The first position whose word is not below `bytes`.
    func lowerBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = wordCount
        while low < high {
            let middle = (low + high) / 2
            if compare(middle, bytes) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The positions whose word starts with `prefix`.
    func prefixRange(_ prefix: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let low = lowerBound(prefix)
        var high = wordCount
        var probe = low
        while probe < high {
            let middle = (probe + high) / 2
            let starts = withWord(middle) { $0.count >= prefix.count && $0.starts(with: prefix) }
            if starts { probe = middle + 1 } else { high = middle }
        }
        return low..<probe
    }

    /// The position of `word`, if it is in the vocabulary.
    func position(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let low = lowerBound(word)
        return low < wordCount && compare(low, word) == 0 ? low : nil
    }

    /// Collects the words of records as they are read, then sorts the vocabulary once.
    ///
    /// Words are interned by their folded bytes (`ByteInterner`), so the ~40 words of each record
    /// cost no `String` and no dictionary hashing at load.
    struct Builder {
        private var words = ByteInterner()
        private var postings = PostingSet.Builder()
        private var word: [UInt8] = []
        private var joined: [UInt8] = []
        private var fieldLengths: [UInt8] = []

        /// Adds the words of `text`, in `field`, to record `record` (records come in ascending
        /// order, each record's fields together, then `endRecord`).
        mutating func add(_ text: String?, record: Int32, field: SearchField) {
            makeRoom(for: record)
            guard let text else { return }
            var length = 0
            SearchTerms.forEach(text, word: &word, joined: &joined) { folded, _, kind in
                if case .word = kind { length += 1 }
                if case .elided = kind { length += 1 }
                let (id, inserted) = words.intern(UnsafeRawBufferPointer(folded))
                if inserted { postings.addWord() }
                postings.add(word: id, record: record, mask: field.mask)
            }
            let slot = Int(record) * SearchIndex.fieldCount + field.rawValue
            fieldLengths[slot] = UInt8(min(255, Int(fieldLengths[slot]) + length))
        }

        /// Closes record `record`'s entries.
        mutating func endRecord(_ record: Int32) { makeRoom(for: record) }

        /// Record `record`'s field lengths, zero until its words are added.
        private mutating func makeRoom(for record: Int32) {
            if fieldLengths.count < (Int(record) + 1) * SearchIndex.fieldCount {
                fieldLengths.append(contentsOf: repeatElement(0, count: SearchIndex.fieldCount))
            }
        }

        consuming func build(recordCount: Int) -> SearchIndex {
            let strings = (0..<words.count).map(words.string)
            let order = strings.indices.sorted { strings[$0].utf8.lexicographicallyPrecedes(strings[$1].utf8) }
            var bytes: [UInt8] = []
            var starts: [UInt32] = [0]
            starts.reserveCapacity(order.count + 1)
            for id in order {
                bytes.append(contentsOf: strings[id].utf8)
                starts.append(UInt32(bytes.count))
            }
            var sums = [Double](repeating: 0, count: SearchIndex.fieldCount)
            var present = [Double](repeating: 0, count: SearchIndex.fieldCount)
            for (slot, length) in fieldLengths.enumerated() where length > 0 {
                sums[slot % SearchIndex.fieldCount] += Double(length)
                present[slot % SearchIndex.fieldCount] += 1
            }
            return SearchIndex(
                wordBytes: bytes, wordStarts: starts,
                postings: postings.build(order: order, recordCount: recordCount),
                fieldNorms: SearchIndex.fieldNorms(
                    lengths: fieldLengths, averages: zip(sums, present).map { $1 > 0 ? $0 / $1 : 1 })
            )
        }
    }
}
