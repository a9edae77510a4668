/// Why the server could not start listening.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The socket path does not fit `sun_path`.
    case pathTooLong(path: String, maximum: Int)
    /// A live daemon answers on the socket path.
    case socketInUse(path: String)
    /// Something that is not a socket sits at the path.
    case notASocket(path: String)
    /// The path could not be probed, removed or bound.
    case socketUnusable(path: String, reason: String)
    /// The inherited socket (socket activation) is missing or of the wrong kind.
    case badActivation(String)

    public var description: String {
        switch self {
        case .pathTooLong(let path, let maximum):
            "socket path \(path) is \(path.utf8.count) bytes long; a Unix socket path holds at most \(maximum)"
        case .socketInUse(let path):
            "socket \(path) is in use by a running daemon; stop it first or choose another --socket"
        case .notASocket(let path):
            "\(path) exists and is not a socket; refusing to replace it"
        case .socketUnusable(let path, let reason):
            "cannot listen on \(path): \(reason)"
        case .badActivation(let reason):
            "socket activation: \(reason)"
        }
    }
}
