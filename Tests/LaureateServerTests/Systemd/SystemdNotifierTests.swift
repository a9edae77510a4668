import Foundation
import LaureateClient
import TestSupport
import Testing

@testable import LaureateServer

/// The notify protocol against a datagram socket the test owns, standing in for systemd.
@Suite("systemd notifications", .serialized)
struct SystemdNotifierTests {
    /// Runs `body` with a notify socket the test owns as NOTIFY_SOCKET.
    private func withNotifySocket(_ body: (NotifySocket) throws -> Void) throws {
        let directory = TestPaths.unique("notify")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let socket = try NotifySocket(directory: directory)
        setenv("NOTIFY_SOCKET", socket.path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        try body(socket)
    }

    @Test("sends READY=1 and STATUS= together")
    func ready() throws {
        try withNotifySocket { socket in
            SystemdNotifier().notify([.ready, .status("Serving 89 records")])
            #expect((socket.receive() ?? "") == "READY=1\nSTATUS=Serving 89 records")
        }
    }

    @Test("sends RELOADING=1 with a current MONOTONIC_USEC in one datagram")
    func reloading() throws {
        try withNotifySocket { socket in
            let before = MonotonicClock.microseconds()
            SystemdNotifier().notifyReloading()
            let lines = (socket.receive() ?? "").split(separator: "\n")
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
        try withNotifySocket { socket in
            SystemdNotifier().notify([])
            unsetenv("NOTIFY_SOCKET")
            SystemdNotifier().notify([.ready])
            setenv("NOTIFY_SOCKET", "/nonexistent/notify", 1)
            SystemdNotifier().notify([.stopping])
            #expect(socket.receive(milliseconds: 200) == nil, "a datagram reached the test's socket")
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
