import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// Fuzz targets. `requests` (the default): bytes as a client would send them, split into lines as
/// the server frames them, each line answered by the dispatcher on the embedded dataset; every
/// reply must be one line of valid JSON, and nothing may crash. `varlink`
/// (`LAUREATE_FUZZ_TARGET=varlink`): the same for the varlink front end, NUL-framed, each reply
/// a NUL-terminated JSON object, until a message that is not a call closes the connection.
/// `datasets` (`LAUREATE_FUZZ_TARGET=datasets`): bytes as a dataset file, read by `DatasetTarget`.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` by Scripts/fuzz, libFuzzer drives
/// `LLVMFuzzerTestOneInput`. In a normal build the executable replays the files given as
/// arguments (a corpus, or a crash to reproduce) through the same function.
enum FuzzTarget {
    static let dataset: Dataset = {
        let records = try! DatasetReader.records(from: [
            DatasetSource(name: "embedded", bytes: Array(EmbeddedData.laureatesJSONL.utf8))
        ])
        return Dataset(records: records, program: .embedded, paths: ["embedded"], loadedAt: "2026-01-01T00:00:00Z")
    }()
    static let dispatcher = RequestDispatcher(version: "fuzz", adminPolicy: AdminPolicy(daemonUID: 0))

    struct Status: ServerStatusSource {
        func currentStatus() -> ServerStatus {
            ServerStatus(
                version: "fuzz", startedAt: "2026-01-01T00:00:00Z", uptimeSeconds: 0, connections: 1, requestsTotal: 0)
        }

        func metricsText(dataset: Dataset) -> String {
            var text = PrometheusText()
            text.family("laureated_dataset_records", .gauge, help: "Records served.")
            text.sample("laureated_dataset_records", Double(dataset.count))
            return text.text
        }
    }

    static let framer = MessageFramer(maximumBytes: 1 << 20)
    static let varlinkFramer = MessageFramer(delimiter: 0, maximumBytes: VarlinkReply.maximumMessageBytes)
    static let varlink = VarlinkDispatcher(requests: dispatcher)

    /// NUL-framed messages through the varlink dispatcher, as the server's varlink connections.
    static func runVarlink(_ input: UnsafeRawBufferPointer) {
        var connection = ConnectionState(peer: PeerCredentials(pid: 1, uid: 0, gid: 0))
        var offset = 0
        while offset < input.count, !connection.streaming {
            guard
                case .message(let message, let consumed) = varlinkFramer.next(
                    in: UnsafeRawBufferPointer(rebasing: input[offset...]), atEnd: false)
            else { return }
            offset += consumed
            var output: [UInt8] = []
            switch varlink.handle(
                message: message, dataset: dataset, connection: &connection, server: Status(), into: &output)
            {
            case .reload(let pending):
                let failure = ProtocolError(.reloadFailed, message: "fuzz", data: ["path": "fuzz", "reason": "fuzz"])
                _ = dispatcher.resume(
                    pending, reloadResult: .failure(failure), dataset: dataset, connection: &connection,
                    server: Status(), into: &output)
            case .close:
                guard output.isEmpty else { fatalError("a closing message got a reply") }
                return
            case .done: break
            }
            checkVarlink(output)
        }
    }

    /// Every varlink reply is a JSON object with parameters or an error name, ended by NUL.
    static func checkVarlink(_ output: [UInt8]) {
        if !output.isEmpty, output.last != 0 { fatalError("a varlink reply does not end with NUL") }
        for reply in output.split(separator: 0) {
            if reply.count > 2048 {
                guard reply.first == UInt8(ascii: "{"), reply.last == UInt8(ascii: "}") else {
                    fatalError("a long varlink reply is not a JSON object")
                }
                continue
            }
            guard case .object(let object)? = try? JSONParser.parse(Array(reply)),
                object["parameters"]?.objectValue != nil || object["error"]?.stringValue != nil
            else { fatalError("a varlink reply is not a reply: \(String(decoding: reply, as: UTF8.self))") }
        }
    }

    /// Frames the input with the server's framer and answers each line with the server's entry.
    static func run(_ input: UnsafeRawBufferPointer) {
        var connection = ConnectionState(peer: PeerCredentials(pid: 1, uid: 1000, gid: 1000))
        _ = framer.forEachMessage(in: input) { line in
            var output: [UInt8] = []
            if case .reload(let pending) = dispatcher.handle(
                line: line, dataset: dataset, connection: &connection,
                server: Status(), into: &output)
            {
                let failure = ProtocolError(.reloadFailed, message: "fuzz", data: ["path": "fuzz", "reason": "fuzz"])
                _ = dispatcher.resume(
                    pending, reloadResult: .failure(failure), dataset: dataset, connection: &connection,
                    server: Status(), into: &output)
            }
            check(output)
        }
    }

