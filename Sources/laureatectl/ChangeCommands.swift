import ArgumentParser
import LaureateCore

/// `laureatectl changes --since N`: what changed since a dataset generation.
struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes", abstract: "Show the ids added, removed and changed since a dataset generation.",
        discussion: """
            One line per record: "+ id" added, "- id" removed, "~ id: fields" changed. The daemon \
            keeps the last 16 generations; an older one exits 1, naming the oldest it can answer \
            from. laureatectl status shows the current generation.

            Examples:
              laureatectl changes --since 3
              laureatectl --json changes --since 3 | jq -r '.added[]'
            """)
    @Option(help: "The generation to catch up from.") var since: Int
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if since < 0 { throw ValidationError("--since takes a generation, a whole number ≥ 0") }
    }

    func run() throws {
        let session = Session(options: global)
        try session.refuseDelimited()
        let change = try session.call("laureate.changes", ["since": .number(JSONNumber(Int64(since)))])
        if global.format.isJSON { return session.printJSON(change) }
        let object = change.visible.objectValue ?? [:]
        for line in ChangeLines.lines(object) { session.terminal.out(line) }
        session.printFooter(ChangeLines.summary(object))
    }
}

/// `laureatectl metrics`: the daemon's metrics, as Prometheus reads them.
struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Print the daemon's metrics in Prometheus's text format.",
        discussion: """
            The text of server.metrics, as is: what laureated-metrics.service writes for \
            node_exporter's textfile collector. With --json, the reply object (content_type and text).

            Examples:
              laureatectl metrics | grep laureated_requests_total
              laureatectl metrics > /var/lib/prometheus/node-exporter/laureated.prom.tmp
            """)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = Session(options: global)
        try session.refuseDelimited()
        let reply = try session.call("server.metrics")
        if global.format.isJSON { return session.printJSON(reply) }
        session.terminal.outVerbatim(reply.objectValue?["text"]?.stringValue ?? "")
    }
}

/// A change's members (`laureate.changes`, a `dataset.reloaded` push) as lines for people.
enum ChangeLines {
    static func lines(_ change: JSONObject) -> [String] {
        func ids(_ name: String) -> [String] { change[name]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        let fields = change["changed_fields"]?.objectValue ?? [:]
        return ids("added").map { "+ \($0)" } + ids("removed").map { "- \($0)" }
            + ids("changed").map { id in
                let names = fields[id]?.arrayValue?.compactMap(\.stringValue) ?? []
                return names.isEmpty ? "~ \(id)" : "~ \(id): \(names.joined(separator: ", "))"
            }
    }

    /// "generation 3 → 5: 3 added, 2 removed, 1 changed", and what the lists leave out.
    static func summary(_ change: JSONObject) -> String {
        let counts = change["counts"]?.objectValue ?? [:]
        func count(_ name: String) -> Int64 { counts[name]?.integerValue ?? 0 }
        var text =
            "generation \(change["since"]?.integerValue ?? 0) → \(change["generation"]?.integerValue ?? 0): "
            + "\(count("added")) added, \(count("removed")) removed, \(count("changed")) changed"
        if change["truncated"] == .bool(true) {
            text += " (lists cut at \(DatasetChange.listBound) each: laureatectl --json changes, or re-read everything)"
        }
        return text
    }
}
