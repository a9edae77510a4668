/// Every error code the protocol uses: the one table that the wire, the docs and the CLI share.
public enum ErrorCode: Int, Sendable, CaseIterable {
    /// The line is not valid JSON or not UTF-8.
    case parseError = -32700
    /// Not a request object, bad `jsonrpc`, bad `id`, empty or oversized batch, request too large.
    case invalidRequest = -32600
    /// Unknown method.
    case methodNotFound = -32601
    /// A param is missing, of the wrong type, out of range, or unknown.
    case invalidParams = -32602
    /// A bug: logged with detail, never a crash.
    case internalError = -32603
    /// No laureate with that id.
    case notFound = -32001
    /// The peer may not call this method.
    case forbidden = -32002
    /// Too many connections or requests in flight; the connection is closed after.
    case overloaded = -32003
    /// The dataset could not be (re)loaded; the old one is still served.
    case reloadFailed = -32004

    /// The stable machine name scripts match on (`data.name`).
    public var name: String {
        switch self {
        case .parseError: "ParseError"
        case .invalidRequest: "InvalidRequest"
        case .methodNotFound: "MethodNotFound"
        case .invalidParams: "InvalidParams"
        case .internalError: "InternalError"
        case .notFound: "NotFound"
        case .forbidden: "Forbidden"
        case .overloaded: "Overloaded"
        case .reloadFailed: "ReloadFailed"
        }
    }

    /// When the error is used, as the protocol reference says it.
    public var meaning: String {
        switch self {
        case .parseError: "the line is not valid JSON or not UTF-8 (reply id is null)"
        case .invalidRequest:
            "not a request object, bad jsonrpc, bad id type, empty or oversized batch, request too large"
        case .methodNotFound: "unknown method"
        case .invalidParams: "a param is missing, of the wrong type, out of range, or unknown"
        case .internalError: "internal error (a bug; logged with detail, never a crash)"
        case .notFound: "no laureate with that id"
        case .forbidden: "the peer (SO_PEERCRED) may not call this method"
        case .overloaded: "too many connections or in-flight requests; the connection is closed after"
        case .reloadFailed: "the dataset could not be (re)loaded; the old one is still served"
        }
    }
}
