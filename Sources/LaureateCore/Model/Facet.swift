/// One filterable, groupable field (sector, region, …): its distinct values and which records hold
/// each, built once at load so filters and `laureate.stats` never scan strings per request.
///
/// Values and their keys live in byte arenas and posting lists in one flat array: a facet with a
/// value per record (company) costs ~10 bytes per record beyond its text, where `String`s, a
/// `[String: Int32]` and an array per value cost ~250.
struct Facet: Sendable {
    /// How request values are compared with record values.
    enum Matching: Sendable {
        /// Codes (sector ids, département codes) match exactly.
        case exact
        /// Names match whole, case- and accent-insensitively.
        case folded
    }

    let matching: Matching
    /// Distinct values by their key (the value itself, or its folded form), numbered in the order
    /// first met.
    private let keys: ByteInterner
    /// Each value spelled as the first record that had it, for folded facets that group (an exact
    /// facet's keys are its values).
    private let spellings: ByteInterner?
    /// For each record, the index of its value, or -1 when it has none.
    let recordValues: [Int32]
    /// The records holding value `n`, ascending: `postings[postingStarts[n]..<postingStarts[n + 1]]`.
    private let postings: [Int32]
    private let postingStarts: [UInt32]

    /// How many distinct values there are.
    var valueCount: Int { keys.count }

    /// Value `index` as the first record holding it spelled it.
    func value(_ index: Int) -> String {
        if matching == .exact { return keys.string(index) }
        guard let spellings else { preconditionFailure("a facet built without spellings does not group") }
        return spellings.string(index)
    }

    /// The records holding value `index`, ascending.
    func records(withValue index: Int) -> ArraySlice<Int32> {
        postings[Int(postingStarts[index])..<Int(postingStarts[index + 1])]
    }

    /// Takes each record's value as records are read; posting lists are laid out once at the end.
    struct Builder {
        let matching: Matching
        private var keys = ByteInterner()
        private var spellings: ByteInterner?
        private var recordValues: [Int32] = []
        private var key: [UInt8] = []
        private var word: [UInt8] = []
        /// The first spellings met, by their bytes, with their value ids (`spellingValues`), so
        /// that the records of a folded facet with few values (regions, cities, calls) skip the
        /// folding.
        private var knownSpellings = ByteInterner()
        private var spellingValues: [Int32] = []

        /// - Parameter grouping: whether `laureate.stats` groups by this facet, so it keeps each
        ///   value's spelling (a facet of names, such as companies, only filters).
        init(matching: Matching, grouping: Bool) {
            self.matching = matching
            self.spellings = grouping && matching == .folded ? ByteInterner() : nil
        }

        /// The value of the next record (nil when it lacks the field).
        mutating func add(_ value: String?) {
            guard var value else {
                recordValues.append(-1)
                return
            }
            if matching == .exact {
                recordValues.append(Int32(value.withUTF8 { keys.intern(UnsafeRawBufferPointer($0)).id }))
                return
            }
            let known = value.withUTF8 { knownSpellings.find(UnsafeRawBufferPointer($0)) }
            if let known {
                recordValues.append(spellingValues[known])
                return
            }
            key.removeAll(keepingCapacity: true)
            TextFolding.appendKey(value, to: &key, scratch: &word)
            let (id, inserted) = key.withUnsafeBytes { keys.intern($0) }
            if inserted, spellings != nil {
                let spelled = value.withUTF8 { spellings!.intern(UnsafeRawBufferPointer($0)) }
                // Equal spellings have equal keys, so spellings and keys are numbered alike.
                assert(spelled.id == id)
            }
            recordValues.append(Int32(id))
            if knownSpellings.count < 4096 {
                _ = value.withUTF8 { knownSpellings.intern(UnsafeRawBufferPointer($0)) }
                spellingValues.append(Int32(id))
            }
        }

        consuming func build() -> Facet {
            var starts = [UInt32](repeating: 0, count: keys.count + 1)
            for value in recordValues where value >= 0 { starts[Int(value) + 1] += 1 }
            for index in 0..<keys.count { starts[index + 1] += starts[index] }
            var next = starts
            var postings = [Int32](repeating: 0, count: Int(starts[keys.count]))
            for (record, value) in recordValues.enumerated() where value >= 0 {
                postings[Int(next[Int(value)])] = Int32(record)
                next[Int(value)] += 1
            }
            return Facet(
                matching: matching, keys: keys, spellings: spellings, recordValues: recordValues,
                postings: postings, postingStarts: starts)
        }
    }

    /// The index of the value a request names, if any record holds it.
    func valueID(for requested: String) -> Int32? {
        var key: [UInt8] = []
        var word: [UInt8] = []
        switch matching {
        case .exact: key.append(contentsOf: requested.utf8)
        case .folded: TextFolding.appendKey(requested, to: &key, scratch: &word)
        }
        return key.withUnsafeBytes { keys.find($0) }.map(Int32.init)
    }

    /// The records holding any of the requested values, ascending.
    func records(matchingAnyOf requested: [String]) -> [Int32] {
        SortedIndexes.union(requested.compactMap { valueID(for: $0) }.map { records(withValue: Int($0)) })
    }
}

/// Set operations on ascending arrays of record indexes.
enum SortedIndexes {
    /// The union of two ascending lists in one walk (a compound's two spellings each match
    /// thousands of records: sorting them together cost most of such a search).
    static func merge<Left: RandomAccessCollection<Int32>, Right: RandomAccessCollection<Int32>>(
        _ lhs: Left, _ rhs: Right
    ) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(max(lhs.count, rhs.count))
        var left = lhs.startIndex
        var right = rhs.startIndex
        while left < lhs.endIndex, right < rhs.endIndex {
            let (a, b) = (lhs[left], rhs[right])
            result.append(min(a, b))
            if a <= b { left = lhs.index(after: left) }
            if b <= a { right = rhs.index(after: right) }
        }
        result.append(contentsOf: lhs[left...])
        result.append(contentsOf: rhs[right...])
        return result
    }

    static func union<List: RandomAccessCollection<Int32>>(_ lists: [List]) -> [Int32] {
        switch lists.count {
        case 0: return []
        case 1: return Array(lists[0])
        case 2: return merge(lists[0], lists[1])
        default:
            var merged = lists.flatMap { $0 }
            merged.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(merged.count)
            for value in merged where unique.last != value { unique.append(value) }
            return unique
        }
    }

    static func intersection<Left: RandomAccessCollection<Int32>, Right: RandomAccessCollection<Int32>>(
        _ lhs: Left, _ rhs: Right
    ) -> [Int32] {
        var result: [Int32] = []
        var left = lhs.startIndex
        var right = rhs.startIndex
        while left < lhs.endIndex, right < rhs.endIndex {
            if lhs[left] == rhs[right] {
                result.append(lhs[left])
                lhs.formIndex(after: &left)
                rhs.formIndex(after: &right)
            } else if lhs[left] < rhs[right] {
                lhs.formIndex(after: &left)
            } else {
                rhs.formIndex(after: &right)
            }
        }
        return result
    }
}
