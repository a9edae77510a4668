import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the daemon's version, uptime, counters and dataset.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Session(options: global).show("server.status") { Cards.status($0, terminal: $1) }
    }
}

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Re-read the dataset (admins only); the old data stays if the new is bad.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        try session.refuseDelimited()
        // A reload reads and indexes the whole file: a minute at least, whatever --timeout says.
        let dataset = try session.call(
            "server.reload", timeout: TimeSpan(seconds: global.timeout.seconds.map { max($0, 60) }))
        if global.format.isJSON { return session.printJSON(dataset) }
        let object = dataset.visible.objectValue ?? [:]
        session.terminal.out(
            "Reloaded \(Format.grouped(object["records"]?.integerValue ?? 0)) records from "
                + "\(object["path"]?.stringValue ?? "?") (sha256 \(object["sha256"]?.stringValue ?? "?"))"
        )
    }
}

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Print each dataset reload as it happens, until interrupted.",
        discussion: """
            Each reload is followed by what it changed: "+ id" added, "- id" removed, "~ id: \
            fields" changed (at most 1000 of each; laureatectl changes --since N catches up after a \
            missed reload). Failed reloads are printed too, with the dataset still served (with \
            --json, a line holding "error"). Exits 69 when the daemon stops or restarts.

            Examples:
              laureatectl watch
              laureatectl --json watch | jq -r .dataset.sha256
            """)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        try session.refuseDelimited()
        let connection = try session.connect(timeout: nil)
        _ = try session.result { () throws(ClientError) in
            try connection.call("events.subscribe", params: ["topics": ["dataset"]])
        }
        if global.format == .human { session.printFooter("Watching dataset reloads; Ctrl-C to stop.") }
        while true {
            let message: JSONValue
            do {
                message = try connection.receive()
            } catch .closed {
                // Not "before replying": the subscription was answered long ago; the daemon went away.
                throw session.fail(.closed, message: "the daemon closed the connection: it stopped or restarted")
            } catch {
                throw session.fail(error)
            }
            guard let object = message.objectValue, let method = object["method"]?.stringValue else { continue }
            if global.format.isJSON {
                // One line per event, its params: what the event says, not the JSON-RPC envelope.
                session.printJSONLine(object["params"] ?? .null)
            } else if let error = object["params"]?.visible.objectValue?["error"]?.objectValue {
                let dataset = object["params"]?.visible.objectValue?["dataset"]?.objectValue ?? [:]
                session.terminal.out(
                    "\(object["params"]?.objectValue?["at"]?.stringValue ?? "") \(method): "
                        + "\(error["message"]?.stringValue ?? "?"); still serving "
                        + "\(Format.grouped(dataset["records"]?.integerValue ?? 0)) records, sha256 "
                        + "\(dataset["sha256"]?.stringValue ?? "?")")
            } else {
                let params = object["params"]?.visible.objectValue ?? [:]
                let dataset = params["dataset"]?.objectValue ?? [:]
                session.terminal.out(
                    "\(dataset["loaded_at"]?.stringValue ?? "") \(method): "
                        + "\(Format.grouped(dataset["records"]?.integerValue ?? 0)) records, sha256 "
                        + "\(dataset["sha256"]?.stringValue ?? "?"); \(ChangeLines.summary(params))"
                )
                for line in ChangeLines.lines(params) { session.terminal.out(line) }
            }
        }
    }
}

struct Discover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover", abstract: "Describe the daemon's methods (its OpenRPC document with --json).")
    @Argument(help: "One method to describe in full.", completion: .list(Method.allCases.map(\.rawValue)))
    var method: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        guard let method else { return try session.show("rpc.discover") { Tables.methods($0, terminal: $1) } }
        try session.refuseDelimited()
        let methods = try session.call("rpc.discover").objectValue?["methods"]?.arrayValue ?? []
        guard let described = methods.first(where: { $0.objectValue?["name"]?.stringValue == method }) else {
            let names = methods.compactMap { $0.objectValue?["name"]?.stringValue }
            throw ValidationError("the daemon has no method '\(method)'; it has \(names.joined(separator: ", "))")
        }
        if global.format.isJSON { return session.printJSON(described) }
        session.terminal.out(Cards.method(described.visible.objectValue ?? [:], terminal: session.terminal))
    }
}

struct Ping: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ping", abstract: "Check that the daemon answers.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        try session.refuseDelimited()
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let pong = try session.call("ping")
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        if global.format.isJSON { return session.printJSON(pong) }
        let microseconds = (end.tv_sec - start.tv_sec) * 1_000_000 + (end.tv_nsec - start.tv_nsec) / 1000
        session.terminal.out("\(pong.stringValue ?? "?") (\(microseconds) µs)")
    }
}
