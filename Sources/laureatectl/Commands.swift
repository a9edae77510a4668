import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// Filters shared by `search` and `stats`; each takes several values (any of). Values the client
/// can check itself are checked here, so that a typo exits 64 instead of finding nothing, and
/// are taken as people write them: a sector's label (`Santé`), a lower-case Corsican code (`2a`).
struct FilterOptions: ParsableArguments {
    // A value may start with `-` (`--q -laser`): `LaureateCtl.joiningDashValues` sees to it.
    @Option(
        name: [.short, .long],
        help: "Words to find (accent- and case-insensitive; the last word may be a prefix).")
    var q: String?
    @Option(
        help: ArgumentHelp("Sector id or label: sante, agroalimentaire, electronique, intrants, 5g (repeatable)."),
        completion: .list(Sector.allCases.map(\.rawValue)))
    var sector: [String] = []
    @Option(help: "Region name, e.g. bretagne (repeatable).")
    var region: [String] = []
    @Option(
        help: "Département INSEE code, e.g. 44, 2A (repeatable).",
        completion: .list(DepartmentTable.embedded.departments.map(\.code)))
    var department: [String] = []
    @Option(help: "City (repeatable).")
    var city: [String] = []
    @Option(help: "Company (repeatable).")
    var company: [String] = []
    @Option(help: "Call id, e.g. relocalisation (repeatable).")
    var call: [String] = []

    func validate() throws {
        for value in sector where Self.sectorID(value) == nil {
            throw ValidationError("--sector takes \(Sector.idList) or their labels, not '\(value)'")
        }
        for value in department where DepartmentTable.embedded.department(code: value.uppercased()) == nil {
            throw ValidationError("--department takes an INSEE département code such as 44, 2A or 974, not '\(value)'")
        }
        for value in region where DepartmentTable.embedded.canonicalRegion(value) == nil {
            let names = Set(DepartmentTable.embedded.departments.map(\.region)).sorted {
                TextFolding.key($0) < TextFolding.key($1)
            }
            throw ValidationError("--region takes one of \(names.joined(separator: ", ")); not '\(value)'")
        }
    }

    /// The sector id for an id or a label, in any case and with or without accents.
    static func sectorID(_ value: String) -> String? {
        let key = TextFolding.key(value)
        return Sector.allCases.first { sector in
            key == sector.rawValue || key == TextFolding.key(sector.defaultLabel)
                || key.hasPrefix(TextFolding.key(sector.defaultLabel) + " ")
        }?.rawValue
    }

    /// The filters as the daemon's params (sector ids and département codes as it wants them).
    var params: JSONObject {
        var params = JSONObject()
        if let q { params["q"] = .string(q) }
        for (name, values) in [
            ("sector", sector.map { Self.sectorID($0) ?? $0 }), ("region", region),
            ("department", department.map { $0.uppercased() }), ("city", city), ("company", company), ("call", call),
        ] {
            if values.count == 1 { params[name] = .string(values[0]) }
            if values.count > 1 { params[name] = .array(values.map(JSONValue.string)) }
        }
        return params
    }
}

/// `--fields`, shared by the commands that print records.
struct FieldOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Fields to show, comma-separated, e.g. id,company,jobs; the daemon sends only those, and an unknown "
                + "value is null or an empty cell, never dropped.",
            valueName: "names"),
        completion: .list(RecordFields.documented))
    var fields: String?

    func validate() throws {
        if let fields { _ = try RecordFields.parse(fields) }
    }

    /// The names asked for, or nil for whole records.
    var selected: [String]? { fields.flatMap { try? RecordFields.parse($0) } }

    /// Adds the daemon's `fields` param when fields are chosen.
    func add(to params: inout JSONObject) {
        if let selected { params["fields"] = .array(selected.map(JSONValue.string)) }
    }

    /// A record as a machine format prints it: whole, or the chosen fields in their order, `null`
    /// for those the record lacks.
    func shaped(_ record: JSONObject) -> JSONObject {
        guard let selected else { return record }
        return JSONObject(selected.map { ($0, record[$0] ?? .null) })
    }
}

struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show laureates by id.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: FieldOptions
    @Argument(help: "Laureate ids.", completion: .custom(Completions.ids)) var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one laureate id") }
    }

    func run() throws {
        let session = Session(options: global)
        let connection = try session.connect(timeout: global.timeout.seconds)
        var records: [JSONObject] = []
        // Every id is asked for: the ones found are shown, each missing one is an error on
        // stderr, and the exit status is the first failure's.
        var failure: ExitStatus?
        for id in ids {
            var params: JSONObject = ["id": .string(id)]
            fields.add(to: &params)
            let reply = try session.reply { () throws(ClientError) in
                try connection.call("laureate.get", params: params)
            }
            switch reply {
            case .result(let record):
                let object = record.objectValue ?? [:]
                // JSON is printed as each reply comes, the other formats once all are in.
                if global.format.isJSON { session.printJSON(.object(fields.shaped(object))) }
                records.append(object)
            case .error(let code, let message, let data):
                failure = failure ?? session.report(code: code, message: message, data: data)
            }
        }
        switch global.format {
        case .json, .jsonl:
            break
        case .csv, .tsv:
            session.printRows(columns: fields.selected ?? RecordFields.columns(for: records), records)
        case .human where records.isEmpty:
            break
        case .human:
            let shown = records.map { JSONValue.object($0).visible.objectValue ?? [:] }
            if let selected = fields.selected {
                session.terminal.out(Tables.records(shown, columns: selected, terminal: session.terminal))
            } else {
                session.terminal.out(
                    shown.map { Cards.laureate(.object($0), terminal: session.terminal) }.joined(separator: "\n\n"))
            }
        }
        if let failure { throw ExitCode(failure.rawValue) }
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search laureates by words and filters.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var fields: FieldOptions
    // Values may start with `-`: the help's own `--sort -jobs`, and `--offset -1`, which then gets
    // the range error below (`LaureateCtl.joiningDashValues`).
    @Argument(help: "Words to find, as --q gives them: `laureatectl search laser`.") var words: [String] = []
    @Option(name: [.customShort("n"), .long], help: "Results per page (1…1000).")
    var limit: Int?
    @Option(help: "Results to skip (0 or more).") var offset: Int?
    @Option(
        help: "Order: relevance, project, jobs, investment, aid; prefix - for descending.",
        completion: .list(Completions.sortKeys))
    var sort: String?
    @Flag(help: "Page through every result (with --json, one page per line).") var all = false

    func validate() throws {
        if let limit, !(1...1000).contains(limit) {
            throw ValidationError("--limit must be from 1 to 1000, not \(limit)")
        }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more, not \(offset)") }
        if filters.q != nil, !words.isEmpty {
            throw ValidationError("give the words once: as arguments or with --q, not both")
        }
    }

    func run() throws {
        let session = Session(options: global)
        var params = filters.params
        if !words.isEmpty { params["q"] = .string(words.joined(separator: " ")) }
        fields.add(to: &params)
        if let limit { params["limit"] = .number(JSONNumber(Int64(limit))) }
        if let sort { params["sort"] = .string(sort) }
        var next: Int? = offset ?? 0
        let connection = try session.connect(timeout: global.timeout.seconds)
        var rows: [JSONObject] = []
        var total = 0
        var lastPage: JSONObject = [:]
        while let start = next {
            params["offset"] = .number(JSONNumber(Int64(start)))
            if all, limit == nil { params["limit"] = 1000 }
            let page = try session.result { () throws(ClientError) in
                try connection.call("laureate.search", params: params)
            }
            guard var object = page.objectValue else { throw session.fail(.badReply("search result is not an object")) }
            let items = (object["items"]?.arrayValue ?? []).compactMap(\.objectValue)
            object["items"] = .array(items.map { .object(fields.shaped($0)) })
            lastPage = object
            total = Int(object["total"]?.integerValue ?? 0)
            switch global.format {
            case .json where all:
                // One page per line, each the shape of a one-page `--json search`.
                session.terminal.out(JSONWriter.string(.object(object)))
            case .jsonl:
                for item in items { session.terminal.out(JSONWriter.string(.object(fields.shaped(item)))) }
            default:
                rows += items
            }
            next = all ? object["next_offset"]?.integerValue.map(Int.init) : nil
        }
        switch global.format {
        case .json:
            if !all { session.printJSON(.object(lastPage)) }
        case .jsonl:
            break
        case .csv, .tsv:
            session.printRows(columns: fields.selected ?? RecordFields.columns(for: rows), rows)
        case .human:
            let shown = rows.map { JSONValue.object($0).visible.objectValue ?? [:] }
            if let selected = fields.selected {
                session.terminal.out(Tables.records(shown, columns: selected, terminal: session.terminal))
            } else {
                session.terminal.out(Tables.laureates(shown, terminal: session.terminal))
            }
            let nextOffset = all ? nil : lastPage["next_offset"]?.integerValue
            session.printFooter(
                Self.footer(offset: all ? 0 : offset ?? 0, shown: rows.count, total: total, next: nextOffset))
        }
    }

    /// `3 laureates`, `5 of 29 laureates (more: …)`, `86–89 of 89 laureates`.
    static func footer(offset: Int, shown: Int, total: Int, next: Int64?) -> String {
        let noun = total == 1 ? "laureate" : "laureates"
        var text: String
        if shown == 0 {
            text = total == 0 ? "no laureate matches" : "none past \(offset) of \(total) \(noun)"
        } else if offset == 0, shown == total {
            text = "\(total) \(noun)"
        } else if offset == 0 {
            text = "\(shown) of \(total) \(noun)"
        } else {
            text = "\(offset + 1)–\(offset + shown) of \(total) \(noun)"
        }
        if let next { text += " (more: --offset \(next), or --all)" }
        return text
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count laureates and sum their figures per group, with bar charts, or cross two dimensions.")
    @OptionGroup var global: GlobalOptions
    @Option(
        help: "Group by sector, region, department or call; two, comma-separated (sector,region), for a cross-table.",
        completion: .list(Completions.dimensions))
    var by: String = "sector"
    @Option(
        help: ArgumentHelp(
            "jobs, investment or aid: that figure's sum, min, median, mean and max (or its sum per cell of a "
                + "cross-table)."),
        completion: .list(["jobs", "investment", "aid"])
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
        if global.format == .jsonl {
            // One group per line, as search prints records; the total is in `--output json`.
            for group in stats.objectValue?["groups"]?.arrayValue ?? [] {
                session.terminal.out(JSONWriter.string(group))
            }
            return
        }
        if global.format == .json { return session.printJSON(stats) }
        if global.format.isDelimited {
            return session.printRows(columns: StatsRows.columns(by: names), StatsRows.rows(stats, by: names))
        }
        if names.count == 2 {
            let across = StatsView.acrossPosition(stats)
            params["by"] = .string(names[1 - across])
            let rowTotals = try session.call("laureate.stats", params)
            params["by"] = .string(names[across])
            let columnTotals = try session.call("laureate.stats", params)
            session.terminal.out(
                Tables.crossTable(
                    stats.visible, rowTotals: rowTotals.visible, columnTotals: columnTotals.visible, by: names,
                    across: across, figure: statsFigure, terminal: session.terminal))
        } else if let statsFigure {
            session.terminal.out(
                Tables.figureStats(stats.visible, by: names[0], figure: statsFigure, terminal: session.terminal))
        } else {
            session.terminal.out(Tables.stats(stats.visible, by: names[0], terminal: session.terminal))
        }
    }
}

struct Sectors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sectors", abstract: "List the sectors of the call with their laureate counts.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        let sectors = try session.call("sector.list")
        switch global.format {
        case .json: session.printJSON(sectors)
        case .jsonl, .csv, .tsv:
            session.printRows(columns: ["id", "label", "count"], sectors.arrayValue?.compactMap(\.objectValue) ?? [])
        case .human:
            // The records without a sector are in no row: the stats' null group counts them.
            let groups = try session.call("laureate.stats", ["by": "sector"]).objectValue?["groups"]?.arrayValue ?? []
            let unsectored = groups.first { $0.objectValue?["key"] == .null }?.objectValue?["count"]?.integerValue ?? 0
            session.terminal.out(Tables.sectors(sectors.visible, unsectored: unsectored, terminal: session.terminal))
        }
    }
}

struct Program: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program", abstract: "Show the facts of the call for projects.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        try session.refuseDelimited()
        let program = try session.call("program.info")
        if global.format.isJSON { return session.printJSON(program) }
        let served = try session.call("laureate.stats", ["by": "sector"]).objectValue?["total"]?.objectValue?["count"]
        session.terminal.out(
            Cards.program(program.visible, served: served?.integerValue, terminal: session.terminal))
    }
}

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
        commandName: "watch", abstract: "Print each dataset reload as it happens, until interrupted.")
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
                session.terminal.out(JSONWriter.string(object["params"] ?? .null))
            } else {
                let dataset = object["params"]?.visible.objectValue?["dataset"]?.objectValue ?? [:]
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
        commandName: "discover", abstract: "Describe the daemon's methods (its OpenRPC document with --json).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Session(options: global).show("rpc.discover") { Tables.methods($0, terminal: $1) }
    }
}

struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send any request: METHOD with params as JSON, or - to read them from stdin; prints the result JSON.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The method, e.g. laureate.get.", completion: .list(Method.allCases.map(\.rawValue)))
    var method: String
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
        if options.format == .human { options.output = .json }
        let session = Session(options: options)
        try session.refuseDelimited()
        session.printJSON(try session.call(method, object))
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
