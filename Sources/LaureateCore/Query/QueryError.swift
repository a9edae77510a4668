/// Why a query could not be answered: the closed set of request-level errors the engine raises.
public enum QueryError: Error, Sendable, Equatable {
    /// A parameter is missing, of the wrong type, out of range, or unknown.
    case invalidParam(name: String, reason: String)
    /// No laureate has that id.
    case notFound(id: String)
}

extension QueryError: ProtocolErrorConvertible {
    public var protocolError: ProtocolError {
        switch self {
        case .invalidParam(let name, let reason):
            ProtocolError(
                .invalidParams, message: "invalid params: \(name): \(reason)",
                data: ["param": .string(name), "reason": .string(reason)])
        case .notFound(let id):
            ProtocolError(.notFound, message: "no laureate with id \"\(id)\"", data: ["id": .string(id)])
        }
    }
}
