import Dispatch
public import LaureateCore
import NIOConcurrencyHelpers
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Where the dataset comes from.
public struct DatasetConfiguration: Sendable {
    /// The files to merge, in order; empty means the embedded default.
    public var paths: [String]
    /// A file served instead of `paths` once it exists (what laureated-refresh fills): until a
    /// first refresh has succeeded, `paths` (or the embedded data) are served. The official file
    /// alone, not merged: it lists every laureate, the embedded ones included under other ids.
    public var refreshedPath: String?
    public var options: DatasetOptions

    public init(paths: [String] = [], refreshedPath: String? = nil, options: DatasetOptions = DatasetOptions()) {
        self.paths = paths
        self.refreshedPath = refreshedPath
        self.options = options
    }

    /// The files a load reads now: the refreshed file if it exists, else `paths`.
    public var effectivePaths: [String] {
        if let refreshedPath, access(refreshedPath, F_OK) == 0 { return [refreshedPath] }
        return paths
    }
}

/// Reads dataset files and builds a snapshot: the one place that does dataset I/O.
public enum DatasetLoader {
    /// The path `server.status` shows for the data compiled into the binary.
    public static let embeddedPath = "embedded:laureates.jsonl"

    /// Reads, validates and indexes the configured dataset.
    ///
    /// Files are streamed a chunk at a time into the snapshot being built, so the peak memory of
    /// a load is about the snapshot itself, not the file plus every record parsed plus the
    /// snapshot. Kept a plain function that returns, so no caller's frame holds an old snapshot
    /// alive across reloads (docs/hotpath.md: a long-lived local kept 75 MB after the first reload).
    /// - Throws: `DatasetLoadError` naming the file, line and reason.
    public static func load(_ configuration: DatasetConfiguration) throws(DatasetLoadError) -> Dataset {
        try MallocTuning.whileLoading { () throws(DatasetLoadError) in try loadFiles(configuration) }
    }

    private static func loadFiles(_ configuration: DatasetConfiguration) throws(DatasetLoadError) -> Dataset {
        let paths = configuration.effectivePaths
        guard !paths.isEmpty else {
            var text = EmbeddedData.laureatesJSONL
            var assembly = DatasetAssembly(
                options: configuration.options, expectedBytes: text.utf8.count, digest: LibcryptoSHA256())
            assembly.beginFile(embeddedPath)
            text.withUTF8 { _ = assembly.read(UnsafeRawBufferPointer($0), isLast: true) }
            return try assembly.finish(loadedAt: ISO8601.now())
        }
        var sizes: [Int] = []
        var modifiedAt: [String: String] = [:]
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                sizes.append(0)
                continue
            }
            sizes.append(Int(status.st_size))
            modifiedAt[path] = ISO8601.string(status.st_mtim.tv_sec)
        }
        // Two stages on the two cores: this thread reads and parses, one of NIO's blocking-work
        // threads indexes (not a Swift concurrency or Dispatch worker, whose pools a blocked
        // thread can starve); a bounded queue of record batches between them keeps the records
        // in flight to a few megabytes.
        let queue = BatchQueue<LoadStage>(capacity: 4)
        let building = AssemblyBox(
            DatasetAssembly(
                options: configuration.options, expectedBytes: sizes.reduce(0, +), digest: LibcryptoSHA256()))
        let built = DispatchSemaphore(value: 0)
        NIOThreadPool.singleton.submit { _ in
            while true {
                switch queue.pop() {
                case .file(let path): building.assembly!.beginFile(path)
                case .records(let batch):
                    // Borrowed through the buffer: iterating the array would copy every record
                    // out of it (a retain and a release per field).
                    batch.withUnsafeBufferPointer { batch in
                        for index in batch.indices { building.assembly!.add(batch[index].0, origin: batch[index].1) }
                    }
                case .end:
                    built.signal()
                    return
                }
            }
        }
        var issues = IssueCollector()
        for path in paths {
            queue.push(.file(path))
            var reader = DatasetFileReader(file: path, options: configuration.options)
            var batch: [(LaureateRecord, LaureateRecord.Origin)] = []
            batch.reserveCapacity(Self.batchSize)
            do {
                try stream(path) { chunk, isLast in
                    reader.read(chunk, isLast: isLast, issues: &issues) { record, origin, _ in
                        batch.append((record, origin))
                        if batch.count == Self.batchSize {
                            queue.push(.records(batch))
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                }
            } catch {
                issues.add(error)
            }
            if !batch.isEmpty { queue.push(.records(batch)) }
        }
        queue.push(.end)
        built.wait()
        var assembly = building.take()
        assembly.merge(issues)
        return try assembly.finish(loadedAt: ISO8601.now(), modifiedAt: modifiedAt)
    }

    /// Records per batch handed from the reading thread to the indexing one.
    private static let batchSize = 256

    /// What the reading stage hands the indexing stage, in file order.
    private enum LoadStage: Sendable {
        case file(String)
        case records([(LaureateRecord, LaureateRecord.Origin)])
        case end
    }

    /// How much of a file is read at a time: large enough that syscalls cost nothing, small
    /// enough that the buffer is noise next to the snapshot.
    static let chunkBytes = 1 << 20

    /// Hands a file to `consume` a chunk at a time, carrying the partial record at the end of
    /// each chunk (what `consume` did not take) over to the next; a record longer than the buffer
    /// grows it.
    /// - Throws: `DatasetLoadError` with the system's reason when it cannot be read.
    static func stream(
        _ path: String, _ consume: (UnsafeRawBufferPointer, _ isLast: Bool) -> Int
    ) throws(DatasetLoadError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw DatasetLoadError(
                file: path, line: nil, field: nil, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            throw DatasetLoadError(
                file: path, line: nil, field: nil, reason: "cannot stat: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DatasetLoadError(file: path, line: nil, field: nil, reason: "not a regular file")
        }
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        var filled = 0
        while true {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DatasetLoadError(
                    file: path, line: nil, field: nil, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            filled += count
            let atEnd = count == 0
            let consumed = buffer.withUnsafeBytes { consume(UnsafeRawBufferPointer(rebasing: $0[..<filled]), atEnd) }
            if atEnd { return }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
            }
        }
    }

    /// The whole file, read with POSIX calls (no Foundation on this path).
    /// - Throws: `DatasetLoadError` with the system's reason when it cannot be read.
    public static func readFile(_ path: String) throws(DatasetLoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(path) { chunk, _ in
            bytes.append(contentsOf: chunk)
            return chunk.count
        }
        return bytes
    }
}

/// A bounded first-in first-out queue between two threads. The lock is a pthread mutex
/// (`NIOLockedValueBox`), which ThreadSanitizer understands; the stdlib's `Mutex` it does not.
private final class BatchQueue<Element: Sendable>: Sendable {
    private let items = NIOLockedValueBox<[Element]>([])
    private let available = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore

    init(capacity: Int) {
        room = DispatchSemaphore(value: capacity)
    }

    func push(_ element: Element) {
        room.wait()
        items.withLockedValue { $0.append(element) }
        available.signal()
    }

    func pop() -> Element {
        available.wait()
        let element = items.withLockedValue { $0.removeFirst() }
        room.signal()
        return element
    }
}

/// The assembly the indexing thread owns until it signals that it is done.
private final class AssemblyBox: @unchecked Sendable {
    var assembly: DatasetAssembly?

    init(_ assembly: DatasetAssembly) {
        self.assembly = assembly
    }

    func take() -> DatasetAssembly { assembly.take()! }
}
