import LaureateCore

/// What `laureatectl search` adds to a table on a terminal: matched words in bold, the counts
/// by facet, and what to try when nothing matched.
enum SearchNotes {
    /// The character ranges of each of `columns` that the item's `highlight` marks (the daemon
    /// gives code point offsets; records are NFC, where those are characters).
    static func marks(_ item: JSONObject, columns: [String]) -> [[Range<Int>]] {
        guard let highlight = item["highlight"]?.objectValue else { return [] }
        return columns.map { column in
            (highlight[column]?.arrayValue ?? []).compactMap { span in
                guard let bounds = span.arrayValue, bounds.count == 2, let start = bounds[0].integerValue,
                    let end = bounds[1].integerValue, start <= end
                else { return nil }
                return Int(start)..<Int(end)
            }
        }
    }

    /// `3,2` km: one decimal, French style as the other figures.
    static func kilometres(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }

    /// Prints the page's facet counts, then its suggestions, as footers.
    static func print(facetsAndSuggestionsOf page: JSONObject, session: Session) {
        for (dimension, counts) in page["facets"]?.objectValue ?? [:] {
            let entries = (counts.arrayValue ?? []).compactMap { entry -> String? in
                guard let object = entry.objectValue, let key = object["key"]?.stringValue,
                    let count = object["count"]?.integerValue
                else { return nil }
                return "\(Format.visible(key)) \(count)"
            }
            session.printFooter("by \(dimension): " + (entries.isEmpty ? "none" : entries.joined(separator: " · ")))
        }
        guard let suggestions = page["suggestions"]?.objectValue else { return }
        for word in suggestions["words"]?.arrayValue ?? [] {
            guard let object = word.objectValue, let typed = object["word"]?.stringValue else { continue }
            let options = (object["did_you_mean"]?.arrayValue ?? []).compactMap(\.stringValue)
            session.printFooter(
                "no laureate has '\(Format.visible(typed))'; did you mean \(options.joined(separator: ", "))?")
        }
        for filter in suggestions["filters"]?.arrayValue ?? [] {
            guard let object = filter.objectValue, let total = object["total"]?.integerValue else { continue }
            let rest = object["q"]?.stringValue ?? ""
            for (name, value) in object where name != "q" && name != "total" {
                let option = "--\(name) '\(Format.visible(value.stringValue ?? ""))'"
                let words = rest.isEmpty ? "" : " '\(Format.visible(rest))'"
                session.printFooter(
                    "try: laureatectl search\(words) \(option) (\(total) \(total == 1 ? "laureate" : "laureates"))")
            }
        }
    }
}
