/// One page of `laureate.search`: the total and the record indexes to show.
public struct SearchPage: Sendable, Equatable {
    public var total: Int
    public var items: [Int]
    public var offset: Int
    public var nextOffset: Int?
}

/// One group of `laureate.stats` (or the total, whose key is irrelevant).
public struct StatsGroup: Sendable, Equatable {
    /// The grouped value (`nil` for records that lack the field).
    public var key: String?
    public var count = 0
    public var jobs: Int64 = 0
    public var investmentEUR: Int64 = 0
    public var aidEUR: Int64 = 0

    /// The group as it goes on the wire.
    public var json: JSONValue {
        .object(
            JSONObject([
                ("key", key.map(JSONValue.string) ?? .null),
                ("count", .number(JSONNumber(Int64(count)))),
                ("jobs", .number(JSONNumber(jobs))),
                ("investment_eur", .number(JSONNumber(investmentEUR))),
                ("aid_eur", .number(JSONNumber(aidEUR))),
            ])
        )
    }
}

/// The answer to `laureate.stats`.
public struct StatsResult: Sendable, Equatable {
    /// Groups by count, largest first; ties by key; the group of records lacking the field last.
    public var groups: [StatsGroup]
    public var total: StatsGroup

    public var json: JSONValue {
        var total = self.total.json.objectValue!
        total["key"] = nil
        return .object(JSONObject([("groups", .array(groups.map(\.json))), ("total", .object(total))]))
    }
}

/// Answers searches and statistics on a dataset snapshot: pure functions, no state of their own.
public enum QueryEngine {
    /// The records matching every filter, ascending; nil means every record (no filter given).
    /// With `q`, `relevance` maps each word match (by position in the search result) to its score;
    /// the result is filtered further, so the scores are looked up by record.
    static func matches(_ filters: QueryFilters, in dataset: Dataset) -> (records: [Int32]?, relevance: (records: [Int32], scores: [UInt8])) {
        var lists: [[Int32]] = []
        var relevance: (records: [Int32], scores: [UInt8]) = ([], [])
        if !filters.words.isEmpty {
            let found = dataset.search.search(words: filters.words)
            lists.append(found.records)
            relevance = (found.records, found.relevance)
        }
        let facetFilters: [(Dataset.FacetName, [String]?)] = [
            (.sector, filters.sector), (.department, filters.department), (.region, filters.region),
            (.city, filters.city), (.company, filters.company), (.call, filters.call),
        ]
        for (name, values) in facetFilters {
            if let values { lists.append(dataset.facets[name]!.records(matchingAnyOf: values)) }
        }
        guard !lists.isEmpty else { return (nil, relevance) }
        lists.sort { $0.count < $1.count }
        var result = lists[0]
        for list in lists.dropFirst() where !result.isEmpty {
            result = SortedIndexes.intersection(result, list)
        }
        return (result, relevance)
    }

    /// The page of results for a search.
    ///
    /// Each match gets one 64-bit key that orders it (relevance, then the precomputed rank of the
    /// sort field, records lacking the field last); only the requested page is selected when it
    /// is small against the matches, so a broad query does not sort everything it found.
    public static func search(_ query: SearchQuery, in dataset: Dataset) -> SearchPage {
        let (found, relevance) = matches(query.filters, in: dataset)
        let ranks = dataset.sortRanks[query.sort == .relevance ? .project : query.sort]!
        let records = found ?? Array(0..<Int32(dataset.count))
        var keys = [UInt64]()
        keys.reserveCapacity(records.count)
        if query.sort == .relevance {
            var cursor = 0
            for record in records {
                while relevance.records[cursor] < record { cursor += 1 }
                let score = UInt64(relevance.scores[cursor])
                let ordered = query.descending ? score : 255 - score
                keys.append(ordered << 56 | UInt64(UInt32(ranks[Int(record)])) << 24 | UInt64(record))
            }
        } else {
            let present = presence(of: query.sort, in: dataset)
            for record in records {
                let rank = UInt64(UInt32(ranks[Int(record)]))
                let has = present(Int(record))
                let ordered: UInt64 = has ? (query.descending ? UInt64(UInt32.max) - rank : rank) : UInt64(UInt32.max) + rank
                keys.append(ordered << 24 | UInt64(record))
            }
        }
        let total = keys.count
        let start = min(query.offset, total)
        let end = min(start + query.limit, total)
        let page: ArraySlice<UInt64>
        if end * 8 < total {
            page = smallest(end, of: keys)[start..<end]
        } else {
            keys.sort()
            page = keys[start..<end]
        }
        return SearchPage(
            total: total,
            items: page.map { Int($0 & 0xFF_FFFF) },
            offset: query.offset,
            nextOffset: end < total ? end : nil
        )
    }

