@testable import LaureateCore

/// Datasets built the same way in every test.
enum TestData {
    /// The embedded records, loaded at a fixed time so replies are stable.
    static let embedded: Dataset = {
        let records = try! DatasetReader.records(from: [
            DatasetSource(name: "laureates.jsonl", bytes: Array(EmbeddedData.laureatesJSONL.utf8))
        ])
        return Dataset(
            records: records, program: .embedded, paths: ["embedded:laureates.jsonl"], loadedAt: "2026-01-01T00:00:00Z")
    }()

    /// The embedded records as JSON objects, as the source file has them.
    static let sourceRecords: [JSONObject] = EmbeddedData.laureatesJSONL.split(separator: "\n").map {
        try! JSONParser.parse(String($0)).objectValue!
    }

    /// A dataset of the given records (each needs only what `record` fills in).
    static func dataset(_ objects: [JSONObject]) throws -> Dataset {
        var lines: [UInt8] = []
        for object in objects {
            JSONWriter.write(.object(object), into: &lines)
            lines.append(0x0A)
        }
        let records = try DatasetReader.records(from: [DatasetSource(name: "test.jsonl", bytes: lines)])
        return Dataset(records: records, program: .embedded, paths: ["test.jsonl"], loadedAt: "2026-01-01T00:00:00Z")
    }

    /// A minimal valid record with extra fields.
    static func record(_ id: String, _ extra: JSONObject = [:]) -> JSONObject {
        var object: JSONObject = [
            "id": .string(id), "company": "Société Test", "call": "relocalisation",
            "sources": ["https://example.invalid/a"],
        ]
        for member in extra { object[member.key] = member.value }
        return object
    }
}

/// A fixed `server.status` source.
struct FixedStatus: ServerStatusSource {
    func currentStatus() -> ServerStatus {
        ServerStatus(
            version: "test", startedAt: "2026-01-01T00:00:00Z", uptimeSeconds: 1.5, connections: 1, requestsTotal: 7)
    }

    func metricsText(dataset: Dataset) -> String {
        var text = PrometheusText()
        text.family("laureated_dataset_records", .gauge, help: "Records served.")
        text.sample("laureated_dataset_records", Double(dataset.count))
        return text.text
    }
}
