import Foundation
import Testing

/// Golden output of every laureatectl subcommand and exit code, against a live daemon on the
/// embedded data. `Snapshots/<case>.txt` holds the exit status, stdout and stderr, with times,
/// durations and counters that change from run to run replaced by placeholders.
/// `RECORD_SNAPSHOTS=1 swift test` re-records them and fails the run.
@Suite("laureatectl golden output", .serialized, .timeLimit(.minutes(5)))
struct CLISnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static let cases: [(String, [String])] = [
        ("get", ["get", "lacio"]),
        ("get-several", ["get", "sekkoia", "mesprcc"]),
        ("get-missing", ["get", "no-such-laureate"]),
        ("get-json", ["--json", "get", "lacio"]),
        ("get-json-missing", ["--json", "get", "no-such-laureate"]),
        ("get-some-missing", ["get", "lacio", "no-such-laureate", "mesprcc"]),
        ("get-json-some-missing", ["--json", "get", "lacio", "no-such-laureate", "mesprcc"]),
        ("search-words-region", ["search", "--q", "électronique", "--region", "bretagne"]),
        ("search-sorted", ["search", "--sector", "agroalimentaire", "--sort", "-jobs", "--limit", "5"]),
        ("search-paged", ["search", "--limit", "3", "--offset", "6"]),
        ("search-all-json-lines", ["--json", "search", "--all", "--sector", "intrants"]),
        ("search-json", ["--json", "search", "--q", "culture cellulaire"]),
        ("search-bad-sort", ["search", "--sort", "size"]),
        ("search-query-dash", ["search", "--q", "-laser"]),
        ("search-bad-offset", ["search", "--offset", "-1"]),
        ("search-bad-limit", ["search", "--limit", "0"]),
        ("search-narrow", ["search", "--sector", "5g"]),
        ("search-last-page", ["search", "--offset", "85", "--limit", "5"]),
        ("search-positional", ["search", "laser"]),
        ("search-misspelt", ["search", "electroniqe", "venette"]),
        ("search-suggestions", ["search", "lanion", "--no-typos"]),
        ("search-suggested-filter", ["search", "bretagne", "electronique", "--region", "normandie"]),
        ("search-facets", ["search", "tronico", "--facet", "sector", "--facet", "region"]),
        ("search-highlight-json", ["--json", "search", "siltronix", "--highlight", "--fields", "id,company"]),
        ("search-jobs-range", ["search", "--jobs", "20..100", "--sort", "-jobs"]),
        ("usage-bad-range", ["search", "--jobs", "50..10"]),
        ("usage-bad-near", ["search", "--near", "91,2"]),
        ("usage-km-without-near", ["search", "--km", "5"]),
        ("search-nothing", ["search", "zzzz", "--call", "relocalisation"]),
        ("usage-unknown-call", ["search", "--call", "relocalisatoin"]),
        ("search-short-options", ["search", "-q", "-laser", "-n", "1", "--sort", "-project"]),
        ("search-sector-label", ["search", "--sector", "Santé", "--sector", "5G", "-n", "3"]),
        ("search-department-lower-case", ["stats", "--department", "2a", "--department", "22"]),
        ("usage-bad-department", ["search", "--department", "999"]),
        ("usage-bad-region", ["stats", "--region", "narnia"]),
        ("usage-bad-sector", ["search", "--sector", "aerospace"]),
        ("usage-misspelled-command", ["serch", "laser"]),
        ("usage-words-twice", ["search", "laser", "--q", "usine"]),
        ("search-one", ["search", "--q", "lacio"]),
        ("search-fields", ["search", "--sector", "sante", "--fields", "id,company,jobs,investment_eur"]),
        ("search-csv", ["search", "--sector", "intrants", "--output", "csv"]),
        (
            "search-csv-semicolon",
            ["search", "--sector", "5g", "-o", "csv", "--csv-separator", ";", "--fields", "id,company"]
        ),
        ("search-tsv", ["search", "--sector", "intrants", "--output", "tsv", "--fields", "id,summary,sources,jobs"]),
        ("search-seq", ["--seq", "search", "--sector", "5g", "--output", "jsonl", "--fields", "id"]),
        ("search-jsonl", ["search", "--sector", "intrants", "--output", "jsonl", "--fields", "id,aid_eur,company"]),
        ("search-bad-field", ["search", "--fields", "id,compnay"]),
        ("search-bad-fields", ["search", "--fields", "id,,company"]),
        ("get-fields-json", ["--json", "get", "lacio", "mesprcc", "--fields", "company,jobs,aid_eur"]),
        ("get-fields", ["get", "lacio", "mesprcc", "--fields", "company,jobs,aid_eur"]),
        ("get-csv", ["get", "lacio", "--output", "csv"]),
        ("get-short-json", ["-j", "get", "lacio", "--fields", "company"]),
        ("help-search", ["search", "--help"]),
        ("usage-json-and-csv", ["--json", "search", "-o", "csv"]),
        ("usage-csv-separator", ["search", "-o", "csv", "--csv-separator", "ab"]),
        ("usage-csv-status", ["status", "-o", "csv"]),
        ("stats-sector", ["stats", "--by", "sector"]),
        ("stats-region-filtered", ["stats", "--by", "department", "--region", "Bretagne"]),
        ("stats-json", ["--json", "stats", "--by", "call"]),
        ("stats-cross", ["stats", "--by", "sector,region"]),
        ("stats-cross-figure", ["stats", "--by", "region,sector", "--figure", "jobs", "--q", "usine"]),
        ("stats-figure", ["stats", "--figure", "investment"]),
        ("stats-csv", ["stats", "--by", "sector", "--output", "csv"]),
        ("stats-cross-tsv", ["stats", "--by", "sector,call", "--output", "tsv"]),
        ("stats-jsonl", ["stats", "--by", "call", "--output", "jsonl"]),
        ("usage-by-twice", ["stats", "--by", "sector,sector"]),
        ("sectors", ["sectors"]),
        ("sectors-json", ["--json", "sectors"]),
        ("sectors-csv", ["sectors", "--output", "csv"]),
        ("sectors-narrow", ["sectors"]),
        ("stats-narrow", ["stats"]),
        ("program-narrow", ["program"]),
        ("program", ["program"]),
        ("status", ["status"]),
        ("status-json", ["--json", "status"]),
        ("changes", ["changes", "--since", "1"]),
        ("changes-json", ["--json", "changes", "--since", "1"]),
        ("changes-ahead", ["changes", "--since", "5"]),
        ("discover", ["discover"]),
        ("call", ["call", "laureate.get", #"{"id":"lacio"}"#]),
        ("call-no-params", ["call", "ping"]),
        ("call-unknown-method", ["call", "laureate.explode"]),
        ("call-bad-json", ["call", "laureate.get", "{id: lacio}"]),
        (
            "call-keywords",
            ["call", "laureate.search", "q=laser", "limit=1", "sector=electronique,5g", "fields=id,company"]
        ),
        ("call-keywords-department", ["call", "laureate.stats", "by=sector", "department=22"]),
        ("call-keywords-bad-number", ["call", "laureate.search", "limit=many"]),
        ("call-keywords-not-a-pair", ["call", "laureate.search", "laser"]),
        ("discover-method", ["discover", "laureate.get"]),
        ("discover-unknown-method", ["discover", "laureate.explode"]),
        ("ping", ["ping"]),
        ("ping-json", ["--json", "ping"]),
        ("usage-unknown-subcommand", ["frobnicate"]),
        ("usage-bad-option", ["stats", "--by", "colour"]),
        ("usage-no-id", ["get"]),
    ]

    /// The terminal width each case is rendered at, when not 100 columns.
    static let columns = [
        "search-narrow": "60", "sectors-narrow": "60", "stats-narrow": "60", "program-narrow": "60",
    ]

    /// Times, durations and counters that differ between runs.
    static func normalized(_ text: String) -> String {
        let rules: [(String, String)] = [
            (#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, "<time>"),
            (#"\(\d+ µs\)"#, "(<µs>)"),
            (#""uptime_s":[0-9.e-]+"#, #""uptime_s":<s>"#),
            (#"uptime +\S+( \S+)*"#, "uptime        <uptime>"),
            (#""requests_total":\d+"#, #""requests_total":<n>"#),
            (#"requests +\d[\d ]*"#, "requests      <n>"),
            (#""connections":\d+"#, #""connections":<n>"#),
            (#"connections +\d+"#, "connections   <n>"),
        ]
        var result = text
        for (pattern, replacement) in rules {
            result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return result
    }

    @Test("every subcommand's output and exit status match the snapshot")
    func snapshots() throws {
        let daemon = try Daemon()
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        for (name, arguments) in Self.cases {
            let result = try daemon.ctl(arguments, environment: ["COLUMNS": Self.columns[name] ?? "100"])
            let actual = Self.normalized(
                "$ laureatectl \(arguments.joined(separator: " "))\nexit \(result.status)\n--- "
                    + "stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
            )
            let file = Self.directory.appendingPathComponent("\(name).txt")
            if record {
                try actual.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected =
                (try? String(contentsOf: file, encoding: .utf8)) ?? "(no snapshot: RECORD_SNAPSHOTS=1 swift test)"
            #expect(actual == expected, "\(name)")
        }
        if record { Issue.record("re-recorded \(Self.cases.count) snapshots; unset RECORD_SNAPSHOTS and run again") }
        #expect(daemon.stop() == 0)
    }
}
