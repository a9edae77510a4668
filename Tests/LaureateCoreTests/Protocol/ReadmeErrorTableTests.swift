import Foundation
import TestSupport
import Testing

@testable import LaureateCore

@Suite("README error table")
struct ReadmeErrorTableTests {
    @Test("lists every ErrorCode with its name and meaning, and nothing else")
    func inSync() throws {
        let root = TestPaths.repository
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| -32") }.map { String($0) }
        #expect(rows == ErrorCode.allCases.map { "| \($0.rawValue) | \($0.name) | \($0.meaning) |" })
    }
}
