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

/// Builds a dataset from files read a chunk at a time, the daemon's way to load: the files are
/// never in memory whole, and the records go straight into the snapshot's tables.
public struct DatasetAssembly {
    private var builder: DatasetBuilder
    private var issues = IssueCollector()
    private var reader: DatasetFileReader?
    private let options: DatasetOptions
    private var paths: [String] = []

    /// - Parameters:
    ///   - expectedBytes: the size of the files to read, to size the record block.
    ///   - digest: computes the fingerprint (the portable `SHA256` unless given).
    public init(
        options: DatasetOptions = DatasetOptions(), program: Program = .embedded, expectedBytes: Int = 0,
        digest: any SHA256Digest = SHA256()
    ) {
        self.options = options
        self.builder = DatasetBuilder(program: program, expectedBytes: expectedBytes * 2, digest: digest)
    }

    /// Starts the next file; its bytes follow through `read`.
    public mutating func beginFile(_ name: String) {
        paths.append(name)
        reader = DatasetFileReader(file: name, options: options)
    }

    /// Reads the whole records at the start of `chunk` (all of it when `isLast`); returns how
    /// many bytes were consumed. The caller keeps the rest and gives it again with what follows.
    public mutating func read(_ chunk: UnsafeRawBufferPointer, isLast: Bool) -> Int {
        guard var reader = reader.take() else { preconditionFailure("beginFile first") }
        var issues = self.issues
        defer {
            self.reader = reader
            self.issues = issues
        }
        return reader.read(chunk, isLast: isLast, issues: &issues) { record, origin, issues in
            add(record, origin: origin, issues: &issues)
        }
    }

    /// Adds a record read elsewhere (the daemon reads on one thread and builds on another).
    public mutating func add(_ record: LaureateRecord, origin: LaureateRecord.Origin) {
        var issues = self.issues
        add(record, origin: origin, issues: &issues)
        self.issues = issues
    }

    private mutating func add(_ record: LaureateRecord, origin: LaureateRecord.Origin, issues: inout IssueCollector) {
        if let first = builder.add(record, origin: origin) {
            issues.add(.duplicateID(record.id, at: origin, first: first))
        }
    }

    /// Takes the problems found by a reader run elsewhere; all problems are then reported in
    /// file and line order.
    package mutating func merge(_ other: IssueCollector) {
        issues.merge(other, fileOrder: paths)
    }

    /// The snapshot of every record read.
    /// - Throws: `DatasetLoadError` with the first problems found, if any.
    public consuming func finish(loadedAt: String) throws(DatasetLoadError) -> Dataset {
        if paths.isEmpty {
            issues.add(DatasetIssue(file: "(none)", line: nil, field: nil, reason: "no dataset file given"))
        }
        try issues.check()
        return builder.build(paths: paths, loadedAt: loadedAt)
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
