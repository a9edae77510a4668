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

    /// The snapshot of every record read; `modifiedAt` gives each file's time, as the caller read it.
    /// - Throws: `DatasetLoadError` with the first problems found, if any.
    public consuming func finish(
        loadedAt: String, modifiedAt: [String: String] = [:]
    ) throws(DatasetLoadError) -> Dataset {
        if paths.isEmpty {
            issues.add(DatasetIssue(file: "(none)", line: nil, field: nil, reason: "no dataset file given"))
        }
        try issues.check()
        return builder.build(paths: paths, loadedAt: loadedAt, modifiedAt: modifiedAt)
    }
}
