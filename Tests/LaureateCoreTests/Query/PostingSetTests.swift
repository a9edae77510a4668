import Testing

@testable import LaureateCore

@Suite("Posting sets")
struct PostingSetTests {
    /// Words of every density, from once to every record, so that some become bitmaps.
    private static func sample(records: Int) -> (set: PostingSet, truth: [[Int32]]) {
        let spacings = [1, 2, 3, 7, 31, 32, 33, 100, 5_000, 50_000]
        var truth: [[Int32]] = []
        var builder = PostingSet.Builder()
        for _ in spacings {
            builder.addWord()
            truth.append([])
        }
        for record in 0..<records {
            for (word, spacing) in spacings.enumerated() where record % spacing == word % spacing {
                // A word in two fields of a record: one posting, with both fields.
                builder.add(word: word, record: Int32(record), mask: Self.fields(record))
                builder.add(word: word, record: Int32(record), mask: 0x80)
                truth[word].append(Int32(record))
            }
        }
        return (builder.build(order: Array(spacings.indices), recordCount: records), truth)
    }

    private static func fields(_ record: Int) -> UInt8 { UInt8(1 << (record % 7)) }

    private static func records(_ matches: PostingSet.Matches) -> [Int32] {
        PostingSet.intersection([matches])
    }

    @Test("gives back each word's records, as a list or a bitmap")
    func words() {
        let (set, truth) = Self.sample(records: 40_000)
        var kinds: Set<String> = []
        for word in truth.indices {
            let matches = set.matches(word)
            if case .bitmap = matches { kinds.insert("bitmap") } else { kinds.insert("list") }
            #expect(Self.records(matches) == truth[word])
            #expect(matches.count == truth[word].count)
        }
        #expect(kinds == ["bitmap", "list"])
    }

    @Test("each posting carries the fields its word was added with, for lists and bitmaps alike")
    func fields() {
        let (set, truth) = Self.sample(records: 40_000)
        for word in truth.indices {
            var postings: [(Int, UInt8)] = []
            set.forEachPosting(word) { postings.append(($0, $1)) }
            #expect(postings.map(\.0) == truth[word].map(Int.init))
            #expect(postings.allSatisfy { $0.1 == Self.fields($0.0) | 0x80 })
        }
    }

    @Test("unions of ranges and of any words, and intersections, agree with plain sets")
    func operations() {
        let (set, truth) = Self.sample(records: 40_000)
        for range in [0..<1, 0..<3, 2..<6, 5..<10, 7..<10, 0..<10] {
            let expected = Set(truth[range].joined()).sorted()
            #expect(Self.records(set.union(range)) == expected)
        }
        for words in [[0, 1], [3, 4], [4, 5], [2, 8], [0, 9], [3, 4, 8], [5, 6, 7]] {
            let expected = words.dropFirst().reduce(Set(truth[words[0]])) { $0.intersection(truth[$1]) }.sorted()
            #expect(PostingSet.intersection(words.map(set.matches)) == expected)
            #expect(Self.records(set.union(words)) == Set(words.flatMap { truth[$0] }).sorted())
        }
    }
}
