#if canImport(Glibc)
    import Glibc
#endif

/// The socket file of the non-activated path: checked before bind, removed at exit if still ours.
enum SocketFile {
    /// `sun_path` holds 108 bytes on Linux, the last one the terminating NUL.
    static let maximumPathBytes = 107

    /// Makes `path` ready to bind: refuses a live daemon's socket, a non-socket or an over-long
    /// path, and removes a stale socket file left by a daemon that died.
    static func prepare(_ path: String) throws(ServerError) {
        guard path.utf8.count <= maximumPathBytes else { throw .pathTooLong(path: path, maximum: maximumPathBytes) }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw .socketUnusable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFSOCK else { throw .notASocket(path: path) }
        switch probe(path) {
        case 0, EAGAIN:
            throw .socketInUse(path: path)
        case ECONNREFUSED:
            guard unlink(path) == 0 || errno == ENOENT else {
                throw .socketUnusable(
                    path: path, reason: "cannot remove the stale socket: \(String(cString: strerror(errno)))")
            }
        case let error:
            throw .socketUnusable(
                path: path, reason: "cannot probe the existing socket: \(String(cString: strerror(error)))")
        }
    }

    /// 0 when something accepts connections at `path`, else the `connect()` errno.
    static func probe(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0 ? 0 : errno
    }

    /// The device and inode of `path`, to recognise our own socket file at exit.
    static func identity(_ path: String) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    /// Sets the mode and group of the socket file we created.
    static func applyPermissions(_ path: String, mode: UInt32, group: UInt32?) throws(ServerError) {
        guard chmod(path, mode_t(mode)) == 0 else {
            throw .socketUnusable(path: path, reason: "chmod: \(String(cString: strerror(errno)))")
        }
        if let group, chown(path, uid_t.max, gid_t(group)) != 0 {
            throw .socketUnusable(path: path, reason: "chown to group \(group): \(String(cString: strerror(errno)))")
        }
    }
}
