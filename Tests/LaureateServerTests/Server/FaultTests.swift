import Foundation
import LaureateClient
import LaureateCore
import Logging
import ServiceLifecycle
import Testing

@testable import LaureateServer

/// Limits and faults: each test fails without the protection it names.
@Suite("Limits and faults", .serialized, .timeLimit(.minutes(5)))
struct FaultTests {
    /// A raw client socket, for misbehaving on purpose.
    private func rawConnect(_ path: String) -> Int32 {
        (try? UnixSocket.connect(to: path)) ?? -1
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return }
            offset += written
        }
    }

    @Test("connections per uid past the limit get -32003 and are closed")
    func perUIDLimit() async throws {
        try await withTestServer(configure: { $0.limits.maximumConnectionsPerUID = 2 }) { path in
            let first = try LaureateConnection(path: path, timeout: 5)
            let second = try LaureateConnection(path: path, timeout: 5)
            #expect(try first.call("ping") == .result("pong"))
            #expect(try second.call("ping") == .result("pong"))
            let third = try LaureateConnection(path: path, timeout: 5)
            #expect(try third.receive().objectValue?["error"]?.objectValue?["code"] == -32003)
            #expect(throws: ClientError.closed) { try third.receiveLine() }
        }
    }

    @Test("a peer that does not read its replies is closed after the stall timeout; others are served")
    func slowReader() async throws {
        try await withTestServer(configure: {
            $0.limits.outputStallTimeout = .milliseconds(300)
            $0.limits.outputHighWaterBytes = 64 * 1024
        }) { path in
            let greedy = rawConnect(path)
            defer { close(greedy) }
            // A server that never closes the connection fails the test in 10 s instead of hanging it.
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(greedy, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let request = Array(#"{"id":1,"method":"laureate.search","params":{"limit":1000}}"#.utf8) + [0x0A]
            sendAll(greedy, Array(repeating: request, count: 300).flatMap { $0 })
            try await Task.sleep(for: .milliseconds(1200))
            let polite = try LaureateConnection(path: path, timeout: 5)
            #expect(try polite.call("ping") == .result("pong"))
            var received = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = recv(greedy, &chunk, chunk.count, 0)
                if count <= 0 { break }
                received += count
            }
            let oneReply = 300 * 68_000
            #expect(
                received < oneReply / 4,
                "the stalled connection was closed, its replies not all queued (\(received) bytes)")
        }
    }

    @Test("a client vanishing mid-reply does not disturb the server")
    func vanishingClient() async throws {
        try await withTestServer { path in
            for _ in 0..<20 {
                let fd = rawConnect(path)
                let request = Array(#"{"id":1,"method":"laureate.search","params":{"limit":1000}}"#.utf8) + [0x0A]
                sendAll(fd, Array(repeating: request, count: 50).flatMap { $0 })
                var chunk = [UInt8](repeating: 0, count: 1000)
                _ = recv(fd, &chunk, chunk.count, 0)
                close(fd)
            }
            let connection = try LaureateConnection(path: path, timeout: 5)
            #expect(try connection.call("ping") == .result("pong"))
        }
    }

    @Test("replies racing reloads are wholly old or wholly new")
    func reloadRace() async throws {
        let file = URL(fileURLWithPath: "/tmp/race-\(UUID().uuidString.prefix(8)).jsonl")
        let old = #"{"id":"x","company":"Old","call":"relocalisation","sources":[]}"#
        let new =
            old.replacingOccurrences(of: "Old", with: "New") + "\n"
            + #"{"id":"y","company":"Y","call":"relocalisation","sources":[]}"#
        try old.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTestServer(datasetPaths: [file.path]) { path in
            let reader = Task { () throws -> (old: Int, new: Int, mixed: Int) in
                let connection = try LaureateConnection(path: path, timeout: 10)
                var counts = (old: 0, new: 0, mixed: 0)
                let text =
                    #"[{"id":1,"method":"laureate.get","params":{"id":"x"}},"#
                    + #"{"id":2,"method":"laureate.get","params":{"id":"y"}}]"#
                let batch = Array(text.utf8) + [0x0A]
                for _ in 0..<400 {
                    try connection.send(batch)
                    let replies = try connection.receive().arrayValue ?? []
                    let company = replies.first?.objectValue?["result"]?.objectValue?["company"]?.stringValue
                    let hasY = replies.last?.objectValue?["result"] != nil
                    switch (company, hasY) {
                    case ("Old", false): counts.old += 1
                    case ("New", true): counts.new += 1
                    default: counts.mixed += 1
                    }
                }
                return counts
            }
            let admin = try LaureateConnection(path: path, timeout: 10)
            for round in 0..<30 {
                try (round % 2 == 0 ? new : old).write(to: file, atomically: true, encoding: .utf8)
                _ = try admin.call("server.reload")
            }
            let counts = try await reader.value
            #expect(counts.mixed == 0)
            #expect(counts.old + counts.new == 400)
        }
    }

    @Test("a dataset file replaced during reloads gives either dataset or a clean -32004, never a crash")
    func fileReplaced() async throws {
        let file = URL(fileURLWithPath: "/tmp/replace-\(UUID().uuidString.prefix(8)).jsonl")
        let one = #"{"id":"a","company":"A","call":"relocalisation","sources":[]}"#
        let two = one + "\n" + #"{"id":"b","company":"B","call":"relocalisation","sources":[]}"#
        try one.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTestServer(datasetPaths: [file.path]) { path in
            let writer = Task {
                for round in 0..<300 {
                    let text = round % 3 == 2 ? String(two.prefix(50)) : (round % 2 == 0 ? two : one)
                    // Half the rewrites are atomic renames, half truncate and write in place.
                    if round % 2 == 0 {
                        try? text.write(to: file, atomically: true, encoding: .utf8)
                    } else if let handle = try? FileHandle(forWritingTo: file) {
                        try? handle.truncate(atOffset: 0)
                        handle.write(Data(text.utf8))
                        try? handle.close()
                    }
                }
            }
            let admin = try LaureateConnection(path: path, timeout: 10)
            var outcomes: [String: Int] = [:]
            for _ in 0..<60 {
                switch try admin.call("server.reload") {
                case .result(let info):
                    outcomes["records \(info.objectValue?["records"]?.integerValue ?? -1)", default: 0] += 1
                case .error(let code, _, _): outcomes["error \(code)", default: 0] += 1
                }
            }
            await writer.value
            #expect(Set(outcomes.keys).isSubset(of: ["records 1", "records 2", "error -32004"]), "\(outcomes)")
            #expect(try admin.call("ping") == .result("pong"))
        }
    }

    @Test("the socket file gets the configured mode")
    func socketMode() async throws {
        try await withTestServer(configure: { $0.socketMode = 0o660 }) { path in
            var status = stat()
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o660)
        }
    }
}
