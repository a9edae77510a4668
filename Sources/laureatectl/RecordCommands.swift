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
        help: "Words to find (accent- and case-insensitive; each may be a prefix; typos forgiven from 5 letters).")
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
    @OptionGroup var refine: RefineOptions

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

    /// When nothing matched, exits 64 if a `--call` names no call of the dataset: calls are the
    /// dataset's, so only the daemon can say, and "0 laureates" would hide the typo.
    func refuseUnknownCalls(_ session: Session) throws {
        guard !call.isEmpty else { return }
        let groups = try session.call("laureate.stats", ["by": "call"]).objectValue?["groups"]?.arrayValue ?? []
        let known = groups.compactMap { $0.objectValue?["key"]?.stringValue }
        for value in call where !known.contains(where: { TextFolding.key($0) == TextFolding.key(value) }) {
            throw ValidationError(
                "--call takes a call of the dataset (\(known.joined(separator: ", "))), not '\(value)'")
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
        refine.add(to: &params)
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

    /// The choice, parsed once for a run (validated already).
    var choice: FieldChoice { FieldChoice(selected: fields.flatMap { try? RecordFields.parse($0) }) }
}

/// The fields a run of `get` or `search` prints.
struct FieldChoice {
    /// The names asked for, or nil for whole records.
    let selected: [String]?

    /// Adds the daemon's `fields` param when fields are chosen.
    func add(to params: inout JSONObject) {
        if let selected { params["fields"] = .array(selected.map(JSONValue.string)) }
    }

    /// A record as a machine format prints it: whole, or the chosen fields in their order, `null`
    /// for those the record lacks, then what the search added to it (`distance_km`, `highlight`).
    func shaped(_ record: JSONObject) -> JSONObject {
        guard let selected else { return record }
        let added = SearchPage.addedMembers.compactMap { name in record[name].map { (name, $0) } }
        return JSONObject(selected.map { ($0, record[$0] ?? .null) } + added)
    }
}

struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show laureates by id.",
        discussion: """
            Examples:
              laureatectl get lacio mesprcc
              laureatectl --json get lacio | jq .company
              laureatectl get lacio --fields company,jobs,aid_eur --output csv
            """)
    @OptionGroup var fields: FieldOptions
    @Argument(help: "Laureate ids.", completion: .custom(Completions.ids)) var ids: [String]
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one laureate id") }
    }

    func run() throws {
        let session = Session(options: global)
        let fields = fields.choice
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
        commandName: "search", abstract: "Search laureates by words and filters.",
        discussion: """
            Examples:
              laureatectl search laser
              laureatectl search --sector Santé --region bretagne --sort -jobs
              laureatectl search --all --output csv --csv-separator ';' > laureats.csv
              laureatectl search --sector 5g -o jsonl --fields id,company | jq -r .company
            """)
    @OptionGroup var filters: FilterOptions
    @OptionGroup var fields: FieldOptions
    // Values may start with `-`: the help's own `--sort -jobs`, and `--offset -1`, which then gets
    // the range error below (`LaureateCtl.joiningDashValues`).
    @Argument(help: "Words to find, as --q gives them: `laureatectl search laser`.") var words: [String] = []
    @Option(name: [.customShort("n"), .long], help: "Results per page (1…1000).")
    var limit: Int?
    @Option(help: "Results to skip (0 or more).") var offset: Int?
    @Option(
        help: "Order: relevance, project, jobs, investment, aid, distance (with --near); prefix - for descending.",
        completion: .list(Completions.sortKeys))
    var sort: String?
    @Option(
        help: "Also count the results by sector, region, department or call (repeatable).",
        completion: .list(StatsDimension.allCases.map(\.rawValue)))
    var facet: [String] = []
    @Flag(help: "Add each item's matched spans (--json, --output jsonl); a terminal shows them in bold.")
    var highlight = false
    @Flag(help: "Page through every result (with --json, one page per line).") var all = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, !(1...1000).contains(limit) {
            throw ValidationError("--limit must be from 1 to 1000, not \(limit)")
        }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more, not \(offset)") }
        if filters.q != nil, !words.isEmpty {
            throw ValidationError("give the words once: as arguments or with --q, not both")
        }
        for name in facet where StatsDimension(rawValue: name) == nil {
            throw ValidationError("--facet takes sector, region, department or call, not '\(name)'")
        }
    }

    func run() throws {
        let session = Session(options: global)
        let fields = fields.choice
        var params = filters.params
        if !words.isEmpty { params["q"] = .string(words.joined(separator: " ")) }
        fields.add(to: &params)
        if let limit { params["limit"] = .number(JSONNumber(Int64(limit))) }
        if let sort { params["sort"] = .string(sort) }
        if !facet.isEmpty { params["facets"] = .array(facet.map(JSONValue.string)) }
        // A terminal marks the matched words; machine formats carry the spans when asked.
        let marked = global.format == .human && session.terminal.colour && params["q"] != nil
        if highlight || marked { params["highlight"] = true }
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
            let shaped = items.map { JSONValue.object(fields.shaped($0)) }
            object["items"] = .array(shaped)
            lastPage = object
            total = Int(object["total"]?.integerValue ?? 0)
            switch global.format {
            case .json where all:
                // One page per line, each the shape of a one-page `--json search`.
                session.printJSONLine(.object(object))
            case .jsonl:
                for item in shaped { session.printJSONLine(item) }
            default:
                rows += items
            }
            next = all ? object["next_offset"]?.integerValue.map(Int.init) : nil
        }
        if total == 0 { try filters.refuseUnknownCalls(session) }
        switch global.format {
        case .json:
            if !all { session.printJSON(.object(lastPage)) }
        case .jsonl:
            break
        case .csv, .tsv:
            session.printRows(columns: fields.selected ?? RecordFields.columns(for: rows), rows)
        case .human:
            let shown = rows.map { JSONValue.object($0).visible.objectValue ?? [:] }
            // No table for no rows: a header over nothing says less than the footer.
            if !shown.isEmpty {
                session.terminal.out(
                    fields.selected.map { Tables.records(shown, columns: $0, terminal: session.terminal) }
                        ?? Tables.laureates(shown, terminal: session.terminal))
            }
            let nextOffset = all ? nil : lastPage["next_offset"]?.integerValue
            session.printFooter(
                Self.footer(offset: all ? 0 : offset ?? 0, shown: rows.count, total: total, next: nextOffset))
            SearchNotes.print(facetsAndSuggestionsOf: lastPage, session: session)
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
