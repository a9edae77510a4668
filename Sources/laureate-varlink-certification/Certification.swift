import LaureateCore
import Synchronization

/// `org.varlink.certification`: the interface varlink implementations certify against. A client
/// calls Start, Test01 … Test11 and End in order, each with what the previous call returned; the
/// server checks every call (its parameters and its oneway and more flags) against what the
/// sequence wants, and answers `CertificationError(wants, got)` at the first difference.
final class Certification: Sendable {
    static let interfaceName = "org.varlink.certification"

    /// The next method each client must call, by client id.
    private let clients = Locked<[String: String]>([:])
    private let nextClientNumber = Atomic<Int>(0)

    /// The replies to `call` (several for Test10, none for a oneway call).
    func answer(_ call: VarlinkCall) -> [Result<JSONObject, VarlinkError>] {
        let member = String(call.member)
        guard Self.order.contains(member) else { return [.failure(.methodNotFound(call.method))] }
        if member == "Start" {
            let number = nextClientNumber.wrappingAdd(1, ordering: .relaxed).newValue
            let clientID = "laureate-certification-client-\(number)"
            let check = expect(call, parameters: [:])
            guard check == nil else { return [.failure(check!)] }
            clients.withLock { $0[clientID] = "Test01" }
            return [.success(["client_id": .string(clientID)])]
        }
        guard case .string(let clientID)? = call.parameters["client_id"] else {
            return [.failure(.invalidParameter("client_id"))]
        }
        let expected = clients.withLock { $0[clientID] }
        guard let expected else { return [.failure(VarlinkError(Self.interfaceName + ".ClientIdError"))] }
        guard expected == member else {
            clients.withLock { _ = $0.removeValue(forKey: clientID) }
            return [
                .failure(
                    Self.certificationError(
                        wants: .string("a call to \(Self.interfaceName).\(expected)"),
                        got: .string("a call to \(call.method)")))
            ]
        }
        var wanted = Self.wantedParameters(member)
        wanted["client_id"] = .string(clientID)
        var got = call
        if member == "Test10", case .object(var mytype)? = got.parameters["mytype"] {
            // The nullable members may be sent as null or left out.
            for name in ["nullable", "nullable_array_struct"] where mytype[name] == .null { mytype[name] = nil }
            got.parameters["mytype"] = .object(mytype)
        }
        if let failure = expect(got, parameters: wanted, oneway: member == "Test11", more: member == "Test10") {
            clients.withLock { _ = $0.removeValue(forKey: clientID) }
            return [.failure(failure)]
        }
        let next = Self.order[(Self.order.firstIndex(of: member)! + 1) % Self.order.count]
        clients.withLock { clients in
            if next == "Start" { clients[clientID] = nil } else { clients[clientID] = next }
        }
        switch member {
        case "Test10":
            return (1...10).map { .success(["string": .string("Reply number \($0)")]) }
        case "Test11": return []
        default: return [.success(Self.reply(member))]
        }
    }

    /// nil when `call` has exactly `parameters` and the flags; else the error to answer.
    private func expect(
        _ call: VarlinkCall, parameters: JSONObject, oneway: Bool = false, more: Bool = false
    ) -> VarlinkError? {
        let matches =
            Self.same(.object(call.parameters), .object(parameters)) && call.oneway == oneway && call.more == more
        guard !matches else { return nil }
        func message(_ parameters: JSONObject, oneway: Bool, more: Bool) -> JSONValue {
            var object: JSONObject = ["method": .string(call.method), "parameters": .object(parameters)]
            if oneway { object["oneway"] = true }
            if more { object["more"] = true }
            return .object(object)
        }
        return Self.certificationError(
            wants: message(parameters, oneway: oneway, more: more),
            got: message(call.parameters, oneway: call.oneway, more: call.more))
    }

    private static func certificationError(wants: JSONValue, got: JSONValue) -> VarlinkError {
        VarlinkError(interfaceName + ".CertificationError", ["wants": wants, "got": got])
    }

