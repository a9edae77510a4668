import Foundation
import LaureateCore
import Logging
import TestSupport
import Testing

@testable import LaureateServer

@Suite("Daemon settings")
struct DaemonSettingsTests {
    @Test("flags beat the environment, which beats the config file, which beats defaults")
    func precedence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "settings-\(UUID().uuidString.prefix(8))")
        try "LAUREATED_SOCKET=/from/file\nLAUREATED_MAX_BATCH=10\nLAUREATED_LOG_LEVEL=debug\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let settings = try DaemonSettings.resolve(
            flags: [.socket: "/from/flag"],
            environment: ["LAUREATED_MAX_BATCH": "20", "LAUREATED_SOCKET": "/from/env"], configFile: file.path)
        #expect(settings.socketPath == "/from/flag")
        #expect(settings.limits.maximumBatch == 20)
        #expect(settings.logLevel == .debug)
        #expect(settings.limits.maximumLineBytes == 1 << 20)
    }

    @Test("a bad value names the setting")
    func bad() {
        let error = #expect(throws: ConfigurationError.self) {
            try DaemonSettings.resolve(flags: [:], environment: ["LAUREATED_MAX_BATCH": "lots"], configFile: nil)
        }
        #expect(error?.reason.contains("LAUREATED_MAX_BATCH=lots") == true)
    }

    @Test("Config/laureated.defaults lists every setting at its default")
    func defaultsFile() throws {
        let root = TestPaths.repository
        let shipped = try String(contentsOf: root.appendingPathComponent("Config/laureated.defaults"), encoding: .utf8)
        #expect(
            shipped == DaemonSettings.defaultsFile(),
            "regenerate with: swift run laureated --print-defaults > Config/laureated.defaults")
        let settings = try DaemonSettings.resolve(
            flags: [:], environment: [:], configFile: root.appendingPathComponent("Config/laureated.defaults").path)
        #expect(settings.limits.maximumConnections == 4096)
    }
}
