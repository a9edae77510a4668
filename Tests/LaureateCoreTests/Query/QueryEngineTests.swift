import Testing

@testable import LaureateCore

@Suite("Query engine")
struct QueryEngineTests {
    private func search(_ params: JSONObject, in dataset: Dataset = TestData.embedded) throws -> SearchPage {
        QueryEngine.search(try SearchQuery(params: params), in: dataset)
    }

    private func ids(_ page: SearchPage, in dataset: Dataset = TestData.embedded) -> [String] {
        page.items.map { dataset.record($0).objectValue!["id"]!.stringValue! }
    }

    @Test("every word must match, each also as a prefix, accents ignored")
    func words() throws {
        #expect(ids(try search(["q": "culture cellulaire"])) == ["mesprcc"])
        #expect(ids(try search(["q": "BIORÉACT"])).contains("mesprcc"))
        #expect(try search(["q": "cellulaire culture"]).total == 1)
        #expect(try search(["q": "cultur cellulaire"]).total == 1, "every word matches as a prefix")
    }

    @Test("the sector label is searchable")
    func sectorLabel() throws {
        let page = try search(["q": "electronique", "region": "bretagne"])
        #expect(Set(ids(page)) == ["lacio", "protecno", "novatech", "cequad"])
    }

    @Test("filters take any of several values and combine")
    func filters() throws {
        let both = try search(["sector": ["5g", "intrants"], "limit": 1000])
        #expect(
            both.total
                == TestData.sourceRecords.filter { ["5g", "intrants"].contains($0["sector"]?.stringValue ?? "") }.count)
        let tronico = TestData.sourceRecords.filter { $0["company"] == "Tronico" }.map { $0["id"]!.stringValue! }
        #expect(!tronico.isEmpty)
        #expect(ids(try search(["company": "TRONICO"])).sorted() == tronico.sorted())
        #expect(
            try search(["region": "ile de france", "limit": 1000]).total
                == TestData.sourceRecords.filter { $0["region"] == "Île-de-France" }.count)
        #expect(
            try search(["department": "44", "sector": "sante"]).items.allSatisfy {
                let record = TestData.embedded.record($0).objectValue!
                return record["department"] == "44" && record["sector"] == "sante"
            })
    }

    @Test("sorts with missing figures last, both ways")
    func sorting() throws {
        let dataset = try TestData.dataset([
            TestData.record("a", ["jobs": 5]), TestData.record("b"), TestData.record("c", ["jobs": 50]),
            TestData.record("d", ["jobs": 7]),
        ])
        #expect(ids(try search(["sort": "jobs"], in: dataset), in: dataset) == ["a", "d", "c", "b"])
        #expect(ids(try search(["sort": "-jobs"], in: dataset), in: dataset) == ["c", "d", "a", "b"])
    }

    @Test("pages carry offset and next_offset")
    func paging() throws {
        let first = try search(["limit": 50])
        #expect(first.items.count == 50 && first.nextOffset == 50)
        let last = try search(["limit": 50, "offset": 50])
        #expect(last.items.count == 39 && last.nextOffset == nil)
        let beyond = try search(["offset": 500])
        #expect(beyond.items.isEmpty && beyond.total == 89)
    }

    static let badParamCases: [(JSONObject, String)] = [
        (["limit": 0], "limit"), (["limit": 1001], "limit"), (["offset": -1], "offset"), (["sector": "aero"], "sector"),
        (["sort": "size"], "sort"), (["sort": "relevance"], "sort"), (["colour": "blue"], "colour"), (["q": 5], "q"),
        (["region": .array([])], "region"), (["department": "99"], "department"), (["limit": "10"], "limit"),
    ]

    @Test("rejects bad params, naming them", arguments: badParamCases)
    func badParams(_ params: JSONObject, _ name: String) {
        #expect {
            try SearchQuery(params: params)
        } throws: { error in
            guard case .invalidParam(let param, _) = error as? QueryError else { return false }
            return param == name
        }
    }

    @Test("stats group, sum absent figures as nothing, and put missing keys in the null group")
    func stats() throws {
        let dataset = try TestData.dataset([
            TestData.record("a", ["sector": "sante", "jobs": 5, "aid_eur": 10]),
            TestData.record("b", ["sector": "sante"]),
            TestData.record("c", ["jobs": 2]), TestData.record("d", ["sector": "5g", "investment_eur": 100]),
        ])
        let result = QueryEngine.stats(StatsQuery(), in: dataset)
        #expect(result.groups.map(\.key) == [["sante"], ["5g"], [nil]])
        #expect(
            result.groups[0].count == 2 && result.groups[0].figure(.jobs).sum == 5
                && result.groups[0].figure(.aid).sum == 10)
        #expect(result.groups[0].figure(.jobs).known == 1 && result.groups[0].figure(.investment).known == 0)
        #expect(
            result.total.count == 4 && result.total.figure(.jobs).sum == 7
                && result.total.figure(.investment).sum == 100)
        let json = result.json.objectValue!["groups"]!.arrayValue![1].objectValue!
        #expect(json["jobs"] == .null && json["investment_eur"] == 100 && json["known"]?.objectValue?["jobs"] == 0)
    }

    @Test("stats on the embedded data add up")
    func embeddedStats() throws {
        let result = QueryEngine.stats(try StatsQuery(params: ["by": "region"]), in: TestData.embedded)
        #expect(result.groups.reduce(0) { $0 + $1.count } == 89)
        #expect(
            result.total.figure(.jobs).sum
                == Int128(TestData.sourceRecords.compactMap { $0["jobs"]?.integerValue }.reduce(0, +)))
    }
}
