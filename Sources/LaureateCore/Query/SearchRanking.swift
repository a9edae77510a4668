import Glibc

/// What one query term matches in the vocabulary.
struct TermPlan: Sendable {
    /// The position of the word itself, or -1.
    var exact = -1
    /// The positions of the words it is a prefix of (itself included), for a term of 3 letters or
    /// more; empty otherwise.
    var prefix = 0..<0
    /// Words within the typos it forgives, outside `prefix`, ascending by position.
    var typos: [(position: Int, distance: Int)] = []
    /// A hyphenated compound's parts, found when all are in a record.
    var parts: [TermPlan] = []
    /// The records it matches, ascending.
    var records: [Int32] = []
}

/// How well a record matches a query: compared field by field, in the order of `key`.
struct MatchRank: Equatable {
    var typos = 0
    var prefixes = 0
    var score = 0.0
    /// The most query terms found in one field.
    var sameField = 0

    /// The ranking rules as one sortable integer, best first: fewer typos, then fewer words
    /// matched only as a prefix, then the BM25F score (in steps of 1/16), then more terms in one
    /// field; `rank` (the record's `project` order, 24 bits) breaks the remaining ties.
    func key(rank: Int32, descending: Bool) -> UInt64 {
        let typos = UInt64(min(self.typos, 15))
        let prefixes = UInt64(min(self.prefixes, 15))
        let score = UInt64(min(max(self.score * 16, 0), 65_535))
        let sameField = UInt64(min(self.sameField, 15))
        let ordered =
            descending
            ? typos << 24 | prefixes << 20 | (65_535 - score) << 4 | (15 - sameField)
            : (15 - typos) << 24 | (15 - prefixes) << 20 | score << 4 | sameField
        return (UInt64(1 << 28) - 1 - ordered) << 24 | UInt64(UInt32(rank))
    }
}

extension SearchIndex {
    /// BM25's saturation and length normalisation, at the usual values.
    private static let k1 = 1.2
    private static let b = 0.75

    /// The vocabulary matches and records of each term.
    func plan(_ terms: [SearchTerm], typos: Bool) -> [TermPlan] {
        terms.map { term in
            var plan = plan(word: term.word, typos: typos)
            if !term.parts.isEmpty {
                plan.parts = term.parts.map { self.plan(word: $0, typos: typos) }
                let together = PostingSet.intersection(plan.parts.map { .list(ArraySlice($0.records)) })
                plan.records = SortedIndexes.union([plan.records, together])
            }
            return plan
        }
    }

    private func plan(word: String, typos: Bool) -> TermPlan {
        var word = word
        return word.withUTF8 { bytes in
            var plan = TermPlan()
            plan.exact = position(of: bytes) ?? -1
            if bytes.count >= 3 { plan.prefix = prefixRange(bytes) }
            let allowed = typos ? TypoTolerance.allowed(for: bytes) : 0
            let prefix = plan.prefix
            plan.typos = typoCandidates(of: bytes, maxDistance: allowed).filter { !prefix.contains($0.position) }
            var positions = plan.typos.map(\.position)
            if !plan.prefix.isEmpty {
                positions.append(contentsOf: plan.prefix)
            } else if plan.exact >= 0 {
                positions.append(plan.exact)
            }
            if !positions.isEmpty {
                plan.records = PostingSet.intersection([postings.union(positions)])
            }
            return plan
        }
    }

    /// How `record` matches `plans` (every term matches it), each term weighted by `idf`.
    func rank(record: Int, plans: [TermPlan], idf: [Double]) -> MatchRank {
        let (words, masks) = entries(of: record)
        var rank = MatchRank()
        var termsPerField = [Int](repeating: 0, count: Self.fieldCount)
        for (term, plan) in plans.enumerated() {
            var found = find(plan, words: words, masks: masks)
            if found.mask == 0 {
                for part in plan.parts {
                    let piece = find(part, words: words, masks: masks)
                    found.mask |= piece.mask
                    found.typos += piece.typos
                    found.prefix = found.prefix || piece.prefix
                }
            }
            rank.typos += found.typos
            if found.prefix { rank.prefixes += 1 }
            var weighted = 0.0
            for field in SearchField.allCases where found.mask & field.mask != 0 {
                termsPerField[field.rawValue] += 1
                let length = Double(fieldLength(record: record, field: field.rawValue))
                weighted += field.weight / (1 - Self.b + Self.b * length / averageFieldLengths[field.rawValue])
            }
            rank.score += idf[term] * weighted * (Self.k1 + 1) / (weighted + Self.k1)
        }
        rank.sameField = termsPerField.max() ?? 0
        return rank
    }

    /// Inverse document frequency of a term found in `count` records, BM25's (never negative).
    func idf(matching count: Int) -> Double {
        log(1 + (Double(recordCount) - Double(count) + 0.5) / (Double(count) + 0.5))
    }

    /// The fields in which a record's words match `plan`, its fewest typos and whether it is only
    /// a prefix match (mask 0: no match).
    private func find(
        _ plan: TermPlan, words: ArraySlice<UInt32>, masks: ArraySlice<UInt8>
    ) -> (mask: UInt8, typos: Int, prefix: Bool) {
        var mask: UInt8 = 0
        var exact = false
        let range = plan.prefix.isEmpty ? (plan.exact >= 0 ? plan.exact..<plan.exact + 1 : 0..<0) : plan.prefix
        if !range.isEmpty {
            var index = Self.lowerBound(words, UInt32(range.lowerBound))
            while index < words.endIndex, words[index] < UInt32(range.upperBound) {
                mask |= masks[index]
                if Int(words[index]) == plan.exact { exact = true }
                index += 1
            }
        }
        if mask != 0 { return (mask, 0, !exact) }
        var typos = Int.max
        for candidate in plan.typos {
            let index = Self.lowerBound(words, UInt32(candidate.position))
            if index < words.endIndex, words[index] == UInt32(candidate.position) {
                mask |= masks[index]
                typos = min(typos, candidate.distance)
            }
        }
        return (mask, mask == 0 ? 0 : typos, false)
    }

    private static func lowerBound(_ words: ArraySlice<UInt32>, _ value: UInt32) -> Int {
        var low = words.startIndex
        var high = words.endIndex
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether folded word `position` matches `plan` (itself, as a prefix, with typos).
    func matches(_ position: Int, _ plan: TermPlan) -> Bool {
        position == plan.exact || plan.prefix.contains(position)
            || plan.typos.contains { $0.position == position }
            || plan.parts.contains { matches(position, $0) }
    }
}
