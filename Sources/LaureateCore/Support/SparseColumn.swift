/// A column of one value per record that costs nothing until a record has a value: official-export
/// rows carry no figures and no project names, and 100 000 of them would fill 3 MB with "none".
struct SparseColumn<Value: Sendable>: Sendable {
    private var values: [Value] = []
    private let absent: Value

    init(absent: Value) {
        self.absent = absent
    }

    /// Whether no record has a value.
    var isEmpty: Bool { values.isEmpty }

    /// Sets record `record`'s value; records come in ascending order.
    mutating func append(_ value: Value?, record: Int) {
        guard let value else {
            if !values.isEmpty { values.append(absent) }
            return
        }
        if values.count < record { values.append(contentsOf: repeatElement(absent, count: record - values.count)) }
        values.append(value)
    }

    subscript(record: Int) -> Value { record < values.count ? values[record] : absent }
}
