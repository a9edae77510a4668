import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// Filters shared by `search` and `stats`; each takes several values (any of).
struct FilterOptions: ParsableArguments {
    // `.unconditional`: a value may start with `-` (`--q -laser`), as one that cannot be an option.
    @Option(
        parsing: .unconditional, help: "Words to find (accent- and case-insensitive; the last word may be a prefix).")
    var q: String?
    @Option(help: "Sector id: sante, agroalimentaire, electronique, intrants, 5g (repeatable).")
    var sector: [String] = []
    @Option(help: "Region name, e.g. bretagne (repeatable).")
    var region: [String] = []
    @Option(help: "Département INSEE code, e.g. 44, 2A (repeatable).")
    var department: [String] = []
    @Option(help: "City (repeatable).")
    var city: [String] = []
    @Option(help: "Company (repeatable).")
    var company: [String] = []
    @Option(help: "Call id, e.g. relocalisation (repeatable).")
    var call: [String] = []

    var params: JSONObject {
        var params = JSONObject()
        if let q { params["q"] = .string(q) }
        for (name, values) in [
            ("sector", sector), ("region", region), ("department", department), ("city", city), ("company", company),
            ("call", call),
        ] {
            if values.count == 1 { params[name] = .string(values[0]) }
            if values.count > 1 { params[name] = .array(values.map(JSONValue.string)) }
        }
        return params
    }
}

struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show laureates by id.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Laureate ids.") var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one laureate id") }
    }

    func run() throws {
        let session = Session(options: global)
        let connection = try session.connect(timeout: global.timeout)
        var cards: [String] = []
        // Every id is asked for: the ones found are shown, each missing one is an error on
        // stderr, and the exit status is the first failure's.
        var failure: ExitStatus?
        for id in ids {
            let reply = try session.reply { () throws(ClientError) in
                try connection.call("laureate.get", params: ["id": .string(id)])
            }
            switch reply {
            case .result(let record) where global.json:
                session.printJSON(record)
            case .result(let record):
                cards.append(Cards.laureate(record, terminal: session.terminal))
            case .error(let code, let message, let data):
                failure = failure ?? session.report(code: code, message: message, data: data)
            }
        }
        if !cards.isEmpty { session.terminal.out(cards.joined(separator: "\n\n")) }
        if let failure { throw ExitCode(failure.rawValue) }
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search laureates by words and filters.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions
    // `.unconditional` takes the next word as the value even when it starts with `-`: the help's
    // own `--sort -jobs`, and `--offset -1`, which then gets the range error below.
    @Option(parsing: .unconditional, help: "Results per page (1…1000).") var limit: Int?
    @Option(parsing: .unconditional, help: "Results to skip (0 or more).") var offset: Int?
    @Option(parsing: .unconditional, help: "Order: relevance, project, jobs, investment, aid; prefix - for descending.")
    var sort: String?
    @Flag(help: "Page through every result (JSON Lines with --json).") var all = false

    func validate() throws {
        if let limit, !(1...1000).contains(limit) {
            throw ValidationError("--limit must be from 1 to 1000, not \(limit)")
        }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more, not \(offset)") }
    }

    func run() throws {
        let session = Session(options: global)
        var params = filters.params
        if let limit { params["limit"] = .number(JSONNumber(Int64(limit))) }
        if let sort { params["sort"] = .string(sort) }
        var next: Int? = offset ?? 0
        let connection = try session.connect(timeout: global.timeout)
        var rows: [JSONValue] = []
        var total = 0
        var lastPage: JSONObject = [:]
        while let start = next {
            params["offset"] = .number(JSONNumber(Int64(start)))
            if all, limit == nil { params["limit"] = 1000 }
            let page = try session.result { () throws(ClientError) in
                try connection.call("laureate.search", params: params)
            }
            guard let object = page.objectValue else { throw session.fail(.badReply("search result is not an object")) }
            lastPage = object
            total = Int(object["total"]?.integerValue ?? 0)
            let items = object["items"]?.arrayValue ?? []
            if global.json, all {
                for item in items {
                    var line: [UInt8] = []
                    JSONWriter.write(item, into: &line)
                    session.terminal.out(String(decoding: line, as: UTF8.self))
                }
            } else {
                rows += items
            }
            next = all ? object["next_offset"]?.integerValue.map(Int.init) : nil
        }
        if global.json {
            if !all { session.printJSON(.object(lastPage)) }
            return
        }
        session.terminal.out(Tables.laureates(rows, terminal: session.terminal))
        let shown = rows.count
        var footer = "\(shown) of \(total) laureates"
        if !all, let nextOffset = lastPage["next_offset"]?.integerValue {
            footer += " (more: --offset \(nextOffset), or --all)"
        }
        session.terminal.out(session.terminal.dim(footer))
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count laureates and sum their figures per group, with bar charts, or cross two dimensions.")
    @OptionGroup var global: GlobalOptions
    @Option(
        help: "Group by sector, region, department or call; two, comma-separated (sector,region), for a cross-table.")
    var by: String = "sector"
    @Option(
        help: ArgumentHelp(
            "jobs, investment or aid: that figure's sum, min, median, mean and max (or its sum per cell of a "
                + "cross-table).")
    )
    var figure: String?
    @OptionGroup var filters: FilterOptions

    private var dimensions: [String] { by.split(separator: ",").map { String($0).trimmingSpaces() } }

    private var statsFigure: StatsFigure? {
        switch figure {
        case "jobs": .jobs
        case "investment", "investment_eur": .investment
        case "aid", "aid_eur": .aid
        default: nil
        }
    }

    func validate() throws {
        let names = dimensions
        guard (1...2).contains(names.count), names.allSatisfy({ StatsDimension(rawValue: $0) != nil }) else {
            throw ValidationError("--by takes sector, region, department or call, or two of them separated by a comma")
        }
        guard Set(names).count == names.count else { throw ValidationError("--by names \(names[0]) twice") }
        if figure != nil, statsFigure == nil { throw ValidationError("--figure takes jobs, investment or aid") }
    }

    func run() throws {
        let session = Session(options: global)
        var params = filters.params
        let names = dimensions
        params["by"] = names.count == 1 ? .string(names[0]) : .array(names.map(JSONValue.string))
        let stats = try session.call("laureate.stats", params)
        if global.json { return session.printJSON(stats) }
        if names.count == 2 {
            let across = StatsView.acrossPosition(stats)
            params["by"] = .string(names[1 - across])
            let rowTotals = try session.call("laureate.stats", params)
            params["by"] = .string(names[across])
            let columnTotals = try session.call("laureate.stats", params)
            session.terminal.out(
                Tables.crossTable(
                    stats, rowTotals: rowTotals, columnTotals: columnTotals, by: names,
                    across: across, figure: statsFigure, terminal: session.terminal))
        } else if let statsFigure {
            session.terminal.out(
                Tables.figureStats(stats, by: names[0], figure: statsFigure, terminal: session.terminal))
        } else {
            session.terminal.out(Tables.stats(stats, by: names[0], terminal: session.terminal))
        }
    }
}

struct Sectors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the sectors of the call with their laureate counts.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Session(options: global).show("sector.list") { Tables.sectors($0, terminal: $1) }
    }
}

