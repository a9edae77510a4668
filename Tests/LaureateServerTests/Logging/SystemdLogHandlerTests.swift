import Logging
import Testing

@testable import LaureateServer

@Suite("Log lines for the journal and the terminal")
struct SystemdLogHandlerTests {
    @Test(
        "journal lines carry the sd-daemon priority and sorted metadata",
        arguments: [
            (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ])
    func priorities(_ level: Logger.Level, _ priority: Int) {
        let line = SystemdLogHandler.format(
            level: level, message: "ready", metadata: ["socket.path": "/run/x.sock", "dataset.records": "89"],
            style: .journal)
        #expect(line == "<\(priority)>ready dataset.records=89 socket.path=/run/x.sock")
    }

    @Test("terminal lines start with time and level; values with spaces are quoted")
    func terminal() {
        let line = SystemdLogHandler.format(
            level: .warning, message: "two\nlines", metadata: ["error.reason": "a \"b\""], style: .terminal,
            timestamp: "T")
        #expect(line == #"T warning two lines error.reason="a \"b\"""#)
    }
}
