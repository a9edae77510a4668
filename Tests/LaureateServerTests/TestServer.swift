import Foundation
import LaureateCore
import Logging
import ServiceLifecycle
import Testing

@testable import LaureateServer

/// Runs the real server in a `ServiceGroup` on a temporary socket, as Hummingbird's `testServer`
/// does: waits for readiness through `onReady`, runs `body` with the socket path, then shuts down
/// gracefully and checks that the socket file is gone.
func withTestServer(
    datasetPaths: [String] = [],
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: @Sendable (String) async throws -> Void
) async throws {
    let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("laureated-test-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("d.sock").path
    let logger = Logger(label: "test")
    let datasetConfiguration = DatasetConfiguration(paths: datasetPaths)
    let store = DatasetStore(
        dataset: try DatasetLoader.load(datasetConfiguration), configuration: datasetConfiguration, logger: logger)
    var configuration = ServerConfiguration(
        listener: .path(path), version: "test", adminPolicy: AdminPolicy(daemonUID: getuid()))
    configure(&configuration)
    let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
    let server = SocketServer(
        configuration: configuration, store: store, logger: logger, onReady: { readyContinuation.yield($0) })
    let group = ServiceGroup(services: [server], logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ready.makeAsyncIterator()
        _ = await iterator.next()
        // The server is shut down whether the body passes or throws, so a failing test fails
        // instead of leaving the group running for ever.
        let outcome: Result<Void, any Error>
        do {
            try await body(path)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        try outcome.get()
    }
    #expect(!FileManager.default.fileExists(atPath: path), "the socket file is removed at shutdown")
}
