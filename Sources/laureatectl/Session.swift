import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// The exit codes of `laureatectl`, as `sysexits.h` names them.
enum ExitStatus: Int32 {
    case ok = 0
    case errorReply = 1
    case usage = 64
    case unavailable = 69
    case timeout = 75
    case forbidden = 77
}

/// One run of a subcommand: connects, calls, prints, and turns failures into exit codes.
struct Session {
    let options: GlobalOptions
    let terminal: Terminal

    init(options: GlobalOptions) {
        self.options = options
        self.terminal = Terminal(colorMode: options.color)
    }

    /// Calls `method` and returns its result, or prints the error and exits with its code.
    func call(_ method: String, _ params: JSONObject? = nil, timeout: TimeSpan? = nil) throws -> JSONValue {
        let connection = try connect(timeout: (timeout ?? options.timeout).seconds)
        return try result(of: { () throws(ClientError) in try connection.call(method, params: params) })
    }

    /// Connects, retrying for `--wait` while nothing listens yet (not when permission is denied).
    /// - Parameter timeout: how long each reply may take; nil for no limit.
    func connect(timeout: Double?) throws -> LaureateConnection {
        let path = SocketPath.resolve(flag: options.socket, environment: Self.environment())
        let deadline = options.wait.map { wait in wait.seconds.map { Self.now() + $0 } ?? .infinity }
        while true {
            do {
                return try LaureateConnection(path: path, timeout: timeout)
            } catch {
                guard let deadline, Self.now() < deadline, case .unreachable = error,
                    access(path, F_OK) != 0 || access(path, W_OK) == 0
                else { throw fail(error) }
                usleep(100_000)
            }
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The result of an exchange, or the matching exit after printing the error.
    func result(of exchange: () throws(ClientError) -> Reply) throws -> JSONValue {
        switch try reply(of: exchange) {
        case .result(let value):
            return value
        case .error(let code, let message, let data):
            throw ExitCode(report(code: code, message: message, data: data).rawValue)
        }
    }

    /// The reply of an exchange, error replies included, or the matching exit after printing a
    /// failure to get one.
    func reply(of exchange: () throws(ClientError) -> Reply) throws -> Reply {
        do {
            return try exchange()
        } catch {
            throw fail(error)
        }
    }

    /// Prints a daemon's error reply and returns the exit status it maps to.
    func report(code: Int, message: String, data: JSONValue?) -> ExitStatus {
        let status: ExitStatus = code == ErrorCode.forbidden.rawValue ? .forbidden : .errorReply
        printError(message, status: status, code: code, data: data)
        return status
    }

    /// Prints a client failure (in `message`'s words when given) and returns the exit to throw.
    func fail(_ error: ClientError, message custom: String? = nil) -> ExitCode {
        let status: ExitStatus
        switch error {
        case .unreachable: status = .unavailable
        case .timeout: status = .timeout
        case .closed, .badReply: status = .unavailable
        }
        var message = custom ?? error.description
        if case .unreachable(let path, _) = error, let hint = Self.hint(forUnreachable: path) { message += "; \(hint)" }
        printError(message, status: status, code: nil, data: nil)
        return ExitCode(status.rawValue)
    }

    /// What to do about a socket that cannot be reached, from what is at its path.
    static func hint(forUnreachable path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return errno == ENOENT
                ? "is laureated running? systemctl start laureated.socket, or --socket PATH" : nil
        }
        guard status.st_mode & S_IFMT == S_IFSOCK else { return "\(path) is not a socket" }
        if access(path, W_OK) != 0 {
            return "join the laureated group to use it: sudo usermod -aG laureated $USER, then log in again"
        }
        return "nothing listens there: systemctl restart laureated.socket"
    }

    /// Every error goes to stderr, so that stdout holds results only (`--json get nope | jq`
    /// prints nothing): `laureatectl: MESSAGE` for people; with `--json`, and for `call`, one JSON
    /// line of one shape for the daemon's errors and the client's alike,
    /// `{"error":{"code":C,"message":M,"data":D,"exit":N}}`, `code` and `data` null when no reply came.
    private func printError(_ message: String, status: ExitStatus, code: Int?, data: JSONValue?) {
        guard options.format.isJSON else { return terminal.error(message) }
        let error: JSONObject = [
            "code": code.map { .number(JSONNumber(Int64($0))) } ?? .null, "message": .string(message),
            "data": data ?? .null, "exit": .number(JSONNumber(Int64(status.rawValue))),
        ]
        var bytes: [UInt8] = []
        JSONWriter.write(["error": .object(error)], into: &bytes)
        terminal.errorLine(String(decoding: bytes, as: UTF8.self))
    }

    /// Calls a method that takes no params and prints its result: the JSON with `--json`, else the
    /// view of it for people.
    func show(_ method: String, _ view: (JSONValue, Terminal) -> String) throws {
        try refuseDelimited()
        let result = try call(method)
        if options.format.isJSON { return printJSON(result) }
        terminal.out(view(result.visible, terminal))
    }

    /// How many records the daemon serves, as `server.status` reports them.
    func servedRecords() throws -> Int64? {
        try call("server.status").objectValue?["dataset"]?.objectValue?["records"]?.integerValue
    }

    /// Exits 64 when csv or tsv is asked of a result that is not rows.
    func refuseDelimited() throws {
        guard options.format.isDelimited else { return }
        throw ValidationError(
            "--output \(options.format.rawValue) is for get, search, stats and sectors; here use --output json")
    }

    /// Prints rows in the machine format asked for.
    func printRows(columns: [String], _ rows: [JSONObject]) {
        if options.format == .jsonl {
            for row in rows { printJSONLine(.object(JSONObject(columns.map { ($0, row[$0] ?? .null) }))) }
            return
        }
        let writer = DelimitedWriter(format: options.format, separator: options.separator)
        for line in writer.lines(columns: columns, rows: rows) { terminal.out(line) }
    }

    /// A line for people that says what was shown (a count, where to go next): on stdout on a
    /// terminal, on stderr when piped, so that a pipe gets the rows only and the words are not lost.
    func printFooter(_ text: String) {
        if terminal.isTTY {
            terminal.out(terminal.dim(text))
        } else {
            terminal.errorLine(text)
        }
    }

    /// One element of a stream (a record of `--output jsonl`, a page of `search --all --json`, an
    /// event of `watch`): one line, after an RS character with `--seq` (RFC 7464).
    func printJSONLine(_ value: JSONValue) {
        terminal.out((options.seq ? "\u{1E}" : "") + JSONWriter.string(value))
    }

    /// Prints JSON: pretty on a terminal, one line when piped or with `--output jsonl`.
    func printJSON(_ value: JSONValue) {
        if options.format == .jsonl { return printJSONLine(value) }
        var bytes: [UInt8] = []
        if terminal.isTTY, options.format != .jsonl {
            JSONWriter.writePretty(value, into: &bytes)
        } else {
            JSONWriter.write(value, into: &bytes)
        }
        terminal.out(String(decoding: bytes, as: UTF8.self))
    }

    /// The variables the socket path is resolved with.
    static func environment() -> [String: String] {
        var values: [String: String] = [:]
        for name in ["LAUREATED_SOCKET", "XDG_RUNTIME_DIR"] {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
