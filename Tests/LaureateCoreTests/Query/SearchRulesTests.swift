import Testing

@testable import LaureateCore

/// The rules of `laureate.search` one at a time, on datasets small enough to read.
@Suite("Search rules")
struct SearchRulesTests {
    private func ids(_ params: JSONObject, in dataset: Dataset) throws -> [String] {
        let page = QueryEngine.search(try SearchQuery(params: params), in: dataset)
        return page.items.map { dataset.record($0).objectValue!["id"]!.stringValue! }
    }

    private func companies(_ names: [String]) throws -> Dataset {
        try TestData.dataset(
            names.enumerated().map { TestData.record("r\($0.offset)", ["company": .string($0.element)]) })
    }

    @Test(
        "French words: elisions dropped from queries, ligatures folded, compounds split and joined",
        arguments: [
            ("l'usine", ["usine"]), ("d’électronique", ["electronique"]), ("qu'il", ["il"]),
            ("Œuvre cœur", ["oeuvre", "coeur"]), ("Cæsar", ["caesar"]),
        ])
    func queryWords(_ text: String, _ expected: [String]) {
        #expect(SearchTerms.queryTerms(text).map(\.word) == expected)
    }

    @Test("a hyphenated or apostrophe compound is one term with its parts")
    func compounds() {
        #expect(
            SearchTerms.queryTerms("semi-conducteurs") == [
                SearchTerm(word: "semiconducteurs", parts: ["semi", "conducteurs"])
            ])
        #expect(SearchTerms.queryTerms("Sil'tronix") == [SearchTerm(word: "siltronix", parts: ["sil", "tronix"])])
        var indexed: [String] = []
        SearchTerms.forEach("Île-de-France, l'usine") { word, _, _ in
            indexed.append(String(decoding: word, as: UTF8.self))
        }
        #expect(indexed == ["ile", "de", "france", "iledefrance", "l", "usine"])
    }

    @Test("compounds match either spelling, whichever the record has")
    func compoundSpellings() throws {
        let dataset = try companies(["Semi-Conducteurs SA", "Semiconducteurs SARL", "Conducteurs Semi"])
        #expect(try ids(["q": "semiconducteurs"], in: dataset).sorted() == ["r0", "r1"])
        #expect(try ids(["q": "semi-conducteurs"], in: dataset).sorted() == ["r0", "r1", "r2"])
    }

    @Test("every word of 3 letters or more matches as a prefix, in any order; exact ranks first")
    func prefixes() throws {
        let dataset = try companies(["Lasers Optiques", "Laser Optique", "Optique Laser"])
        #expect(try ids(["q": "opt las"], in: dataset).count == 3)
        #expect(try ids(["q": "la"], in: dataset).isEmpty)
        #expect(try ids(["q": "laser optique"], in: dataset).last == "r0")
    }

    @Test(
        "typos: one from 5 letters, two from 9, none in the first letter or with a digit",
        arguments: [
            ("biowest", "biowset", true), ("biowest", "biowesst", true), ("biowest", "biowxyst", false),
            ("lyon", "lyno", false), ("lyons", "lynos", true), ("electronique", "electronqiue", true),
            ("electronique", "eletcronqiue", true), ("electronique", "elctrnique", true),
            ("electronique", "eltcrnique", false), ("biowest", "xiowest", false), ("ccn2024", "ccn2025", false),
            ("ab12cd34", "ab12cd35", false),
        ])
    func typos(_ word: String, _ typed: String, _ found: Bool) throws {
        let dataset = try companies([word])
        #expect(try ids(["q": .string(typed)], in: dataset) == (found ? ["r0"] : []))
        #expect(try ids(["q": .string(typed), "typos": false], in: dataset).isEmpty)
    }

    @Test("a word too long for typos (a megabyte of letters) is looked up, not walked, and suggests nothing")
    func longWord() throws {
        let word = String(repeating: "electronique", count: 90_000)
        let page = QueryEngine.search(try SearchQuery(params: ["q": .string(word)]), in: TestData.embedded)
        #expect(page.total == 0)
        #expect(page.suggestions == nil)
        #expect(try ids(["q": .string(String(repeating: "a", count: 65))], in: TestData.embedded).isEmpty)
        // A compound counts its parts: 65 of them are refused like 65 words.
        let compound = (0..<65).map { "p\($0)" }.joined(separator: "-")
        #expect(throws: QueryError.self) { try SearchQuery(params: ["q": .string(compound)]) }
    }

    @Test("fewer typos rank first, then exact over prefix, then the weightier field")
    func ranking() throws {
        let dataset = try TestData.dataset([
            TestData.record("typo", ["company": "Vitalak"]),
            TestData.record("prefix", ["company": "Vitalacs"]),
            TestData.record(
                "summary", ["company": "Autre", "summary": "Le vitalac en poudre, et bien d'autres choses."]),
            TestData.record("company", ["company": "Vitalac"]),
        ])
        #expect(try ids(["q": "vitalac"], in: dataset) == ["company", "summary", "prefix", "typo"])
        #expect(
            try ids(["q": "vitalac", "sort": "-relevance"], in: dataset) == ["typo", "prefix", "summary", "company"])
    }

    @Test("department names and regions are searched")
    func places() throws {
        let dataset = try TestData.dataset([
            TestData.record("a", ["department": "44", "region": "Pays de la Loire"]),
            TestData.record("b", ["department": "29"]),
        ])
        #expect(try ids(["q": "loire atlantique"], in: dataset) == ["a"])
        #expect(try ids(["q": "finistere"], in: dataset) == ["b"])
        #expect(try ids(["q": "pays loire"], in: dataset) == ["a"])
    }

    @Test("ranges never match a record without the figure")
    func ranges() throws {
        let dataset = try TestData.dataset([
            TestData.record("none"), TestData.record("ten", ["jobs": 10]), TestData.record("hundred", ["jobs": 100]),
        ])
        #expect(try ids(["jobs": ["min": 0]], in: dataset).sorted() == ["hundred", "ten"])
        #expect(try ids(["jobs": ["max": 50]], in: dataset) == ["ten"])
        #expect(try ids(["jobs": ["min": 10, "max": 10]], in: dataset) == ["ten"])
    }

    @Test("near keeps records within the radius, sorts by distance, and skips those without coordinates")
    func near() throws {
        let dataset = try TestData.dataset([
            TestData.record("nantes", ["latitude": 47.2184, "longitude": -1.5536]),
            TestData.record("angers", ["latitude": 47.4784, "longitude": -0.5632]),
            TestData.record("paris", ["latitude": 48.8566, "longitude": 2.3522]),
            TestData.record("nowhere"),
        ])
        let params: JSONObject = ["near": ["lat": 47.2, "lon": -1.55, "km": 100], "sort": "distance"]
        #expect(try ids(params, in: dataset) == ["nantes", "angers"])
        let page = QueryEngine.search(try SearchQuery(params: params), in: dataset)
        // Angers is 0.28° north and 0.99° east of the point, at 47° N: √(0.28² + (0.99 · cos 47.3°)²)
        // = 0.725° of a great circle, 80.6 km.
        #expect(page.distances.map { $0.map { $0.rounded() } } == [2, 81])
        #expect(
            try ids(["near": ["lat": 47.2, "lon": -1.55, "km": 1000], "sort": "-distance"], in: dataset).first
                == "paris")
    }

    @Test("facets count the filtered matches per value")
    func facets() throws {
        let page = QueryEngine.search(
            try SearchQuery(params: ["q": "tronico", "facets": ["sector", "call"]]), in: TestData.embedded)
        #expect(page.facets.map(\.dimension) == [.sector, .call])
        #expect(page.facets[0].counts.map(\.key) == ["electronique"])
        #expect(page.facets[0].counts.map(\.count) == [page.total])
    }
}
