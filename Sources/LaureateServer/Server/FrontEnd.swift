/// The wire a listener speaks; both feed the same dispatcher, limits, access control and data.
public enum FrontEnd: String, Sendable, Equatable {
    /// JSON-RPC 2.0, one request per line.
    case jsonRPC = "JSON-RPC"
    /// varlink, one call per NUL-terminated message (`io.laureated.Dataset`).
    case varlink
}
