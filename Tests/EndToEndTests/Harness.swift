import Foundation
import LaureateClient
import TestSupport
import Testing

/// Runs the real binaries the way systemd and people do, with a NOTIFY_SOCKET the test owns.
enum Harness {
    /// With `LAUREATE_REQUIRE_ALL_TESTS=1` (CI sets it) no test is skipped for a missing tool or
    /// file: a gate that would skip fails instead, so a green run means every suite ran.
    static let requireAllTests = ProcessInfo.processInfo.environment["LAUREATE_REQUIRE_ALL_TESTS"] == "1"

    /// Where `swift build` put the products: beside the test bundle.
    static let productsDirectory: URL = {
        if let override = ProcessInfo.processInfo.environment["LAUREATE_PRODUCTS"] {
            return URL(fileURLWithPath: override)
        }
        let executable = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
        return executable.deletingLastPathComponent()
    }()

    static func binary(_ name: String) throws -> URL {
        let url = productsDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError("no \(name) in \(productsDirectory.path): run swift build before swift test")
        }
        return url
    }

    static func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("lt-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a command to completion, killing it after `seconds` so a stuck child fails the test
    /// instead of hanging the run.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        seconds: Double = 120
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "NOTIFY_SOCKET")
        // laureatectl sizes its tables by $COLUMNS: a test sets it when it means to.
        env.removeValue(forKey: "COLUMNS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)
        defer { deadline.cancel() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are drained at once: a child that fills one while we wait on the other would
        // otherwise never finish.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        guard process.waitForExit(seconds: 10) else {
            throw HarnessError("\(executable.lastPathComponent) did not exit")
        }
        if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL {
            throw HarnessError("\(executable.lastPathComponent) \(arguments) was killed after \(seconds) s")
        }
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}

extension Process {
    /// Waits up to `seconds` for the process to exit; false when it is still running.
    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return !isRunning
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A running `laureated`.
final class Daemon {
    let directory: URL
    let socket: String
    let notify: NotifySocket
    let process = Process()
    let ready: [String: String]
    private let log: URL

    /// Starts `laureated` (through `prefix`, e.g. `prlimit …`, when given) on a private socket.
    init(
        arguments: [String] = [], binary: URL? = nil, environment extra: [String: String] = [:], prefix: [String] = []
    ) throws {
        directory = try Harness.temporaryDirectory()
        socket = directory.appendingPathComponent("d.sock").path
        notify = try NotifySocket(directory: directory)
        log = directory.appendingPathComponent("stderr.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw HarnessError("cannot create \(log.path)")
        }
        let daemon = try binary ?? Harness.binary("laureated")
        if let launcher = prefix.first {
            process.executableURL = URL(fileURLWithPath: launcher)
            process.arguments = Array(prefix.dropFirst()) + [daemon.path, "--socket", socket] + arguments
        } else {
            process.executableURL = daemon
            process.arguments = ["--socket", socket] + arguments
        }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        environment["NOTIFY_SOCKET"] = notify.path
        environment.removeValue(forKey: "LISTEN_PID")
        process.environment = environment
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        do {
            ready = try notify.wait(for: "READY")
        } catch {
            process.terminate()
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw HarnessError("\(error); daemon said: \(said)")
        }
    }

    var stderr: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func ctl(
        _ arguments: [String], environment: [String: String] = [:]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        try Harness.run(Harness.binary("laureatectl"), ["--socket", socket] + arguments, environment: environment)
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// SIGTERM, then the exit status; a daemon still running 20 s later is killed and reported
    /// as status -1, so a shutdown that hangs fails the test rather than the whole run.
    func stop() -> Int32 {
        if process.isRunning {
            signal(SIGTERM)
            guard process.waitForExit(seconds: 20) else {
                signal(SIGKILL)
                _ = process.waitForExit(seconds: 10)
                return -1
            }
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            signal(SIGKILL)
            _ = process.waitForExit(seconds: 10)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
