import ArgumentParser
import LaureateCore
import LaureateServer
import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// The laureate daemon: loads the dataset, then serves it on a Unix socket until SIGTERM.
@main
struct Laureated: AsyncParsableCommand {
    static let version = "1.0.0"

    static let configuration = CommandConfiguration(
        abstract:
            "Serve the laureates of « (Re)localisations dans les secteurs critiques » over JSON-RPC on a Unix socket.",
        discussion: """
            Settings come from flags, then LAUREATED_* environment variables, then the --config file \
            (the same KEY=value file the systemd unit reads). SIGHUP reloads the dataset; SIGTERM stops.
            Exit status: 0 stopped cleanly, 64 bad usage, 65 invalid dataset, 69 socket unusable, 78 bad configuration.
            """,
        version: version
    )

    @Option(
        help: "Socket path (default: /run/laureated/laureated.sock, or $XDG_RUNTIME_DIR/laureated.sock).",
        completion: .file())
    var socket: String?

    @Option(
        help: "Also serve varlink (io.laureated.Dataset) on this socket path. Default: none, unless socket-activated.",
        completion: .file())
    var varlinkSocket: String?

    @Option(
        help: "A dataset file (JSON array, JSON Lines, CSV); repeat to merge several. Default: the embedded data.",
        completion: .file(extensions: ["json", "jsonl", "csv"]))
    var dataset: [String] = []

    @Option(help: "A KEY=value settings file (see /etc/laureated/laureated.defaults).", completion: .file())
    var config: String?

    @Option(
        help: "Lowest log level: trace, debug, info, notice, warning, error, critical.",
        completion: .list(["trace", "debug", "info", "notice", "warning", "error", "critical"]))
    var logLevel: String?

    @Flag(help: "Keep official-export rows whose filiere maps to no sector.")
    var allowUnknownSector = false

    @Flag(help: "Validate the dataset files given as arguments (or --dataset), print a summary, and exit.")
    var check = false

    @Flag(help: "Print the settings file with every setting at its default, and exit.")
    var printDefaults = false

    @Argument(help: "With --check: the files to validate.", completion: .file(extensions: ["json", "jsonl", "csv"]))
    var files: [String] = []

    func validate() throws {
        if !files.isEmpty, !check {
            throw ValidationError("dataset files as arguments go with --check; use --dataset FILE to serve them")
        }
    }

    func run() async throws {
        if printDefaults { return print(DaemonSettings.defaultsFile(), terminator: "") }
        var flags: [DaemonSetting: String] = [:]
        flags[.socket] = socket
        flags[.varlinkSocket] = varlinkSocket
        flags[.logLevel] = logLevel
        if !dataset.isEmpty { flags[.dataset] = dataset.joined(separator: " ") }
        if allowUnknownSector { flags[.allowUnknownSector] = "yes" }
        let settings: DaemonSettings
        do {
            settings = try DaemonSettings.resolve(flags: flags, environment: Environment.current, configFile: config)
        } catch {
            throw Failure(message: "bad configuration: \(error)", code: 78)
        }
        // `--check FILE` checks that file, whatever the settings would serve.
        let datasetConfiguration =
            check && !files.isEmpty
            ? DatasetConfiguration(paths: files, options: settings.datasetOptions)
            : DatasetConfiguration(
                paths: settings.datasetPaths, refreshedPath: settings.refreshedDatasetPath,
                options: settings.datasetOptions)
        if check {
            do {
                return try DatasetCheck.run(datasetConfiguration)
            } catch {
                throw Failure(message: "invalid dataset:\n\(error)", code: 65)
            }
        }

        let style = SystemdLogHandler.detectStyle()
        LoggingSystem.bootstrap { SystemdLogHandler(label: $0, level: settings.logLevel, style: style) }
        let logger = Logger(label: "laureated")
        let launch: DaemonLaunch
        do {
            launch = try DaemonLaunch.prepare(
                settings: settings, dataset: datasetConfiguration, version: Self.version, logger: logger)
        } catch let error as DatasetLoadError {
            throw Failure(message: "invalid dataset, not starting:\n\(error)", code: 65)
        } catch {
            throw Failure(message: "\(error)", code: 69)
        }
        let group = ServiceGroup(
            services: [launch.server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await group.run()
        } catch {
            throw Failure(message: "\(error)", code: 69)
        }
    }
}

/// A start-up failure: its message goes to stderr and the process exits with `code`.
struct Failure: Error, CustomStringConvertible {
    let message: String
    let code: Int32
    var description: String { message }
}

extension Laureated {
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as Failure {
            let line = Array("laureated: \(failure.message)\n".utf8)
            _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            Glibc.exit(failure.code)
        } catch {
            exit(withError: error)
        }
    }
}