    /// Every reply line parses as JSON and is an object or an array of objects. Long replies
    /// (pre-encoded records, the OpenRPC document) are only checked at their ends, which keeps the
    /// fuzzer at thousands of executions a second.
    static func check(_ output: [UInt8]) {
        for reply in output.split(separator: 0x0A) {
            if reply.count > 2048 {
                guard let first = reply.first, let last = reply.last,
                    (first == UInt8(ascii: "{") && last == UInt8(ascii: "}"))
                        || (first == UInt8(ascii: "[") && last == UInt8(ascii: "]"))
                else { fatalError("a long reply is not a JSON object or array") }
                continue
            }
            guard let value = try? JSONParser.parse(Array(reply)) else {
                fatalError("a reply is not valid JSON: \(String(decoding: reply, as: UTF8.self))")
            }
            switch value {
            case .object: break
            case .array(let items) where items.allSatisfy({ $0.objectValue != nil }): break
            default: fatalError("a reply is neither an object nor a batch: \(String(decoding: reply, as: UTF8.self))")
            }
        }
        if !output.isEmpty, output.last != 0x0A { fatalError("a reply does not end its line") }
    }
}

/// Dataset files: the first byte picks a shape (JSON Lines, a JSON array, CSV with our field names,
/// CSV with the official export's columns, or the bytes alone) whose opening is put before the
/// rest, so the fuzzer starts inside each reader. The file is read whole and also in two chunks
/// split where the second byte says, as the daemon streams it: both must agree (the same records
/// and sha256, or both refused). A dataset read back from its own served records must give the
/// same sha256: the canonical form is a fixed point.
enum DatasetTarget {
    static let openings: [[UInt8]] = [
        [], Array("[".utf8), Array("id,company,call,sources,jobs,investment_eur,region,department,sector\n".utf8),
        Array("entreprise;mesure;filiere;code_departement;nom_commune;coordonnees_gps;description_projet\n".utf8), [],
    ]

    static func run(_ input: UnsafeRawBufferPointer) {
        guard input.count >= 2 else { return }
        let bytes = openings[Int(input[0]) % openings.count] + Array(input[2...])
        let whole = read(bytes, split: nil)
        let chunked = read(bytes, split: Int(input[1]) * bytes.count / 256)
        guard whole == chunked else { fatalError("whole and chunked reads disagree: \(whole) vs \(chunked)") }
        guard case .success(let dataset)? = dataset(bytes) else { return }
        var served: [UInt8] = []
        for index in 0..<dataset.count {
            dataset.appendRecordJSON(index, to: &served)
            served.append(0x0A)
        }
        guard case .success(let again)? = Self.dataset(served), again.info.sha256 == dataset.info.sha256 else {
            fatalError("the served records do not read back to the same sha256")
        }
    }

    private static func dataset(_ bytes: [UInt8]) -> Result<Dataset, DatasetLoadError>? {
        Result { () throws(DatasetLoadError) in
            let records = try DatasetReader.records(from: [DatasetSource(name: "fuzz", bytes: bytes)])
            return Dataset(records: records, program: .embedded, paths: ["fuzz"], loadedAt: "2026-01-01T00:00:00Z")
        }
    }

    /// The sha256 of the dataset, or the first problem's line and reason.
    private static func read(_ bytes: [UInt8], split: Int?) -> String {
        var assembly = DatasetAssembly()
        assembly.beginFile("fuzz")
        bytes.withUnsafeBytes { buffer in
            var pending: [UInt8] = []
            let segments = split.map { [(0, $0), ($0, buffer.count)] } ?? [(0, buffer.count)]
            for (start, end) in segments {
                pending += buffer[start..<end]
                let isLast = end == buffer.count
                let consumed = pending.withUnsafeBytes { assembly.read($0, isLast: isLast) }
                pending.removeFirst(consumed)
            }
        }
        do {
            return try assembly.finish(loadedAt: "2026-01-01T00:00:00Z").info.sha256
        } catch {
            let issue = error.issues.first
            return "\(issue?.line ?? 0): \(issue?.reason ?? "")"
        }
    }
}

let fuzzTarget = getenv("LAUREATE_FUZZ_TARGET").map { String(cString: $0) } ?? "requests"

func fuzzRun(_ input: UnsafeRawBufferPointer) {
    switch fuzzTarget {
    case "datasets": DatasetTarget.run(input)
    case "varlink": FuzzTarget.runVarlink(input)
    default: FuzzTarget.run(input)
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        fuzzRun(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
    @_cdecl("laureate_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return runFuzzerDriver(&count, &arguments, fuzzOneInput)
    }
#else
    @main
    enum Replay {
        static func main() {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else { continue }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let read = fread(&chunk, 1, chunk.count, file)
                    if read == 0 { break }
                    bytes += chunk[..<read]
                }
                fclose(file)
                bytes.withUnsafeBytes { fuzzRun($0) }
                count += 1
            }
            print("replayed \(count) inputs without a failure")
        }
    }
#endif
