import Foundation
import Testing

@testable import LaureateCore

/// The questions of `Golden/search-questions.txt`, asked of the embedded dataset.
@Suite("Search answers what people ask")
struct SearchQuestionsTests {
    struct Question: CustomStringConvertible {
        var q: String
        var expected: [String]
        var about: String
        var description: String { "\(q) → \(expected.joined(separator: " ")) (\(about))" }
    }

    static let questions: [Question] = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Golden/search-questions.txt")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Question(
                q: columns[0], expected: columns[1].split(separator: " ").map(String.init), about: columns[2])
        }
    }()

    private func topThree(_ q: String) throws -> [String] {
        let page = QueryEngine.search(try SearchQuery(params: ["q": .string(q), "limit": 3]), in: TestData.embedded)
        return page.items.map { TestData.embedded.record($0).objectValue!["id"]!.stringValue! }
    }

    @Test("at least 60 questions, and 95 % of them find what is expected in the top 3")
    func questionsAreAnswered() throws {
        #expect(Self.questions.count >= 60)
        var failures: [String] = []
        for question in Self.questions {
            let found = try topThree(question.q)
            if !question.expected.allSatisfy(found.contains) {
                failures.append("\(question): got \(found)")
            }
        }
        let passed = Self.questions.count - failures.count
        print("search questions: \(passed)/\(Self.questions.count) answered in the top 3")
        for failure in failures { print("  missed: \(failure)") }
        #expect(Double(passed) >= 0.95 * Double(Self.questions.count), "\(failures.joined(separator: "\n"))")
    }
}
