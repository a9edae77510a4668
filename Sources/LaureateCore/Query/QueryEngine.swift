/// One page of `laureate.search`: the total and the record indexes to show.
public struct SearchPage: Sendable, Equatable {
    public var total: Int
    public var items: [Int]
    public var offset: Int
    public var nextOffset: Int?
}

/// Answers searches and statistics on a dataset snapshot: pure functions, no state of their own.
public enum QueryEngine {
    /// The records matching every filter, ascending; nil means every record (no filter given).
    /// With `q`, `relevance` maps each word match (by position in the search result) to its score;
    /// the result is filtered further, so the scores are looked up by record.
    static func matches(
        _ filters: QueryFilters, in dataset: Dataset
    ) -> (records: [Int32]?, relevance: (records: [Int32], scores: [UInt32])) {
        var lists: [[Int32]] = []
        var relevance: (records: [Int32], scores: [UInt32]) = ([], [])
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
            if let values { lists.append(dataset.facets[name].records(matchingAnyOf: values)) }
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
    /// is small against the matches, so a broad query does not sort everything it found. The key
    /// holds 16 bits of relevance: a score above 65 535 (a `q` of that many matching words) ranks
    /// as 65 535, so it saturates instead of wrapping.
    public static func search(_ query: SearchQuery, in dataset: Dataset) -> SearchPage {
        let (found, relevance) = matches(query.filters, in: dataset)
        let ranks = dataset.sortRanks[query.sort]
        let records = found ?? Array(0..<Int32(dataset.count))
        var keys = [UInt64]()
        keys.reserveCapacity(records.count)
        if query.sort == .relevance {
            var cursor = 0
            for record in records {
                while relevance.records[cursor] < record { cursor += 1 }
                let score = UInt64(min(relevance.scores[cursor], UInt32(UInt16.max)))
                let ordered = query.descending ? score : UInt64(UInt16.max) - score
                keys.append(ordered << 48 | UInt64(UInt32(ranks[Int(record)])) << 24 | UInt64(record))
            }
        } else {
            let present = presence(of: query.sort, in: dataset)
            for record in records {
                let rank = UInt64(UInt32(ranks[Int(record)]))
                let has = present(Int(record))
                let ordered: UInt64 =
                    has ? (query.descending ? UInt64(UInt32.max) - rank : rank) : UInt64(UInt32.max) + rank
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
            let values = dataset.figures.jobs
            return { values[$0] >= 0 }
        case .investment:
            let values = dataset.figures.investment
            return { values[$0] >= 0 }
        case .aid:
            let values = dataset.figures.aid
            return { values[$0] >= 0 }
        }
    }

    /// Counts and figure summaries per group of one or two dimensions, and over all matches.
    public static func stats(_ query: StatsQuery, in dataset: Dataset) -> StatsResult {
        guard query.filters == QueryFilters() else { return computeStats(query, in: dataset) }
        return dataset.unfilteredStats(by: query.by) { computeStats(query, in: dataset) }
    }

    private static func computeStats(_ query: StatsQuery, in dataset: Dataset) -> StatsResult {
        let facets = query.by.map { dataset.facets[$0.facetName] }
        // Slot of a record: its value in each dimension (the last slot of each for "none"), mixed radix.
        let radixes = facets.map { $0.valueCount + 1 }
        let slotCount = radixes.reduce(1, *)
        let figureColumns = StatsFigure.allCases.map { dataset.figures[$0.datasetFigure] }
        var counts = [Int](repeating: 0, count: slotCount)
        var values = [[[Int64]]](repeating: figureColumns.map { _ in [] }, count: slotCount)
        var totals: [[Int64]] = figureColumns.map { _ in [] }
        let anyFigure = figureColumns.contains { !$0.isEmpty }
        func add(_ record: Int) {
            var slot = 0
            for (facet, radix) in zip(facets, radixes) {
                let value = Int(facet.recordValues[record])
                slot = slot * radix + (value < 0 ? radix - 1 : value)
            }
            counts[slot] += 1
            guard anyFigure else { return }
            for (index, column) in figureColumns.enumerated() where column[record] >= 0 {
                values[slot][index].append(column[record])
                totals[index].append(column[record])
            }
        }
        let (found, _) = matches(query.filters, in: dataset)
        if let found {
            for record in found { add(Int(record)) }
        } else {
            for record in 0..<dataset.count { add(record) }
        }
        var groups: [StatsGroup] = []
        for slot in 0..<slotCount where counts[slot] > 0 {
            var key: [String?] = []
            var rest = slot
            for (facet, radix) in zip(facets, radixes).reversed() {
                let value = rest % radix
                rest /= radix
                key.insert(value < facet.valueCount ? facet.value(value) : nil, at: 0)
            }
            let figures = values[slot].indices.map { FigureSummary(values: &values[slot][$0]) }
            groups.append(StatsGroup(key: key, count: counts[slot], figures: figures))
        }
        groups.sort { lhs, rhs in
            let lhsComplete = !lhs.key.contains(nil)
            if lhsComplete != !rhs.key.contains(nil) { return lhsComplete }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            for (left, right) in zip(lhs.key, rhs.key) where left != right {
                guard let left else { return false }
                guard let right else { return true }
                return left < right
            }
            return false
        }
        let total = StatsGroup(
            key: [],
            count: counts.reduce(0, +),
            figures: totals.indices.map { FigureSummary(values: &totals[$0]) }
        )
        return StatsResult(groups: groups, total: total)
    }
}
