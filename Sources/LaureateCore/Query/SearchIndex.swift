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

    init(records: [LaureateRecord], sectorLabels: [Sector: String]) {
        var wordIDs: [String: Int] = [:]
        var postings: [[Int32]] = []
        var naming: [[Int32]] = []
        var words: [String] = []
        for (position, record) in records.enumerated() {
            let index = Int32(position)
            func add(_ text: String?, naming isNaming: Bool) {
                guard let text else { return }
                TextFolding.forEachWord(text) { bytes in
                    let word = String(decoding: bytes, as: UTF8.self)
                    let id: Int
                    if let existing = wordIDs[word] {
                        id = existing
                    } else {
                        id = words.count
                        wordIDs[word] = id
                        words.append(word)
                        postings.append([])
                        naming.append([])
                    }
                    if postings[id].last != index { postings[id].append(index) }
                    if isNaming, naming[id].last != index { naming[id].append(index) }
                }
            }
            add(record.project, naming: true)
            add(record.title, naming: true)
            add(record.company, naming: true)
            add(record.city, naming: false)
            add(record.summary, naming: false)
            add(record.sector.flatMap { sectorLabels[$0] }, naming: false)
        }
        let order = words.indices.sorted { words[$0] < words[$1] }
        self.vocabulary = order.map { words[$0] }
        self.postings = order.map { postings[$0] }
        self.namingPostings = order.map { naming[$0] }
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
