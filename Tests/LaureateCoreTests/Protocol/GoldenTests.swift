import Foundation
import TestSupport
import Testing

@testable import LaureateCore

/// Golden request/response files sent straight through `RequestDispatcher`.
///
/// Each `Golden/<case>.jsonl` holds pairs: a `>` line with the request exactly as sent, then a `<`
/// line with every reply line it produced (`<` alone for none). `RECORD_GOLDEN=1 swift test`
/// rewrites the replies and fails the run, so a re-recording is always looked at.
@Suite("Golden protocol exchanges")
struct GoldenTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Golden")
    static let sourceDirectory = TestPaths.inRepository("Tests/LaureateCoreTests/Golden")
    static let cases =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".jsonl") }.sorted()

    private let dispatcher = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 4242))

    @Test("there are golden cases")
    func present() {
        #expect(Self.cases.count >= 6)
    }

    @Test("replies match the recorded ones", arguments: cases)
    func exchange(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        var connection = ConnectionState(peer: PeerCredentials(pid: 1, uid: 1000, gid: 1000))
        var recorded: [String] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var mismatches = 0
        while let line = lines.popFirst() {
            guard line.hasPrefix(">") else {
                if !line.isEmpty { recorded.append(line) }
                continue
            }
            let request = String(line.dropFirst(2))
            let expected = lines.popFirst() ?? ""
            var output: [UInt8] = []
            Array(request.utf8).withUnsafeBytes { buffer in
                _ = dispatcher.handle(
                    line: buffer, dataset: TestData.embedded, connection: &connection, server: FixedStatus(),
                    into: &output)
            }
            let replies = String(decoding: output, as: UTF8.self).split(separator: "\n").joined(separator: "\n< ")
            let actual = replies.isEmpty ? "<" : "< " + replies
            if actual != expected { mismatches += 1 }
            #expect(actual == expected, "request: \(request)")
            recorded.append(line)
            recorded.append(actual)
        }
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try (recorded.joined(separator: "\n") + "\n").write(
                to: Self.sourceDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name) (\(mismatches) changed); unset RECORD_GOLDEN and run again")
        }
    }
}
