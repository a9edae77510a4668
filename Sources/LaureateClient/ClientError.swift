/// Why a request got no reply.
public enum ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at the socket path.
    case unreachable(path: String, reason: String)
    /// No reply came in time.
    case timeout(seconds: Double)
    /// The daemon closed the connection before replying.
    case closed
    /// The daemon sent something that is not a JSON-RPC reply.
    case badReply(String)

    public var description: String {
        switch self {
        case .unreachable(let path, let reason): "cannot reach laureated at \(path): \(reason)"
        case .timeout(let seconds): "no reply within \(seconds) s"
        case .closed: "the daemon closed the connection before replying"
        case .badReply(let reason): "unexpected reply from the daemon: \(reason)"
        }
    }
}
