/// The facts of the call for projects (`program.info`): served as given, encoded once.
public struct Program: Sendable {
    /// The facts as read.
    public let facts: JSONObject
    /// The compact JSON of `facts`, written into every `program.info` reply.
    public let encoded: [UInt8]
    /// The label of each sector, from the facts' `sectors` list or the built-in default.
    public let sectorLabels: [Sector: String]

    /// Reads the programme facts.
    /// - Throws: `DatasetLoadError` when the text is not a JSON object.
    public init(json: [UInt8], file: String) throws(DatasetLoadError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(json)
        } catch {
            throw DatasetLoadError(
                file: file, line: json.lineNumber(ofOffset: error.offset), field: nil,
                reason: "invalid JSON: \(error.reason)")
        }
        guard let facts = value.objectValue else {
            throw DatasetLoadError(file: file, line: 1, field: nil, reason: "expected a JSON object")
        }
        var labels: [Sector: String] = [:]
        for entry in facts["sectors"]?.arrayValue ?? [] {
            if let id = entry.objectValue?["id"]?.stringValue, let sector = Sector(rawValue: id),
                let label = entry.objectValue?["label"]?.stringValue
            {
                labels[sector] = label
            }
        }
        for sector in Sector.allCases where labels[sector] == nil { labels[sector] = sector.defaultLabel }
        self.facts = facts
        self.encoded = JSONWriter.encode(.object(facts))
        self.sectorLabels = labels
    }

    /// The facts compiled into the binary.
    public static let embedded: Program = {
        do {
            return try Program(json: Array(EmbeddedData.programJSON.utf8), file: "program.json")
        } catch {
            fatalError("the embedded programme facts are invalid: \(error)")
        }
    }()
}

extension Array where Element == UInt8 {
    /// The 1-based line that holds byte `offset`.
    package func lineNumber(ofOffset offset: Int) -> Int {
        var line = 1
        for byte in self[..<Swift.min(offset, count)] where byte == 0x0A { line += 1 }
        return line
    }
}
