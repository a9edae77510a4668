import Foundation
import TestSupport
import Testing

@Suite("laureated end to end", .serialized, .timeLimit(.minutes(5)))
struct DaemonLifecycleTests {
    @Test(
        "sends READY=1 with a status once the socket accepts, STOPPING=1 and exit 0 on SIGTERM, and removes its socket")
    func lifecycle() throws {
        let daemon = try Daemon()
        #expect(daemon.ready["READY"] == "1")
        #expect(daemon.ready["STATUS"]?.contains("Serving 89 laureate records") == true)
        #expect(try daemon.ctl(["ping"]).status == 0)
        daemon.signal(SIGTERM)
        _ = try daemon.notify.wait(for: "STOPPING")
        try #require(daemon.process.waitForExit(seconds: 20))
        #expect(daemon.process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socket))
    }

    @Test("reloads on SIGHUP with RELOADING=1 and MONOTONIC_USEC in one datagram, then READY=1")
    func sighup() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data.jsonl")
        try #"{"id":"one","company":"A","call":"relocalisation","sources":[]}"#.write(
            to: file, atomically: true, encoding: .utf8)
        let daemon = try Daemon(arguments: ["--dataset", file.path])
        try
            (#"{"id":"one","company":"A","call":"relocalisation","sources":[]}"# + "\n"
            + #"{"id":"two","company":"B","call":"relocalisation","sources":[]}"#)
            .write(to: file, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let reloading = try daemon.notify.wait(for: "RELOADING")
        #expect(reloading["MONOTONIC_USEC"] != nil)
        let ready = try daemon.notify.wait(for: "READY")
        #expect(ready["STATUS"]?.contains("2 laureate records") == true)
        #expect(try daemon.ctl(["--json", "get", "two"]).stdout.contains(#""company":"B""#))
        #expect(daemon.stop() == 0)
    }

    @Test("refuses to start on a bad dataset, naming file and line")
    func badDataset() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.jsonl")
        try "{\"id\":\"a\",\"company\":\"A\",\"call\":\"relocalisation\",\"sources\":[]}\n{\"id\": \n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try Harness.run(
            try Harness.binary("laureated"),
            ["--socket", directory.appendingPathComponent("s.sock").path, "--dataset", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.jsonl:2: invalid JSON"))
    }

    @Test("a socket it cannot create is refused in the system's words; the one it creates is 0660")
    func socketFile() throws {
        let missing = try Harness.run(try Harness.binary("laureated"), ["--socket", "/nonexistent/x.sock"])
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("cannot listen on /nonexistent/x.sock: No such file or directory\n"))
        #expect(!missing.stderr.contains("errno") && !missing.stderr.contains("descriptor"), "\(missing.stderr)")
        let daemon = try Daemon()
        let mode = try FileManager.default.attributesOfItem(atPath: daemon.socket)[.posixPermissions] as? Int
        #expect(mode == 0o660)
        #expect(daemon.stop() == 0)
    }

    @Test("refuses a socket a live daemon owns")
    func liveSocket() throws {
        let daemon = try Daemon()
        let second = try Harness.run(try Harness.binary("laureated"), ["--socket", daemon.socket])
        #expect(second.status == 69)
        #expect(second.stderr.contains("in use"))
        #expect(try daemon.ctl(["ping"]).status == 0)
        #expect(daemon.stop() == 0)
    }

    @Test("a copy of the binary alone in an empty directory serves the 89 embedded records")
    func standalone() throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("laureated")
        try FileManager.default.copyItem(at: try Harness.binary("laureated"), to: copy)
        let daemon = try Daemon(binary: copy)
        let status = try daemon.ctl(["--json", "status"])
        #expect(status.stdout.contains(#""records":89"#))
        #expect(daemon.stop() == 0)
    }

    @Test("laureated --check validates files without a socket")
    func check() throws {
        let good = try Harness.run(try Harness.binary("laureated"), ["--check"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("89 records"))
        #expect(good.stdout.contains("relocalisation"))
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.csv")
        let text =
            "entreprise,mesure,filiere,code_departement\nFictive,(Re)localisation dans les secteurs "
            + "critiques,Aéronautique,44\n"
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try Harness.run(try Harness.binary("laureated"), ["--check", bad.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.csv:2: filiere: \"Aéronautique\" maps to no sector"))
    }
}
