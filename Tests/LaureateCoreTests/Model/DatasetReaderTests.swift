import Testing

@testable import LaureateCore

@Suite("Dataset reading and validation")
struct DatasetReaderTests {
    private func read(
        _ text: String, name: String = "d.jsonl", options: DatasetOptions = DatasetOptions()
    ) throws -> [LaureateRecord] {
        try DatasetReader.records(from: [DatasetSource(name: name, bytes: Array(text.utf8))], options: options)
    }

    private func failure(_ text: String, name: String = "d.jsonl") throws -> DatasetLoadError {
        try #require(throws: DatasetLoadError.self) { try read(text, name: name) }
    }

    @Test("the embedded data is valid and complete")
    func embedded() {
        #expect(TestData.embedded.count == 89)
        #expect(TestData.embedded.recordIndex(id: "lacio") != nil)
    }

    @Test("a JSON syntax error names file and line")
    func syntax() throws {
        let error = try failure(
            #"{"id":"a","company":"A","call":"relocalisation","sources":[]}"# + "\n{\"id\": \n", name: "bad.jsonl")
        #expect(error.first.file == "bad.jsonl")
        #expect(error.first.line == 2)
        #expect(error.description.hasPrefix("bad.jsonl:2: invalid JSON"))
    }

    @Test(
        "each validation rule names its field",
        arguments: [
            (#"{"company":"A","call":"relocalisation","sources":[]}"#, "id"),
            (#"{"id":"Bad Id","company":"A","call":"relocalisation","sources":[]}"#, "id"),
            (#"{"id":"a","call":"relocalisation","sources":[]}"#, nil),
            (#"{"id":"a","company":"A","sources":[]}"#, "call"),
            (#"{"id":"a","company":"A","call":"relocalisation"}"#, "sources"),
            (#"{"id":"a","company":"A","call":"relocalisation","sources":["ftp://x"]}"#, "sources"),
            (#"{"id":"a","company":"A","call":"relocalisation","sources":[],"sector":"aero"}"#, "sector"),
            (#"{"id":"a","company":"A","call":"relocalisation","sources":[],"department":"99"}"#, "department"),
            (#"{"id":"a","company":"A","call":"relocalisation","sources":[],"jobs":-1}"#, "jobs"),
            (#"{"id":"a","company":"A","call":"relocalisation","sources":[],"aid_eur":1.5}"#, "aid_eur"),
            (#"{"id":"a","company":"A","call":"relocalisation","sources":[],"announced":"2021-02-30"}"#, "announced"),
            (#"{"id":"a","company":"","call":"relocalisation","sources":[]}"#, "company"),
            (#"{"id":"a","company":3,"call":"relocalisation","sources":[]}"#, "company"),
        ] as [(String, String?)])
    func validation(_ line: String, _ field: String?) throws {
        let error = try failure(line)
        #expect(error.first.field == field)
        #expect(error.first.line == 1)
    }

    @Test("a duplicate id names both places, across files")
    func duplicates() throws {
        let line = #"{"id":"a","company":"A","call":"relocalisation","sources":[]}"#
        let error = try #require(throws: DatasetLoadError.self) {
            try DatasetReader.records(from: [
                DatasetSource(name: "one.jsonl", bytes: Array("\n\(line)\n".utf8)),
                DatasetSource(name: "two.jsonl", bytes: Array(line.utf8)),
            ])
        }
        #expect(error.description == "two.jsonl:1: id: \"a\" is already the id of the record at one.jsonl:2")
    }

    @Test("reports at most 20 problems and counts the rest")
    func limit() throws {
        let text = String(repeating: "{\"id\":1}\n", count: 30)
        let error = try failure(text)
        #expect(error.issues.count == 20)
        #expect(error.totalIssues > 20)
        #expect(error.description.contains("more problems"))
    }

    @Test("the curated data round-trips through JSON array, JSON Lines and CSV")
    func formats() throws {
        let lines = TestData.sourceRecords
        let jsonl = lines.map { JSONWriter.string(.object($0)) }.joined(separator: "\n")
        let array = "[\n" + lines.map { JSONWriter.string(.object($0)) }.joined(separator: ",\n") + "\n]"
        let columns = [
            "id", "project", "title", "company", "city", "department", "region", "sector", "summary", "jobs",
            "investment_eur", "aid_eur",
            "call", "announced", "sources", "notes", "derived",
        ]
        func cell(_ value: JSONValue?) -> String {
            let text: String
            switch value {
            case .none: return ""
            case .string(let string)?: text = string
            case .number(let number)?: text = number.text
            case .array(let items)?: text = items.compactMap(\.stringValue).joined(separator: "|")
            default: text = JSONWriter.string(value!)
            }
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        let csv =
            ([columns.joined(separator: ",")]
            + lines.map { record in columns.map { cell(record[$0]) }.joined(separator: ",") }).joined(separator: "\r\n")
        let fromLines = try read(jsonl)
        let fromArray = try read(array, name: "d.json")
        let fromCSV = try read(csv, name: "d.csv")
        #expect(fromLines.count == 89)
        #expect(fromArray == fromLines)
        let canonical = { (records: [LaureateRecord]) in
            records.map { record in Set(record.fields.map { "\($0.key)=\(JSONWriter.string($0.value))" }) }
        }
        #expect(canonical(fromCSV) == canonical(fromLines))
    }

    @Test("CSV with our field names reads coordinates as numbers, as written; other text stays text")
    func coordinates() throws {
        let csv =
            "id,company,call,sources,latitude,longitude,postal_code\r\n"
            + "a,A,relocalisation,https://example.org/a,50.3290,-1.5,01000\r\n"
            + "b,B,relocalisation,https://example.org/b,nord,,\r\n"
        let records = try read(csv, name: "d.csv")
        #expect(records[0].fields["latitude"] == .number(JSONNumber(validatedText: "50.3290")))
        #expect(records[0].fields["longitude"] == .number(JSONNumber(validatedText: "-1.5")))
        #expect(records[0].fields["postal_code"] == .string("01000"))
        #expect(records[1].fields["latitude"] == .string("nord"))
        #expect(records[1].fields["longitude"] == nil)
    }
}
