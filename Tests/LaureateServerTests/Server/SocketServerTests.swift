import Foundation
import LaureateClient
import LaureateCore
import Logging
import ServiceLifecycle
import Testing

@testable import LaureateServer

/// The real server in a `ServiceGroup` on a temporary socket, as Hummingbird's `testServer` does.
@Suite("Socket server in-process", .serialized, .timeLimit(.minutes(5)))
struct SocketServerTests {
    @Test("answers over the socket and shuts down cleanly")
    func serves() async throws {
        try await withTestServer { path in
            let connection = try LaureateConnection(path: path, timeout: 5)
            #expect(try connection.call("ping") == .result("pong"))
            guard case .result(let record) = try connection.call("laureate.get", params: ["id": "lacio"]) else {
                Issue.record("no record")
                return
            }
            #expect(record.objectValue?["company"] == "Oxxius")
            guard case .result(let status) = try connection.call("server.status") else {
                Issue.record("server.status failed")
                return
            }
            #expect(status.objectValue?["connections"] == 1)
        }
    }

    @Test("stops and removes its socket when its task is cancelled, as on graceful shutdown")
    func cancellation() async throws {
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent(
            "laureated-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("d.sock").path
        let logger = Logger(label: "test")
        let store = DatasetStore(
            dataset: try DatasetLoader.load(DatasetConfiguration()), configuration: DatasetConfiguration(),
            logger: logger)
        let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
        let server = SocketServer(
            configuration: ServerConfiguration(
                listener: .path(path), version: "test", adminPolicy: AdminPolicy(daemonUID: getuid())),
            store: store, logger: logger, onReady: { readyContinuation.yield($0) })
        let running = Task { try await server.run() }
        var iterator = ready.makeAsyncIterator()
        _ = await iterator.next()
        #expect(try LaureateConnection(path: path, timeout: 5).call("ping") == .result("pong"))
        running.cancel()
        _ = await running.result
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("reloads on request, pushes dataset.reloaded, and keeps the old data on a bad file")
    func reload() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reload-\(UUID().uuidString.prefix(8)).jsonl")
        try #"{"id":"one","company":"A","call":"relocalisation","sources":[]}"#.write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTestServer(datasetPaths: [file.path]) { path in
            let subscriber = try LaureateConnection(path: path, timeout: 5)
            _ = try subscriber.call("events.subscribe", params: ["topics": ["dataset"]])
            try
                (#"{"id":"one","company":"A","call":"relocalisation","sources":[]}"# + "\n"
                + #"{"id":"two","company":"B","call":"relocalisation","sources":[]}"#)
                .write(to: file, atomically: true, encoding: .utf8)
            let admin = try LaureateConnection(path: path, timeout: 5)
            guard case .result(let info) = try admin.call("server.reload") else {
                Issue.record("reload failed")
                return
            }
            #expect(info.objectValue?["records"] == 2)
            let push = try subscriber.receive().objectValue
            #expect(push?["method"] == "dataset.reloaded")
            try "{ broken".write(to: file, atomically: true, encoding: .utf8)
            guard case .error(let code, _, let data) = try admin.call("server.reload") else {
                Issue.record("a broken file was accepted")
                return
            }
            #expect(code == -32004)
            #expect(data?.objectValue?["line"] == 1)
            // Subscribers hear of the failure too, with the dataset still served.
            let failed = try subscriber.receive().objectValue
            #expect(failed?["method"] == "dataset.reload_failed")
            #expect(failed?["params"]?.objectValue?["error"]?.objectValue?["code"] == -32004)
            #expect(failed?["params"]?.objectValue?["dataset"]?.objectValue?["records"] == 2)
            guard case .result(let kept) = try admin.call("laureate.get", params: ["id": "two"]) else {
                Issue.record("the reloaded data was lost")
                return
            }
            #expect(kept.objectValue?["company"] == "B")
            guard case .result(let status) = try admin.call("server.status") else {
                Issue.record("server.status failed")
                return
            }
            #expect(status.objectValue?["dataset"]?.objectValue?["records"] == 2)
            #expect(status.objectValue?["last_reload"]?.objectValue?["ok"] == false)
        }
    }

    @Test("refuses connections past the limit with -32003")
    func connectionLimit() async throws {
        try await withTestServer(configure: { $0.limits.maximumConnections = 2 }) { path in
            let first = try LaureateConnection(path: path, timeout: 5)
            let second = try LaureateConnection(path: path, timeout: 5)
            #expect(try first.call("ping") == .result("pong"))
            #expect(try second.call("ping") == .result("pong"))
            let third = try LaureateConnection(path: path, timeout: 5)
            let refusal = try third.receive().objectValue
            #expect(refusal?["error"]?.objectValue?["code"] == -32003)
            #expect(throws: ClientError.closed) { try third.receiveLine() }
            #expect(try first.call("ping") == .result("pong"))
        }
    }

    @Test("closes a connection that stays idle past the timeout, and not a busy one")
    func idleTimeout() async throws {
        try await withTestServer(configure: { $0.limits.idleTimeout = .seconds(1) }) { path in
            let idle = try LaureateConnection(path: path, timeout: 5)
            let busy = try LaureateConnection(path: path, timeout: 5)
            // The loop's clock is tested in ConnectionHandlerTests; this checks the wiring. The pauses
            // block rather than `Task.sleep`: on two cores the other suites' blocking clients can hold
            // every cooperative thread for seconds, and a suspended task resumed late would leave
            // `busy` quiet past the timeout.
            for _ in 0..<16 {
                pause(seconds: 0.1)
                #expect(try busy.call("ping") == .result("pong"))
            }
            #expect(throws: ClientError.closed) { try idle.receiveLine() }
        }
    }

    @Test("refuses a socket a live server owns, and replaces a stale one")
    func socketFile() async throws {
        try await withTestServer { path in
            #expect(throws: ServerError.socketInUse(path: path)) { try SocketFile.prepare(path) }
        }
        let stale = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stale-\(UUID().uuidString.prefix(8)).sock"
        ).path
        close(UnixSocket.bound(to: stale, type: Int32(SOCK_STREAM.rawValue)))
        #expect(FileManager.default.fileExists(atPath: stale))
        try SocketFile.prepare(stale)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(throws: ServerError.pathTooLong(path: "/" + String(repeating: "x", count: 120), maximum: 107)) {
            try SocketFile.prepare("/" + String(repeating: "x", count: 120))
        }
    }
}

/// A pause that holds its thread, for timing that a late-resumed task would break.
private func pause(seconds: Double) {
    Thread.sleep(forTimeInterval: seconds)
}