struct Program: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the facts of the call for projects.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Session(options: global).show("program.info") { Cards.program($0, terminal: $1) }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the daemon's version, uptime, counters and dataset.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Session(options: global).show("server.status") { Cards.status($0, terminal: $1) }
    }
}

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-read the dataset (admins only); the old data stays if the new is bad.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        let dataset = try session.call("server.reload", timeout: max(global.timeout, 60))
        if global.json { return session.printJSON(dataset) }
        let object = dataset.objectValue ?? [:]
        session.terminal.out(
            "Reloaded \(Format.grouped(object["records"]?.integerValue ?? 0)) records from "
                + "\(object["path"]?.stringValue ?? "?") (sha256 \(object["sha256"]?.stringValue ?? "?"))"
        )
    }
}

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each dataset reload as it happens, until interrupted.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        let connection = try session.connect(timeout: nil)
        _ = try session.result { () throws(ClientError) in
            try connection.call("events.subscribe", params: ["topics": ["dataset"]])
        }
        if !global.json { session.terminal.out(session.terminal.dim("Watching dataset reloads; Ctrl-C to stop.")) }
        while true {
            let message: JSONValue
            do {
                message = try connection.receive()
            } catch {
                throw session.fail(error)
            }
            guard let object = message.objectValue, let method = object["method"]?.stringValue else { continue }
            if global.json {
                session.terminal.out(JSONWriter.string(message))
            } else {
                let dataset = object["params"]?.objectValue?["dataset"]?.objectValue ?? [:]
                session.terminal.out(
                    "\(dataset["loaded_at"]?.stringValue ?? "") \(method): "
                        + "\(Format.grouped(dataset["records"]?.integerValue ?? 0)) records, sha256 "
                        + "\(dataset["sha256"]?.stringValue ?? "?")"
                )
            }
        }
    }
}

struct Discover: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe the daemon's methods (its OpenRPC document with --json).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Session(options: global).show("rpc.discover") { Tables.methods($0, terminal: $1) }
    }
}

struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send any request: METHOD with params as JSON, or - to read them from stdin; prints the result JSON.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The method, e.g. laureate.get.") var method: String
    @Argument(help: "Params as a JSON object, or - for stdin.") var params: String?

    func run() throws {
        var text = params
        if text == "-" {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                bytes += chunk[..<count]
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        var object: JSONObject?
        if let text, !text.allSatisfy(\.isWhitespace) {
            guard let parsed = try? JSONParser.parse(text), let value = parsed.objectValue else {
                throw ValidationError("params must be a JSON object, e.g. '{\"id\":\"lacio\"}'")
            }
            object = value
        }
        var options = global
        options.json = true
        let session = Session(options: options)
        session.printJSON(try session.call(method, object))
    }
}

struct Ping: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check that the daemon answers.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let pong = try session.call("ping")
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        if global.json { return session.printJSON(pong) }
        let microseconds = (end.tv_sec - start.tv_sec) * 1_000_000 + (end.tv_nsec - start.tv_nsec) / 1000
        session.terminal.out("\(pong.stringValue ?? "?") (\(microseconds) µs)")
    }
}
