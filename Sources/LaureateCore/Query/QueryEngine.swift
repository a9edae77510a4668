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
    static func matches(_ filters: QueryFilters, in dataset: Dataset) -> (records: [Int32]?, relevance: [Int32: Int]) {
        var lists: [[Int32]] = []
        var relevance: [Int32: Int] = [:]
        if !filters.words.isEmpty {
            let found = dataset.search.search(words: filters.words)
            lists.append(found.records)
            relevance = found.relevance
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
    public static func search(_ query: SearchQuery, in dataset: Dataset) -> SearchPage {
        let (found, relevance) = matches(query.filters, in: dataset)
        let ranks = dataset.sortRanks[query.sort == .relevance ? .project : query.sort]!
        let ordered: [Int32]
        if query.sort == .relevance {
            let records = found ?? []
            ordered = records.sorted { lhs, rhs in
                let left = relevance[lhs] ?? 0
                let right = relevance[rhs] ?? 0
                if left != right { return query.descending ? left < right : left > right }
                return ranks[Int(lhs)] < ranks[Int(rhs)]
            }
        } else {
            let present = presence(of: query.sort, in: dataset)
            let records = found ?? Array(0..<Int32(dataset.count))
            ordered = records.sorted { lhs, rhs in
                let left = present(Int(lhs))
                let right = present(Int(rhs))
                if left != right { return left }
                let leftRank = ranks[Int(lhs)]
                let rightRank = ranks[Int(rhs)]
                return query.descending && left ? leftRank > rightRank : leftRank < rightRank
            }
        }
        let total = ordered.count
        let start = min(query.offset, total)
        let end = min(start + query.limit, total)
        return SearchPage(
            total: total,
            items: ordered[start..<end].map(Int.init),
            offset: query.offset,
            nextOffset: end < total ? end : nil
        )
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
        var groups = [StatsGroup](repeating: StatsGroup(), count: facet.values.count + 1)
        var total = StatsGroup()
        func add(_ record: Int) {
            let value = Int(facet.recordValues[record])
            let slot = value < 0 ? facet.values.count : value
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
            group.key = index < facet.values.count ? facet.values[index] : nil
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
