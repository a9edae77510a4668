public import Foundation
import Glibc
import LaureateClient

/// A datagram socket standing in for systemd's NOTIFY_SOCKET.
public final class NotifySocket {
    public let path: String
    private let fd: Int32
    private var pending: [[String: String]] = []

    public init(directory: URL) throws {
        path = directory.appendingPathComponent("notify.sock").path
        fd = UnixSocket.bound(to: path, type: Int32(SOCK_DGRAM.rawValue))
        guard fd >= 0 else { throw TestSupportError("cannot bind \(path)") }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// The next datagram as sent, or nil when none comes within `milliseconds`.
    public func receive(milliseconds: Int = 2000) -> String? {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// The first datagram carrying `key`, waiting up to `seconds`.
    public func wait(for key: String, seconds: Int = 10) throws -> [String: String] {
        if let index = pending.firstIndex(where: { $0[key] != nil }) { return pending.remove(at: index) }
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while Date() < deadline {
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            var fields: [String: String] = [:]
            for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
            }
            if fields[key] != nil { return fields }
            pending.append(fields)
        }
        throw TestSupportError("no \(key) notification within \(seconds) s (got \(pending))")
    }
}
