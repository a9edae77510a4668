/// A JSON-RPC error as it goes on the wire.
public struct ProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    /// Extra detail; `name` is added on encoding.
    public var data: JSONObject

    /// Makes an error; `data` is a literal of its detail members.
    public init(_ code: ErrorCode, message: String, data: JSONObject = JSONObject()) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The `error` member of a reply.
    public var json: JSONValue {
        var data = self.data
        data["name"] = .string(code.name)
        return .object(
            JSONObject([
                ("code", .number(JSONNumber(Int64(code.rawValue)))),
                ("message", .string(message)),
                ("data", .object(data)),
            ])
        )
    }

    public var description: String { "\(code.rawValue) \(code.name): \(message)" }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension ProtocolError {
    /// The wire error for any error: the one place where errors become wire errors. A domain
    /// error (`ProtocolErrorConvertible`: `QueryError`, `DatasetLoadError`, `ProtocolError`) chooses
    /// its own; anything else is a bug, and becomes `-32603 InternalError`, whose message names the
    /// error's type but not its detail (the server logs that).
    public init(wrapping error: any Error) {
        if let domain = error as? any ProtocolErrorConvertible {
            self = domain.protocolError
        } else {
            self.init(.internalError, message: "internal error (\(type(of: error))); the daemon logged the detail")
        }
    }
}

/// A domain error that chooses its own wire error; any other error becomes `internalError`.
public protocol ProtocolErrorConvertible: Error {
    /// The wire error for this error.
    var protocolError: ProtocolError { get }
}

extension ProtocolError: ProtocolErrorConvertible {
    public var protocolError: ProtocolError { self }
}

extension DatasetLoadError: ProtocolErrorConvertible {
    public var protocolError: ProtocolError {
        var data: JSONObject = ["path": .string(first.file), "reason": .string(first.reason)]
        if let line = first.line { data["line"] = .number(JSONNumber(Int64(line))) }
        if let field = first.field { data["field"] = .string(field) }
        if totalIssues > 1 { data["problems"] = .number(JSONNumber(Int64(totalIssues))) }
        return ProtocolError(
            .reloadFailed, message: "dataset not reloaded, the old one is still served: \(first)", data: data)
    }
}
