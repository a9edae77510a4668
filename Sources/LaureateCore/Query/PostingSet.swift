/// The records holding each of many words: sparse words as ascending record numbers in one flat
/// array, dense words (in one record in 32 or more) as bitmaps.
///
/// For 100 000 records of ~40 words each, `[[Int32]]` cost ~30 MB at load: an array per word,
/// most of them for a single record, and the lists of frequent words grown by doubling. Here a
/// word met once costs no array, a frequent one 12.5 KB of bits instead of up to 400 KB of
/// numbers, and intersecting two frequent words is an AND of their bitmaps.
///
/// Each posting also carries a byte of the fields the word is in (`SearchField.mask`), for
/// ranking: beside a list's records, and for a bitmap in the order of its bits.
struct PostingSet: Sendable {
    /// The records of one word, or of the union of several.
    enum Matches {
        case list(ArraySlice<Int32>)
        case bitmap([UInt64])

        var count: Int {
            switch self {
            case .list(let records): records.count
            case .bitmap(let bits): bits.reduce(0) { $0 + $1.nonzeroBitCount }
            }
        }
    }

    let recordCount: Int
    /// For word `n`, its sparse list `records[starts[n]..<starts[n + 1]]` (empty for a dense word).
    private let starts: [UInt32]
    private let records: [Int32]
    private let masks: [UInt8]
    /// For word `n`, its bitmap in `bitmaps`, or -1 when it is sparse.
    private let bitmapOf: [Int32]
    private let bitmaps: [[UInt64]]
    private let bitmapMasks: [[UInt8]]

    /// Calls `body` with each record of word `word`, ascending, and the fields it has the word in.
    func forEachPosting(_ word: Int, _ body: (Int, UInt8) -> Void) {
        let bitmap = Int(bitmapOf[word])
        if bitmap >= 0 {
            bitmapMasks[bitmap].withUnsafeBufferPointer { masks in
                var posting = 0
                for (index, bits) in bitmaps[bitmap].enumerated() {
                    var remaining = bits
                    while remaining != 0 {
                        body(index << 6 | remaining.trailingZeroBitCount, masks[posting])
                        posting += 1
                        remaining &= remaining - 1
                    }
                }
            }
            return
        }
        records.withUnsafeBufferPointer { records in
            masks.withUnsafeBufferPointer { masks in
                for posting in Int(starts[word])..<Int(starts[word + 1]) { body(Int(records[posting]), masks[posting]) }
            }
        }
    }

    /// The records of word `word`.
    func matches(_ word: Int) -> Matches {
        let bitmap = Int(bitmapOf[word])
        if bitmap >= 0 { return .bitmap(bitmaps[bitmap]) }
        return .list(records[Int(starts[word])..<Int(starts[word + 1])])
    }

    /// The records of any word in `words`.
    func union(_ words: some Collection<Int>) -> Matches {
        if words.count == 1, let word = words.first { return matches(word) }
        let total = words.reduce(0) { $0 + Int(starts[$1 + 1] - starts[$1]) }
        if !words.contains(where: { bitmapOf[$0] >= 0 }), total * 32 < recordCount {
            return .list(ArraySlice(SortedIndexes.union(words.map { records[Int(starts[$0])..<Int(starts[$0 + 1])] })))
        }
        var bits = [UInt64](repeating: 0, count: Self.bitmapWords(recordCount))
        for word in words {
            switch matches(word) {
            case .bitmap(let other):
                for index in bits.indices { bits[index] |= other[index] }
            case .list(let list):
                for record in list { bits[Int(record) >> 6] |= 1 << UInt64(record & 63) }
            }
        }
        return .bitmap(bits)
    }

    /// The records in either set.
    func union(_ lhs: Matches, _ rhs: Matches) -> Matches {
        switch (lhs, rhs) {
        case (.list(let left), .list(let right)):
            return .list(ArraySlice(SortedIndexes.merge(left, right)))
        case (.bitmap(let bits), .list(let list)), (.list(let list), .bitmap(let bits)):
            var merged = bits
            for record in list { merged[Int(record) >> 6] |= 1 << UInt64(record & 63) }
            return .bitmap(merged)
        case (.bitmap(let left), .bitmap(let right)):
            return .bitmap(zip(left, right).map { $0 | $1 })
        }
    }

    /// The records in every one of `sets`, ascending.
    static func intersection(_ sets: [Matches]) -> [Int32] {
        var lists: [ArraySlice<Int32>] = []
        var bitmap: [UInt64]?
        for set in sets {
            switch set {
            case .list(let list):
                lists.append(list)
            case .bitmap(let bits):
                if bitmap == nil {
                    bitmap = bits
                } else {
                    for index in bits.indices { bitmap![index] &= bits[index] }
                }
            }
        }
        lists.sort { $0.count < $1.count }
        guard var matches = lists.first.map(Array.init) else {
            var records: [Int32] = []
            for (index, word) in (bitmap ?? []).enumerated() {
                var word = word
                while word != 0 {
                    records.append(Int32(index << 6 | word.trailingZeroBitCount))
                    word &= word - 1
                }
            }
            return records
        }
        for list in lists.dropFirst() where !matches.isEmpty { matches = SortedIndexes.intersection(matches, list) }
        if let bitmap { matches.removeAll { !contains(bitmap, $0) } }
        return matches
    }

