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

    /// Reads and validates every record of every source, in order (for tools and tests; the
    /// daemon streams files through `DatasetAssembly` instead).
    /// - Throws: `DatasetLoadError` with the first problems found.
    public static func records(
        from sources: [DatasetSource],
        options: DatasetOptions = DatasetOptions()
    ) throws(DatasetLoadError) -> [LaureateRecord] {
        var issues = IssueCollector()
        var records: [LaureateRecord] = []
        var origins: [String: LaureateRecord.Origin] = [:]
        for source in sources {
            var reader = DatasetFileReader(file: source.name, options: options)
            withBytes(source.bytes) { buffer in
                _ = reader.read(buffer, isLast: true, issues: &issues) { record, origin, issues in
                    if let first = origins[record.id] {
                        issues.add(.duplicateID(record.id, at: origin, first: first))
                    } else {
                        origins[record.id] = origin
                        records.append(record)
                    }
                }
            }
        }
        if sources.isEmpty {
            issues.add(DatasetIssue(file: "(none)", line: nil, field: nil, reason: "no dataset file given"))
        }
        try issues.check()
        return records
    }
}
