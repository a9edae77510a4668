import Foundation
import LaureateClient
import Testing

@testable import LaureateServer

/// The notify protocol against a datagram socket the test owns, standing in for systemd.
@Suite("systemd notifications", .serialized)
struct SystemdNotifierTests {
    private func withNotifySocket(_ body: (Int32) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "notify-\(UUID().uuidString.prefix(8)).sock"
        ).path
        let fd = UnixSocket.bound(to: path, type: Int32(SOCK_DGRAM.rawValue))
        #expect(fd >= 0)
        setenv("NOTIFY_SOCKET", path, 1)
        defer {
            unsetenv("NOTIFY_SOCKET")
            close(fd)
            unlink(path)
        }
        try body(fd)
    }

    private func receive(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    @Test("sends READY=1 and STATUS= together")
    func ready() throws {
        try withNotifySocket { fd in
            SystemdNotifier().notify([.ready, .status("Serving 89 records")])
            #expect(receive(fd) == "READY=1\nSTATUS=Serving 89 records")
        }
    }

    @Test("sends RELOADING=1 with a current MONOTONIC_USEC in one datagram")
    func reloading() throws {
        try withNotifySocket { fd in
            let before = SystemdNotifier.monotonicMicroseconds()
            SystemdNotifier().notifyReloading()
            let lines = receive(fd).split(separator: "\n")
            #expect(lines.first == "RELOADING=1")
            let stamp = lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) } ?? 0
            #expect(stamp >= before && stamp - before < 5_000_000)
        }
    }

    @Test("STOPPING=1 and WATCHDOG=1 assignments")
    func assignments() {
        #expect(SystemdNotifier.State.stopping.assignment == "STOPPING=1")
        #expect(SystemdNotifier.State.watchdog.assignment == "WATCHDOG=1")
        #expect(SystemdNotifier.State.status("a\nb").assignment == "STATUS=a b")
    }

    @Test("sends nothing once NOTIFY_SOCKET is unset, and nothing for no state")
    func silent() throws {
        try withNotifySocket { fd in
            SystemdNotifier().notify([])
            unsetenv("NOTIFY_SOCKET")
            SystemdNotifier().notify([.ready])
            setenv("NOTIFY_SOCKET", "/nonexistent/notify", 1)
            SystemdNotifier().notify([.stopping])
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 64)
            #expect(recv(fd, &buffer, buffer.count, 0) <= 0, "a datagram reached the test's socket")
        }
    }

    @Test("reads the watchdog interval from WATCHDOG_USEC when WATCHDOG_PID is ours")
    func watchdog() {
        setenv("WATCHDOG_USEC", "2000000", 1)
        setenv("WATCHDOG_PID", "\(getpid())", 1)
        defer {
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
        }
        #expect(SystemdNotifier().watchdogPingInterval() == .seconds(1))
        setenv("WATCHDOG_PID", "1", 1)
        #expect(SystemdNotifier().watchdogPingInterval() == nil)
    }
}
