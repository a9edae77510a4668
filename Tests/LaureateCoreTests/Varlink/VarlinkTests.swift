import Testing

@testable import LaureateCore

@Suite("varlink front end")
struct VarlinkTests {
    private let requests = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 0))
    private var varlink: VarlinkDispatcher { VarlinkDispatcher(requests: requests) }

    /// The replies to `message` (each without its NUL) and the outcome.
    private func call(_ message: String, fast: Bool = true, peer: PeerCredentials? = nil) -> ([String], LineOutcome) {
        var output: [UInt8] = []
        var connection = ConnectionState(peer: peer)
        let outcome = Array(message.utf8).withUnsafeBytes { bytes in
            fast
                ? varlink.handle(
                    message: bytes, dataset: TestData.embedded, connection: &connection, server: FixedStatus(),
                    into: &output)
                : varlink.handleWithoutFastPath(
                    message: bytes, dataset: TestData.embedded, connection: &connection, server: FixedStatus(),
                    into: &output)
        }
        #expect(output.isEmpty || output.last == 0)
        return (output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }, outcome)
    }

    /// The JSON-RPC twin's result for `method` and `params`.
    private func jsonRPCResult(_ method: String, _ params: String) throws -> JSONValue {
        var output: [UInt8] = []
        var connection = ConnectionState(peer: nil)
        let line = #"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":\#(params)}"#
        _ = Array(line.utf8).withUnsafeBytes {
            requests.handle(
                line: $0, dataset: TestData.embedded, connection: &connection, server: FixedStatus(), into: &output)
        }
        return try #require(try JSONParser.parse(output.dropLast().map { $0 }).objectValue?["result"])
    }

    @Test(
        "every method returns what its JSON-RPC twin does",
        arguments: [
            ("Ping", "ping", "{}", "reply"),
            ("Get", "laureate.get", #"{"id":"lacio"}"#, "record"),
            ("Get", "laureate.get", #"{"id":"lacio","fields":["city","jobs"]}"#, "record"),
            ("Search", "laureate.search", #"{"q":"laser","highlight":true,"facets":["sector"],"limit":3}"#, ""),
            ("Search", "laureate.search", #"{"q":"lazzers"}"#, ""),
            ("Stats", "laureate.stats", #"{"by":["sector","call"]}"#, ""),
            ("ListSectors", "sector.list", "{}", "sectors"),
            ("ProgramInfo", "program.info", "{}", "program"),
            ("Status", "server.status", "{}", ""),
        ])
    func twins(member: String, method: String, params: String, resultMember: String) throws {
        let (replies, _) = call(#"{"method":"io.laureated.Dataset.\#(member)","parameters":\#(params)}"#)
        #expect(replies.count == 1)
        let reply = try #require(try JSONParser.parse(replies[0]).objectValue)
        let parameters = try #require(reply["parameters"]?.objectValue)
        let twin = try jsonRPCResult(method, params)
        #expect(resultMember.isEmpty ? JSONValue.object(parameters) == twin : parameters[resultMember] == twin)
        #expect(reply["error"] == nil && reply["continues"] == nil)
    }

    @Test("the IDL declares exactly the methods served, and every JSON-RPC method has a twin")
    func idlMatchesMembers() {
        let declared = DatasetInterface.description.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("method ") else { return nil }
            return String(line.dropFirst(7).prefix { $0 != "(" })
        }
        #expect(declared == VarlinkDispatcher.Member.allCases.map(\.rawValue))
        let twinned = Set(VarlinkDispatcher.Member.allCases.map(\.method))
        // rpc.discover's twin is org.varlink.service.GetInterfaceDescription.
        #expect(twinned == Set(Method.allCases).subtracting([.rpcDiscover]))
    }

    @Test("the fast path gives the full decoder's reply, and leaves other shapes to it")
    func fastPath() {
        for message in [
            #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"lacio"}}"#,
            #" { "parameters" : { "id" : "sekkoia" } , "method" : "io.laureated.Dataset.Get" } "#,
            #"{"method": "io.laureated.Dataset.Get", "parameters": {"id": "lacio"}}"#,
        ] {
            let taken = Array(message.utf8).withUnsafeBytes { VarlinkFastPath.matchGet($0, dataset: TestData.embedded) }
            #expect(taken != nil, "\(message)")
            #expect(call(message).0 == call(message, fast: false).0)
        }
        for message in [
            #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"nope"}}"#,
            #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"lacio"},"oneway":true}"#,
            #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"lacio","fields":["city"]}}"#,
            #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"l\u0061cio"}}"#,
            #"{"method":"io.laureated.Dataset.Status","parameters":{"id":"lacio"}}"#,
        ] {
            let taken = Array(message.utf8).withUnsafeBytes { VarlinkFastPath.matchGet($0, dataset: TestData.embedded) }
            #expect(taken == nil, "\(message)")
        }
    }

    @Test(
        "errors are varlink's standard ones or the interface's, with parameters",
        arguments: [
            (
                #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"nope"}}"#,
                #"{"error":"io.laureated.Dataset.NotFound","parameters":{"id":"nope"}}"#
            ),
            (
                #"{"method":"io.laureated.Dataset.Get","parameters":{"id":5}}"#,
                #"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"id","#
                    + #""reason":"expected a string, got number"}}"#
            ),
            (
                #"{"method":"io.laureated.Dataset.Get"}"#,
                #"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"id","reason":"missing"}}"#
            ),
            (
                #"{"method":"io.laureated.Dataset.Ping","parameters":{"x":1}}"#,
                #"{"error":"org.varlink.service.InvalidParameter","parameters":{"parameter":"x","#
                    + #""reason":"unknown parameter"}}"#
            ),
            (
                #"{"method":"io.laureated.Dataset.Nope"}"#,
                #"{"error":"org.varlink.service.MethodNotFound","parameters":{"method":"io.laureated.Dataset.Nope"}}"#
            ),
            (
                #"{"method":"org.example.Nope"}"#,
                #"{"error":"org.varlink.service.InterfaceNotFound","parameters":{"interface":"org.example"}}"#
            ),
            (
                #"{"method":"io.laureated.Dataset.Subscribe"}"#,
                #"{"error":"org.varlink.service.ExpectedMore","parameters":{}}"#
            ),
            (
                #"{"method":"io.laureated.Dataset.Ping","upgrade":true}"#,
                #"{"error":"org.varlink.service.MethodNotImplemented","#
                    + #""parameters":{"method":"io.laureated.Dataset.Ping"}}"#
            ),
            (
                #"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"a.b"}}"#,
                #"{"error":"org.varlink.service.InterfaceNotFound","parameters":{"interface":"a.b"}}"#
            ),
        ])
    func errors(message: String, expected: String) {
        #expect(call(message).0 == [expected])
    }

    @Test("Reload is for admins; others get PermissionDenied")
    func reloadPolicy() {
        let stranger = PeerCredentials(pid: 1, uid: 4242, gid: 4242)
        #expect(
            call(#"{"method":"io.laureated.Dataset.Reload"}"#, peer: stranger).0 == [
                #"{"error":"org.varlink.service.PermissionDenied","parameters":{}}"#
            ])
        let root = PeerCredentials(pid: 1, uid: 0, gid: 0)
        guard
            case (let replies, .reload(.varlink(oneway: false))) = call(
                #"{"method":"io.laureated.Dataset.Reload"}"#, peer: root)
        else {
            Issue.record("Reload by root does not reload")
            return
        }
        #expect(replies.isEmpty)
    }

    @Test("a oneway call gets no reply; Subscribe with more streams from the current dataset")
    func onewayAndMore() throws {
        #expect(call(#"{"method":"io.laureated.Dataset.Ping","oneway":true}"#).0.isEmpty)
        let (replies, _) = call(#"{"method":"io.laureated.Dataset.Subscribe","more":true}"#)
        let first = try #require(replies.first)
        let reply = try #require(try JSONParser.parse(first).objectValue)
        #expect(reply["continues"] == true)
        #expect(reply["parameters"]?.objectValue?["event"] == "current")
        #expect(reply["parameters"]?.objectValue?["dataset"] == TestData.embedded.info.json)
    }

    @Test(
        "a message that is not a call closes the connection",
        arguments: [
            "not json", "[]", #""text""#, "{}", #"{"method":"nodot"}"#, #"{"method":"a.lower"}"#,
            #"{"method":"a.B","extra":1}"#, #"{"method":"a.B","parameters":[]}"#, #"{"method":"a.B","more":"yes"}"#,
            #"{"method":"a.B","oneway":true,"more":true}"#, #"{"method":5}"#,
        ])
    func violations(message: String) {
        guard case (let replies, .close) = call(message) else {
            Issue.record("\(message) does not close")
            return
        }
        #expect(replies.isEmpty)
    }

    @Test("org.varlink.service describes the service and both interfaces")
    func serviceInterface() throws {
        let (info, _) = call(#"{"method":"org.varlink.service.GetInfo"}"#)
        let parameters = try #require(try JSONParser.parse(info[0]).objectValue?["parameters"]?.objectValue)
        #expect(parameters["interfaces"] == ["org.varlink.service", "io.laureated.Dataset"])
        for (name, text) in [
            ("io.laureated.Dataset", DatasetInterface.description),
            ("org.varlink.service", VarlinkService.serviceDescription),
        ] {
            let (replies, _) = call(
                #"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"\#(name)"}}"#)
            let reply = try JSONParser.parse(replies[0]).objectValue?["parameters"]?.objectValue
            #expect(reply?["description"] == .string(text))
        }
    }

    @Test("a reload's failure maps to ReloadFailed with where and why")
    func reloadFailedMapping() {
        let error = DatasetLoadError(file: "/data/x.csv", line: 3, field: "jobs", reason: "not a number")
        let mapped = error.protocolError.varlinkError
        #expect(mapped.name == "io.laureated.Dataset.ReloadFailed")
        #expect(mapped.parameters["path"] == "/data/x.csv" && mapped.parameters["line"] == 3)
        #expect(mapped.parameters["field"] == "jobs")
        #expect(mapped.parameters["reason"]?.stringValue?.contains("not a number") == true)
    }
}

@Suite("Request tally")
struct RequestTallyTests {
    @Test("each label's slot is its place in allCases, and the slots fit the tally")
    func slots() {
        for (index, label) in RequestTally.Label.allCases.enumerated() {
            #expect(label.slot == index, "\(label.name)")
        }
        #expect(RequestTally.labelCount * 2 <= 32)
        #expect(Method.tallyCount == Method.allCases.count)
    }

    @Test("the dispatcher counts what it answers, by method and outcome")
    func counts() {
        let dispatcher = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 0))
        var connection = ConnectionState(peer: nil)
        for line in [
            #"{"jsonrpc":"2.0","id":1,"method":"laureate.get","params":{"id":"lacio"}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"laureate.get","params":{"id":"nope"}}"#,
            #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"nope"},5]"#, "not json",
        ] {
            var output: [UInt8] = []
            _ = Array(line.utf8).withUnsafeBytes {
                dispatcher.handle(
                    line: $0, dataset: TestData.embedded, connection: &connection, server: FixedStatus(),
                    into: &output)
            }
        }
        #expect(connection.tally.count(.method(.laureateGet), ok: true) == 1)
        #expect(connection.tally.count(.method(.laureateGet), ok: false) == 1)
        #expect(connection.tally.count(.method(.ping), ok: true) == 1)
        #expect(connection.tally.count(.unknown, ok: false) == 1)
        #expect(connection.tally.count(.invalid, ok: false) == 2)
        #expect(connection.tally.total == 6)
    }

    @Test("the fold visits only the slots counted, and a reset forgets exactly those")
    func countedSlots() {
        var tally = RequestTally()
        #expect(tally.isEmpty)
        tally.add(.invalid, ok: false)
        tally.add(.method(.ping), ok: true)
        tally.add(.method(.ping), ok: true)
        var visited: [Int: Int] = [:]
        tally.forEachCounted { slot, count in visited[slot] = count }
        #expect(visited == [RequestTally.Label.method(.ping).slot * 2: 2, RequestTally.Label.invalid.slot * 2 + 1: 1])
        #expect(!tally.isEmpty && tally.total == 3)
        tally.reset()
        #expect(tally.isEmpty && tally.total == 0)
        #expect(
            RequestTally.Label.allCases.allSatisfy { tally.count($0, ok: true) == 0 && tally.count($0, ok: false) == 0 }
        )
    }
}
