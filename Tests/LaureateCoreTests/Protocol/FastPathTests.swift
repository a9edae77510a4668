import Testing

@testable import LaureateCore

@Suite("Fast path agrees with the full decoder")
struct FastPathTests {
    private let dispatcher = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 0))

    private func reply(_ line: [UInt8], fast: Bool) -> [UInt8] {
        var output: [UInt8] = []
        var connection = ConnectionState(peer: nil)
        line.withUnsafeBytes { buffer in
            if fast {
                _ = dispatcher.handle(
                    line: buffer, dataset: TestData.embedded, connection: &connection, server: FixedStatus(),
                    into: &output)
            } else {
                _ = dispatcher.handleWithoutFastPath(
                    line: buffer, dataset: TestData.embedded, connection: &connection, server: FixedStatus(),
                    into: &output)
            }
        }
        return output
    }

    @Test("handles the common shapes itself")
    func takesCommonShapes() {
        for line in [
            #"{"jsonrpc":"2.0","id":7,"method":"laureate.get","params":{"id":"lacio"}}"#,
            #"{"id":"x","method":"ping"}"#,
            #" { "params" : { "id" : "sekkoia" } , "method" : "laureate.get" , "id" : -3 } "#,
        ] {
            let taken = Array(line.utf8).withUnsafeBytes { FastPath.match($0, dataset: TestData.embedded) != nil }
            #expect(taken, "\(line)")
        }
    }

    @Test("checks every byte of a key in the exact layout, whatever its length and position")
    func keyBytes() {
        // The exact tier checks keys eight bytes at a time: a byte it must refuse has to be found
        // in every lane of a word and in the overlapping last word; the bytes next to the refused
        // ones (0x21, 0x23, 0x5B, 0x5D, 0x7F) have to pass.
        let refused: [UInt8] = [0x00, 0x09, 0x1F, 0x22, 0x5C, 0x80, 0xC3, 0xFF]
        let accepted: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x7F]
        func exactKey(_ key: [UInt8]) -> [UInt8]? {
            let line =
                Array(#"{"jsonrpc":"2.0","id":12,"method":"laureate.get","params":{"id":""#.utf8) + key
                + Array(#""}}"#.utf8)
            return line.withUnsafeBytes { bytes in
                FastPath.Scanner(bytes: bytes).exactGet().map { Array(bytes[$0.key]) }
            }
        }
        for length in 0...24 {
            let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            #expect(exactKey(plain) == plain, "plain key of \(length) bytes")
            for position in 0..<length {
                for byte in refused {
                    var key = plain
                    key[position] = byte
                    #expect(exactKey(key) == nil, "byte \(byte) at \(position) of \(length)")
                }
                for byte in accepted {
                    var key = plain
                    key[position] = byte
                    #expect(exactKey(key) == key, "byte \(byte) at \(position) of \(length)")
                }
            }
        }
    }

    @Test("gives byte-identical replies on thousands of random lines")
    func differential() {
        var generator = SplitMix(seed: 42)
        let ids = ["lacio", "sekkoia", "nope", "LACIO", "", "lac\\u0069o", "a\"b"]
        let keys = [
            "\"jsonrpc\":\"2.0\"", "\"jsonrpc\":\"1.0\"", "\"id\":1", "\"id\":\"s\"", "\"id\":-0", "\"id\":01",
            "\"id\":1.5", "\"id\":null",
            "\"method\":\"laureate.get\"", "\"method\":\"ping\"", "\"method\":\"nope\"", "\"extra\":1",
        ]
        var fast = 0
        for _ in 0..<5000 {
            var members = (0..<generator.next(4) + 1).map { _ in keys[generator.next(keys.count)] }
            if generator.next(3) > 0 {
                let id = ids[generator.next(ids.count)]
                members.append(generator.next(5) == 0 ? "\"params\":{}" : "\"params\":{\"id\":\"\(id)\"}")
            }
            var line = "{" + members.joined(separator: generator.next(2) == 0 ? "," : " , ") + "}"
            if generator.next(4) == 0 {
                let requestIDs = ["1", "-7", "\"x\"", "01", "1.5", "\"a\\\"b\"", "null", "\"\""]
                let key = ids[generator.next(ids.count)]
                line =
                    #"{"jsonrpc":"2.0","id":\#(requestIDs[generator.next(requestIDs.count)]),"#
                    + #""method":"laureate.get","params":{"id":"\#(key)"}}"#
            }
            if generator.next(10) == 0 { line.removeLast() }
            if generator.next(10) == 0 { line = "  " + line + " " }
            let bytes = Array(line.utf8)
            #expect(reply(bytes, fast: true) == reply(bytes, fast: false), "\(line)")
            if bytes.withUnsafeBytes({ FastPath.match($0, dataset: TestData.embedded) }) != nil { fast += 1 }
        }
        // The lines must exercise both tiers, or the comparison proves nothing about the fast one.
        #expect(fast > 100 && fast < 4900, "\(fast) of 5000 lines took the fast path")
    }
}

/// A small deterministic generator, so the random lines are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 { UInt64(next(Int.max)) }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
