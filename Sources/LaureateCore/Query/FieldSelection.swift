/// The optional `fields` param of `laureate.get` and `laureate.search`: the record members a reply
/// keeps, as Core Lightning's `filter` does, so that a script reading two fields of a thousand
/// records does not move whole records.
///
/// `id` is always kept, so that every selected record still says which laureate it is. Members
/// keep the record's canonical order whatever the order asked, and a member a record lacks stays
/// absent (unknown is never invented). A name that is neither a documented field nor one a record
/// of the dataset carries is refused: a typo would otherwise silently select nothing.
public struct FieldSelection: Sendable, Equatable {
    /// The names asked for, `id` included.
    public let names: Set<String>

    public init(names: Set<String>) {
        self.names = names.union(["id"])
    }

    /// Reads `fields` from the params: nil when absent.
    /// - Parameter known: the names a record may carry, asked only when `fields` is given.
    /// - Throws: `QueryError.invalidParam` for a value that is not a non-empty array of names, or
    ///   names a field that is not in `known`.
    public init?(params: JSONObject, known: @autoclosure () -> [String]) throws(QueryError) {
        guard let value = params["fields"] else { return nil }
        let known = known()
        guard let array = value.arrayValue, !array.isEmpty else {
            throw .invalidParam(
                name: "fields", reason: "expected a non-empty array of field names, got \(JSONWriter.string(value))")
        }
        var names: Set<String> = []
        for element in array {
            guard let name = element.stringValue else {
                throw .invalidParam(
                    name: "fields", reason: "expected field names as strings, got \(JSONWriter.string(element))")
            }
            guard known.contains(name) else {
                throw .invalidParam(
                    name: "fields",
                    reason: "no field \"\(name)\"; the fields are \(known.joined(separator: ", "))")
            }
            names.insert(name)
        }
        self.init(names: names)
    }

    /// Appends the JSON of record `index` with only the selected members.
    func appendRecordJSON(_ index: Int, of dataset: Dataset, to output: inout [UInt8]) {
        guard let record = dataset.record(index).objectValue else { return }
        JSONWriter.write(.object(JSONObject(record.members.filter { names.contains($0.key) })), into: &output)
    }
}
