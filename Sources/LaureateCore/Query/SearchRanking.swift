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
    /// The records it matches.
    var matches: PostingSet.Matches = .list([])
    /// How many records it matches.
    var count = 0
}

/// A term as ranking reads it for every record: plain values only, so that reading one copies
/// no array and retains nothing.
private struct RankedTerm {
    var exact: Int
    var range: Range<Int>
    /// Its typo candidates in `RankingTables.typos`, and its parts in `RankingTables.parts`.
    var typos: Range<Int>
    var parts: Range<Int>
    var idf: Double
}

/// Every term of a query, flattened for `SearchIndex.rank`.
private struct RankingTables {
    var terms: [RankedTerm] = []
    var parts: [RankedTerm] = []
    /// Candidate positions with their distances.
    var typos: [(position: UInt32, distance: Int)] = []

    init(_ plans: [TermPlan], idf: (TermPlan) -> Double) {
        func flatten(_ plan: TermPlan, parts: Range<Int>, idf: Double) -> RankedTerm {
            let start = typos.count
            typos.append(contentsOf: plan.typos.map { (UInt32($0.position), $0.distance) })
            let range = plan.prefix.isEmpty ? (plan.exact >= 0 ? plan.exact..<plan.exact + 1 : 0..<0) : plan.prefix
            return RankedTerm(exact: plan.exact, range: range, typos: start..<typos.count, parts: parts, idf: idf)
        }
        for plan in plans {
            let partStart = parts.count
            for part in plan.parts { parts.append(flatten(part, parts: 0..<0, idf: 0)) }
            terms.append(flatten(plan, parts: partStart..<parts.count, idf: idf(plan)))
        }
    }
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
                let together = PostingSet.intersection(plan.parts.map(\.matches))
                plan.matches = postings.union(plan.matches, .list(ArraySlice(together)))
                plan.count = plan.matches.count
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
            var matches: PostingSet.Matches?
            if !plan.prefix.isEmpty {
                matches = postings.union(plan.prefix)
            } else if plan.exact >= 0 {
                matches = postings.matches(plan.exact)
            }
            if !plan.typos.isEmpty {
                let typos = postings.union(plan.typos.lazy.map(\.position))
                matches = matches.map { postings.union($0, typos) } ?? typos
            }
            if let matches {
                plan.matches = matches
                plan.count = matches.count
            }
            return plan
        }
    }

    /// How each of `records` matches `plans` (every term matches each): `body` gets each
    /// record's position in `records` and its rank.
    ///
    /// This runs over every match of a broad query, so it reads the index and the terms through
    /// raw buffers, allocates and retains nothing per record, and takes each field's BM25 length
    /// normalisation from the table computed at load.
    func rank(_ records: [Int32], plans: [TermPlan], _ body: (Int, MatchRank) -> Void) {
        let tables = RankingTables(plans) { idf(matching: $0.count) }
        recordStarts.withUnsafeBufferPointer { starts in
            recordWords.withUnsafeBufferPointer { words in
                recordMasks.withUnsafeBufferPointer { masks in
                    fieldNorms.withUnsafeBufferPointer { norms in
                        tables.terms.withUnsafeBufferPointer { terms in
                            tables.parts.withUnsafeBufferPointer { parts in
                                tables.typos.withUnsafeBufferPointer { typos in
                                    let index = RecordWords(words: words, masks: masks, typos: typos)
                                    for (position, record) in records.enumerated() {
                                        let entries = Int(starts[Int(record)])..<Int(starts[Int(record) + 1])
                                        let rank = Self.rank(
                                            entries, of: index, norms: norms[(Int(record) * Self.fieldCount)...],
                                            terms: terms, parts: parts)
                                        body(position, rank)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private struct RecordWords {
        let words: UnsafeBufferPointer<UInt32>
        let masks: UnsafeBufferPointer<UInt8>
        let typos: UnsafeBufferPointer<(position: UInt32, distance: Int)>
    }

    private static func rank(
        _ entries: Range<Int>, of index: RecordWords, norms: Slice<UnsafeBufferPointer<Float>>,
        terms: UnsafeBufferPointer<RankedTerm>, parts: UnsafeBufferPointer<RankedTerm>
    ) -> MatchRank {
        var rank = MatchRank()
        // One byte per field: how many terms were found in it.
        var termsPerField: UInt64 = 0
        for term in terms {
            var found = find(term, entries, of: index)
            if found.mask == 0 {
                for part in parts[term.parts] {
                    let piece = find(part, entries, of: index)
                    found.mask |= piece.mask
                    found.typos += piece.typos
                    found.prefix = found.prefix || piece.prefix
                }
            }
            rank.typos += found.typos
            if found.prefix { rank.prefixes += 1 }
            var weighted: Float = 0
            var fields = found.mask
            while fields != 0 {
                let field = fields.trailingZeroBitCount
                weighted += norms[norms.startIndex + field]
                termsPerField &+= 1 << UInt64(field * 8)
                fields &= fields - 1
            }
            rank.score += term.idf * Double(weighted) * (k1 + 1) / (Double(weighted) + k1)
        }
        var most: UInt64 = 0
        for field in 0..<fieldCount { most = max(most, termsPerField >> UInt64(field * 8) & 0xFF) }
        rank.sameField = Int(most)
        return rank
    }

    /// Each field's weight over its BM25 length normalisation, by record and field (unread where
    /// a record lacks the field: no term is found in it).
    static func fieldNorms(lengths: [UInt8], averages: [Double]) -> [Float] {
        lengths.enumerated().map { slot, length in
            let field = SearchField.allCases[slot % fieldCount]
            return Float(field.weight / (1 - b + b * Double(length) / averages[field.rawValue]))
        }
    }

    /// Inverse document frequency of a term found in `count` records, BM25's (never negative).
    func idf(matching count: Int) -> Double {
        log(1 + (Double(recordCount) - Double(count) + 0.5) / (Double(count) + 0.5))
    }

    /// The fields in which a record's words (`entries`) match `term`, its fewest typos and
    /// whether it is only a prefix match (mask 0: no match).
    private static func find(
        _ term: RankedTerm, _ entries: Range<Int>, of index: RecordWords
    ) -> (mask: UInt8, typos: Int, prefix: Bool) {
        var mask: UInt8 = 0
        var exact = false
        if !term.range.isEmpty {
            var entry = lowerBound(index.words, entries, UInt32(term.range.lowerBound))
            while entry < entries.upperBound, index.words[entry] < UInt32(term.range.upperBound) {
                mask |= index.masks[entry]
                if Int(index.words[entry]) == term.exact { exact = true }
                entry += 1
            }
        }
        if mask != 0 { return (mask, 0, !exact) }
        var typos = Int.max
        for candidate in index.typos[term.typos] {
            let entry = lowerBound(index.words, entries, candidate.position)
            if entry < entries.upperBound, index.words[entry] == candidate.position {
                mask |= index.masks[entry]
                typos = min(typos, candidate.distance)
            }
        }
        return (mask, mask == 0 ? 0 : typos, false)
    }

    private static func lowerBound(_ words: UnsafeBufferPointer<UInt32>, _ entries: Range<Int>, _ value: UInt32) -> Int
    {
        var low = entries.lowerBound
        var high = entries.upperBound
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
