/// An inverted index of folded words, built once per dataset.
///
/// Two posting lists per word: every searchable field (project, title, company, city, summary,
/// and the label of the record's sector, so that `électronique` finds the electronics laureates
/// whose summary does not say it), and the naming fields alone (project, title, company), which
/// rank results for `relevance`.
struct SearchIndex: Sendable {
    /// Every distinct folded word, sorted, so a prefix is a contiguous range.
    private let vocabulary: [String]
    /// By vocabulary position: the records with the word in any searchable field.
    private let postings: PostingSet
    /// By vocabulary position: the records with the word in a naming field.
    private let namingPostings: PostingSet

    /// Collects the words of records as they are read, then sorts the vocabulary once.
    ///
    /// Words are interned by their folded bytes (`ByteInterner`), so the ~40 words of each record
    /// cost no `String` and no dictionary hashing at load.
    struct Builder {
        private var words = ByteInterner()
        private var postings = PostingSet.Builder()
        private var naming = PostingSet.Builder()
        private var word: [UInt8] = []

        /// Adds the words of `text` for record `record` (records are added in ascending order).
        mutating func add(_ text: String?, record: Int32, naming isNaming: Bool) {
            guard let text else { return }
            TextFolding.forEachWord(text, scratch: &self.word) { word in
                let (id, inserted) = words.intern(UnsafeRawBufferPointer(word))
                if inserted {
                    postings.addWord()
                    naming.addWord()
                }
                postings.add(word: id, record: record)
                if isNaming { naming.add(word: id, record: record) }
            }
        }

        consuming func build(recordCount: Int) -> SearchIndex {
            let words = (0..<words.count).map(words.string)
            let order = words.indices.sorted { words[$0] < words[$1] }
            return SearchIndex(
                vocabulary: order.map { words[$0] },
                postings: postings.build(order: order, recordCount: recordCount),
                namingPostings: naming.build(order: order, recordCount: recordCount)
            )
        }
    }

    /// The vocabulary positions whose word starts with `prefix` (the whole word when `exact`).
    private func wordRange(_ word: String, exact: Bool) -> Range<Int> {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < word { low = middle + 1 } else { high = middle }
        }
        if exact {
            return low < vocabulary.count && vocabulary[low] == word ? low..<low + 1 : low..<low
        }
        var end = low
        while end < vocabulary.count, vocabulary[end].hasPrefix(word) { end += 1 }
        return low..<end
    }

    /// The records matching every word (the last one as a prefix), ascending, with their relevance
    /// (how many query words appear in the naming fields), one entry per match.
    func search(words: [String]) -> (records: [Int32], relevance: [UInt32]) {
        guard !words.isEmpty else { return ([], []) }
        var sets: [PostingSet.Matches] = []
        var namingSets: [PostingSet.Matches] = []
        for (position, word) in words.enumerated() {
            let range = wordRange(word, exact: position < words.count - 1)
            if range.isEmpty { return ([], []) }
            sets.append(postings.union(range))
            namingSets.append(namingPostings.union(range))
        }
        let matches = PostingSet.intersection(sets)
        var relevance = [UInt32](repeating: 0, count: matches.count)
        for naming in namingSets { PostingSet.count(naming, in: matches, into: &relevance) }
        return (matches, relevance)
    }
}
