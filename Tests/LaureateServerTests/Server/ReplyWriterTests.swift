import LaureateCore
import NIOCore
import Testing

@testable import LaureateServer

/// The server writes replies into a `ByteBuffer`; tests, golden files and the fuzzer into
/// `[UInt8]`. Both go through `RequestDispatcher.handle`: their bytes must be the same.
@Suite("Replies into a ByteBuffer")
struct ReplyWriterTests {
    static let dataset: Dataset = {
        let records = try! DatasetReader.records(
            from: [DatasetSource(name: "embedded", bytes: Array(EmbeddedData.laureatesJSONL.utf8))]
        )
        return Dataset(records: records, program: .embedded, paths: ["embedded"], loadedAt: "2026-01-01T00:00:00Z")
    }()

    struct Status: ServerStatusSource {
        func currentStatus() -> ServerStatus {
            ServerStatus(
                version: "t", startedAt: "2026-01-01T00:00:00Z", uptimeSeconds: 0, connections: 1, requestsTotal: 0)
        }

        func metricsText(dataset: Dataset) -> String {
            var text = PrometheusText()
            text.family("laureated_dataset_records", .gauge, help: "Records served.")
            text.sample("laureated_dataset_records", Double(dataset.count))
            return text.text
        }
    }

    @Test(
        "the same bytes as into an array, for fast and full replies",
        arguments: [
            #"{"jsonrpc":"2.0","id":7,"method":"laureate.get","params":{"id":"lacio"}}"#,
            #"{"id":"x","method":"ping"}"#, #"{"id":1,"method":"laureate.get","params":{"id":"nope"}}"#,
            #"[{"id":1,"method":"ping"},{"id":2,"method":"laureate.stats","params":{"by":["sector","region"]}}]"#,
            #"{"id":3,"method":"laureate.search","params":{"q":"laser"}}"#, "not json",
        ])
    func sameBytes(_ line: String) {
        let dispatcher = RequestDispatcher(version: "t", adminPolicy: AdminPolicy(daemonUID: 0))
        var array: [UInt8] = []
        var buffer = ByteBufferAllocator().buffer(capacity: 16)
        for index in 0..<2 {
            var connection = ConnectionState(peer: nil)
            Array(line.utf8).withUnsafeBytes { bytes in
                if index == 0 {
                    _ = dispatcher.handle(
                        line: bytes, dataset: Self.dataset, connection: &connection, server: Status(), into: &array)
                } else {
                    _ = dispatcher.handle(
                        line: bytes, dataset: Self.dataset, connection: &connection, server: Status(), into: &buffer)
                }
            }
        }
        #expect(!array.isEmpty)
        #expect(Array(buffer.readableBytesView) == array)
    }
}
