#if canImport(Glibc)
    import Glibc
#endif

/// Connecting to a Unix stream socket by path, shared by the client, the load generator and tests.
public enum UnixSocket {
    /// A connected `AF_UNIX` stream socket's file descriptor (blocking, close-on-exec).
    /// - Throws: `ClientError.unreachable` with the system's reason.
    public static func connect(to path: String) throws(ClientError) -> Int32 {
        guard path.utf8.count < 108 else {
            throw .unreachable(path: path, reason: "the path is longer than a Unix socket path can be")
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(path: path, reason: String(cString: strerror(errno))) }
        let connected = withAddress(path) { Glibc.connect(fd, $0, $1) }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreachable(path: path, reason: reason)
        }
        return fd
    }

    /// A socket of `type` (`SOCK_STREAM` or `SOCK_DGRAM`) bound to `path`, or -1. Tests use it to
    /// stand in for systemd's notify socket, a silent server, or a stale socket file.
    public static func bound(to path: String, type: Int32) -> Int32 {
        let fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return -1 }
        guard withAddress(path, { bind(fd, $0, $1) }) == 0 else {
            close(fd)
            return -1
        }
        return fd
    }

    /// Calls `body` with a `sockaddr_un` for `path` (at most 107 bytes) and its length.
    static func withAddress<Result>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
