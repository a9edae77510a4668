import Testing

@testable import LaureateCore

/// The daemon reads files a chunk at a time: whatever the chunk size, and wherever a chunk ends
/// (inside a quoted CSV field, inside a JSON line, inside a BOM), the dataset must be the one the
/// whole file gives.
@Suite("Chunked dataset assembly")
struct DatasetAssemblyTests {
    /// Feeds `bytes` in `chunk`-byte reads, carrying what was not consumed, as DatasetLoader does.
    private func assemble(_ bytes: [UInt8], chunk: Int, name: String) throws -> Dataset {
        var assembly = DatasetAssembly(expectedBytes: bytes.count)
        assembly.beginFile(name)
        var pending: [UInt8] = []
        var offset = 0
        while true {
            let next = bytes[offset..<min(offset + chunk, bytes.count)]
            offset += next.count
            pending += next
            let consumed = pending.withUnsafeBytes { assembly.read($0, isLast: next.isEmpty) }
            pending.removeFirst(consumed)
            if next.isEmpty { break }
        }
        return try assembly.finish(loadedAt: "2026-01-01T00:00:00Z")
    }

    private func whole(_ bytes: [UInt8], name: String) throws -> Dataset {
        Dataset(
            records: try DatasetReader.records(from: [DatasetSource(name: name, bytes: bytes)]), program: .embedded,
            paths: [name], loadedAt: "2026-01-01T00:00:00Z")
    }

    static let officialCSV =
        "\u{FEFF}entreprise;mesure;nom_commune;code_departement;filiere;description_projet;coordonnees_gps\r\n"
        + "Fictive Alpha;(Re)localisation dans les secteurs critiques;Nantes;44;Santé;\"Deux lignes,\r\n« citées "
        + "» \"\"ici\"\"\";\"47.2184, -1.5536\"\r\n"
        + "Fictive Beta;(Re)localisation dans les secteurs critiques;Lille;59;Electronique;Capteurs;\r\n"
        + "Fictive Alpha;(Re)localisation dans les secteurs critiques;Nantes;44;Agroalimentaire;Second;\r\n"

    @Test("every chunk size gives the whole file's dataset", arguments: [1, 2, 3, 7, 64, 4096])
    func chunkSizes(_ chunk: Int) throws {
        let withBOM =
            "\u{FEFF}" + EmbeddedData.laureatesJSONL.split(separator: "\n").prefix(5).joined(separator: "\r\n")
        for (name, text) in [
            ("laureates.jsonl", EmbeddedData.laureatesJSONL), ("bom.jsonl", withBOM), ("export.csv", Self.officialCSV),
        ] {
            let bytes = Array(text.utf8)
            let expected = try whole(bytes, name: name)
            let chunked = try assemble(bytes, chunk: chunk, name: name)
            #expect(chunked.count == expected.count, "\(name)")
            #expect(chunked.info.sha256 == expected.info.sha256, "\(name)")
        }
    }

    @Test("a JSON array is read once whole, and errors keep their line across chunks")
    func arrayAndErrors() throws {
        let array =
            Array(#"[{"id":"a","company":"A","call":"relocalisation","sources":[]},"#.utf8) + [0x0A]
            + Array(#" {"id":"b","company":"B","call":"relocalisation","sources":[]}]"#.utf8)
        #expect(try assemble(array, chunk: 5, name: "a.json").count == 2)
        let lines = Array(
            (#"{"id":"a","company":"A","call":"relocalisation","sources":[]}"# + "\n\n"
                + #"{"id":"a","company":"B","call":"relocalisation","sources":[]}"# + "\n{\"id\": \n").utf8)
        let error = try #require(throws: DatasetLoadError.self) { try assemble(lines, chunk: 3, name: "l.jsonl") }
        #expect(
            error.issues.map(\.description) == [
                #"l.jsonl:3: id: "a" is already the id of the record at l.jsonl:1"#,
                "l.jsonl:4: invalid JSON: unexpected end of input at column 8",
            ])
    }

    @Test(
        "a file with no record is refused, whole or in chunks: it was most likely caught mid-write",
        arguments: ["", " \n", "[]", "entreprise,mesure,filiere,code_departement\n"])
    func noRecords(_ text: String) throws {
        let bytes = Array(text.utf8)
        let whole = try #require(throws: DatasetLoadError.self) { try self.whole(bytes, name: "e") }
        #expect(whole.issues.map(\.description) == ["e: holds no records"])
        let chunked = try #require(throws: DatasetLoadError.self) { try assemble(bytes, chunk: 1, name: "e") }
        #expect(chunked.issues.map(\.description) == ["e: holds no records"])
    }
}
