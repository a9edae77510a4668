import ArgumentParser
import Foundation
import Histogram
import LaureateClient
import LaureateCore

/// `laureate-bench run`: many connections, each sending requests one at a time or pipelined,
/// with latency percentiles from an HdrHistogram.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a server and print throughput and latency percentiles.")

    enum BenchMethod: String, ExpressibleByArgument, CaseIterable {
        case get, search, stats, ping
    }

    @Option(
        name: .short, help: "Socket path of laureated (its varlink socket with --varlink; redis-server's with --redis)."
    )
    var socket: String
    @Option(name: .short, help: "Connections, each on its own thread.") var connections: Int = 1
    @Option(name: .customShort("n"), help: "Requests in all.") var requests: Int = 100_000
    @Option(name: .customShort("P"), help: "Requests sent at once per connection (1: one at a time).") var pipeline:
        Int = 1
    @Option(help: "get (cycles through real ids), search (two-word q), stats (by sector), ping.") var method:
        BenchMethod = .get
    @Flag(help: "Speak RESP to Redis: GET laureate:<id> (needs --ids-from).") var redis = false
    @Flag(help: "Speak varlink to laureated's varlink socket: io.laureated.Dataset.Get (needs --ids-from).")
    var varlink = false
    @Option(help: "A JSON Lines dataset to take ids from (default: ask laureated).") var idsFrom: String?
    @Option(help: "A label for the output row.") var label: String?
    @Flag(help: "Print one CSV row.") var csv = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard connections >= 1, requests >= 1, pipeline >= 1 else {
            throw ValidationError("-c, -n and -P must be at least 1")
        }
        if redis, method != .get { throw ValidationError("--redis measures GET only") }
        if redis, idsFrom == nil { throw ValidationError("--redis needs --ids-from FILE") }
        if varlink, idsFrom == nil, method == .get || method == .search {
            throw ValidationError("--varlink needs --ids-from FILE")
        }
        if varlink, redis { throw ValidationError("--varlink and --redis are two servers: choose one") }
    }

    func run() throws {
        let ids = try loadIDs()
        guard !ids.isEmpty else { throw ValidationError("no ids to request") }
        let requestsLines = ids.map { requestLine(id: $0) }
        let perConnection = requests / connections
        let results = Results(count: connections)
        let start = DispatchTime.now().uptimeNanoseconds
        let progress = Progress(total: perConnection * connections)
        let group = DispatchGroup()
        for worker in 0..<connections {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let outcome = try Worker(
                        path: socket, wire: wire, pipeline: pipeline, requests: requestsLines, offset: worker * 7919,
                        progress: progress
                    )
                    .run(count: perConnection)
                    results.set(worker, outcome)
                } catch {
                    results.fail("\(error)")
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        progress.show(until: group)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let failure = results.failure { throw ValidationError("a connection failed: \(failure)") }
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var errors = 0
        for outcome in results.outcomes.compactMap({ $0 }) {
            histogram.add(outcome.histogram)
            errors += outcome.errors
        }
        report(done: perConnection * connections, errors: errors, seconds: seconds, histogram: histogram)
    }

    private func report(done: Int, errors: Int, seconds: Double, histogram: Histogram<UInt64>) {
        let rate = Double(done) / seconds
        let p50 = Double(histogram.valueAtPercentile(50)) / 1000
        let p99 = Double(histogram.valueAtPercentile(99)) / 1000
        let p999 = Double(histogram.valueAtPercentile(99.9)) / 1000
        let name = label ?? (redis ? "redis GET" : "laureated \(varlink ? "varlink " : "")\(method.rawValue)")
        if csv {
            let fields: [Any] = [
                name, method.rawValue, connections, pipeline, done, errors, String(format: "%.3f", seconds), Int(rate),
                p50,
                p99, p999,
            ]
            print(fields.map { "\($0)" }.joined(separator: ","))
        } else if json {
            print(
                #"{"label":"\#(name)","method":"\#(method.rawValue)","connections":\#(connections),"#
                    + #""pipeline":\#(pipeline),"requests":\#(done),"errors":\#(errors),"seconds":\#(seconds),"#
                    + #""rate":\#(Int(rate)),"p50_us":\#(p50),"p99_us":\#(p99),"p999_us":\#(p999)}"#
            )
        } else {
            print(
                String(
                    format:
                        "%@: %d requests, %d connections, pipeline %d: %.0f req/s in %.2f s; latency p50 %.1f "
                        + "µs, p99 %.1f µs, p99.9 %.1f µs; %d errors",
                    name, done, connections, pipeline, rate, seconds, p50, p99, p999, errors))
        }
    }

    private var wire: Wire { redis ? .resp : varlink ? .varlink : .jsonRPC }

    private func requestLine(id: String) -> [UInt8] {
        if varlink { return varlinkCall(id: id) }
        if redis {
            let key = "laureate:\(id)"
            return Array("*2\r\n$3\r\nGET\r\n$\(key.utf8.count)\r\n\(key)\r\n".utf8)
        }
        switch method {
        case .get:
            return Array(#"{"jsonrpc":"2.0","id":1,"method":"laureate.get","params":{"id":"\#(id)"}}"#.utf8) + [0x0A]
        case .ping: return Array(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#.utf8) + [0x0A]
        case .stats:
            return Array(#"{"jsonrpc":"2.0","id":1,"method":"laureate.stats","params":{"by":"sector"}}"#.utf8) + [0x0A]
        case .search:
            let words = SyntheticLaureates.words
            let first = words[abs(id.hashValue) % words.count]
            let second = words[abs(id.hashValue / 7) % words.count]
            return Array(
                #"{"jsonrpc":"2.0","id":1,"method":"laureate.search","params":{"q":"\#(first) \#(second)","limit":10}}"#
                    .utf8) + [0x0A]
        }
    }

    /// The varlink twin of each request, NUL-terminated.
    private func varlinkCall(id: String) -> [UInt8] {
        let call: String
        switch method {
        case .get: call = #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"\#(id)"}}"#
        case .ping: call = #"{"method":"io.laureated.Dataset.Ping"}"#
        case .stats: call = #"{"method":"io.laureated.Dataset.Stats","parameters":{"by":["sector"]}}"#
        case .search:
            let words = SyntheticLaureates.words
            let first = words[abs(id.hashValue) % words.count]
            let second = words[abs(id.hashValue / 7) % words.count]
            call = #"{"method":"io.laureated.Dataset.Search","parameters":{"q":"\#(first) \#(second)","limit":10}}"#
        }
        return Array(call.utf8) + [0]
    }

    private func loadIDs() throws -> [String] {
        if let idsFrom {
            let text = try String(contentsOfFile: idsFrom, encoding: .utf8)
            return text.split(separator: "\n").compactMap { line in
                (try? JSONParser.parse(String(line)))?.objectValue?["id"]?.stringValue
            }
        }
        if method != .get && method != .search { return ["-"] }
        let connection = try LaureateConnection(path: socket, timeout: 30)
        var ids: [String] = []
        var offset: Int64? = 0
        while let start = offset {
            guard
                case .result(let page) = try connection.call(
                    "laureate.search", params: ["limit": 1000, "offset": .number(JSONNumber(start))]),
                let object = page.objectValue
            else { throw ValidationError("laureate.search failed") }
            ids += (object["items"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue }
            offset = object["next_offset"]?.integerValue
        }
        return ids
    }
}

/// What one connection measured.
struct WorkerOutcome: Sendable {
    var histogram: Histogram<UInt64>
    var errors: Int
}

/// Results collected from the worker threads.
final class Results: @unchecked Sendable {
    // Each worker writes only its own slot; `lock` guards the failure.
    private(set) var outcomes: [WorkerOutcome?]
    private(set) var failure: String?
    private let lock = NSLock()

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: WorkerOutcome) {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
    }

    func fail(_ message: String) {
        lock.lock()
        failure = failure ?? message
        lock.unlock()
    }
}

/// A progress line on a terminal while the workers run.
final class Progress: @unchecked Sendable {
    // Workers add with `lock` held; the reporting thread reads under it.
    private var done = 0
    private let total: Int
    private let lock = NSLock()

    init(total: Int) { self.total = total }

    func add(_ count: Int) {
        lock.lock()
        done += count
        lock.unlock()
    }

    func show(until group: DispatchGroup) {
        let terminal = isatty(STDERR_FILENO) == 1
        while group.wait(timeout: .now() + .milliseconds(500)) == .timedOut {
            guard terminal else { continue }
            lock.lock()
            let current = done
            lock.unlock()
            FileHandle.standardError.write(Data("\r\(current)/\(total) requests".utf8))
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// What a connection speaks.
enum Wire {
    /// JSON-RPC lines to laureated.
    case jsonRPC
    /// NUL-terminated varlink calls to laureated's varlink socket.
    case varlink
    /// RESP to Redis.
    case resp
}

/// One connection's loop: send a pipeline of requests, read as many replies, time the round trip.
struct Worker {
    let path: String
    let wire: Wire
    let pipeline: Int
    let requests: [[UInt8]]
    let offset: Int
    let progress: Progress

    func run(count: Int) throws -> WorkerOutcome {
        let fd = try UnixSocket.connect(to: path)
        defer { close(fd) }
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var reader = ReplyReader(fd: fd, wire: wire)
        var outgoing: [UInt8] = []
        var errors = 0
        var sent = 0
        var next = offset % requests.count
        while sent < count {
            let batch = min(pipeline, count - sent)
            outgoing.removeAll(keepingCapacity: true)
            for _ in 0..<batch {
                outgoing += requests[next]
                next = next + 1 == requests.count ? 0 : next + 1
            }
            let start = DispatchTime.now().uptimeNanoseconds
            var written = 0
            while written < outgoing.count {
                let result = outgoing.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                guard result > 0 else { throw ValidationError("write failed: \(String(cString: strerror(errno)))") }
                written += result
            }
            errors += try reader.read(replies: batch)
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            _ = histogram.record(max(1, elapsed), count: UInt64(batch))
            sent += batch
            progress.add(batch)
        }
        return WorkerOutcome(histogram: histogram, errors: errors)
    }
}

/// Counts replies in the byte stream: JSON lines, NUL-terminated varlink replies, or RESP bulk strings.
struct ReplyReader {
    let fd: Int32
    let wire: Wire
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var start = 0
    private var end = 0
    private static let kindOffset = #"{"jsonrpc":"2.0","id":1,""#.utf8.count

    init(fd: Int32, wire: Wire) {
        self.fd = fd
        self.wire = wire
    }

    /// Reads `replies` replies; returns how many were errors (or Redis nils).
    mutating func read(replies: Int) throws -> Int {
        var remaining = replies
        var errors = 0
        while remaining > 0 {
            if let (length, isError) = nextReply() {
                start += length
                remaining -= 1
                if isError { errors += 1 }
                continue
            }
            if start > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: end - start)
                }
                end -= start
                start = 0
            }
            if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + end, $0.count - end, 0) }
            guard count > 0 else { throw ValidationError("the server closed the connection") }
            end += count
        }
        return errors
    }

    /// The length of the complete reply at `start`, and whether it is an error.
    private func nextReply() -> (Int, Bool)? {
        guard start < end else { return nil }
        if wire != .resp {
            return buffer.withUnsafeBytes { bytes -> (Int, Bool)? in
                let delimiter: Int32 = wire == .varlink ? 0 : 0x0A
                guard let found = memchr(bytes.baseAddress! + start, delimiter, end - start) else { return nil }
                let length = bytes.baseAddress!.distance(to: UnsafeRawPointer(found)) - start + 1
                // JSON-RPC requests carry id 1, so replies start `{"jsonrpc":"2.0","id":1,"` then `result` or
                // `error`; a varlink reply starts `{"parameters"` or `{"error"`.
                let kind = wire == .varlink ? 2 : Self.kindOffset
                return (length, length > kind && bytes[start + kind] == UInt8(ascii: "e"))
            }
        }
        var index = start + 1
        while index + 1 < end, !(buffer[index] == 0x0D && buffer[index + 1] == 0x0A) { index += 1 }
        guard index + 1 < end else { return nil }
        let header = String(decoding: buffer[(start + 1)..<index], as: UTF8.self)
        let kind = buffer[start]
        guard kind == UInt8(ascii: "$"), let length = Int(header) else {
            return (index + 2 - start, kind == UInt8(ascii: "-"))
        }
        if length < 0 { return (index + 2 - start, true) }
        let total = index + 2 + length + 2
        return total <= end ? (total - start, false) : nil
    }
}
