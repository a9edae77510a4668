import Foundation
import TestSupport
import Testing

/// The shared black-box protocol suite (`../shared/conformance`), run against the built daemon.
@Suite("Protocol conformance suite", .timeLimit(.minutes(10)))
struct ConformanceTests {
    static let suite: URL? = {
        let root = TestPaths.repository
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["LAUREATE_CONFORMANCE"],
            root.appendingPathComponent("../shared/conformance/conformance.py").path,
        ]
        return candidates.compactMap { $0 }.map { URL(fileURLWithPath: $0).standardizedFileURL }.first {
            FileManager.default.fileExists(atPath: $0.path)
        }
    }()

    @Test(
        "conformance.py passes every case",
        .enabled(if: suite != nil || Harness.requireAllTests, "../shared/conformance is not beside this checkout"))
    func conformance() throws {
        let suite = try #require(Self.suite, "../shared/conformance/conformance.py is not beside this checkout")
        let result = try Harness.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", suite.path, "--laureated", try Harness.binary("laureated").path], seconds: 600)
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(
            result.status == 0,
            "\(result.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") }.joined(separator: "\n"))")
        #expect(summary.hasSuffix(" 0 failed"), "\(summary)")
    }
}
