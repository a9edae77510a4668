import Foundation
import LaureateClient
import LaureateCore
import TestSupport
import Testing

@Suite("laureatectl end to end", .serialized, .timeLimit(.minutes(5)))
struct LaureateCtlTests {
    @Test("get, search, stats, program, status and sectors give readable answers")
    func human() throws {
        let daemon = try Daemon()
        let get = try daemon.ctl(["get", "lacio"])
        #expect(get.status == 0)
        #expect(get.stdout.hasPrefix("LACIO — Lasers et Combineurs pour l'Instrumentation Optique"))
        #expect(get.stdout.contains("Oxxius") && get.stdout.contains("Lannion (22, Bretagne)"))
        let search = try daemon.ctl(["search", "--q", "électronique", "--region", "bretagne"])
        // Piped, the footer goes to stderr: stdout holds the rows only.
        #expect(search.stdout.contains("lacio") && search.stderr == "4 laureates\n")
        let stats = try daemon.ctl(["stats", "--by", "sector"])
        #expect(stats.stdout.contains("electronique") && stats.stdout.contains("█") && stats.stdout.contains("total"))
        let program = try daemon.ctl(["program"])
        // Narrow no-break spaces between thousands, a no-break space before the sign: one word.
        #expect(program.stdout.contains("850\u{202F}000\u{202F}000\u{00A0}€"))
        let status = try daemon.ctl(["status"])
        #expect(status.stdout.contains("records") && status.stdout.contains("89"))
        #expect(try daemon.ctl(["sectors"]).stdout.contains("Électronique"))
        #expect(daemon.stop() == 0)
    }

