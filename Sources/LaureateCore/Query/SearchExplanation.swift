/// The spans of one field's text that matched the query, in Unicode scalars (code points), start
/// inclusive and end exclusive: what Python's and Rust's `chars` index by.
public struct FieldSpans: Sendable, Equatable {
    /// The record member (`project`, …), or `department_name` / `sector_label` for the texts
    /// search finds without the record holding them: the département's name (INSEE table) and the
    /// sector's label (`sector.list`).
    public var field: String
    public var spans: [Span]

    public struct Span: Sendable, Equatable {
        public var start: Int
        public var end: Int
    }
}

/// What would find something when a `q` found nothing.
public struct SearchSuggestions: Sendable, Equatable {
    /// A term no record has, and the closest words records have (up to two typos, any letter).
    public struct Word: Sendable, Equatable {
        public var word: String
        public var didYouMean: [String]
    }

    /// Words of `q` that name a region, a département or a sector, as a filter instead, with the
    /// rest of `q` and what that finds.
    public struct Filter: Sendable, Equatable {
        public var param: String
        public var value: String
        public var q: String
        public var total: Int
    }

    public var words: [Word] = []
    public var filters: [Filter] = []
}

extension QueryEngine {
    /// The matched spans of record `record`'s searched texts.
    static func highlight(record: Int, plans: [TermPlan], in dataset: Dataset) -> [FieldSpans] {
        guard let object = dataset.record(record).objectValue else { return [] }
        let departmentName = object["department"]?.stringValue.flatMap {
            DepartmentTable.embedded.department(code: $0)?.name
        }
        let sectorLabel = object["sector"]?.stringValue.flatMap(Sector.init(rawValue:)).flatMap {
            dataset.program.sectorLabels[$0]
        }
        let texts: [(String, String?)] = [
            ("project", object["project"]?.stringValue), ("title", object["title"]?.stringValue),
            ("company", object["company"]?.stringValue), ("city", object["city"]?.stringValue),
            ("department_name", departmentName), ("region", object["region"]?.stringValue),
            ("summary", object["summary"]?.stringValue), ("sector_label", sectorLabel),
        ]
        var result: [FieldSpans] = []
        for case (let field, let text?) in texts {
            var byteSpans: [Range<Int>] = []
            SearchTerms.forEach(text) { folded, span, _ in
                guard let position = dataset.search.position(of: folded) else { return }
                if plans.contains(where: { dataset.search.matches(position, $0) }) { byteSpans.append(span) }
            }
            guard !byteSpans.isEmpty else { continue }
            result.append(FieldSpans(field: field, spans: scalarSpans(merging: byteSpans, in: text)))
        }
        return result
    }

    /// Byte ranges of `text`, overlapping ones merged, as scalar offsets.
    private static func scalarSpans(merging ranges: [Range<Int>], in text: String) -> [FieldSpans.Span] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        // A scalar starts at every byte that is not a UTF-8 continuation byte.
        var scalarsBefore = [Int](repeating: 0, count: text.utf8.count + 1)
        for (offset, byte) in text.utf8.enumerated() {
            scalarsBefore[offset + 1] = scalarsBefore[offset] + (byte & 0xC0 == 0x80 ? 0 : 1)
        }
        return merged.map { FieldSpans.Span(start: scalarsBefore[$0.lowerBound], end: scalarsBefore[$0.upperBound]) }
    }

    /// Closer words for the terms nothing has, and filters for words that name a place or a sector.
    static func suggestions(for filters: QueryFilters, plans: [TermPlan], in dataset: Dataset) -> SearchSuggestions {
        var suggestions = SearchSuggestions()
        let index = dataset.search
        for (term, plan) in zip(filters.terms, plans) where plan.matches.count == 0 {
            var word = term.word
            let candidates = word.withUTF8 { index.typoCandidates(of: $0, maxDistance: 2, sameFirstLetter: false) }
            let ranked = candidates.map { ($0.distance, -index.postings.matches($0.position).count, $0.position) }
                .sorted {
                    $0 < $1
                }
            if !ranked.isEmpty {
                suggestions.words.append(.init(word: term.word, didYouMean: ranked.prefix(3).map { index.word($0.2) }))
            }
        }
        let terms = filters.terms
        for length in (1...min(4, terms.count)).reversed() {
            for start in 0...(terms.count - length) {
                let phrase = terms[start..<start + length].map(\.word).joined(separator: " ")
                for (param, value) in namedFilters(phrase, in: dataset) {
                    var narrowed = filters
                    narrowed.terms.removeSubrange(start..<start + length)
                    switch param {
                    case "region": narrowed.region = [value]
                    case "department": narrowed.department = [value]
                    default: narrowed.sector = [value]
                    }
                    let total = matches(narrowed, in: dataset).records?.count ?? dataset.count
                    guard total > 0 else { continue }
                    let rest = narrowed.terms.map(\.word).joined(separator: " ")
                    suggestions.filters.append(.init(param: param, value: value, q: rest, total: total))
                }
            }
        }
        return suggestions
    }

    /// The filters that `phrase` (folded words) names: a region, a département, a sector.
    private static func namedFilters(_ phrase: String, in dataset: Dataset) -> [(String, String)] {
        var named: [(String, String)] = []
        if let id = dataset.facets.region.valueID(for: phrase) {
            named.append(("region", dataset.facets.region.value(Int(id))))
        }
        if let department = DepartmentTable.embedded.department(named: phrase) {
            named.append(("department", department.code))
        }
        for sector in Sector.allCases
        where sector.rawValue == phrase || dataset.program.sectorLabels[sector].map(TextFolding.key) == phrase {
            named.append(("sector", sector.rawValue))
        }
        return named
    }
}
