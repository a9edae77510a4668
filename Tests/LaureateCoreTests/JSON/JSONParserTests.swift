import Testing

@testable import LaureateCore

@Suite("JSON parser and writer")
struct JSONParserTests {
    @Test("round-trips values, keeping member order and number text")
    func roundTrip() throws {
        let text = #"{"b":1,"a":[true,false,null,-0.5e3,"x\"y\\z\n"],"é":{"k":1.50}}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["b", "a", "é"])
        #expect(JSONWriter.string(value) == #"{"b":1,"a":[true,false,null,-0.5e3,"x\"y\\z\n"],"é":{"k":1.50}}"#)
    }

    @Test("decodes escapes and surrogate pairs")
    func escapes() throws {
        #expect(try JSONParser.parse(#""\u00e9\ud83d\ude00\t""#) == .string("é😀\t"))
    }

    @Test(
        "rejects invalid input with a reason",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"", "{} x",
            "\"a\u{01}\"", "[1 2]", "NaN",
        ])
    func rejects(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("rejects invalid UTF-8 in strings")
    func invalidUTF8() {
        for bytes: [UInt8] in [
            [0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22],
        ] {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test("caps nesting instead of overflowing the stack")
    func depth() throws {
        let deep = String(repeating: "[", count: 100_000)
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        #expect(error.reason.contains("nesting"))
        _ = try JSONParser.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
    }

    @Test("reports the offset of the problem")
    func offset() {
        #expect(throws: JSONParseError(offset: 7, reason: "expected ',' or '}'")) {
            try JSONParser.parse(#"{"a":1 "b":2}"#)
        }
    }

    @Test("gives array elements with their offsets")
    func arrayElements() throws {
        let elements = try JSONParser.parseArrayElements(Array("[\n {\"a\":1},\n {\"b\":2}\n]".utf8))
        #expect(elements.map(\.1) == [3, 13])
    }

    @Test("escapes control characters when writing")
    func writesControls() {
        #expect(JSONWriter.string(.string("a\u{01}b")) == #""a\u0001b""#)
    }
}
