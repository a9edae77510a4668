/// The members a search reply carries beyond its records, when asked for: each item's
/// `distance_km` and `highlight`, and the page's `facets` and `suggestions`.
enum SearchReply {
    /// Adds `distance_km` and `highlight` to item `item`, the record object just written.
    static func appendExtras(of page: SearchPage, item: Int, to result: inout [UInt8]) {
        guard page.distances != nil || page.highlights != nil else { return }
        guard result.last == UInt8(ascii: "}") else { return }
        result.removeLast()
        var members: [(key: String, value: JSONValue)] = []
        if let distances = page.distances {
            members.append((SearchPage.addedMembers[0], .number(JSONNumber((distances[item] * 1000).rounded() / 1000))))
        }
        if let highlights = page.highlights {
            let fields = highlights[item].map { field in
                (
                    field.field,
                    JSONValue.array(
                        field.spans.map { [.number(JSONNumber(Int64($0.start))), .number(JSONNumber(Int64($0.end)))] })
                )
            }
            members.append((SearchPage.addedMembers[1], .object(JSONObject(fields))))
        }
        for (key, value) in members {
            if result.last != UInt8(ascii: "{") { result.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(key, into: &result)
            result.append(UInt8(ascii: ":"))
            JSONWriter.write(value, into: &result)
        }
        result.append(UInt8(ascii: "}"))
    }

    /// Adds `,"facets":{…}` and `,"suggestions":{…}` when the page has them.
    static func appendFacetsAndSuggestions(of page: SearchPage, to result: inout [UInt8]) {
        if !page.facets.isEmpty {
            let facets = page.facets.map { facet in
                (
                    facet.dimension.rawValue,
                    JSONValue.array(
                        facet.counts.map { ["key": .string($0.key), "count": .number(JSONNumber(Int64($0.count)))] })
                )
            }
            result.append(contentsOf: #","facets":"#.utf8)
            JSONWriter.write(.object(JSONObject(facets)), into: &result)
        }
        if let suggestions = page.suggestions {
            let words = suggestions.words.map { word -> JSONValue in
                ["word": .string(word.word), "did_you_mean": .array(word.didYouMean.map(JSONValue.string))]
            }
            let filters = suggestions.filters.map { filter -> JSONValue in
                .object(
                    JSONObject([
                        (filter.param, .string(filter.value)), ("q", .string(filter.q)),
                        ("total", .number(JSONNumber(Int64(filter.total)))),
                    ]))
            }
            result.append(contentsOf: #","suggestions":"#.utf8)
            JSONWriter.write(["words": .array(words), "filters": .array(filters)], into: &result)
        }
    }
}
