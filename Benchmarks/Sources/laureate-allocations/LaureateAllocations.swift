import ArgumentParser
import Foundation
import LaureateCore
import LaureateServer
import Logging
import MallocInterposerSwift
import ServiceLifecycle

/// `laureate-allocations`: the request path's allocation budgets, kept as SwiftNIO keeps its own.
///
/// The real server runs in this process on temporary sockets (JSON-RPC and varlink) over the embedded dataset; the
/// main thread is its client and allocates nothing while it counts. For each scenario it sends
/// 1000 requests three times to warm the buffers up, then counts every `malloc` in the process
/// (the server's event loop included) over five more windows of 1000 and keeps the lowest: a
/// timer that fires in one window does not move the figure. A budget is that count plus less
/// than one allocation per request, so one allocation added per request fails the check.
@main
struct LaureateAllocations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laureate-allocations",
        abstract: "Count the mallocs of 1000 requests on the request path; check them against budgets.",
        discussion: """
            Needs the counting malloc preloaded: Scripts/allocations builds this tool and runs it \
            with LD_PRELOAD=<bin path>/libMallocInterposerSwift.so.
            Exit status: 0 every scenario within its budget; 1 a budget exceeded; \
            2 the interposer is not loaded, or the budgets file is unreadable or lacks a scenario.
            """)

    @Option(help: "The budgets file (JSON: scenario name to mallocs per 1000 requests).")
    var budgets: String

    @Option(help: "Counted windows of 1000 requests per scenario; the lowest count is kept.")
    var windows = 5

    func validate() throws {
        guard windows >= 1 else { throw ValidationError("--windows must be at least 1") }
    }

    func run() throws {
        guard let interposer = MallocCounting.interposerPath() else {
            printError(
                "laureate-allocations: malloc is not the counting interposer's; run it through Scripts/allocations")
            throw ExitCode(2)
        }
        let limits: AllocationBudgets
        do {
            limits = try AllocationBudgets(contentsOf: budgets)
        } catch {
            printError("laureate-allocations: \(budgets): \(error)")
            throw ExitCode(2)
        }
        let missing = AllocationScenario.all.map(\.name).filter { limits.perThousandRequests[$0] == nil }
        guard missing.isEmpty else {
            printError("laureate-allocations: \(budgets): no budget for \(missing.joined(separator: ", "))")
            throw ExitCode(2)
        }
        print("counting with \(interposer); lowest of \(windows) windows of 1000 requests")
        let measured = try InProcessServer.run { path, varlinkPath, dataset in
            var client = try RawClient(path: path)
            var varlinkClient = try RawClient(path: varlinkPath)
            return try AllocationScenario.all.map { scenario in
                let count =
                    scenario.varlink
                    ? try scenario.countMallocs(client: &varlinkClient, dataset: dataset, windows: windows)
                    : try scenario.countMallocs(client: &client, dataset: dataset, windows: windows)
                return (scenario, count)
            }
        }
        var exceeded = false
        print("scenario".padding(toLength: 32, withPad: " ", startingAt: 0) + "mallocs/1000 req  budget")
        for (scenario, count) in measured {
            let budget = limits.perThousandRequests[scenario.name]!
            let verdict = count <= budget ? "ok" : "OVER BUDGET"
            exceeded = exceeded || count > budget
            print(
                scenario.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                    + String(count).leftPadded(to: 16) + String(budget).leftPadded(to: 8) + "  " + verdict)
        }
        if exceeded {
            printError(
                "laureate-allocations: the request path allocates more than its budget: find the new allocation"
                    + " (a profile of malloc callers), or raise the budget in \(budgets) and say why in the commit")
            throw ExitCode(1)
        }
    }
}

/// The budgets file: for each scenario, the most mallocs 1000 of its requests may make.
struct AllocationBudgets: Decodable {
    let about: String
    let perThousandRequests: [String: Int]

    init(contentsOf path: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Whether this process's `malloc` is the interposer's, which counts.
enum MallocCounting {
    static let library = "libMallocInterposerSwift.so"

    /// The interposer's library name if `malloc` resolves to it (it was preloaded); nil if
    /// `malloc` is still libc's, which counts nothing.
    static func interposerPath() -> String? {
        guard let interposer = dlopen(library, RTLD_NOW | RTLD_NOLOAD) else { return nil }
        defer { dlclose(interposer) }
        let counting = dlsym(interposer, "malloc")
        guard counting != nil, counting == dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc") else { return nil }
        return library
    }
}

/// The real server, in this process, for as long as `body` runs on the calling thread.
enum InProcessServer {
    static func run<Result>(_ body: (String, String, Dataset) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "laureate-allocations-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("laureated.sock").path
        let varlinkPath = directory.appendingPathComponent("varlink.sock").path
        // The daemon's default level, to stderr: a log line per request would be counted, as it costs.
        let logger = Logger(label: "laureate-allocations") { StreamLogHandler.standardError(label: $0) }
        let datasetConfiguration = DatasetConfiguration(paths: [])
        let dataset = try DatasetLoader.load(datasetConfiguration)
        let store = DatasetStore(dataset: dataset, configuration: datasetConfiguration, logger: logger)
        let configuration = ServerConfiguration(
            listener: .path(path), varlinkListener: .path(varlinkPath), version: "allocations",
            adminPolicy: AdminPolicy(daemonUID: getuid()))
        let ready = DispatchSemaphore(value: 0)
        let stopped = DispatchSemaphore(value: 0)
        let server = SocketServer(
            configuration: configuration, store: store, logger: logger, onReady: { _ in ready.signal() })
        let group = ServiceGroup(services: [server], logger: logger)
        Task.detached {
            do {
                try await group.run()
            } catch {
                printError("laureate-allocations: the server stopped: \(error)")
            }
            stopped.signal()
        }
        ready.wait()
        defer {
            Task.detached { await group.triggerGracefulShutdown() }
            stopped.wait()
        }
        return try body(path, varlinkPath, dataset)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
