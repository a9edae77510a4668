import Testing

@testable import LaureateCore

@Suite("Change feed")
struct DatasetChangeTests {
    private func dataset(_ records: [JSONObject]) throws -> Dataset { try TestData.dataset(records) }

    private let base: [JSONObject] = (1...6).map { TestData.record("r\($0)", ["jobs": .number(JSONNumber(Int64($0)))]) }

    @Test("a reload that adds 3, removes 2 and changes 1 says exactly that, with the changed fields")
    func between() throws {
        let old = try dataset(base)
        var next = Array(base.dropFirst(2))
        next[0] = TestData.record("r3", ["jobs": 300, "city": "Lannion"])
        next += ["a1", "a2", "a3"].map { TestData.record($0) }
        let new = try dataset(next)
        let change = new.adopt(after: old)
        #expect(change.added == ["a1", "a2", "a3"])
        #expect(change.removed == ["r1", "r2"])
        #expect(change.changed == [DatasetChange.ChangedRecord(id: "r3", fields: ["city", "jobs"])])
        #expect(new.lineage.generation == 2 && new.info.generation == 2 && old.info.generation == 1)
        #expect(new.info.json.objectValue?["generation"] == 2)
        let members = change.members
        #expect(members["counts"] == ["added": 3, "removed": 2, "changed": 1])
        #expect(members["changed_fields"] == ["r3": ["city", "jobs"]])
        #expect(members["truncated"] == false && members["since"] == 1 && members["generation"] == 2)
    }

    @Test("changes since an older generation are the net union; since now is empty")
    func union() throws {
        let first = try dataset(base)
        let second = try dataset(base + [TestData.record("x")])
        second.adopt(after: first)
        // Generation 3: r1 and x removed, y added, r2 changed; generation 4: r1 back, r2 removed.
        let third = try dataset(
            [TestData.record("r2", ["jobs": 20])] + Array(base.dropFirst(2)) + [TestData.record("y")])
        third.adopt(after: second)
        let fourth = try dataset(Array(base.dropFirst(2)) + [TestData.record("y"), TestData.record("r1")])
        fourth.adopt(after: third)
        let net = try fourth.lineage.changes(since: 1)
        #expect(net.added == ["y"])
        // r1 was removed then added back: changed, its earlier state no longer known.
        #expect(Set(net.removed) == ["r2"])
        #expect(net.changed.map(\.id) == ["r1"])
        #expect(try fourth.lineage.changes(since: 4).members["counts"] == ["added": 0, "removed": 0, "changed": 0])
        #expect(try fourth.lineage.changes(since: 3).removed == ["r2"])
    }

    @Test("a generation ahead, or older than the 16 kept, is an invalid param naming the oldest")
    func bounds() throws {
        var current = try dataset(base)
        for round in 0..<20 {
            let next = try dataset(base + [TestData.record("n\(round)")])
            next.adopt(after: current)
            current = next
        }
        #expect(current.lineage.generation == 21 && current.lineage.changes.count == 16)
        #expect(current.lineage.oldestKnown == 5)
        #expect(throws: QueryError.self) { try current.lineage.changes(since: 4) }
        do {
            _ = try current.lineage.changes(since: 2)
        } catch {
            guard case .invalidParam(let name, let reason) = error else { throw error }
            #expect(name == "since" && reason.contains("oldest one to catch up from is 5"))
        }
        #expect(throws: QueryError.self) { try current.lineage.changes(since: 22) }
        #expect(try current.lineage.changes(since: 5).generation == 21)
    }

    @Test("lists stop at 1000 each; the counts stay whole and truncated says so")
    func bound() throws {
        let old = try dataset([TestData.record("keep")])
        let new = try dataset([TestData.record("keep")] + (0..<1200).map { TestData.record("n\($0)") })
        let members = new.adopt(after: old).members
        #expect(members["added"]?.arrayValue?.count == 1000)
        #expect(members["counts"]?.objectValue?["added"] == 1200)
        #expect(members["truncated"] == true)
    }

    @Test("laureate.changes answers from the snapshot, and refuses a bad since")
    func method() throws {
        let dispatcher = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 0))
        let first = try dataset(base)
        let second = try dataset(base + [TestData.record("x")])
        second.adopt(after: first)
        func reply(_ params: String) -> String {
            var output: [UInt8] = []
            var connection = ConnectionState(peer: nil)
            let line = #"{"jsonrpc":"2.0","id":1,"method":"laureate.changes","params":\#(params)}"#
            _ = Array(line.utf8).withUnsafeBytes {
                dispatcher.handle(
                    line: $0, dataset: second, connection: &connection, server: FixedStatus(), into: &output)
            }
            return String(decoding: output, as: UTF8.self)
        }
        #expect(reply(#"{"since":1}"#).contains(#""added":["x"]"#))
        #expect(reply("{}").contains("-32602") && reply("{}").contains("since"))
        #expect(reply(#"{"since":"one"}"#).contains("-32602"))
        #expect(reply(#"{"since":3}"#).contains("ahead of the current one, 2"))
    }
}
