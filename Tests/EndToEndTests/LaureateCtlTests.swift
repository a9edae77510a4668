import Foundation
import Testing

@Suite("laureatectl end to end", .serialized)
struct LaureateCtlTests {
    @Test("get, search, stats, program, status and sectors give readable answers")
    func human() throws {
        let daemon = try Daemon()
        let get = try daemon.ctl(["get", "lacio"])
        #expect(get.status == 0)
        #expect(get.stdout.hasPrefix("LACIO — Lasers et Combineurs pour l'Instrumentation Optique"))
        #expect(get.stdout.contains("Oxxius") && get.stdout.contains("Lannion (22, Bretagne)"))
        let search = try daemon.ctl(["search", "--q", "électronique", "--region", "bretagne"])
        #expect(search.stdout.contains("lacio") && search.stdout.contains("4 of 4 laureates"))
        let stats = try daemon.ctl(["stats", "--by", "sector"])
        #expect(stats.stdout.contains("electronique") && stats.stdout.contains("█") && stats.stdout.contains("total"))
        let program = try daemon.ctl(["program"])
        #expect(program.stdout.contains("850 000 000 €"))
        let status = try daemon.ctl(["status"])
        #expect(status.stdout.contains("records") && status.stdout.contains("89"))
        #expect(try daemon.ctl(["sectors"]).stdout.contains("Électronique"))
        #expect(daemon.stop() == 0)
    }

    @Test("--json prints the exact result, one line when piped")
    func json() throws {
        let daemon = try Daemon()
        let get = try daemon.ctl(["--json", "get", "lacio"])
        #expect(get.stdout.hasPrefix(#"{"id":"lacio","project":"LACIO""#) && get.stdout.split(separator: "\n").count == 1)
        let call = try daemon.ctl(["call", "laureate.get", #"{"id":"sekkoia"}"#])
        #expect(call.stdout.contains(#""company":"Atlanta""#))
        #expect(daemon.stop() == 0)
    }

    @Test("exit codes: 1 error reply, 64 usage, 69 unreachable")
    func exitCodes() throws {
        let daemon = try Daemon()
        let missing = try daemon.ctl(["get", "no-such-laureate"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "laureatectl: no laureate with id \"no-such-laureate\"\n")
        #expect(try daemon.ctl(["stats", "--by", "colour"]).status == 64)
        #expect(try daemon.ctl(["frobnicate"]).status == 64)
        #expect(daemon.stop() == 0)
        let down = try daemon.ctl(["ping"])
        #expect(down.status == 69)
        #expect(down.stderr.split(separator: "\n").count == 1)
    }
}
