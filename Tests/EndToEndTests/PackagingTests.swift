import Foundation
import TestSupport
import Testing

@Suite("Systemd units")
struct PackagingTests {
    static let root = TestPaths.repository
    static let analyze = FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")

    /// The daemon, and the downloader that feeds it (which needs the network the daemon lacks).
    @Test(
        "each service's exposure is 1.5 or lower",
        .enabled(if: analyze || Harness.requireAllTests, "systemd-analyze is not installed"),
        arguments: ["laureated.service", "laureated-refresh.service", "laureated-metrics.service"])
    func exposure(_ name: String) throws {
        try #require(Self.analyze, "systemd-analyze is not installed")
        let unit = Self.root.appendingPathComponent("Packaging/\(name)").path
        let result = try Harness.run(
            URL(fileURLWithPath: "/usr/bin/systemd-analyze"), ["security", "--offline=true", "--threshold=15", unit])
        let line =
            result.stdout.split(separator: "\n").first { $0.contains("Overall exposure level") }.map(String.init) ?? ""
        let score = line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
        #expect(result.status == 0, "\(line)")
        #expect(score.map { $0 <= 1.5 } == true, "\(line)")
    }
}
