/// An inverted index of folded words, built once per dataset.
///
/// Two posting lists per word: every searchable field (project, title, company, city, summary,
/// and the label of the record's sector, so that `électronique` finds the electronics laureates
/// whose summary does not say it), and the naming fields alone (project, title, company), which
/// rank results for `relevance`.
struct SearchIndex: Sendable {
    /// Every distinct folded word, sorted, so a prefix is a contiguous range.
    private let vocabulary: [String]
    private let postings: [[Int32]]
    private let namingPostings: [[Int32]]

    init(vocabulary: [String], postings: [[Int32]], namingPostings: [[Int32]]) {
        self.vocabulary = vocabulary
        self.postings = postings
        self.namingPostings = namingPostings
    }

    /// Collects the words of records as they are read, then sorts the vocabulary once.
    ///
    /// Words are interned by their folded bytes (`ByteInterner`), so the ~40 words of each record
    /// cost no `String` and no dictionary hashing at load.
    struct Builder {
        private var words = ByteInterner()
        private var postings: [[Int32]] = []
        private var naming: [[Int32]] = []

        /// Adds the words of `text` for record `record` (records are added in ascending order).
        mutating func add(_ text: String?, record: Int32, naming isNaming: Bool) {
            guard let text else { return }
            TextFolding.forEachWord(text) { word in
                let (id, inserted) = words.intern(UnsafeRawBufferPointer(word))
                if inserted {
                    postings.append([])
                    naming.append([])
                }
                if postings[id].last != record { postings[id].append(record) }
                if isNaming, naming[id].last != record { naming[id].append(record) }
            }
        }

        consuming func build() -> SearchIndex {
            let words = (0..<words.count).map(words.string)
            let order = words.indices.sorted { words[$0] < words[$1] }
            return SearchIndex(
                vocabulary: order.map { words[$0] },
                postings: order.map { postings[$0] },
                namingPostings: order.map { naming[$0] }
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
    func search(words: [String]) -> (records: [Int32], relevance: [UInt8]) {
        guard !words.isEmpty else { return ([], []) }
        var lists: [[Int32]] = []
        var namingLists: [[Int32]] = []
        for (position, word) in words.enumerated() {
            let range = wordRange(word, exact: position < words.count - 1)
            if range.isEmpty { return ([], []) }
            lists.append(SortedIndexes.union(range.map { postings[$0] }))
            namingLists.append(SortedIndexes.union(range.map { namingPostings[$0] }))
        }
        lists.sort { $0.count < $1.count }
        var matches = lists[0]
        for list in lists.dropFirst() where !matches.isEmpty {
            matches = SortedIndexes.intersection(matches, list)
        }
        // Both sides are ascending: one merge walk per word counts the naming hits.
        var relevance = [UInt8](repeating: 0, count: matches.count)
        for naming in namingLists {
            var cursor = 0
            for (position, record) in matches.enumerated() {
                while cursor < naming.count, naming[cursor] < record { cursor += 1 }
                if cursor < naming.count, naming[cursor] == record { relevance[position] &+= 1 }
            }
        }
        return (matches, relevance)
    }
}
