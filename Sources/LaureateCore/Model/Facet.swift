/// One filterable, groupable field (sector, region, …): its distinct values and which records hold
/// each, built once at load so filters and `laureate.stats` never scan strings per request.
struct Facet: Sendable {
    /// How request values are compared with record values.
    enum Matching: Sendable {
        /// Codes (sector ids, département codes) match exactly.
        case exact
        /// Names match whole, case- and accent-insensitively.
        case folded
    }

    let matching: Matching
    /// Distinct values, spelled as the first record that had them.
    let values: [String]
    /// For each record, the index of its value in `values`, or -1 when it has none.
    let recordValues: [Int32]
    /// For each value, the indexes of the records holding it, ascending.
    let postings: [[Int32]]
    private let valueIndex: [String: Int32]

    private init(matching: Matching, values: [String], recordValues: [Int32], postings: [[Int32]], valueIndex: [String: Int32]) {
        self.matching = matching
        self.values = values
        self.recordValues = recordValues
        self.postings = postings
        self.valueIndex = valueIndex
    }

    /// Takes each record's value as records are read; posting lists are laid out once at the end,
    /// each at its exact size.
    struct Builder {
        let matching: Matching
        private var values: [String] = []
        private var index: [String: Int32] = [:]
        private var recordValues: [Int32] = []
        /// Value ids by the value as written, for the first spellings met, so that the records of
        /// a facet with few values (regions, cities, calls) skip the folding.
        private var spellings: [String: Int32] = [:]

        init(matching: Matching) {
            self.matching = matching
        }

        /// The value of the next record (nil when it lacks the field).
        mutating func add(_ value: String?) {
            guard let value else {
                recordValues.append(-1)
                return
            }
            if matching == .folded, let known = spellings[value] {
                recordValues.append(known)
                return
            }
            let key = matching == .exact ? value : TextFolding.key(value)
            let id: Int32
            if let existing = index[key] {
                id = existing
            } else {
                id = Int32(values.count)
                index[key] = id
                values.append(value)
            }
            recordValues.append(id)
            if matching == .folded, spellings.count < 4096 { spellings[value] = id }
        }

        consuming func build() -> Facet {
            var counts = [Int](repeating: 0, count: values.count)
            for value in recordValues where value >= 0 { counts[Int(value)] += 1 }
            var postings = counts.map { count -> [Int32] in
                var list: [Int32] = []
                list.reserveCapacity(count)
                return list
            }
            for (record, value) in recordValues.enumerated() where value >= 0 { postings[Int(value)].append(Int32(record)) }
            return Facet(matching: matching, values: values, recordValues: recordValues, postings: postings, valueIndex: index)
        }
    }

    /// The index of the value a request names, if any record holds it.
    func valueID(for requested: String) -> Int32? {
        valueIndex[matching == .exact ? requested : TextFolding.key(requested)]
    }

    /// The records holding any of the requested values, ascending.
    func records(matchingAnyOf requested: [String]) -> [Int32] {
        let lists = requested.compactMap { valueID(for: $0) }.map { postings[Int($0)] }
        return SortedIndexes.union(lists)
    }
}

/// Set operations on ascending arrays of record indexes.
enum SortedIndexes {
    static func union(_ lists: [[Int32]]) -> [Int32] {
        switch lists.count {
        case 0: return []
        case 1: return lists[0]
        default:
            var merged = lists.flatMap { $0 }
            merged.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(merged.count)
            for value in merged where unique.last != value { unique.append(value) }
            return unique
        }
    }

    static func intersection(_ lhs: [Int32], _ rhs: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var left = 0
        var right = 0
        while left < lhs.count, right < rhs.count {
            if lhs[left] == rhs[right] {
                result.append(lhs[left])
                left += 1
                right += 1
            } else if lhs[left] < rhs[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return result
    }
}
