import Foundation
import LaureateCore
import Testing

@testable import LaureateServer

@Suite("Dataset loading from files")
struct DatasetLoaderTests {
    @Test("a file of many read chunks, on two threads, loads as the whole file parsed at once")
    func manyChunks() throws {
        let file = URL(fileURLWithPath: "/tmp/loader-\(UUID().uuidString.prefix(8)).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let summary = String(repeating: "Ligne de production « test », ", count: 12)
        let lines = (0..<4_000).map { index in
            #"{"id":"r\#(index)","company":"Fictive "#
                + #"\#(index % 97)","sector":"sante","summary":"\#(summary)","call":"relocalisation","sources":[]}"#
        }
        let text = lines.joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > DatasetLoader.chunkBytes, "the records cross a chunk boundary")

        let loaded = try DatasetLoader.load(DatasetConfiguration(paths: [file.path]))
        let whole = Dataset(
            records: try DatasetReader.records(from: [DatasetSource(name: file.path, bytes: Array(text.utf8))]),
            program: .embedded, paths: [file.path], loadedAt: "")
        #expect(loaded.count == 4_000)
        #expect(loaded.info.sha256 == whole.info.sha256)
    }

    @Test("the refreshed file is served once it exists, alone; until then the configured data")
    func refreshedFile() throws {
        let file = URL(fileURLWithPath: "/tmp/refreshed-\(UUID().uuidString.prefix(8)).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = DatasetConfiguration(refreshedPath: file.path)
        #expect(try DatasetLoader.load(configuration).info.paths == [DatasetLoader.embeddedPath])
        let record = #"{"id":"fresh","company":"Fraîche","call":"relocalisation","sources":[]}"#
        try (record + "\n").write(to: file, atomically: true, encoding: .utf8)
        let loaded = try DatasetLoader.load(configuration)
        #expect(loaded.info.paths == [file.path])
        #expect(loaded.count == 1)
    }

    @Test("libcrypto's SHA-256 gives the portable implementation's digests", arguments: [0, 1, 55, 56, 64, 65, 1000])
    func libcryptoDigest(_ length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var portable = SHA256()
        var libcrypto = LibcryptoSHA256()
        for part in [bytes.prefix(length / 3), bytes.dropFirst(length / 3)] {
            part.withUnsafeBytes { portable.update($0) }
            part.withUnsafeBytes { libcrypto.update($0) }
        }
        #expect(libcrypto.finalizeHex() == portable.finalizeHex())
    }

    @Test("the embedded data loads with the fingerprint the core computes")
    func embeddedFingerprint() throws {
        let loaded = try DatasetLoader.load(DatasetConfiguration())
        let core = Dataset(
            records: try DatasetReader.records(from: [
                DatasetSource(name: "e", bytes: Array(EmbeddedData.laureatesJSONL.utf8))
            ]),
            program: .embedded, paths: ["e"], loadedAt: "")
        #expect(loaded.info.sha256 == core.info.sha256)
    }

    @Test("problems from both threads come back in file and line order, with both files named")
    func issuesInOrder() throws {
        let directory = URL(fileURLWithPath: "/tmp/loader-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.jsonl")
        let second = directory.appendingPathComponent("b.jsonl")
        try (#"{"id":"x","company":"A","call":"relocalisation","sources":[]}"# + "\n{\n").write(
            to: first, atomically: true, encoding: .utf8)
        try (#"{"id":"x","company":"B","call":"relocalisation","sources":[]}"# + "\n").write(
            to: second, atomically: true, encoding: .utf8)
        let missing = directory.appendingPathComponent("missing.jsonl").path
        let error = try #require(throws: DatasetLoadError.self) {
            try DatasetLoader.load(DatasetConfiguration(paths: [first.path, second.path, missing]))
        }
        #expect(error.issues.map(\.file) == [first.path, second.path, missing])
        #expect(error.issues[1].reason.contains("already the id of the record at \(first.path):1"))
        #expect(error.issues[2].reason.hasPrefix("cannot open"))
    }
}
