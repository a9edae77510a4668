/// One dataset file's name (as the admin gave it, for messages) and contents.
public struct DatasetSource: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Turns dataset files (JSON array, JSON Lines, CSV) into validated records.
///
/// Every problem is reported with file, line and reason, up to `DatasetLoadError.reportedIssueLimit`;
/// an id present twice, in one file or across several, names both places.
public enum DatasetReader {
    /// How a file's records are written.
    public enum Format: String, Sendable {
        case jsonArray = "JSON array"
        case jsonLines = "JSON Lines"
        case csv = "CSV"
    }

    /// The format, from the first significant byte: `[` an array, `{` JSON Lines, else CSV.
    public static func format(of bytes: [UInt8]) -> Format {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .jsonLines }
        switch bytes[index] {
        case UInt8(ascii: "["): return .jsonArray
        case UInt8(ascii: "{"): return .jsonLines
        default: return .csv
        }
    }

    /// Reads and validates every record of every source, in order.
    /// - Throws: `DatasetLoadError` with the first problems found.
    public static func records(
        from sources: [DatasetSource],
        options: DatasetOptions = DatasetOptions()
    ) throws(DatasetLoadError) -> [LaureateRecord] {
        var issues = IssueCollector()
        var records: [LaureateRecord] = []
        var origins: [String: LaureateRecord.Origin] = [:]
        for source in sources {
            do throws(DatasetLoadError) {
                try forEachObject(in: source, options: options, issues: &issues) { object, origin, issues in
                    do throws(DatasetLoadError) {
                        let record = try LaureateRecord(object, origin: origin)
                        if let first = origins[record.id] {
                            issues.add(
                                DatasetIssue(file: origin.file, line: origin.line, field: "id",
                                             reason: "\"\(record.id)\" is already the id of the record at \(first)"))
                        } else {
                            origins[record.id] = origin
                            records.append(record)
                        }
                    } catch {
                        issues.add(error)
                    }
                }
            } catch {
                issues.add(error)
            }
        }
        if sources.isEmpty {
            issues.add(DatasetIssue(file: "(none)", line: nil, field: nil, reason: "no dataset file given"))
        }
        try issues.check()
        return records
    }

    /// Calls `body` with each record object of a source and where it starts.
    /// - Throws: `DatasetLoadError` for a problem that stops reading the file (bad JSON, bad CSV).
    static func forEachObject(
        in source: DatasetSource,
        options: DatasetOptions,
        issues: inout IssueCollector,
        _ body: (JSONObject, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) throws(DatasetLoadError) {
        let file = source.name
        switch format(of: source.bytes) {
        case .jsonArray:
            let elements: [(JSONValue, Int)]
            do {
                elements = try JSONParser.parseArrayElements(source.bytes)
            } catch {
                throw DatasetLoadError(file: file, line: source.bytes.lineNumber(ofOffset: error.offset), field: nil,
                                       reason: "invalid JSON: \(error.reason)")
            }
            for (element, offset) in elements {
                let origin = LaureateRecord.Origin(file: file, line: source.bytes.lineNumber(ofOffset: offset))
                guard let object = element.objectValue else {
                    issues.add(DatasetIssue(file: file, line: origin.line, field: nil, reason: "expected a record object, got \(element.typeName)"))
                    continue
                }
                body(object, origin, &issues)
            }
        case .jsonLines:
            try withBytes(source.bytes) { (buffer) throws(DatasetLoadError) in
                var line = 0
                var start = 0
                if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
                while start < buffer.count {
                    line += 1
                    var end = start
                    while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                    let text = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
                    start = end + 1
                    if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    let origin = LaureateRecord.Origin(file: file, line: line)
                    do throws(JSONParseError) {
                        let value = try JSONParser.parse(text)
                        guard let object = value.objectValue else {
                            issues.add(DatasetIssue(file: file, line: line, field: nil, reason: "expected a record object, got \(value.typeName)"))
                            continue
                        }
                        body(object, origin, &issues)
                    } catch {
                        issues.add(DatasetIssue(file: file, line: line, field: nil, reason: "invalid JSON: \(error.reason) at column \(error.offset + 1)"))
                    }
                }
            }
        case .csv:
            try withBytes(source.bytes) { (buffer) throws(DatasetLoadError) in
                try CSVDatasetReader.forEachObject(buffer, file: file, options: options, issues: &issues, body)
            }
        }
    }
}

/// Choices an admin makes about what a dataset may hold.
public struct DatasetOptions: Sendable {
    /// Keep official-export rows whose `filiere` maps to no sector (without a sector) instead of failing.
    public var allowUnknownSector: Bool

    public init(allowUnknownSector: Bool = false) {
        self.allowUnknownSector = allowUnknownSector
    }
}
