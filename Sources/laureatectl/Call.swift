import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send any request: METHOD with params as JSON, or - to read them from stdin; prints the result JSON.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The method, e.g. laureate.get.", completion: .list(Method.allCases.map(\.rawValue)))
    var method: String
    @Argument(help: "Params as a JSON object, or - for stdin.") var params: String?

    func run() throws {
        var text = params
        if text == "-" {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                bytes += chunk[..<count]
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        var object: JSONObject?
        if let text, !text.allSatisfy(\.isWhitespace) {
            guard let parsed = try? JSONParser.parse(text), let value = parsed.objectValue else {
                throw ValidationError("params must be a JSON object, e.g. '{\"id\":\"lacio\"}'")
            }
            object = value
        }
        var options = global
        if options.format == .human { options.output = .json }
        let session = Session(options: options)
        try session.refuseDelimited()
        session.printJSON(try session.call(method, object))
    }
}
