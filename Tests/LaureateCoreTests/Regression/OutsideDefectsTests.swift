import Testing

@testable import LaureateCore

/// The defects a black-box campaign found against 4b76bed, each as the repro it reported.
@Suite("Defects found by testing from outside")
struct OutsideDefectsTests {
    private static let dispatcher = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 0))

    private func reply(_ line: String, dataset: Dataset = TestData.embedded) -> String {
        var connection = ConnectionState(peer: nil)
        var output: [UInt8] = []
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { line in
            Self.dispatcher.handle(
                line: UnsafeRawBufferPointer(line), dataset: dataset, connection: &connection,
                server: FixedStatus(), into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    // 1. `laureate.stats` trapped on figure sums past Int64.

    @Test("a figure above 2^53 - 1 is refused at load with its file, line and field")
    func figureBound() {
        let lines = [
            TestData.record("a", ["investment_eur": 5_000_000_000_000_000_000]),
            TestData.record("b", ["investment_eur": .number(JSONNumber(LaureateRecord.maximumFigure))]),
        ].map { JSONWriter.string(.object($0)) }.joined(separator: "\n")
        #expect {
            try DatasetReader.records(from: [DatasetSource(name: "big.jsonl", bytes: Array(lines.utf8))])
        } throws: { error in
            let issue = (error as? DatasetLoadError)?.issues.first
            return issue?.file == "big.jsonl" && issue?.line == 1 && issue?.field == "investment_eur"
                && (error as? DatasetLoadError)?.issues.count == 1
        }
    }

    @Test("sums of figures at the bound are exact past 64 bits, and stats answers")
    func sumsPastInt64() throws {
        let count = 2_000
        let dataset = try TestData.dataset(
            (0..<count).map {
                TestData.record(
                    "r\($0)", ["investment_eur": .number(JSONNumber(LaureateRecord.maximumFigure)), "jobs": 1])
            }
        )
        let expected = Int128(LaureateRecord.maximumFigure) * Int128(count)
        #expect(expected > Int128(Int64.max))
        let answer = reply(#"{"jsonrpc":"2.0","id":1,"method":"laureate.stats"}"#, dataset: dataset)
        #expect(answer.contains(#""investment_eur":\#(expected)"#))
        #expect(answer.contains(#""mean":{"jobs":1,"investment_eur":\#(LaureateRecord.maximumFigure)"#))
    }

    // 2. The fingerprint followed the source's key or column order.

    @Test("the same records give the same sha256 and the same JSON in every format and member order")
    func fingerprintAcrossFormats() throws {
        let records = TestData.sourceRecords
        func load(_ name: String, _ text: String) throws -> Dataset {
            let read = try DatasetReader.records(from: [DatasetSource(name: name, bytes: Array(text.utf8))])
            return Dataset(records: read, program: .embedded, paths: [name], loadedAt: "2026-01-01T00:00:00Z")
        }
        let jsonl = records.map { JSONWriter.string(.object($0)) }.joined(separator: "\n")
        let array = JSONWriter.string(.array(records.map(JSONValue.object)))
        let sorted = records.map { record in
            JSONWriter.string(.object(JSONObject(record.members.sorted { $0.key < $1.key })))
        }.joined(separator: "\n")
        let columns = LaureateRecord.canonicalFieldOrder.filter { name in records.contains { $0[name] != nil } }
        let formats = [
            ("a.jsonl", jsonl), ("a.json", array), ("sorted.jsonl", sorted),
            ("a.csv", CSVFixture.text(records, columns: columns)),
            ("reversed.csv", CSVFixture.text(records, columns: columns.reversed())),
        ]
        let datasets = try formats.map { try load($0.0, $0.1) }
        let reference = datasets[0]
        for (dataset, format) in zip(datasets, formats) {
            #expect(dataset.info.sha256 == reference.info.sha256, "\(format.0)")
            for index in 0..<reference.count {
                var left: [UInt8] = []
                var right: [UInt8] = []
                reference.appendRecordJSON(index, to: &left)
                dataset.appendRecordJSON(index, to: &right)
                #expect(left == right, "\(format.0) record \(index)")
            }
        }
    }

    @Test("members come in the documented order, others by name, nested objects by name")
    func canonicalOrder() throws {
        let dataset = try TestData.dataset([
            [
                "zeta": ["b": 1, "a": 2], "sources": ["https://example.invalid/a"], "call": "relocalisation",
                "alpha": 1,
                "company": "C", "jobs": 3, "id": "x",
            ]
        ])
        var json: [UInt8] = []
        dataset.appendRecordJSON(0, to: &json)
        #expect(
            String(decoding: json, as: UTF8.self)
                == #"{"id":"x","company":"C","jobs":3,"call":"relocalisation","#
                + #""sources":["https://example.invalid/a"],"alpha":1,"zeta":{"a":2,"b":1}}"#
        )
    }

    @Test("a member given twice in one record is refused")
    func duplicateMember() {
        let line = #"{"id":"a","id":"b","company":"C","call":"relocalisation","sources":["https://example.invalid/a"]}"#
        #expect(throws: DatasetLoadError.self) {
            try DatasetReader.records(from: [DatasetSource(name: "dup.jsonl", bytes: Array(line.utf8))])
        }
    }

    // 3. A notification with params that are not an object was answered.

    @Test(
        "a notification with non-object params gets no reply, alone or in a batch",
        arguments: [#""x""#, "[]", "5", "null", "true"])
    func notificationParams(_ params: String) {
        #expect(reply(#"{"jsonrpc":"2.0","method":"ping","params":\#(params)}"#).isEmpty)
        #expect(reply(#"[{"jsonrpc":"2.0","method":"ping","params":\#(params)}]"#).isEmpty)
        let mixed = reply(
            #"[{"jsonrpc":"2.0","method":"ping","params":\#(params)},{"jsonrpc":"2.0","id":2,"method":"ping"}]"#)
        #expect(mixed == #"[{"jsonrpc":"2.0","id":2,"result":"pong"}]"# + "\n")
        #expect(reply(#"{"jsonrpc":"2.0","id":3,"method":"ping","params":\#(params)}"#).contains(#""code":-32602"#))
    }

    // 4. Relevance wrapped at 256.

    @Test("a word repeated 256 times ranks as the word twice")
    func relevanceDoesNotWrap() throws {
        func ids(_ q: String) throws -> [Int] {
            var query = try SearchQuery(params: ["q": .string(q)])
            query.limit = 1000
            return QueryEngine.search(query, in: TestData.embedded).items
        }
        let twice = try ids("bio bio")
        #expect(!twice.isEmpty)
        #expect(try ids(Array(repeating: "bio", count: 256).joined(separator: " ")) == twice)
        #expect(try ids(Array(repeating: "bio", count: 70_000).joined(separator: " ")) == twice)
    }

    // 5. Accent folding stopped at U+017F.

    @Test(
        "Vietnamese and Romanian names fold",
        arguments: [
            ("Nguyễn Frères", ["nguyen", "freres"]), ("Ștefănescu Industrie", ["stefanescu", "industrie"]),
            ("Țesătoria", ["tesatoria"]), ("ǅemal", ["dzemal"]), ("ﬁbre", ["fibre"]), ("Ɓello", ["bello"]),
            ("Dvořák Łódź", ["dvorak", "lodz"]), ("Straße Œuvre", ["strasse", "oeuvre"]),
            ("Trần Hưng Đạo", ["tran", "hung", "dao"]),
        ])
    func folding(_ text: String, _ expected: [String]) {
        #expect(TextFolding.words(text) == expected)
    }

    @Test("every Latin letter named WITH a diacritic folds to its base letter")
    func foldingOverTheLatinRanges() {
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF]
        var checked = 0
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
            // `LATIN SMALL LETTER E WITH CIRCUMFLEX AND TILDE` → `e`, read from the name alone.
            let words = name.split(separator: " ")
            guard words.count >= 5, words[0] == "LATIN", words[2] == "LETTER", words[4] == "WITH", words[3].count == 1,
                !name.contains(" WITH SMALL LETTER ")  // digraphs: ǅ folds to dz
            else { continue }
            let base = words[3].lowercased()
            #expect(
                TextFolding.words(String(scalar)) == [base], "U+\(String(value, radix: 16, uppercase: true)) \(name)")
            checked += 1
        }
        #expect(checked > 600)
    }

    @Test("searches find Vietnamese and Romanian companies without their accents")
    func foldedSearch() throws {
        let dataset = try TestData.dataset([
            TestData.record("nguyen", ["company": "Nguyễn Frères"]),
            TestData.record("tesatoria", ["company": "Țesătoria"]),
            TestData.record("other"),
        ])
        let words = QueryEngine.search(try SearchQuery(params: ["q": "nguyen freres"]), in: dataset)
        #expect(words.items.map { dataset.record($0).objectValue!["id"]! } == ["nguyen"])
        let company = QueryEngine.search(try SearchQuery(params: ["company": "tesatoria"]), in: dataset)
        #expect(company.items.map { dataset.record($0).objectValue!["id"]! } == ["tesatoria"])
    }
}

/// CSV with our field names, as a spreadsheet would save the records: RFC 4180 quoting, lists
/// joined with `|`.
enum CSVFixture {
    static func text(_ records: [JSONObject], columns: [String]) -> String {
        func cell(_ value: JSONValue?) -> String {
            let text: String
            switch value {
            case nil, .null?: return ""
            case .string(let string)?: text = string
            case .array(let elements)?: text = elements.compactMap(\.stringValue).joined(separator: "|")
            case let other?: text = JSONWriter.string(other)
            }
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        let rows = records.map { record in columns.map { cell(record[$0]) }.joined(separator: ",") }
        return ([columns.joined(separator: ",")] + rows).joined(separator: "\r\n") + "\r\n"
    }
}