    @Test("--json prints the exact result, one line when piped")
    func json() throws {
        let daemon = try Daemon()
        let get = try daemon.ctl(["--json", "get", "lacio"])
        #expect(
            get.stdout.hasPrefix(#"{"id":"lacio","project":"LACIO""#) && get.stdout.split(separator: "\n").count == 1)
        let call = try daemon.ctl(["call", "laureate.get", #"{"id":"sekkoia"}"#])
        #expect(call.stdout.contains(#""company":"Atlanta""#))
        #expect(daemon.stop() == 0)
    }

    @Test("wide characters keep the columns aligned; control characters never reach the terminal raw")
    func wideAndControl() throws {
        let directory = try Harness.temporaryDirectory()
        let file = directory.appendingPathComponent("wide.jsonl")
        let tail = #","call":"relocalisation","sources":["https://example.org"]}"#
        let records = [
            #"{"id":"cjk","project":"東京精密工場","company":"株式会社テスト","jobs":12"#,
            #"{"id":"emoji","project":"Usine 🏭 verte","company":"Café ☕️ SA""#,
            #"{"id":"escape","project":"Red \u001b[31mALERT\u001b[0m","company":"Bell\u0007 Co\u009b""#,
            #"{"id":"accent","project":"Cafe\u0301 combine\u0301","company":"Plain""#,
        ].map { $0 + tail }
        try (records.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let daemon = try Daemon(arguments: ["--dataset", file.path])
        for (columns, colour) in [("60", "never"), ("200", "always")] {
            let table = try daemon.ctl(["--color", colour, "search"], environment: ["COLUMNS": columns])
            #expect(table.status == 0)
            let escapes = table.stdout.unicodeScalars.filter { $0 == "\u{1B}" }.count
            // With colour, only the header's bold on and off; the data's own escapes are shown as text.
            #expect(escapes == (colour == "always" ? 2 : 0), "\(table.stdout.debugDescription)")
            if columns == "200" {
                #expect(
                    table.stdout.contains(#"Red \x1b[31mALERT\x1b[0m"#) && table.stdout.contains(#"Bell\x07 Co\x9b"#))
            }
            #expect(!table.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\u{1B}" })
            // Every row's COMPANY column starts at the header's column, counted in terminal columns.
            let lines = table.stdout.split(separator: "\n").map { line in
                String(line).replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(
                    of: "\u{1B}[0m", with: "")
            }
            let header = try #require(lines.first)
            let companyColumn = Self.columns(String(header[..<(try #require(header.range(of: "COMPANY"))).lowerBound]))
            for line in lines.dropFirst() {
                // Prefixes, as at 60 columns a cell may be cut (never through a wide character).
                let company = ["Plain", "株式", "Bell", "Café"].first { line.contains($0) }
                let index = try #require(company.flatMap { line.range(of: $0) }, "\(line)")
                #expect(Self.columns(String(line[..<index.lowerBound])) == companyColumn, "\(line)")
            }
        }
        #expect(daemon.stop() == 0)
    }

    /// Terminal columns of `text`, counted independently of the client's code: East Asian wide
    /// and emoji scalars two, combining marks and selectors none.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0xFE0F: total
            case 0x3000...0x9FFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF, 0x2615: total + 2
            default: total + 1
            }
        }
    }

    @Test("--wait waits for a daemon that starts later; --timeout takes systemd time spans")
    func waitAndTimeSpans() throws {
        let directory = try Harness.temporaryDirectory()
        let path = directory.appendingPathComponent("late.sock").path
        let ctl = Process()
        ctl.executableURL = try Harness.binary("laureatectl")
        ctl.arguments = ["--socket", path, "--wait", "30s", "--timeout", "2s", "--json", "ping"]
        let output = Pipe()
        ctl.standardOutput = output
        try ctl.run()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(ctl.isRunning, "laureatectl --wait gave up before the daemon started")
        let daemon = Process()
        daemon.executableURL = try Harness.binary("laureated")
        daemon.arguments = ["--socket", path]
        daemon.environment = ProcessInfo.processInfo.environment.filter { $0.key != "NOTIFY_SOCKET" }
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer {
            daemon.terminate()
            daemon.waitUntilExit()
        }
        #expect(ctl.waitForExit(seconds: 30))
        #expect(ctl.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "\"pong\"\n")
        for span in ["500ms", "1min 30s", "infinity", "2.5"] {
            #expect(
                try Harness.run(Harness.binary("laureatectl"), ["--socket", path, "--timeout", span, "ping"]).status
                    == 0)
        }
        for span in ["0", "5x", "ms"] {
            #expect(
                try Harness.run(Harness.binary("laureatectl"), ["--socket", path, "--timeout", span, "ping"]).status
                    == 64)
        }
        let gone = try Harness.run(
            Harness.binary("laureatectl"), ["--socket", path + ".none", "--wait", "300ms", "ping"])
        #expect(gone.status == 69 && gone.stderr.contains("systemctl start laureated.socket"))
    }

    @Test("piped, or at 60 columns, the search table shows every id whole")
    func idsNeverCut() throws {
        let daemon = try Daemon()
        let all = try daemon.ctl(["search", "--all", "--output", "jsonl", "--fields", "id"])
        let ids = all.stdout.split(separator: "\n").compactMap { line in
            (try? JSONParser.parse(String(line)))?.objectValue?["id"]?.stringValue
        }
        #expect(ids.count == 89)
        for columns in [nil, "60", "200"] {
            let table = try daemon.ctl(["search", "--all"], environment: columns.map { ["COLUMNS": $0] } ?? [:])
            let shown = table.stdout.split(separator: "\n").dropFirst().map {
                String($0.prefix { $0 != " " })
            }
            #expect(shown == ids, "COLUMNS=\(columns ?? "unset")")
            if columns == nil { #expect(!table.stdout.contains("…"), "piped, no cell is cut") }
        }
        #expect(daemon.stop() == 0)
    }

    @Test("with --json every error is one JSON line on stderr, of one shape, and stdout stays empty")
    func jsonErrors() throws {
        let daemon = try Daemon()
        let missing = try daemon.ctl(["--json", "get", "no-such-laureate"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        let reply = try JSONParser.parse(missing.stderr).objectValue?["error"]?.objectValue
        #expect(reply?["code"]?.integerValue == -32001 && reply?["exit"]?.integerValue == 1)
        #expect(daemon.stop() == 0)
        let down = try daemon.ctl(["--json", "ping"])
        #expect(down.status == 69 && down.stdout.isEmpty)
        let failure = try JSONParser.parse(down.stderr).objectValue?["error"]?.objectValue
        #expect(failure?["code"] == .null && failure?["exit"]?.integerValue == 69)
        #expect(Set(failure?.map(\.key) ?? []) == Set(reply?.map(\.key) ?? []), "one shape")
    }

    @Test("exit codes: 1 error reply, 64 usage, 69 unreachable")
    func exitCodes() throws {
        let daemon = try Daemon()
        let missing = try daemon.ctl(["get", "no-such-laureate"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "laureatectl: no laureate with id \"no-such-laureate\"\n")
        #expect(try daemon.ctl(["stats", "--by", "colour"]).status == 64)
        #expect(try daemon.ctl(["frobnicate"]).status == 64)
        #expect(daemon.stop() == 0)
        let down = try daemon.ctl(["ping"])
        #expect(down.status == 69)
        #expect(down.stderr.split(separator: "\n").count == 1)
    }

    @Test("exit 75 when no reply comes within --timeout")
    func timeout() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("silent.sock").path
        let fd = UnixSocket.bound(to: path, type: Int32(SOCK_STREAM.rawValue))
        defer { close(fd) }
        #expect(listen(fd, 4) == 0)
        let result = try Harness.run(try Harness.binary("laureatectl"), ["--socket", path, "--timeout", "0.3", "ping"])
        #expect(result.status == 75)
        #expect(result.stderr == "laureatectl: no reply within 0.3 s\n")
    }

    @Test(
        "exit 77 when a non-admin uid asks for a reload; root may",
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv"))
    func forbidden() throws {
        // A socket every local user may open, so that the uid check is the daemon's, not the file's.
        let daemon = try Daemon(environment: ["LAUREATED_SOCKET_MODE": "0666"])
        chmod(daemon.directory.path, 0o755)
        let ctl = try Harness.binary("laureatectl")
        let nobody = try Harness.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=65534", "--regid=65534", "--clear-groups", ctl.path, "--socket", daemon.socket, "reload"])
        #expect(nobody.status == 77, "\(nobody.stderr)")
        #expect(nobody.stderr.contains("forbidden"))
        let query = try Harness.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", ctl.path, "--socket", daemon.socket, "--json",
                "get", "lacio",
            ])
        #expect(query.status == 0, "anyone the socket lets in may query")
        // A socket of the default mode (0660) is closed to others, and the client says what to do.
        let closed = try Daemon()
        chmod(closed.directory.path, 0o755)
        let outsider = try Harness.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=65534", "--regid=65534", "--clear-groups", ctl.path, "--socket", closed.socket, "ping"])
        #expect(outsider.status == 69)
        #expect(outsider.stderr.contains("Permission denied; join the laureated group"), "\(outsider.stderr)")
        #expect(closed.stop() == 0)
        let root = try daemon.ctl(["reload"])
        #expect(root.status == 0)
        #expect(root.stdout.hasPrefix("Reloaded 89 records"))
        #expect(daemon.stop() == 0)
    }

    @Test("watch prints each dataset.reloaded as it comes")
    func watch() throws {
        let daemon = try Daemon()
        let process = Process()
        process.executableURL = try Harness.binary("laureatectl")
        process.arguments = ["--socket", daemon.socket, "--json", "watch"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        let text = try Self.firstWatchLine(output, daemon: daemon, reloadStatus: 0)
        // The event's params, not the JSON-RPC envelope, as every other command prints its result.
        #expect(text.hasPrefix(#"{"dataset":{"#), "\(text)")
        #expect(daemon.stop() == 0)
        // The daemon gone, watch says so and exits 69, with the error as JSON under --json.
        #expect(process.waitForExit(seconds: 20))
        #expect(process.terminationStatus == 69)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("the daemon closed the connection: it stopped or restarted"), "\(said)")
    }

    @Test("watch prints a failed reload, with the dataset still served")
    func watchFailure() throws {
        let directory = try Harness.temporaryDirectory()
        let file = directory.appendingPathComponent("d.jsonl")
        let record = #"{"id":"a","company":"A","call":"relocalisation","sources":["https://example.org"]}"#
        try (record + "\n").write(to: file, atomically: true, encoding: .utf8)
        let daemon = try Daemon(arguments: ["--dataset", file.path])
        try "{ broken\n".write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try Harness.binary("laureatectl")
        process.arguments = ["--socket", daemon.socket, "watch"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        let text = try Self.firstWatchLine(output, daemon: daemon, reloadStatus: 1)
        #expect(text.contains(" dataset.reload_failed: ") && text.contains("still serving 1 records"), "\(text)")
        #expect(daemon.stop() == 0)
    }

    /// The first line a `watch` prints, reloading until it comes: watch says nothing until the
    /// first push, and a reload made before it has subscribed (a slow start under load) is not seen.
    /// Each reload must exit with `reloadStatus`.
    static func firstWatchLine(_ output: Pipe, daemon: Daemon, reloadStatus: Int32) throws -> String {
        let fd = output.fileHandleForReading.fileDescriptor
        var line = Data()
        for _ in 0..<40 where !line.contains(0x0A) {
            #expect(try daemon.ctl(["reload"]).status == reloadStatus)
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while !line.contains(0x0A), poll(&poller, 1, 500) == 1 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = read(fd, &chunk, chunk.count)
                if count <= 0 { break }
                line += chunk[..<count]
            }
        }
        return String(decoding: line, as: UTF8.self)
    }

    @Test("the examples run against a live daemon", arguments: ["socat-jq.sh", "pipeline.py"])
    func examples(_ script: String) throws {
        let daemon = try Daemon()
        let examples = TestPaths.inRepository("Examples")
        let result = try Harness.run(examples.appendingPathComponent(script), [daemon.socket])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(script == "pipeline.py" ? "89 laureates fetched" : "LACIO is made by Oxxius"))
        #expect(daemon.stop() == 0)
    }
}
