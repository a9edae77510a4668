import Testing

@testable import LaureateCore

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("reads RFC 4180: quotes, doubled quotes, line breaks in quotes, CRLF, BOM")
    func rfc4180() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n3,,\n"
        let rows = try CSVReader.read(Array(text.utf8), file: "t.csv")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x, \"y\"", "two\nlines"], ["3", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 5])
    }

    @Test("detects the semicolon delimiter")
    func semicolons() throws {
        let rows = try CSVReader.read(Array("a;b\n\"1,5\";2\n".utf8), file: "t.csv")
        #expect(rows[1].fields == ["1,5", "2"])
    }

    @Test(
        "names the line of a malformed row",
        arguments: [
            ("a,b\n1,\"x\n", 2, "unterminated"), ("a,b\n1,x\"y\n", 2, "quote inside"),
            ("a,b\n1,\"x\"y\n", 2, "after a closing quote"),
        ])
    func errors(_ text: String, _ line: Int, _ reason: String) throws {
        let error = try #require(throws: DatasetLoadError.self) {
            try CSVReader.read(Array(text.utf8), file: "bad.csv")
        }
        #expect(error.first.line == line)
        #expect(error.first.reason.contains(reason))
        #expect(error.description.hasPrefix("bad.csv:\(line): "))
    }

    @Test("rejects invalid UTF-8")
    func invalidUTF8() throws {
        let error = try #require(throws: DatasetLoadError.self) {
            try CSVReader.read([0x61, 0x0A, 0xFF, 0x0A], file: "bad.csv")
        }
        #expect(error.first.line == 2)
    }
}
