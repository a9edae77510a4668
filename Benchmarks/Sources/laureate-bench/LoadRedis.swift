import ArgumentParser
import Foundation
import LaureateClient
import LaureateCore

/// `laureate-bench load-redis`: puts the records of a JSON Lines file into Redis as
/// `laureate:<id>` → the record's compact JSON, the same bytes laureated serves.
struct LoadRedis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-redis", abstract: "Load a JSON Lines dataset into Redis for comparison runs.")

    @Option(name: .short, help: "redis-server's Unix socket.") var socket: String
    @Argument(help: "The JSON Lines dataset.") var file: String

    func run() throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var commands: [UInt8] = []
        var count = 0
        for line in text.split(separator: "\n") {
            guard let object = (try? JSONParser.parse(String(line)))?.objectValue, let id = object["id"]?.stringValue
            else { continue }
            let key = Array("laureate:\(id)".utf8)
            let value = JSONWriter.encode(.object(object))
            commands +=
                Array("*3\r\n$3\r\nSET\r\n$\(key.count)\r\n".utf8) + key + Array("\r\n$\(value.count)\r\n".utf8) + value
                + [0x0D, 0x0A]
            count += 1
        }
        let fd = try UnixSocket.connect(to: socket)
        defer { close(fd) }
        var written = 0
        while written < commands.count {
            let result = commands.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            guard result > 0 else { throw ValidationError("write failed") }
            written += result
        }
        var reader = ReplyReader(fd: fd, wire: .resp)
        _ = try reader.read(replies: count)
        print("loaded \(count) records into redis")
    }
}
