import Foundation
import LaureateClient
import Testing

/// Floods against the real daemon: it must refuse politely what it cannot take and keep serving.
@Suite("laureated under connection floods", .serialized)
struct LoadFaultTests {
    /// Opens a Unix stream connection, or returns -1.
    private func connectTo(_ path: String) -> Int32 {
        (try? UnixSocket.connect(to: path)) ?? -1
    }

    private func raiseFileLimit(to wanted: rlim_t) -> Bool {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(max(limit.rlim_cur, wanted), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return limit.rlim_cur >= wanted
    }

    @Test("10 000 connections at once: up to the limit are served, the rest get -32003, and the daemon keeps serving")
    func tenThousand() throws {
        try #require(raiseFileLimit(to: 10_300), "needs 10 300 file descriptors")
        let daemon = try Daemon(arguments: [], environment: ["LAUREATED_MAX_CONNECTIONS": "4096", "LAUREATED_MAX_CONNECTIONS_PER_UID": "20000"])
        var fds: [Int32] = []
        defer { fds.forEach { close($0) } }
        for _ in 0..<10_000 {
            let fd = connectTo(daemon.socket)
            if fd >= 0 { fds.append(fd) }
        }
        #expect(fds.count == 10_000, "every connect() succeeded (the listen backlog held the rest)")
        let ping = Array(#"{"id":1,"method":"ping"}"#.utf8) + [0x0A]
        var served = 0
        var refused = 0
        for fd in fds {
            _ = ping.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        for fd in fds {
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let count = recv(fd, &buffer, buffer.count, 0)
            let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
            if text.contains(#""result":"pong""#) { served += 1 } else if text.contains("-32003") { refused += 1 }
        }
        #expect(served >= 4000 && served <= 4096, "served \(served)")
        #expect(served + refused == 10_000, "served \(served), refused \(refused)")
        fds.forEach { close($0) }
        fds.removeAll()
        // Closing 10 000 connections takes the daemon a moment (much longer under a sanitizer).
        var status: Int32 = -1
        for _ in 0..<40 where status != 0 {
            status = try daemon.ctl(["--timeout", "10", "ping"]).status
            if status != 0 { Thread.sleep(forTimeInterval: 0.5) }
        }
        #expect(status == 0)
        #expect(daemon.stop() == 0)
    }

    @Test("with too few file descriptors it refuses politely and keeps serving")
    func lowFileLimit() throws {
        let daemon = try Daemon(arguments: [], prefix: ["/usr/bin/prlimit", "--nofile=40:40"])
        var fds: [Int32] = []
        for _ in 0..<200 {
            let fd = connectTo(daemon.socket)
            if fd >= 0 { fds.append(fd) }
        }
        Thread.sleep(forTimeInterval: 0.5)
        fds.forEach { close($0) }
        Thread.sleep(forTimeInterval: 1.5)
        let ping = try daemon.ctl(["ping"])
        #expect(ping.status == 0, "\(ping.stderr) \(daemon.stderr.suffix(500))")
        #expect(daemon.process.isRunning)
        #expect(daemon.stop() == 0)
    }
}
