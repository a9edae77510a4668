import ArgumentParser
import Foundation
import LaureateClient

/// `laureate-bench compare`: laureated, Redis and the empty SwiftNIO responder (`floor`), the
/// three load shapes on each, in one run.
///
/// Machines here differ by 1.7× in speed and a daemon's placement moves its figures by up to a
/// third, so only ratios measured in the same run mean anything: each repetition starts a fresh
/// laureated and floor (Redis, slow to load, is kept), runs every shape on the three servers in
/// an order that rotates, and reads each server's CPU time (user + system) from /proc around the
/// run. The medians of the repetitions are printed with their ratios to Redis and to the floor.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the three load shapes on laureated, Redis and the floor server, with ratios.",
        discussion: """
            A server given by socket is taken as it runs (its process is found with SO_PEERCRED); \
            otherwise it is started on a temporary socket. A taken laureated or Redis must hold the \
            records given by --dataset.
            """)

    enum Shape: String, ExpressibleByArgument, CaseIterable {
        case pipelined, pinned, sixteen

        var title: String {
            switch self {
            case .pipelined: "1 connection, pipelined ×1000"
            case .pinned: "1 connection, one at a time, server and client pinned to one vCPU"
            case .sixteen: "16 connections, one request at a time each"
            }
        }

        func loadArguments(scale: Double) -> [String] {
            let (connections, pipeline, requests) =
                switch self {
                case .pipelined: (1, 1000, 1_000_000)
                case .pinned: (1, 1, 100_000)
                case .sixteen: (16, 1, 200_000)
                }
            let scaled = max(connections * pipeline, Int(Double(requests) * scale))
            return ["-c", "\(connections)", "-P", "\(pipeline)", "-n", "\(scaled)"]
        }
    }

    @Option(help: "The laureated binary to start (default: the release build beside Benchmarks/).")
    var laureated: String?
    @Option(help: "Take the laureated listening on this socket instead of starting one.") var laureatedSocket: String?
    @Option(help: "Take the Redis listening on this socket instead of starting redis-server.") var redisSocket: String?
    @Option(help: "Take the floor server listening on this socket instead of starting one.") var floorSocket: String?
    @Option(help: "The redis-server binary to start.") var redisServer = "redis-server"
    @Option(help: "Records to generate, when --dataset is not given.") var records = 100_000
    @Option(help: "A JSON Lines dataset to serve and to take ids from.") var dataset: String?
    @Option(help: "Repetitions; the medians are reported.") var repetitions = 3
    @Option(help: "Comma-separated shapes: pipelined, pinned, sixteen.") var shapes = "pipelined,pinned,sixteen"
    @Option(help: "Scale the requests per run (1: 1 000 000 pipelined, 100 000 pinned, 200 000 × 16).")
    var scale = 1.0

    func validate() throws {
        guard repetitions >= 1, records >= 1, scale > 0 else {
            throw ValidationError("--repetitions, --records and --scale must be positive")
        }
        _ = try selectedShapes()
    }

    private func selectedShapes() throws -> [Shape] {
        try shapes.split(separator: ",").map {
            guard let shape = Shape(rawValue: String($0)) else { throw ValidationError("unknown shape '\($0)'") }
            return shape
        }
    }

    func run() throws {
        let work = try TemporaryDirectory()
        let data = try dataset ?? work.generateDataset(records: records)
        let bench = Executable.current
        let redis = try server(taking: redisSocket) {
            try StartedServer.redis(binary: redisServer, work: work, dataset: data, bench: bench)
        }
        defer { redis.stop() }
        let replyBytes = try Self.meanGetReplyBytes(dataset: data)
        var table = CompareTable(shapes: try selectedShapes())
        for repetition in 0..<repetitions {
            let daemon = try server(taking: laureatedSocket) {
                try StartedServer.laureated(binary: laureated ?? Executable.releaseLaureated, work: work, dataset: data)
            }
            defer { daemon.stop() }
            let floor = try server(taking: floorSocket) {
                try StartedServer.floor(bench: bench, work: work, replyBytes: replyBytes)
            }
            defer { floor.stop() }
            let servers: [(CompareTable.Server, any BenchServer)] = [
                (.laureated, daemon), (.redis, redis), (.floor, floor),
            ]
            for shape in table.shapes {
                for turn in 0..<servers.count {
                    let (name, server) = servers[(turn + repetition) % servers.count]
                    let figures = try measure(
                        shape: shape, server: server, redis: name == .redis, bench: bench, data: data)
                    table.add(figures, shape: shape, server: name)
                    FileHandle.standardError.write(
                        Data("repetition \(repetition + 1), \(shape.rawValue), \(name.rawValue): \(figures)\n".utf8))
                }
            }
        }
        print(table.markdown(repetitions: repetitions, records: dataset == nil ? records : nil))
        if floorSocket == nil {
            print("The floor answered \(replyBytes) bytes a line: the mean laureate.get reply over these records.")
        }
    }

    /// The mean length of a `laureate.get` reply to the load's requests over the records of a JSON
    /// Lines file (each line is a record's JSON as laureated encodes it): what the floor sends, so
    /// that the kernel's copies per reply are the same for both servers.
    static func meanGetReplyBytes(dataset: String) throws -> Int {
        guard let file = FileHandle(forReadingAtPath: dataset) else {
            throw ValidationError("cannot read the dataset \(dataset)")
        }
        defer { try? file.close() }
        var bytes = 0
        var lines = 0
        while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytes += chunk.count
            lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        guard lines > 0 else { throw ValidationError("the dataset \(dataset) has no records") }
        let envelope = #"{"jsonrpc":"2.0","id":1,"result":}"#.utf8.count + 1
        return (bytes - lines) / lines + envelope
    }

    private func server(taking socket: String?, orStart start: () throws -> StartedServer) throws -> any BenchServer {
        if let socket { return try TakenServer(socket: socket) }
        return try start()
    }

    private func measure(
        shape: Shape, server: any BenchServer, redis: Bool, bench: String, data: String
    ) throws
        -> RunFigures
    {
        let pinned = shape == .pinned
        if pinned { try Affinity.pin(pid: server.pid, cpus: "0") }
        defer { if pinned { try? Affinity.pin(pid: server.pid, cpus: Affinity.allCPUs) } }
        var command = [bench, "run", "-s", server.socket, "--json", "--ids-from", data]
        command += shape.loadArguments(scale: scale) + (redis ? ["--redis"] : [])
        if pinned { command = ["taskset", "-c", "0"] + command }
        let before = try ProcessCPU.seconds(pid: server.pid)
        let output = try Executable.output(command)
        let after = try ProcessCPU.seconds(pid: server.pid)
        guard let row = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
            let rate = row["rate"] as? Int, let requests = row["requests"] as? Int,
            let p50 = row["p50_us"] as? Double, let p99 = row["p99_us"] as? Double, row["errors"] as? Int == 0
        else { throw ValidationError("unexpected output of the load run: \(output)") }
        return RunFigures(
            rate: Double(rate), p50: p50, p99: p99, cpuMicroseconds: (after - before) / Double(requests) * 1e6)
    }
}
