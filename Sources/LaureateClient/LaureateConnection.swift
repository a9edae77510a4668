public import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// A reply to one request: the result, or the error the daemon sent.
public enum Reply: Sendable, Equatable {
    case result(JSONValue)
    case error(code: Int, message: String, data: JSONValue?)
}

/// One connection to the daemon's socket, for the CLI, scripts and tests.
///
/// Plain blocking POSIX calls with `poll(2)` timeouts rather than NIO: a CLI run makes one or two
/// round trips, and starting an event loop would cost more than the whole exchange (the startup
/// figure in docs/performance.md). Use it from one thread at a time.
public final class LaureateConnection {
    private let fd: Int32
    private let timeoutMilliseconds: Int32
    private var received: [UInt8] = []
    private var nextID = 1

    /// Connects to `path`.
    /// - Parameter timeout: how long each reply may take; nil waits for ever (for `watch`).
    /// - Throws: `ClientError.unreachable` when nothing listens there.
    public init(path: String, timeout: Double?) throws(ClientError) {
        let fd = try UnixSocket.connect(to: path)
        self.fd = fd
        self.timeoutMilliseconds = timeout.map { Int32(min($0 * 1000, Double(Int32.max))) } ?? -1
    }

    deinit { close(fd) }

    /// Sends one request and waits for its reply.
    /// - Throws: `ClientError` when the exchange fails (an error reply is a `Reply`, not a throw).
    public func call(_ method: String, params: JSONObject? = nil) throws(ClientError) -> Reply {
        let id = nextID
        nextID += 1
        var request: JSONObject = ["jsonrpc": "2.0", "id": .number(JSONNumber(Int64(id))), "method": .string(method)]
        if let params { request["params"] = .object(params) }
        var line = JSONWriter.encode(.object(request))
        line.append(0x0A)
        try send(line)
        while true {
            let message = try receive()
            guard let object = message.objectValue else { throw .badReply("expected a reply object") }
            if object["id"] == nil, object["method"] != nil { continue }
            guard object["id"] == .number(JSONNumber(Int64(id))) else { throw .badReply("reply for another request") }
            return try Self.reply(object)
        }
    }

    /// The reply held in a reply object.
    public static func reply(_ object: JSONObject) throws(ClientError) -> Reply {
        if let result = object["result"] { return .result(result) }
        guard let error = object["error"]?.objectValue, let code = error["code"]?.integerValue else {
            throw .badReply("neither result nor error")
        }
        return .error(code: Int(code), message: error["message"]?.stringValue ?? "", data: error["data"])
    }

    /// Writes raw bytes (whole lines) to the daemon.
    public func send(_ bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .closed
            }
            offset += written
        }
    }

    /// The next line from the daemon, parsed (a reply, or a pushed notification).
    public func receive() throws(ClientError) -> JSONValue {
        let line = try receiveLine()
        do {
            return try JSONParser.parse(line)
        } catch {
            throw .badReply("invalid JSON: \(error)")
        }
    }

    /// The next raw line from the daemon, without its line break.
    public func receiveLine() throws(ClientError) -> [UInt8] {
        while true {
            if let newline = received.firstIndex(of: 0x0A) {
                let line = Array(received[..<newline])
                received.removeSubrange(...newline)
                return line
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeoutMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .closed
            }
            if ready == 0 { throw .timeout(seconds: Double(timeoutMilliseconds) / 1000) }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { throw .closed }
            received.append(contentsOf: chunk[..<count])
        }
    }
}