    /// JSON equality where numbers compare by value (`1` and `1.0` are one float) and members in
    /// any order.
    static func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)): return a.doubleValue == b.doubleValue
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy(same)
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { member in b[member.key].map { same(member.value, $0) } ?? false }
        default: return left == right
        }
    }

    static let order = [
        "Start", "Test01", "Test02", "Test03", "Test04", "Test05", "Test06", "Test07", "Test08", "Test09", "Test10",
        "Test11", "End",
    ]

    private static let aLotOfString: JSONObject = [
        "bool": false, "int": 2, "float": .number(JSONNumber(Double.pi)), "string": "a lot of string",
    ]
    private static let map: JSONObject = ["foo": "Foo", "bar": "Bar"]
    private static let set: JSONObject = ["one": [:], "two": [:], "three": [:]]
    private static let mytype: JSONObject = [
        "object": [
            "method": "org.varlink.certification.Test09", "parameters": ["map": .object(map)],
        ],
        "enum": "two",
        "struct": ["first": 1, "second": "2"],
        "array": ["one", "two", "three"],
        "dictionary": .object(map),
        "stringset": .object(set),
        "interface": [
            "foo": [nil, ["foo": "foo", "bar": "bar"], nil, ["one": "foo", "two": "bar"]],
            "anon": ["foo": true, "bar": false],
        ],
    ]

    /// What each test method must be called with, besides `client_id`: the previous reply.
    private static func wantedParameters(_ member: String) -> JSONObject {
        switch member {
        case "Test02": ["bool": true]
        case "Test03": ["int": 1]
        case "Test04": ["float": 1.0]
        case "Test05": ["string": "ping"]
        case "Test06": aLotOfString
        case "Test07": ["struct": .object(aLotOfString)]
        case "Test08": ["map": .object(map)]
        case "Test09": ["set": .object(set)]
        case "Test10": ["mytype": .object(mytype)]
        case "Test11": ["last_more_replies": .array((1...10).map { .string("Reply number \($0)") })]
        default: [:]
        }
    }

    /// The reply of each method that has one reply.
    private static func reply(_ member: String) -> JSONObject {
        switch member {
        case "Test01": ["bool": true]
        case "Test02": ["int": 1]
        case "Test03": ["float": 1.0]
        case "Test04": ["string": "ping"]
        case "Test05": aLotOfString
        case "Test06": ["struct": .object(aLotOfString)]
        case "Test07": ["map": .object(map)]
        case "Test08": ["set": .object(set)]
        case "Test09": ["mytype": .object(mytype)]
        default: ["all_ok": true]
        }
    }

    /// The interface, in varlink's IDL, as the certification defines it.
    static let description = """
        # Interface to test varlink implementations against: a client calls Start, Test01, Test02, …,
        # Test11 and End, each with what the previous call returned.
        interface org.varlink.certification

        type Interface (
          foo: ?[]?[string](foo, bar, baz),
          anon: (foo: bool, bar: bool)
        )

        type MyType (
          object: object,
          enum: (one, two, three),
          struct: (first: int, second: string),
          array: []string,
          dictionary: [string]string,
          stringset: [string](),
          nullable: ?string,
          nullable_array_struct: ?[](first: int, second: string),
          interface: Interface
        )

        method Start() -> (client_id: string)

        method Test01(client_id: string) -> (bool: bool)

        method Test02(client_id: string, bool: bool) -> (int: int)

        method Test03(client_id: string, int: int) -> (float: float)

        method Test04(client_id: string, float: float) -> (string: string)

        method Test05(client_id: string, string: string) -> (
          bool: bool,
          int: int,
          float: float,
          string: string
        )

        method Test06(
          client_id: string,
          bool: bool,
          int: int,
          float: float,
          string: string
        ) -> (
          struct: (
            bool: bool,
            int: int,
            float: float,
            string: string
          )
        )

        method Test07(
          client_id: string,
          struct: (
            bool: bool,
            int: int,
            float: float,
            string: string
          )
        ) -> (map: [string]string)

        method Test08(client_id: string, map: [string]string) -> (set: [string]())

        method Test09(client_id: string, set: [string]()) -> (mytype: MyType)

        # Returns more than one reply, with "continues".
        method Test10(client_id: string, mytype: MyType) -> (string: string)

        # Must be called as "oneway".
        method Test11(client_id: string, last_more_replies: []string) -> ()

        method End(client_id: string) -> (all_ok: bool)

        error ClientIdError ()

        error CertificationError (wants: object, got: object)

        """
}
