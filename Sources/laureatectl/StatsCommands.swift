import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count laureates and sum their figures per group, with bar charts, or cross two dimensions.",
        discussion: """
            Every sum says how many of the group's laureates carry the figure, and is — when none \
            does: unknown is never 0.

            Examples:
              laureatectl stats --by region
              laureatectl stats --figure jobs --sector sante
              laureatectl stats --by sector,region --output csv
            """)
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
    @OptionGroup var global: GlobalOptions

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
        if stats.objectValue?["total"]?.objectValue?["count"]?.integerValue == 0 {
            try filters.refuseUnknownCalls(session)
        }
        if global.format == .jsonl {
            // One group per line, as search prints records; the total is in `--output json`.
            for group in stats.objectValue?["groups"]?.arrayValue ?? [] {
                session.printJSONLine(group)
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
            // The records without a sector are in no row: the dataset's count less the rows'.
            let counted = (sectors.arrayValue ?? []).reduce(0) { $0 + ($1.objectValue?["count"]?.integerValue ?? 0) }
            let unsectored = try session.servedRecords().map { $0 - counted } ?? 0
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
        session.terminal.out(
            Cards.program(program.visible, served: try session.servedRecords(), terminal: session.terminal))
    }
}