    private static func contains(_ bits: [UInt64], _ record: Int32) -> Bool {
        bits[Int(record) >> 6] & (1 << UInt64(record & 63)) != 0
    }

    private static func bitmapWords(_ records: Int) -> Int { (records + 63) / 64 }

    /// Takes (word, record) pairs in ascending record order.
    struct Builder {
        /// A list turns into a bitmap once it is this long and holds one record in 32 (where a
        /// bitmap is no bigger): short lists stay lists, however dense early on.
        private static let bitmapAfter = 1024
        private var first: [Int32] = []
        private var firstMask: [UInt8] = []
        private var last: [Int32] = []
        /// The records after the first, for sparse words, with their fields.
        private var lists: [[Int32]] = []
        private var listMasks: [[UInt8]] = []
        private var bitmapOf: [Int32] = []
        private var bitmaps: [[UInt64]] = []
        private var bitmapMasks: [[UInt8]] = []

        /// Makes room for one more word.
        mutating func addWord() {
            first.append(-1)
            firstMask.append(0)
            last.append(-1)
            lists.append([])
            listMasks.append([])
            bitmapOf.append(-1)
        }

        /// Adds `record` to word `word` with the fields `mask` (again for the same record: the
        /// fields are added to its posting).
        mutating func add(word: Int, record: Int32, mask: UInt8) {
            let bitmap = Int(bitmapOf[word])
            guard last[word] != record else {
                if bitmap >= 0 {
                    bitmapMasks[bitmap][bitmapMasks[bitmap].count - 1] |= mask
                } else if lists[word].isEmpty {
                    firstMask[word] |= mask
                } else {
                    listMasks[word][listMasks[word].count - 1] |= mask
                }
                return
            }
            last[word] = record
            if first[word] < 0 {
                first[word] = record
                firstMask[word] = mask
                return
            }
            if bitmap >= 0 {
                Self.set(record, in: &bitmaps[bitmap])
                bitmapMasks[bitmap].append(mask)
                return
            }
            lists[word].append(record)
            listMasks[word].append(mask)
            if lists[word].count >= Self.bitmapAfter, lists[word].count * 32 >= Int(record) {
                var bits: [UInt64] = []
                Self.set(first[word], in: &bits)
                for earlier in lists[word] { Self.set(earlier, in: &bits) }
                lists[word] = []
                bitmapOf[word] = Int32(bitmaps.count)
                bitmaps.append(bits)
                bitmapMasks.append([firstMask[word]] + listMasks[word])
                listMasks[word] = []
            }
        }

        private static func set(_ record: Int32, in bits: inout [UInt64]) {
            let index = Int(record) >> 6
            if index >= bits.count { bits.append(contentsOf: repeatElement(0, count: index + 1 - bits.count)) }
            bits[index] |= 1 << UInt64(record & 63)
        }

        /// The set, its words numbered in `order` (word `order[n]` becomes word `n`).
        consuming func build(order: [Int], recordCount: Int) -> PostingSet {
            let sparse = order.reduce(0) { total, word in
                total + (bitmapOf[word] >= 0 || first[word] < 0 ? 0 : 1 + lists[word].count)
            }
            var records: [Int32] = []
            records.reserveCapacity(sparse)
            var masks: [UInt8] = []
            masks.reserveCapacity(sparse)
            var starts: [UInt32] = [0]
            starts.reserveCapacity(order.count + 1)
            var newBitmapOf: [Int32] = []
            newBitmapOf.reserveCapacity(order.count)
            var newBitmaps: [[UInt64]] = []
            var newBitmapMasks: [[UInt8]] = []
            for word in order {
                let bitmap = Int(bitmapOf[word])
                if bitmap >= 0 {
                    var bits = bitmaps[bitmap]
                    bitmaps[bitmap] = []
                    bits.append(
                        contentsOf: repeatElement(0, count: max(0, PostingSet.bitmapWords(recordCount) - bits.count)))
                    newBitmapOf.append(Int32(newBitmaps.count))
                    newBitmaps.append(bits)
                    newBitmapMasks.append(bitmapMasks[bitmap])
                    bitmapMasks[bitmap] = []
                } else {
                    if first[word] >= 0 {
                        records.append(first[word])
                        masks.append(firstMask[word])
                    }
                    records.append(contentsOf: lists[word])
                    masks.append(contentsOf: listMasks[word])
                    lists[word] = []
                    listMasks[word] = []
                    newBitmapOf.append(-1)
                }
                starts.append(UInt32(records.count))
            }
            return PostingSet(
                recordCount: recordCount, starts: starts, records: records, masks: masks, bitmapOf: newBitmapOf,
                bitmaps: newBitmaps, bitmapMasks: newBitmapMasks)
        }
    }
}
