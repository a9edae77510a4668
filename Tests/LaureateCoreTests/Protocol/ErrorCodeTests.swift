import Testing

@testable import LaureateCore

@Suite("Error table")
struct ErrorCodeTests {
    @Test("every code encodes with its number, message and machine name", arguments: ErrorCode.allCases)
    func encoding(_ code: ErrorCode) throws {
        let json = ProtocolError(code, message: "m", data: ["x": 1]).json.objectValue!
        #expect(json["code"]?.integerValue == Int64(code.rawValue))
        #expect(json["data"]?.objectValue?["name"]?.stringValue == code.name)
        #expect(json["data"]?.objectValue?["x"] == 1)
        #expect(ErrorCode(rawValue: code.rawValue) == code)
    }

    @Test("app codes sit in the server range")
    func ranges() {
        for code in ErrorCode.allCases where code.rawValue > -32100 {
            #expect((-32099 ... -32000).contains(code.rawValue))
        }
    }

    @Test(
        "domain errors map to their codes",
        arguments: [
            (QueryError.invalidParam(name: "limit", reason: "r").protocolError, ErrorCode.invalidParams),
            (QueryError.notFound(id: "x").protocolError, .notFound),
            (DatasetLoadError(file: "f", line: 2, field: nil, reason: "bad").protocolError, .reloadFailed),
        ])
    func mapping(_ error: ProtocolError, _ code: ErrorCode) {
        #expect(error.code == code)
    }

    @Test("a reload failure carries path, line and reason")
    func reloadData() {
        let data = DatasetLoadError(file: "f.csv", line: 2, field: "sector", reason: "bad").protocolError.data
        #expect(data["path"] == "f.csv" && data["line"] == 2 && data["reason"] == "bad")
    }
}

@Suite("Batch limit")
struct BatchLimitTests {
    private func reply(_ count: Int) -> String {
        let batch = "[" + Array(repeating: #"{"id":1,"method":"ping"}"#, count: count).joined(separator: ",") + "]"
        var output: [UInt8] = []
        var connection = ConnectionState(peer: nil)
        Array(batch.utf8).withUnsafeBytes { line in
            _ = RequestDispatcher(version: "t", adminPolicy: AdminPolicy(daemonUID: 0)).handle(
                line: line, dataset: TestData.embedded, connection: &connection, server: FixedStatus(), into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test("a batch of 1000 is answered; 1001 gets one -32600")
    func limit() {
        #expect(reply(1000).hasPrefix("[{"))
        let refused = reply(1001)
        #expect(refused.hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600"#))
        #expect(refused.contains("more than 1000"))
    }
}

@Suite("The error boundary")
struct ErrorBoundaryTests {
    struct Unexpected: Error {}

    @Test("domain errors choose their wire error; anything else is -32603 InternalError")
    func boundary() {
        #expect(ProtocolError(wrapping: QueryError.notFound(id: "x")).code == .notFound)
        #expect(ProtocolError(wrapping: QueryError.invalidParam(name: "q", reason: "r")).code == .invalidParams)
        let load = DatasetLoadError(file: "f.jsonl", line: 3, field: "jobs", reason: "bad")
        #expect(ProtocolError(wrapping: load).code == .reloadFailed)
        #expect(ProtocolError(wrapping: ProtocolError(.overloaded, message: "m")).code == .overloaded)
        let unexpected = ProtocolError(wrapping: Unexpected())
        #expect(unexpected.code == .internalError)
        #expect(unexpected.json.objectValue?["data"]?.objectValue?["name"] == "InternalError")
        #expect(unexpected.message.contains("Unexpected"))
    }
}
