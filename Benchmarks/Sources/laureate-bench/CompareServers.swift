import ArgumentParser
import Foundation
import LaureateClient
import LaureateServer

#if canImport(Glibc)
    import Glibc
#endif

/// A server under measurement: where to connect, and the process whose CPU time is read.
protocol BenchServer {
    var socket: String { get }
    var pid: pid_t { get }
    func stop()
}

/// A server that was already running: its process is the socket's peer (SO_PEERCRED).
struct TakenServer: BenchServer {
    let socket: String
    let pid: pid_t

    init(socket: String) throws {
        self.socket = socket
        let fd = try UnixSocket.connect(to: socket)
        defer { close(fd) }
        // `struct ucred` of <sys/socket.h> (pid, uid, gid), which Swift's Glibc module does not export.
        var credentials: (pid: pid_t, uid: uid_t, gid: gid_t) = (0, 0, 0)
        var length = socklen_t(MemoryLayout<(pid_t, uid_t, gid_t)>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0, credentials.pid > 0 else {
            throw ValidationError("cannot tell which process serves \(socket)")
        }
        pid = credentials.pid
    }

    func stop() {}
}

/// A server this run started, and stops.
final class StartedServer: BenchServer {
    let socket: String
    let process: Process
    var pid: pid_t { process.processIdentifier }

    private init(socket: String, process: Process) {
        self.socket = socket
        self.process = process
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// laureated on `dataset`, once it has told its notify socket READY=1, as under systemd.
    static func laureated(binary: String, work: TemporaryDirectory, dataset: String) throws -> StartedServer {
        let socket = work.path("laureated-\(UUID().uuidString.prefix(8)).sock")
        let notify = try NotifyListener(path: work.path("notify-\(UUID().uuidString.prefix(8)).sock"))
        defer { notify.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--socket", socket, "--dataset", dataset]
        process.environment = ProcessInfo.processInfo.environment.merging(["NOTIFY_SOCKET": notify.path]) { $1 }
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = StartedServer(socket: socket, process: process)
        guard notify.waitForReady(seconds: 300) else {
            server.stop()
            throw ValidationError("\(binary) did not send READY=1")
        }
        return server
    }

    /// redis-server on a Unix socket, no persistence, loaded with the records of `dataset`.
    static func redis(binary: String, work: TemporaryDirectory, dataset: String, bench: String) throws -> StartedServer
    {
        let socket = work.path("redis.sock")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [binary, "--port", "0", "--unixsocket", socket, "--save", "", "--appendonly", "no"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let server = StartedServer(socket: socket, process: process)
        guard waitForSocket(socket, while: process) else {
            server.stop()
            throw ValidationError("\(binary) did not start (is redis-server installed? Scripts/install-deps --bench)")
        }
        // /usr/bin/env execs redis-server, so the process is Redis itself.
        _ = try Executable.output([bench, "load-redis", "-s", socket, dataset])
        return server
    }

    /// `laureate-bench floor`, started from this same executable, answering `replyBytes` a line,
    /// with the kernel send buffer laureated asks for, so that the two differ in their work per
    /// request, not in how the socket is tuned.
    static func floor(bench: String, work: TemporaryDirectory, replyBytes: Int) throws -> StartedServer {
        let socket = work.path("floor-\(UUID().uuidString.prefix(8)).sock")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bench)
        process.arguments = [
            "floor", "-s", socket, "--reply-bytes", "\(replyBytes)",
            "--send-buffer-bytes", "\(SocketServer.sendBufferBytes)",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let server = StartedServer(socket: socket, process: process)
        guard waitForSocket(socket, while: process) else {
            server.stop()
            throw ValidationError("the floor server did not start")
        }
        return server
    }

    private static func waitForSocket(_ path: String, while process: Process) -> Bool {
        for _ in 0..<600 where process.isRunning {
            if let fd = try? UnixSocket.connect(to: path) {
                close(fd)
                return true
            }
            usleep(50_000)
        }
        return false
    }
}

/// The datagram socket a started laureated reports READY=1 to, standing in for systemd.
struct NotifyListener {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard fd >= 0, bound == 0 else { throw ValidationError("cannot bind the notify socket \(path)") }
    }

    func waitForReady(seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return false }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            if message.split(separator: "\n").contains("READY=1") { return true }
        }
    }

    func close() {
        _ = Glibc.close(fd)
        unlink(path)
    }
}

/// A scratch directory removed at exit.
final class TemporaryDirectory {
    let root: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "laureate-compare-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ValidationError("cannot make a temporary directory") }
        root = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ name: String) -> String { root + "/" + name }

    /// `count` synthetic records in JSON Lines, the same generator as `laureate-bench generate`.
    func generateDataset(records count: Int) throws -> String {
        let file = path("records.jsonl")
        var generator = SyntheticLaureates(seed: 1)
        var text = ""
        for index in 0..<count { text += generator.jsonLine(index) + "\n" }
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }
}

/// Helpers to run commands and find the binaries.
enum Executable {
    /// This executable, to start `floor` and `run` from.
    static var current: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The daemon's release build beside this one: ROOT/Benchmarks/.build/… → ROOT/.build/release/laureated.
    static var releaseLaureated: String {
        guard let benchmarks = current.range(of: "/Benchmarks/.build/", options: .backwards) else {
            return ".build/release/laureated"
        }
        return current[..<benchmarks.lowerBound] + "/.build/release/laureated"
    }

    /// Runs `command` (looked up on PATH) and returns its standard output; fails on a non-zero exit.
    static func output(_ command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(command.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Which CPUs a server's threads may run on.
enum Affinity {
    static var allCPUs: String { "0-\(max(0, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1))" }

    static func pin(pid: pid_t, cpus: String) throws {
        _ = try Executable.output(["taskset", "-a", "-p", "-c", cpus, "\(pid)"])
    }
}

/// A process's CPU time so far, user and system, from /proc/PID/stat.
enum ProcessCPU {
    static func seconds(pid: pid_t) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
        guard let close = stat.lastIndex(of: ")") else { throw ValidationError("unreadable /proc/\(pid)/stat") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw ValidationError("unreadable /proc/\(pid)/stat")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
