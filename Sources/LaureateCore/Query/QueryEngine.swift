/// One page of `laureate.search`: the total and the record indexes to show.
public struct SearchPage: Sendable, Equatable {
    public var total: Int
    public var items: [Int]
    public var offset: Int
    public var nextOffset: Int?
    /// With `near`, each item's distance in km (nil for none: every item has coordinates).
    public var distances: [Double]?
    /// With `highlight`, each item's matched spans by field.
    public var highlights: [[FieldSpans]]?
    /// With `facets`, the matches counted per value of each dimension asked for.
    public var facets: [FacetCounts] = []
    /// The members a search adds to an item after the record's own, in that order.
    public static let addedMembers = ["distance_km", "highlight"]

    /// For an empty result of a `q`, what would find something (nil when nothing would).
    public var suggestions: SearchSuggestions?

}

/// One dimension's `facets`: how many matches have each value, most first.
public struct FacetCounts: Sendable, Equatable {
    public var dimension: StatsDimension
    public var counts: [Count]

    public struct Count: Sendable, Equatable {
        public var key: String
        public var count: Int
    }
}

/// Answers searches and statistics on a dataset snapshot: pure functions, no state of their own.
public enum QueryEngine {
    /// The records matching every filter, ascending (nil means every record: no filter given),
    /// and what each term of `q` matched, for ranking.
    static func matches(_ filters: QueryFilters, in dataset: Dataset) -> (records: [Int32]?, plans: [TermPlan]) {
        var lists: [[Int32]] = []
        let plans = dataset.search.plan(filters.terms, typos: filters.typos)
        if !plans.isEmpty { lists.append(PostingSet.intersection(plans.map(\.matches))) }
        let facetFilters: [(Dataset.FacetName, [String]?)] = [
            (.sector, filters.sector), (.department, filters.department), (.region, filters.region),
            (.city, filters.city), (.company, filters.company), (.call, filters.call),
        ]
        for (name, values) in facetFilters {
            if let values { lists.append(dataset.facets[name].records(matchingAnyOf: values)) }
        }
        var result: [Int32]?
        if !lists.isEmpty {
            lists.sort { $0.count < $1.count }
            var narrowed = lists[0]
            for list in lists.dropFirst() where !narrowed.isEmpty {
                narrowed = SortedIndexes.intersection(narrowed, list)
            }
            result = narrowed
        }
        if !filters.ranges.isEmpty || filters.near != nil {
            let columns = filters.ranges.map { ($0, dataset.figures[$0.figure]) }
            let keep: (Int32) -> Bool = { record in
                for (range, column) in columns where !range.contains(column[Int(record)]) { return false }
                guard let near = filters.near else { return true }
                guard let distance = dataset.locations.distance(Int(record), from: near) else { return false }
                return distance <= near.kilometres
            }
            result = (result ?? Array(0..<Int32(dataset.count))).filter(keep)
        }
        return (result, plans)
    }

    /// The page of results for a search.
    ///
    /// Each match gets one 64-bit key that orders it: for `relevance`, the ranking rules of
    /// `MatchRank` over the `project` rank (which stands for the record: `Dataset.projectOrder`
    /// maps it back); otherwise the rank of the sort field (records lacking it last) or the
    /// distance, over the record number. Only the requested page is selected when it is
    /// small against the matches, so a broad query does not sort everything it found.
    public static func search(_ query: SearchQuery, in dataset: Dataset) -> SearchPage {
        let (found, plans) = matches(query.filters, in: dataset)
        let ranks = dataset.sortRanks[query.sort]
        let records = found ?? Array(0..<Int32(dataset.count))
        var keys = [UInt64]()
        keys.reserveCapacity(records.count)
        switch query.sort {
        case .relevance:
            dataset.search.rank(records, plans: plans) { position, rank in
                keys.append(rank.key(rank: ranks[Int(records[position])], descending: query.descending))
            }
        case .distance:
            let near = query.filters.near!
            // Millimetres (at most 2 × 10¹⁰, in the key's 40 bits), so that distances shown rounded
            // to the metre are in order too.
            for record in records {
                let millimetres = UInt64((dataset.locations.distance(Int(record), from: near) ?? 0) * 1_000_000)
                keys.append((query.descending ? (1 << 40) - 1 - millimetres : millimetres) << 24 | UInt64(record))
            }
        default:
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
        let items = page.map { key in
            let low = Int(key & 0xFF_FFFF)
            return query.sort == .relevance ? Int(dataset.projectOrder[low]) : low
        }
        var result = SearchPage(total: total, items: items, offset: query.offset, nextOffset: end < total ? end : nil)
        if let near = query.filters.near {
            result.distances = items.map { dataset.locations.distance($0, from: near) ?? 0 }
        }
        if query.highlight { result.highlights = items.map { highlight(record: $0, plans: plans, in: dataset) } }
        result.facets = query.facets.map { dimension in
            FacetCounts(
                dimension: dimension, counts: facetCounts(dataset.facets[dimension.facetName], records: records))
        }
        if total == 0, !query.filters.terms.isEmpty {
            let suggestions = suggestions(for: query.filters, plans: plans, in: dataset)
            if !suggestions.words.isEmpty || !suggestions.filters.isEmpty { result.suggestions = suggestions }
        }
        return result
    }

    /// How many of `records` have each value of `facet`, most first (values by name on a tie).
    private static func facetCounts(_ facet: Facet, records: [Int32]) -> [FacetCounts.Count] {
        var counts = [Int](repeating: 0, count: facet.valueCount)
        for record in records {
            let value = facet.recordValues[Int(record)]
            if value >= 0 { counts[Int(value)] += 1 }
        }
        return counts.indices.filter { counts[$0] > 0 }.map {
            FacetCounts.Count(key: facet.value($0), count: counts[$0])
        }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key
        }
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
        case .relevance, .project, .distance:
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
