import Foundation
import TestSupport
import Testing

@testable import LaureateCore

@Suite("Embedded data")
struct EmbeddedDataTests {
    static let dataDirectory = TestPaths.inRepository("Config/data")

    @Test(
        "the compiled-in copy matches Config/data (run Scripts/embed-data after editing it)",
        arguments: [
            ("laureates.jsonl", EmbeddedData.laureatesJSONL), ("program.json", EmbeddedData.programJSON),
            ("departments.csv", EmbeddedData.departmentsCSV),
        ])
    func inSync(_ file: String, _ embedded: String) throws {
        let onDisk = try String(contentsOf: Self.dataDirectory.appendingPathComponent(file), encoding: .utf8)
        // Multi-line string literals turn CRLF into LF, so compare with line breaks normalised.
        #expect(onDisk.replacing("\r\n", with: "\n").trimmingCharacters(in: .newlines) == embedded)
    }

    @Test("the départements table has all 101 départements")
    func departments() {
        #expect(DepartmentTable.embedded.departments.count == 101)
        #expect(DepartmentTable.embedded.department(code: "2A")?.region == "Corse")
        #expect(DepartmentTable.embedded.canonicalRegion("PAYS DE LA LOIRE") == "Pays de la Loire")
    }

    @Test("the programme facts name every sector")
    func program() {
        #expect(Program.embedded.sectorLabels.count == Sector.allCases.count)
        #expect(Program.embedded.facts["envelope_eur"] == 850_000_000)
    }
}
