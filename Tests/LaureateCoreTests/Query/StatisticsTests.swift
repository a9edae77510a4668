import Testing

@testable import LaureateCore

/// `laureate.stats` against an independent computation: random datasets of thousands of records,
/// figures absent at random and up to the bound, one key and two, with and without filters.
@Suite("Stats against an independent computation")
struct StatisticsTests {
    /// A seeded generator, so the datasets are the same on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let sectors = ["sante", "agroalimentaire", "electronique", "intrants", "5g"]
    static let regions = ["Bretagne", "Occitanie", "Grand Est", "Normandie"]
    static let departments = ["22", "29", "2A", "974", "44"]

    static func records(count: Int, seed: UInt64) -> [JSONObject] {
        var random = Generator(state: seed)
        return (0..<count).map { index in
            var fields: JSONObject = ["call": Bool.random(using: &random) ? "relocalisation" : "autre"]
            if Int.random(in: 0..<6, using: &random) > 0 {
                fields["sector"] = .string(sectors.randomElement(using: &random)!)
            }
            if Bool.random(using: &random) { fields["region"] = .string(regions.randomElement(using: &random)!) }
            if Bool.random(using: &random) {
                fields["department"] = .string(departments.randomElement(using: &random)!)
            }
            for name in ["jobs", "investment_eur", "aid_eur"] where Int.random(in: 0..<3, using: &random) == 0 {
                let value: Int64 =
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: LaureateRecord.maximumFigure
                    case 1: Int64.random(in: 0...LaureateRecord.maximumFigure, using: &random)
                    default: Int64.random(in: 0...1000, using: &random)
                    }
                fields[name] = .number(JSONNumber(value))
            }
            return TestData.record("r\(index)", fields)
        }
    }

    /// The expected group: every aggregate computed here, from the values, as fractions.
    struct Expected {
        var count = 0
        var values: [String: [Int64]] = [:]

        func check(_ group: JSONObject, _ context: String) {
            #expect(group["count"]?.integerValue == Int64(count), "\(context) count")
            for figure in ["jobs", "investment_eur", "aid_eur"] {
                let values = (self.values[figure] ?? []).sorted()
                #expect(group["known"]?.objectValue?[figure]?.integerValue == Int64(values.count), "\(context) known")
                let sum = values.reduce(Int128(0)) { $0 + Int128($1) }
                func text(_ name: String) -> String? {
                    let value = name == "sum" ? group[figure] : group[name]?.objectValue?[figure]
                    if case .number(let number)? = value { return number.text }
                    #expect(value == .null, "\(context) \(name) \(figure) is neither a number nor null")
                    return nil
                }
                guard !values.isEmpty else {
                    for name in ["sum", "min", "max", "mean", "median"] {
                        #expect(text(name) == nil, "\(context) \(name)")
                    }
                    continue
                }
                #expect(text("sum") == String(sum), "\(context) sum \(figure)")
                #expect(text("min") == String(values[0]), "\(context) min \(figure)")
                #expect(text("max") == String(values[values.count - 1]), "\(context) max \(figure)")
                // Median ×2 and mean ×100 as exact integers, compared with the decimal text.
                let middle = values.count / 2
                let doubledMedian =
                    values.count % 2 == 1
                    ? 2 * Int128(values[middle]) : Int128(values[middle - 1]) + Int128(values[middle])
                #expect(text("median").map(Self.hundredths) == doubledMedian * 50, "\(context) median \(figure)")
                let count = Int128(values.count)
                let meanHundredths = (sum * 100 * 2 + count) / (2 * count)
                #expect(text("mean").map(Self.hundredths) == meanHundredths, "\(context) mean \(figure)")
            }
        }

        /// `12.5` → 1250: a decimal with at most two fraction digits, in hundredths.
        static func hundredths(_ text: String) -> Int128 {
            let parts = text.split(separator: ".")
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            #expect(fraction.count <= 2, "\(text) has more than two decimals")
            return Int128(parts[0])! * 100 + Int128(fraction.padding(toLength: 2))!
        }
    }

    static let cases: [(by: JSONValue, filters: JSONObject)] = [
        ("sector", [:]), ("region", [:]), ("department", ["sector": ["sante", "5g"]]), ("call", ["region": "bretagne"]),
        (["sector", "region"], [:]), (["region", "department"], ["call": "relocalisation"]),
        (["call", "sector"], ["department": ["22", "2A"], "region": ["Grand Est", "normandie"]]),
    ]

    @Test("the median by selection is the median by sorting, repeats and all")
    func selection() {
        var random = Generator(state: 7)
        for count in 1...300 {
            let range: ClosedRange<Int64> = count % 3 == 0 ? 0...3 : 0...LaureateRecord.maximumFigure
            var values = (0..<count).map { _ in Int64.random(in: range, using: &random) }
            let sorted = values.sorted()
            let summary = FigureSummary(values: &values)
            let middle = count / 2
            let expected =
                count % 2 == 1 ? 2 * Int128(sorted[middle]) : Int128(sorted[middle - 1]) + Int128(sorted[middle])
            #expect(summary.doubledMedian == expected, "\(count) values")
            #expect(summary.min == sorted[0] && summary.max == sorted[count - 1])
        }
    }

    @Test("unfiltered stats come from the snapshot's cache, equal to a fresh computation")
    func cached() throws {
        let dataset = try TestData.dataset(Self.records(count: 500, seed: 99))
        let first = QueryEngine.stats(try StatsQuery(params: ["by": ["sector", "region"]]), in: dataset)
        let second = QueryEngine.stats(try StatsQuery(params: ["by": ["sector", "region"]]), in: dataset)
        let filtered = QueryEngine.stats(
            try StatsQuery(params: ["by": ["sector", "region"], "call": "relocalisation"]), in: dataset)
        #expect(first == second)
        #expect(filtered.total.count < first.total.count)
    }

    @Test("every aggregate matches, for one key and two, with filters", arguments: 0..<cases.count)
    func matchesIndependentComputation(_ index: Int) throws {
        let records = Self.records(count: 2_000, seed: UInt64(index) + 1)
        let dataset = try TestData.dataset(records)
        let (by, filters) = Self.cases[index]
        var params = filters
        params["by"] = by
        let reply = QueryEngine.stats(try StatsQuery(params: params), in: dataset).json.objectValue!
        let dimensions = by.arrayValue?.compactMap(\.stringValue) ?? [by.stringValue!]
        func keeps(_ record: JSONObject) -> Bool {
            filters.allSatisfy { name, wanted in
                let options = (wanted.arrayValue ?? [wanted]).compactMap(\.stringValue).map(TextFolding.key)
                return record[name]?.stringValue.map { options.contains(TextFolding.key($0)) } ?? false
            }
        }
        var groups: [[String?]: Expected] = [:]
        var total = Expected()
        for record in records where keeps(record) {
            let key = dimensions.map { record[$0]?.stringValue }
            for figure in ["jobs", "investment_eur", "aid_eur"] {
                guard let value = record[figure]?.integerValue else { continue }
                groups[key, default: Expected()].values[figure, default: []].append(value)
                total.values[figure, default: []].append(value)
            }
            groups[key, default: Expected()].count += 1
            total.count += 1
        }
        let replied = reply["groups"]!.arrayValue!.map(\.objectValue!)
        #expect(replied.count == groups.count)
        for group in replied {
            let key: [String?] = (group["key"]!.arrayValue ?? [group["key"]!]).map(\.stringValue)
            guard let expected = groups[key] else {
                Issue.record("unexpected group \(key)")
                continue
            }
            expected.check(group, "group \(key)")
        }
        total.check(reply["total"]!.objectValue!, "total")
        #expect(total.count > 50, "the filters must leave records to count")
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: "0", count: length - count)
    }
}
