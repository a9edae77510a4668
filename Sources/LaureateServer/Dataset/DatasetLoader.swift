public import LaureateCore

#if canImport(Glibc)
import Glibc
#endif

/// Where the dataset comes from.
public struct DatasetConfiguration: Sendable {
    /// The files to merge, in order; empty means the embedded default.
    public var paths: [String]
    public var options: DatasetOptions

    public init(paths: [String] = [], options: DatasetOptions = DatasetOptions()) {
        self.paths = paths
        self.options = options
    }
}

/// Reads dataset files and builds a snapshot: the one place that does dataset I/O.
public enum DatasetLoader {
    /// The path `server.status` shows for the data compiled into the binary.
    public static let embeddedPath = "embedded:laureates.jsonl"

    /// Reads, validates and indexes the configured dataset.
    ///
    /// Kept a plain function that returns, so no caller's frame holds an old snapshot alive across
    /// reloads (HOTPATH.md: a long-lived local kept 75 MB after the first reload).
    /// - Throws: `DatasetLoadError` naming the file, line and reason.
    public static func load(_ configuration: DatasetConfiguration) throws(DatasetLoadError) -> Dataset {
        let sources: [DatasetSource]
        if configuration.paths.isEmpty {
            sources = [DatasetSource(name: embeddedPath, bytes: Array(EmbeddedData.laureatesJSONL.utf8))]
        } else {
            sources = try configuration.paths.map { (path) throws(DatasetLoadError) in
                DatasetSource(name: path, bytes: try readFile(path))
            }
        }
        let records = try DatasetReader.records(from: sources, options: configuration.options)
        return Dataset(records: records, program: .embedded, paths: sources.map(\.name), loadedAt: ISO8601.now())
    }

    /// The whole file, read with POSIX calls (no Foundation on this path).
    /// - Throws: `DatasetLoadError` with the system's reason when it cannot be read.
    public static func readFile(_ path: String) throws(DatasetLoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DatasetLoadError(file: path, line: nil, field: nil, reason: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw DatasetLoadError(file: path, line: nil, field: nil, reason: "cannot stat: \(String(cString: strerror(errno)))") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw DatasetLoadError(file: path, line: nil, field: nil, reason: "not a regular file") }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress! + filled, buffer.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DatasetLoadError(file: path, line: nil, field: nil, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
