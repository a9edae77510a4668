import Foundation
import LaureateClient
import LaureateCore
import TestSupport
import Testing

/// Floods against the real daemon: it must refuse politely what it cannot take and keep serving.
@Suite("laureated under connection floods", .serialized, .timeLimit(.minutes(5)))
struct LoadFaultTests {
    /// Opens a Unix stream connection, or returns -1.
    private func connectTo(_ path: String) -> Int32 {
        (try? UnixSocket.connect(to: path)) ?? -1
    }

    @Test("10 000 connections at once: up to the limit are served, the rest get -32003, and the daemon keeps serving")
    func tenThousand() throws {
        let daemon = try Daemon(
            arguments: [],
            environment: ["LAUREATED_MAX_CONNECTIONS": "4096", "LAUREATED_MAX_CONNECTIONS_PER_UID": "20000"])
        let flood = TestPaths.inRepository("Tests/Integration/flood.py")
        let result = try Harness.run(flood, [daemon.socket, "10000"], seconds: 300)
        try #require(result.status == 0, "\(result.stderr)")
        let counts = try #require(try JSONParser.parse(Array(result.stdout.utf8)).objectValue)
        let connected = counts["connected"]?.integerValue ?? 0
        let served = counts["served"]?.integerValue ?? 0
        let refused = counts["refused"]?.integerValue ?? 0
        #expect(connected == 10_000, "every connect() succeeded (the listen backlog held the rest)")
        #expect(served >= 4000 && served <= 4096, "served \(served)")
        #expect(served + refused == 10_000, "served \(served), refused \(refused)")
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
        for fd in fds { close(fd) }
        Thread.sleep(forTimeInterval: 1.5)
        let ping = try daemon.ctl(["ping"])
        #expect(ping.status == 0, "\(ping.stderr) \(daemon.stderr.suffix(500))")
        #expect(daemon.process.isRunning)
        #expect(daemon.stop() == 0)
    }
}
