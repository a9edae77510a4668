import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// `laureatectl`: query laureated from the command line.
@main
struct LaureateCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laureatectl",
        abstract: "Query the laureate daemon (laureated) over its Unix socket.",
        discussion: """
            Output is meant for people by default; --json prints the exact result JSON for scripts \
            (pretty on a terminal, one line when piped), and --output jsonl, csv or tsv the records, \
            or the groups of stats and sectors, one per line, with every value in full.

            Exit status: 0 success, 1 the daemon answered with an error, 64 bad usage, \
            69 daemon unreachable, 75 timeout, 77 forbidden.
            """,
        version: "1.0.0",
        subcommands: [
            Get.self, Search.self, Stats.self, Sectors.self, Program.self, Status.self, Reload.self,
            Watch.self, Discover.self, Call.self, Ping.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

/// Options every subcommand takes, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, "
                + "/run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).",
            valueName: "path"))
    var socket: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per "
                + "record), csv or tsv (a header row, then one row per record or group).",
            valueName: "format"))
    var output: OutputFormat?

    @Flag(name: [.short, .long], help: "Same as --output json.")
    var json = false

    @Option(
        help: ArgumentHelp("The field separator of --output csv, e.g. ';' for French spreadsheets.", valueName: "c"))
    var csvSeparator: String = ","

    /// The format asked for, `--json` being `--output json`.
    var format: OutputFormat { output ?? (json ? .json : .human) }

    /// `--csv-separator` as the one character it must be.
    var separator: Unicode.Scalar { csvSeparator.unicodeScalars.first ?? "," }

    @Option(help: ArgumentHelp("Seconds to wait for a reply; 75 on expiry.", valueName: "seconds"))
    var timeout: Double = 5

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        if json, let output, output != .json {
            throw ValidationError("--json is --output json: it cannot go with --output \(output.rawValue)")
        }
        let scalars = Array(csvSeparator.unicodeScalars)
        guard scalars.count == 1, !["\"", "\r", "\n"].contains(scalars[0]) else {
            throw ValidationError("--csv-separator takes one character other than a quote or a line break")
        }
    }
}
