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
            if let matches { plan.matches = matches }
            return plan
        }
    }

    /// How each of `records` matches `plans` (every term matches each): `body` gets each
    /// record's position in `records` and its rank.
    ///
    /// This runs over every match of a broad query. Each term's postings are first spread into a
    /// table by record (`spread`), so that ranking a record reads one value per term, in record
    /// order, instead of looking the term up among the record's words.
    func rank(_ records: [Int32], plans: [TermPlan], _ body: (Int, MatchRank) -> Void) {
        // One table for every term and compound part, in order (a term's slot, then its parts'),
        // and the terms' weights on the stack: a search allocates no more for ranking.
        let slots = plans.reduce(0) { $0 + 1 + $1.parts.count }
        var table = [UInt16](repeating: 0, count: slots * recordCount)
        table.withUnsafeMutableBufferPointer { table in
            var slot = 0
            func fill(_ term: TermPlan) {
                spread(term, into: UnsafeMutableBufferPointer(rebasing: table[(slot * recordCount)...]))
                slot += 1
            }
            for plan in plans {
                fill(plan)
                for part in plan.parts { fill(part) }
            }
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: plans.count) { weights in
            for (term, plan) in plans.enumerated() { weights[term] = idf(matching: plan.matches.count) }
            table.withUnsafeBufferPointer { table in
                fieldNorms.withUnsafeBufferPointer { norms in
                    for (position, record) in records.enumerated() {
                        body(
                            position,
                            rank(Int(record), plans: plans, table: table, weights: weights, norms: norms))
                    }
                }
            }
        }
    }

    private func rank(
        _ record: Int, plans: [TermPlan], table: UnsafeBufferPointer<UInt16>,
        weights: UnsafeMutableBufferPointer<Double>,
        norms: UnsafeBufferPointer<Float>
    ) -> MatchRank {
        var rank = MatchRank()
        // One byte per field: how many terms were found in it.
        var termsPerField: UInt64 = 0
        var slot = 0
        for (term, plan) in plans.enumerated() {
            var match = Match(table[slot * recordCount + record])
            if match.fields == 0 {
                for part in plan.parts.indices { match.add(Match(table[(slot + 1 + part) * recordCount + record])) }
            }
            slot += 1 + plan.parts.count
            rank.typos += match.typos
            if match.prefix { rank.prefixes += 1 }
            var weighted: Float = 0
            var fields = match.fields
            while fields != 0 {
                let field = fields.trailingZeroBitCount
                weighted += norms[record * Self.fieldCount + field]
                termsPerField &+= 1 << UInt64(field * 8)
                fields &= fields - 1
            }
            rank.score += weights[term] * Double(weighted) * (Self.k1 + 1) / (Double(weighted) + Self.k1)
        }
        var most: UInt64 = 0
        for field in 0..<Self.fieldCount { most = max(most, termsPerField >> UInt64(field * 8) & 0xFF) }
        rank.sameField = Int(most)
        return rank
    }

    /// How one term matches one record, read from an entry of the table `spread` fills.
    private struct Match {
        var fields: UInt8
        var typos: Int
        var prefix: Bool

        /// An entry is `quality << 8 | fields`: quality 4 exact, 3 prefix, 2 one typo, 1 two typos.
        init(_ entry: UInt16) {
            fields = UInt8(entry & 0xFF)
            let quality = Int(entry >> 8)
            typos = quality >= 3 ? 0 : 3 - quality
            prefix = quality == 3
        }

        /// Adds a compound's part (all parts match when the compound itself does not).
        mutating func add(_ part: Match) {
            fields |= part.fields
            typos += part.typos
            prefix = prefix || part.prefix
        }
    }

    /// Writes into `table`, by record, how `plan`'s words match it (`Match`'s encoding; `table`
    /// starts zeroed, 0 where none does). The best quality over the words wins; the fields of all
    /// of them add up.
    private func spread(_ plan: TermPlan, into table: UnsafeMutableBufferPointer<UInt16>) {
        func spread(_ word: Int, quality: UInt16) {
            postings.forEachPosting(word) { record, fields in
                let old = table[record]
                table[record] = max(old & 0xFF00, quality << 8) | old & 0xFF | UInt16(fields)
            }
        }
        for candidate in plan.typos { spread(candidate.position, quality: UInt16(3 - candidate.distance)) }
        for word in plan.prefix where word != plan.exact { spread(word, quality: 3) }
        if plan.exact >= 0 { spread(plan.exact, quality: 4) }
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

    /// Whether folded word `position` matches `plan` (itself, as a prefix, with typos).
    func matches(_ position: Int, _ plan: TermPlan) -> Bool {
        position == plan.exact || plan.prefix.contains(position)
            || plan.typos.contains { $0.position == position }
            || plan.parts.contains { matches(position, $0) }
    }
}
