/// Reads one dataset file a chunk at a time: each call takes the whole records at the start of
/// the bytes it is given and says how many bytes that was; the caller gives the rest again with
/// more of the file after it. A JSON array is read only once it is whole.
package struct DatasetFileReader {
    package let file: String
    package let options: DatasetOptions
    private var format: DatasetReader.Format?
    private var line = 0
    private var started = false
    private var failed = false
    private var recordsEmitted = 0
    private var issuesBeforeFile: Int?
    private var csv: CSVReader
    private var csvRecords: CSVDatasetReader

    package init(file: String, options: DatasetOptions) {
        self.file = file
        self.options = options
        self.csv = CSVReader(file: file)
        self.csvRecords = CSVDatasetReader(file: file, options: options)
    }

    /// Reads the whole records at the start of `bytes`, passing each valid one to `emit` and
    /// each problem to `issues`; returns how many bytes were consumed. A problem that stops the
    /// file (bad JSON array, bad CSV) is collected and the rest of the file is skipped. A file
    /// that holds no record at all is a problem too: an empty or truncated file, most likely
    /// caught mid-write, must not replace the dataset being served.
    package mutating func read(
        _ bytes: UnsafeRawBufferPointer,
        isLast: Bool,
        issues: inout IssueCollector,
        _ emit: (LaureateRecord, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) -> Int {
        let issuesBefore = issuesBeforeFile ?? issues.total
        issuesBeforeFile = issuesBefore
        var emitted = recordsEmitted
        defer { recordsEmitted = emitted }
        let consumed = readRecords(bytes, isLast: isLast, issues: &issues) { record, origin, issues in
            emitted += 1
            emit(record, origin, &issues)
        }
        if isLast, emitted == 0, issues.total == issuesBefore {
            issues.add(DatasetIssue(file: file, line: nil, field: nil, reason: "holds no records"))
        }
        return consumed
    }

    private mutating func readRecords(
        _ bytes: UnsafeRawBufferPointer,
        isLast: Bool,
        issues: inout IssueCollector,
        _ emit: (LaureateRecord, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) -> Int {
        if failed { return bytes.count }
        if format == nil {
            guard let detected = Self.format(of: bytes, isLast: isLast) else { return 0 }
            format = detected
        }
        do throws(DatasetLoadError) {
            switch format! {
            case .jsonArray:
                guard isLast else { return 0 }
                try readArray(bytes, issues: &issues, emit)
                return bytes.count
            case .jsonLines:
                return readLines(bytes, isLast: isLast, issues: &issues, emit)
            case .csv:
                // Moved out and back, not copied: a second reference would copy its tables on write.
                var records = CSVDatasetReader(file: file, options: options)
                swap(&records, &csvRecords)
                defer { swap(&records, &csvRecords) }
                let columns = csv.columns
                return try csv.forEachRow(bytes, isLast: isLast) { (row) throws(DatasetLoadError) in
                    try records.read(row, issues: &issues, emit)
                    if columns.read.isEmpty, let read = records.columnsRead { columns.read = read }
                }
            }
        } catch {
            issues.add(error)
            failed = true
            return bytes.count
        }
    }

    /// The format from the first significant byte, or nil when there is none yet.
    private static func format(of bytes: UnsafeRawBufferPointer, isLast: Bool) -> DatasetReader.Format? {
        var index = 0
        // A byte order mark cut by the chunk's end: wait for the rest of it.
        if !isLast, bytes.count < 3, bytes.elementsEqual([0xEF, 0xBB, 0xBF].prefix(bytes.count)) { return nil }
        if UTF8Validation.startsWithByteOrderMark(bytes) { index = 3 }
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
        { index += 1 }
        guard index < bytes.count else { return isLast ? .jsonLines : nil }
        switch bytes[index] {
        case UInt8(ascii: "["): return .jsonArray
        case UInt8(ascii: "{"): return .jsonLines
        default: return .csv
        }
    }

    private func readArray(
        _ bytes: UnsafeRawBufferPointer,
        issues: inout IssueCollector,
        _ emit: (LaureateRecord, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) throws(DatasetLoadError) {
        let bytes = Array(bytes)
        let elements: [(JSONValue, Int)]
        do {
            elements = try JSONParser.parseArrayElements(bytes)
        } catch {
            throw DatasetLoadError(
                file: file, line: bytes.lineNumber(ofOffset: error.offset), field: nil,
                reason: "invalid JSON: \(error.reason)")
        }
        for (element, offset) in elements {
            let origin = LaureateRecord.Origin(file: file, line: bytes.lineNumber(ofOffset: offset))
            guard let object = element.objectValue else {
                issues.add(
                    DatasetIssue(
                        file: file, line: origin.line, field: nil,
                        reason: "expected a record object, got \(element.typeName)"))
                continue
            }
            validate(object, origin: origin, issues: &issues, emit)
        }
    }

    private mutating func readLines(
        _ bytes: UnsafeRawBufferPointer,
        isLast: Bool,
        issues: inout IssueCollector,
        _ emit: (LaureateRecord, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) -> Int {
        var start = 0
        if !started {
            started = true
            if UTF8Validation.startsWithByteOrderMark(bytes) { start = 3 }
        }
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) ?? (isLast ? bytes.count : nil) else { break }
            line += 1
            let text = UnsafeRawBufferPointer(rebasing: bytes[start..<newline])
            start = newline + 1
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let origin = LaureateRecord.Origin(file: file, line: line)
            do throws(JSONParseError) {
                let value = try JSONParser.parse(text)
                guard let object = value.objectValue else {
                    issues.add(
                        DatasetIssue(
                            file: file, line: line, field: nil,
                            reason: "expected a record object, got \(value.typeName)"))
                    continue
                }
                validate(object, origin: origin, issues: &issues, emit)
            } catch {
                issues.add(
                    DatasetIssue(
                        file: file, line: line, field: nil,
                        reason: "invalid JSON: \(error.reason) at column \(error.offset + 1)"))
            }
        }
        return min(start, bytes.count)
    }

    private func validate(
        _ object: JSONObject,
        origin: LaureateRecord.Origin,
        issues: inout IssueCollector,
        _ emit: (LaureateRecord, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) {
        do throws(DatasetLoadError) {
            emit(try LaureateRecord(object, origin: origin), origin, &issues)
        } catch {
            issues.add(error)
        }
    }
}
