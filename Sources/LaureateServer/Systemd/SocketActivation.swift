import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// A listening socket passed by the service manager (`sd_listen_fds(3)`).
package struct ActivatedSocket: Sendable, Equatable {
    /// The file descriptor (3 and up).
    package var fd: Int32
    /// Its name from `LISTEN_FDNAMES` (`FileDescriptorName=`, by default the socket unit's name).
    package var name: String?
}

/// The socket-activation environment: `LISTEN_PID`, `LISTEN_FDS`, `LISTEN_FDNAMES`.
package enum SocketActivation {
    /// The first fd systemd passes (`SD_LISTEN_FDS_START`).
    package static let firstFD: Int32 = 3

    /// Why the variables were rejected.
    package enum ParseError: Error, Equatable, CustomStringConvertible {
        case badValue(variable: String, value: String)

        package var description: String {
            switch self {
            case .badValue(let variable, let value): "\(variable)=\(value) is not a valid count or pid"
            }
        }
    }

    /// The sockets passed to process `pid`: empty when `LISTEN_PID` is unset or names another
    /// process (a parent's variables leaked to us).
    /// - Throws: `ParseError` when `LISTEN_PID` is ours but a value is malformed.
    package static func sockets(environment: [String: String], pid: Int32) throws(ParseError) -> [ActivatedSocket] {
        guard let listenPID = environment["LISTEN_PID"] else { return [] }
        guard let owner = Int32(listenPID), owner > 0 else { throw .badValue(variable: "LISTEN_PID", value: listenPID) }
        guard owner == pid else { return [] }
        guard let countText = environment["LISTEN_FDS"] else { return [] }
        guard let count = Int32(countText), count >= 0, count < 4096 else {
            throw .badValue(variable: "LISTEN_FDS", value: countText)
        }
        let names = environment["LISTEN_FDNAMES"].map {
            $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        }
        return (0..<count).map { offset in
            let name = names.flatMap { Int(offset) < $0.count ? $0[Int(offset)] : nil }
            return ActivatedSocket(fd: firstFD + offset, name: name?.isEmpty == true ? nil : name)
        }
    }

    /// The socket to serve: the one named `preferredName` if any has that name, else the first.
    package static func choose(_ sockets: [ActivatedSocket], preferredName: String?) -> ActivatedSocket? {
        if let preferredName, let named = sockets.first(where: { $0.name == preferredName }) { return named }
        return sockets.first
    }

    /// Whether `fd` is a listening `AF_UNIX` stream socket (`sd_is_socket_unix(3)`).
    package static func isListeningUnixStream(_ fd: Int32) -> Bool {
        sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0
    }

    /// Removes the variables, so that processes we start do not think the sockets are theirs.
    package static func clearEnvironment() {
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
    }
}
