/// The figures `laureate.stats` aggregates, in the order they appear on the wire.
public enum StatsFigure: String, CaseIterable, Sendable {
    case jobs
    case investment = "investment_eur"
    case aid = "aid_eur"

    var datasetFigure: Dataset.Figure {
        switch self {
        case .jobs: .jobs
        case .investment: .investment
        case .aid: .aid
        }
    }
}

/// What is known of one figure over a set of records: how many carry it and, over those, the
/// exact sum, min, max, median and mean.
///
/// Sums are 128-bit: a figure is at most `LaureateRecord.maximumFigure` (2⁵³ − 1) and a dataset
/// holds fewer than 2³² records, so no sum can reach 2⁸⁵, let alone overflow. The median is exact
/// (an integer, or halfway between two: `.5`); the mean is rounded half away from zero to two
/// decimals. All are `null` when no record carries the figure: unknown is never zero.
public struct FigureSummary: Sendable, Equatable {
    public var known = 0
    public var sum: Int128 = 0
    public var min: Int64 = .max
    public var max: Int64 = .min
    /// Twice the median, so that the halfway case stays an integer.
    public var doubledMedian: Int128?

    public init() {}

    /// Summarises `values` (the records' figures, in any order; reordered here). Linear time: one
    /// scan for the sum and the extremes, a selection for the median (no sort: `stats` over
    /// 100 000 records must stay in milliseconds).
    init(values: inout [Int64]) {
        known = values.count
        guard !values.isEmpty else { return }
        for value in values {
            sum += Int128(value)
            min = Swift.min(min, value)
            max = Swift.max(max, value)
        }
        let middle = values.count / 2
        values.withUnsafeMutableBufferPointer { Self.select(middle, in: $0) }
        let upper = values[middle]
        if values.count % 2 == 1 {
            doubledMedian = 2 * Int128(upper)
        } else {
            // Every value before `middle` is at most `upper`: the largest of them is the other middle.
            let lower = values[..<middle].max()!
            doubledMedian = Int128(lower) + Int128(upper)
        }
    }

    /// Moves the `k`th smallest value to position `k`, the smaller ones before it and the larger
    /// after (Hoare's selection with a median-of-three pivot: expected linear time, deterministic).
    static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Int64>) {
        var low = 0
        var high = values.count - 1
        while low < high {
            let a = values[low]
            let b = values[(low + high) / 2]
            let c = values[high]
            let pivot = Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }

    public var sumJSON: JSONValue { known == 0 ? .null : .number(JSONNumber(decimal: sum)) }
    public var minJSON: JSONValue { known == 0 ? .null : .number(JSONNumber(min)) }
    public var maxJSON: JSONValue { known == 0 ? .null : .number(JSONNumber(max)) }

    public var medianJSON: JSONValue {
        guard known > 0, let doubledMedian else { return .null }
        return .number(JSONNumber(hundredths: doubledMedian * 50))
    }

    /// The mean in hundredths, rounded half away from zero (figures are never negative).
    public var meanHundredths: Int128? {
        known == 0 ? nil : (sum * 200 + Int128(known)) / (2 * Int128(known))
    }

    public var meanJSON: JSONValue { meanHundredths.map { .number(JSONNumber(hundredths: $0)) } ?? .null }
}

extension JSONNumber {
    /// The number for an integer of any width.
    init(decimal value: Int128) { self.init(validatedText: String(value)) }

    /// The number for `value / 100`, written without trailing zeros (`12.5`, `12`, `12.25`).
    init(hundredths value: Int128) {
        let whole = value / 100
        let fraction = Int(value % 100)
        var text = String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        self.init(validatedText: text)
    }
}

/// One group of `laureate.stats` (or the total, which has no key).
public struct StatsGroup: Sendable, Equatable {
    /// The grouped values, one per `by` dimension (`nil` for records that lack the field).
    public var key: [String?]
    public var count = 0
    /// By `StatsFigure` order.
    public var figures: [FigureSummary]

    public init(key: [String?], count: Int = 0, figures: [FigureSummary]) {
        self.key = key
        self.count = count
        self.figures = figures
    }

    public func figure(_ figure: StatsFigure) -> FigureSummary {
        switch figure {
        case .jobs: figures[0]
        case .investment: figures[1]
        case .aid: figures[2]
        }
    }

    /// The group as it goes on the wire: `key` a value for one dimension, an array for two.
    func json(withKey: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if withKey {
            let values = key.map { $0.map(JSONValue.string) ?? .null }
            members.append(("key", values.count == 1 ? values[0] : .array(values)))
        }
        members.append(("count", .number(JSONNumber(Int64(count)))))
        let named = zip(StatsFigure.allCases, figures)
        for (figure, summary) in named { members.append((figure.rawValue, summary.sumJSON)) }
        func per(_ name: String, _ value: (FigureSummary) -> JSONValue) {
            members.append((name, .object(JSONObject(named.map { ($0.rawValue, value($1)) }))))
        }
        per("known") { .number(JSONNumber(Int64($0.known))) }
        per("min", \.minJSON)
        per("max", \.maxJSON)
        per("mean", \.meanJSON)
        per("median", \.medianJSON)
        return .object(JSONObject(members))
    }
}

/// The answer to `laureate.stats`.
public struct StatsResult: Sendable, Equatable {
    /// Groups by count, largest first; ties by key; groups with a null key after the others.
    public var groups: [StatsGroup]
    public var total: StatsGroup

    public var json: JSONValue {
        .object(
            JSONObject([
                ("groups", .array(groups.map { $0.json(withKey: true) })),
                ("total", total.json(withKey: false)),
            ])
        )
    }
}
