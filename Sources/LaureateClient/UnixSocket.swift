#if canImport(Glibc)
import Glibc
#endif

/// Connecting to a Unix stream socket by path, shared by the client, the load generator and tests.
public enum UnixSocket {
    /// A connected `AF_UNIX` stream socket's file descriptor (blocking, close-on-exec).
    /// - Throws: `ClientError.unreachable` with the system's reason.
    public static func connect(to path: String) throws(ClientError) -> Int32 {
        guard path.utf8.count < 108 else { throw .unreachable(path: path, reason: "the path is longer than a Unix socket path can be") }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(path: path, reason: String(cString: strerror(errno))) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreachable(path: path, reason: reason)
        }
        return fd
    }
}