    /// The `count` smallest keys, ascending, with a bounded max-heap: O(n log count).
    private static func smallest(_ count: Int, of keys: [UInt64]) -> [UInt64] {
        guard count > 0 else { return [] }
        var heap: [UInt64] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = parent * 2 + 1
                guard left < heap.count else { return }
                var largest = left
                if left + 1 < heap.count, heap[left + 1] > heap[left] { largest = left + 1 }
                guard heap[largest] > heap[parent] else { return }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
        for key in keys {
            if heap.count < count {
                heap.append(key)
                var child = heap.count - 1
                while child > 0, heap[(child - 1) / 2] < heap[child] {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if key < heap[0] {
                heap[0] = key
                siftDown(0)
            }
        }
        return heap.sorted()
    }

    /// Whether a record has the field a sort key reads (those that lack it sort last either way).
    private static func presence(of key: SortKey, in dataset: Dataset) -> (Int) -> Bool {
        switch key {
        case .relevance, .project:
            let hasProject = dataset.hasProject
            return { hasProject[$0] }
        case .jobs:
            let values = dataset.figures[.jobs]!
            return { values[$0] >= 0 }
        case .investment:
            let values = dataset.figures[.investment]!
            return { values[$0] >= 0 }
        case .aid:
            let values = dataset.figures[.aid]!
            return { values[$0] >= 0 }
        }
    }

    /// Counts and sums per group.
    public static func stats(_ query: StatsQuery, in dataset: Dataset) -> StatsResult {
        let facetName: Dataset.FacetName =
            switch query.by {
            case .sector: .sector
            case .region: .region
            case .department: .department
            case .call: .call
            }
        let facet = dataset.facets[facetName]!
        let jobs = dataset.figures[.jobs]!
        let investment = dataset.figures[.investment]!
        let aid = dataset.figures[.aid]!
        var groups = [StatsGroup](repeating: StatsGroup(), count: facet.valueCount + 1)
        var total = StatsGroup()
        func add(_ record: Int) {
            let value = Int(facet.recordValues[record])
            let slot = value < 0 ? facet.valueCount : value
            for target in [slot, -1] {
                var group = target < 0 ? total : groups[target]
                group.count += 1
                if jobs[record] >= 0 { group.jobs += jobs[record] }
                if investment[record] >= 0 { group.investmentEUR += investment[record] }
                if aid[record] >= 0 { group.aidEUR += aid[record] }
                if target < 0 { total = group } else { groups[target] = group }
            }
        }
        let (found, _) = matches(query.filters, in: dataset)
        if let found {
            for record in found { add(Int(record)) }
        } else {
            for record in 0..<dataset.count { add(record) }
        }
        var result: [StatsGroup] = []
        for (index, var group) in groups.enumerated() where group.count > 0 {
            group.key = index < facet.valueCount ? facet.value(index) : nil
            result.append(group)
        }
        result.sort { lhs, rhs in
            if (lhs.key == nil) != (rhs.key == nil) { return rhs.key == nil }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            return (lhs.key ?? "") < (rhs.key ?? "")
        }
        return StatsResult(groups: result, total: total)
    }
}
