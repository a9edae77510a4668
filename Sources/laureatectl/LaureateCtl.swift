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
        // Every subcommand names itself: derived from the type's name, a name costs a
        // `String(describing:)` whose dynamic casts scan every protocol conformance of the binary,
        // about a millisecond of start-up for the eleven (Scripts/startup).
        subcommands: [
            Get.self, Search.self, Stats.self, Sectors.self, Program.self, Status.self, Reload.self,
            Watch.self, Changes.self, Metrics.self, Discover.self, Call.self, Ping.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// Parses and runs, as `ParsableCommand.main` does, but first names the closest subcommand to
    /// one it does not know (`serch` → `search`), as git and systemctl do; exit 64 either way.
    static func main() {
        let typed = Array(CommandLine.arguments.dropFirst())
        // The parser's own entry points (completion scripts, their `---completion` callbacks, help
        // dumps) get the words as typed, and name no subcommand to check.
        let forParser = typed.contains {
            $0.hasPrefix("---") || $0.hasPrefix("--generate-") || $0.hasPrefix("--experimental")
        }
        let arguments = forParser ? typed : joiningDashValues(expandingBareWait(typed))
        if !forParser, let word = firstCommandWord(arguments), !subcommandNames.contains(word), word != "help" {
            let closest = subcommandNames.min { editDistance(word, $0) < editDistance(word, $1) }
            let hint = closest.flatMap { editDistance(word, $0) <= 2 ? "; did you mean '\($0)'?" : nil } ?? ""
            Terminal().error("unknown command '\(word)'\(hint)\nSee 'laureatectl --help' for the commands.")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitInOneStyle(error)
        }
    }

    /// As `exit(withError:)`, but a usage error reads `laureatectl: …` like every other error,
    /// not the parser's `Error: …`; help, versions and exit codes pass through unchanged.
    private static func exitInOneStyle(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        guard code != .success, message.hasPrefix("Error: ") else { exit(withError: error) }
        Terminal().errorLine("laureatectl: " + message.dropFirst("Error: ".count))
        Glibc.exit(code.rawValue)
    }

    private static let subcommandNames = configuration.subcommands.map { $0._commandName }

    /// The options whose value may start with `-`, by every name they have, and their long name.
    /// `--wait` alone is `--wait=infinity`: the parser has no option with an optional value.
    private static func expandingBareWait(_ arguments: [String]) -> [String] {
        var expanded: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return expanded + arguments[index...] }
            let next = arguments.indices.contains(index + 1) ? arguments[index + 1] : nil
            let nextIsSpan = next.flatMap(TimeSpan.init(argument:)) != nil
            expanded.append(argument == "--wait" && !nextIsSpan ? "--wait=infinity" : argument)
        }
        return expanded
    }

    private static let dashValueOptions = [
        "--q": "--q", "-q": "--q", "--sort": "--sort", "--offset": "--offset", "--limit": "--limit", "-n": "--limit",
    ]

    /// `--sort -jobs` as `--sort=-jobs`: the parser reads a word that starts with `-` as options
    /// (`-jobs` as `-j -o -b -s`) even for an option declared `.unconditional`, and the help
    /// itself writes `--sort -jobs`. Words after `--` are left alone.
    static func joiningDashValues(_ arguments: [String]) -> [String] {
        var joined: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { return joined + arguments[index...] }
            if let long = dashValueOptions[argument], index + 1 < arguments.endIndex,
                arguments[index + 1].hasPrefix("-"), arguments[index + 1] != "--"
            {
                joined.append("\(long)=\(arguments[index + 1])")
                index += 2
            } else {
                joined.append(argument)
                index += 1
            }
        }
        return joined
    }

    /// The first word that is neither an option nor an option's value: the subcommand's place.
    private static func firstCommandWord(_ arguments: [String]) -> String? {
        // Options given their value as the next word; `--wait` alone was made `--wait=infinity`.
        let takesValue: Set<String> = [
            "--socket", "--output", "-o", "--color", "--csv-separator", "--timeout", "--wait",
        ]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { return nil }
            if !argument.hasPrefix("-") { return argument }
            index += takesValue.contains(argument) ? 2 : 1
        }
        return nil
    }

    /// Levenshtein distance, for suggestions among a dozen short names.
    static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first)
        let b = Array(second)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Options every subcommand takes, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, "
                + "/run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).",
            valueName: "path"),
        completion: .file())
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

    @Flag(
        help: ArgumentHelp(
            "Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: "
                + "each element after an RS character."))
    var seq = false

    @Option(
        help: ArgumentHelp(
            "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorMode = .auto

    @Option(
        help: ArgumentHelp("The field separator of --output csv, e.g. ';' for French spreadsheets.", valueName: "c"))
    var csvSeparator: String = ","

    /// The format asked for, `--json` being `--output json`.
    var format: OutputFormat { output ?? (json ? .json : .human) }

    /// `--csv-separator` as the one character it must be.
    var separator: Unicode.Scalar { csvSeparator.unicodeScalars.first ?? "," }

    @Option(
        help: ArgumentHelp(
            "How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); "
                + "exit 75 on expiry.",
            valueName: "span"))
    var timeout = TimeSpan(seconds: 5)

    @Option(
        help: ArgumentHelp(
            "Wait up to this span for the daemon's socket to accept connections (a daemon starting, "
                + "a socket unit not yet there); --wait alone waits without limit.",
            valueName: "span"))
    var wait: TimeSpan?

    func validate() throws {
        for (name, span) in [("--timeout", timeout), ("--wait", wait ?? TimeSpan(seconds: nil))] {
            if let seconds = span.seconds, !(seconds > 0) {
                throw ValidationError("\(name) must be more than 0 seconds")
            }
        }
        if json, let output, output != .json {
            throw ValidationError("--json is --output json: it cannot go with --output \(output.rawValue)")
        }
        let scalars = Array(csvSeparator.unicodeScalars)
        guard scalars.count == 1, !["\"", "\r", "\n"].contains(scalars[0]) else {
            throw ValidationError("--csv-separator takes one character other than a quote or a line break")
        }
    }
}
