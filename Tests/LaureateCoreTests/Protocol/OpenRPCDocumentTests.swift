import Testing

@testable import LaureateCore

@Suite("rpc.discover document")
struct OpenRPCDocumentTests {
    @Test("describes every method of the dispatcher's table, with its params")
    func everyMethod() throws {
        let document = OpenRPCDocument.document(version: "1.2.3").objectValue!
        #expect(document["openrpc"]?.stringValue?.hasPrefix("1.") == true)
        let methods = try #require(document["methods"]?.arrayValue).compactMap(\.objectValue)
        #expect(methods.compactMap { $0["name"]?.stringValue } == Method.allCases.map(\.rawValue))
        let search = try #require(methods.first { $0["name"] == "laureate.search" })
        let names = search["params"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue } ?? []
        #expect(Set(names) == SearchQuery.parameterNames)
    }
}

@Suite("Settings files")
struct EnvironmentFileTests {
    @Test("reads KEY=value lines with comments, quotes and export")
    func parse() throws {
        let values = try EnvironmentFile.parse("# c\n; c\n\nA=1\nexport B = \"two words\"\nC='x'\nA=3\n", file: "f")
        #expect(values == ["A": "3", "B": "two words", "C": "x"])
    }

    @Test("names the line of a malformed assignment")
    func malformed() {
        #expect(throws: ConfigurationError(file: "f", line: 2, reason: "expected KEY=value")) {
            try EnvironmentFile.parse("A=1\nnonsense\n", file: "f")
        }
    }
}
