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

    @Test("domain errors map to their codes", arguments: [
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
