import Foundation
import LaureateCore
import MallocInterposerSwift

/// One kind of request, sent one at a time or as one pipelined burst of 1000.
struct AllocationScenario: Sendable {
    static let requestsPerWindow = 1000

    let name: String
    let pipelined: Bool
    /// Whether it goes to the varlink socket (NUL-terminated calls and replies).
    var varlink = false
    /// The request line for request number `n` (newline included; NUL for varlink).
    let request: @Sendable (_ n: Int, _ dataset: Dataset) -> String

    static let all: [AllocationScenario] = [true, false].flatMap { (pipelined: Bool) -> [AllocationScenario] in
        let shape = pipelined ? "pipelined" : "one at a time"
        return [
            AllocationScenario(name: "get, \(shape)", pipelined: pipelined) { n, dataset in
                // Different records, so that no reply is a cached copy of the last one.
                let id = dataset.record(n % dataset.count).objectValue?["id"]?.stringValue ?? ""
                return #"{"jsonrpc":"2.0","id":\#(n),"method":"laureate.get","params":{"id":"\#(id)"}}"# + "\n"
            },
            AllocationScenario(name: "search, \(shape)", pipelined: pipelined) { n, _ in
                #"{"jsonrpc":"2.0","id":\#(n),"method":"laureate.search","params":{"q":"culture cellulaire"}}"#
                    + "\n"
            },
            AllocationScenario(name: "stats by sector, \(shape)", pipelined: pipelined) { n, _ in
                #"{"jsonrpc":"2.0","id":\#(n),"method":"laureate.stats","params":{"by":"sector"}}"# + "\n"
            },
            AllocationScenario(name: "error reply, \(shape)", pipelined: pipelined) { n, _ in
                #"{"jsonrpc":"2.0","id":\#(n),"method":"laureate.get","params":{"id":"no-such-laureate"}}"# + "\n"
            },
            AllocationScenario(name: "varlink get, \(shape)", pipelined: pipelined, varlink: true) { n, dataset in
                let id = dataset.record(n % dataset.count).objectValue?["id"]?.stringValue ?? ""
                return #"{"method":"io.laureated.Dataset.Get","parameters":{"id":"\#(id)"}}"# + "\0"
            },
        ]
    }

    /// The lowest malloc count of `windows` windows of 1000 requests, after three to warm up.
    func countMallocs(client: inout RawClient, dataset: Dataset, windows: Int) throws -> Int {
        var bytes: [UInt8] = []
        var lineEnds: [Int] = []
        for n in 0..<Self.requestsPerWindow {
            bytes.append(contentsOf: request(n, dataset).utf8)
            lineEnds.append(bytes.count)
        }
        var lowest = Int.max
        try bytes.withUnsafeBytes { requests in
            for window in 0..<(3 + windows) {
                let counting = window >= 3
                if counting {
                    MallocInterposerSwift.reset()
                    MallocInterposerSwift.hook()
                }
                if pipelined {
                    try client.exchange(requests, replies: Self.requestsPerWindow, delimiter: varlink ? 0 : 0x0A)
                } else {
                    var start = 0
                    for end in lineEnds {
                        try client.exchange(
                            UnsafeRawBufferPointer(rebasing: requests[start..<end]), replies: 1,
                            delimiter: varlink ? 0 : 0x0A)
                        start = end
                    }
                }
                if counting {
                    MallocInterposerSwift.unhook()
                    lowest = min(lowest, MallocInterposerSwift.getStatistics().mallocCount)
                }
            }
        }
        return lowest
    }
}

/// A client over a non-blocking Unix socket that allocates nothing once made: it writes and
/// reads through one fixed buffer with poll(2), so pipelined requests and their replies flow at
/// once and neither side waits on a full socket buffer.
struct RawClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let descriptor: Int32
    private var received = [UInt8](repeating: 0, count: 1 << 20)

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw Failure(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect \(path): \(String(cString: strerror(errno)))") }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Sends `requests` and reads until `replies` replies, each ended by `delimiter`, have come back.
    mutating func exchange(_ requests: UnsafeRawBufferPointer, replies: Int, delimiter: UInt8) throws {
        let descriptor = self.descriptor
        var written = 0
        var lines = 0
        try received.withUnsafeMutableBytes { buffer in
            while lines < replies {
                let wantsWrite = written < requests.count
                var poller = pollfd(
                    fd: descriptor, events: Int16(POLLIN) | (wantsWrite ? Int16(POLLOUT) : 0), revents: 0)
                guard poll(&poller, 1, 10_000) == 1 else { throw Failure(description: "no reply within 10 s") }
                if wantsWrite, poller.revents & Int16(POLLOUT) != 0 {
                    let sent = write(descriptor, requests.baseAddress! + written, requests.count - written)
                    if sent > 0 {
                        written += sent
                    } else if errno != EAGAIN {
                        throw Failure(description: "write: \(String(cString: strerror(errno)))")
                    }
                }
                if poller.revents & Int16(POLLIN | POLLHUP) != 0 {
                    let count = read(descriptor, buffer.baseAddress!, buffer.count)
                    if count == 0 { throw Failure(description: "the server closed the connection") }
                    if count < 0 {
                        guard errno == EAGAIN else {
                            throw Failure(description: "read: \(String(cString: strerror(errno)))")
                        }
                        continue
                    }
                    var cursor = UnsafeRawPointer(buffer.baseAddress!)
                    let end = cursor + count
                    while cursor < end, let newline = memchr(cursor, Int32(delimiter), end - cursor) {
                        lines += 1
                        cursor = UnsafeRawPointer(newline) + 1
                    }
                }
            }
        }
    }
}
