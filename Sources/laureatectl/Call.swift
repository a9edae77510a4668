import ArgumentParser
import LaureateClient
import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send any request and print the result JSON.",
        discussion: """
            Params as one JSON object, - to read it from stdin, or as KEY=VALUE words typed by the \
            method's schema in rpc.discover, as lightning-cli -k does: numbers for integer params, \
            comma-separated lists for array params (laureatectl call laureate.search q=laser limit=3 \
            sector=sante,5g).

            Examples:
              laureatectl call laureate.search q=laser limit=3 sector=sante,5g
              laureatectl call laureate.get '{"id":"lacio","fields":["company"]}'
              echo '{"by":["sector","call"]}' | laureatectl call laureate.stats -
            """)
    @Argument(help: "The method, e.g. laureate.get.", completion: .list(Method.allCases.map(\.rawValue)))
    var method: String
    @Argument(help: "Params: a JSON object, - for stdin, or KEY=VALUE words.") var params: [String] = []
    @OptionGroup var global: GlobalOptions

    /// KEY=VALUE words, when the params are given that way.
    private var keywords: [(key: String, value: String)]? {
        guard let first = params.first, !first.hasPrefix("{"), first != "-" else { return nil }
        return params.compactMap { word in
            word.firstIndex(of: "=").map { (String(word[..<$0]), String(word[word.index(after: $0)...])) }
        }
    }

    func validate() throws {
        if let keywords {
            guard keywords.count == params.count, keywords.allSatisfy({ !$0.key.isEmpty }) else {
                throw ValidationError(
                    "params are KEY=VALUE words, one JSON object, or -; not '\(params.joined(separator: " "))'")
            }
        } else if params.count > 1 {
            throw ValidationError("give the params as one JSON object (quote it), or as KEY=VALUE words")
        }
    }

    func run() throws {
        var options = global
        if options.format == .human { options.output = .json }
        let session = Session(options: options)
        try session.refuseDelimited()
        var object: JSONObject?
        if let keywords {
            let discovery = try session.call("rpc.discover")
            object = try KeywordParams.typed(keywords, method: method, discovery: discovery)
        } else if var text = params.first {
            if text == "-" { text = Self.readStandardInput() }
            if !text.allSatisfy(\.isWhitespace) {
                guard let parsed = try? JSONParser.parse(text), let value = parsed.objectValue else {
                    throw ValidationError("params must be a JSON object, e.g. '{\"id\":\"lacio\"}'")
                }
                object = value
            }
        }
        session.printJSON(try session.call(method, object))
    }

    private static func readStandardInput() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// KEY=VALUE words made into params by the types the daemon's OpenRPC document gives each param,
/// so that `limit=3` is a number but `department=44` stays the string the protocol wants.
enum KeywordParams {
    static func typed(
        _ keywords: [(key: String, value: String)], method: String, discovery: JSONValue
    ) throws -> JSONObject {
        let methods = discovery.objectValue?["methods"]?.arrayValue ?? []
        let described = methods.first { $0.objectValue?["name"]?.stringValue == method }?.objectValue
        var schemas: [String: JSONValue] = [:]
        for param in described?["params"]?.arrayValue ?? [] {
            if let name = param.objectValue?["name"]?.stringValue { schemas[name] = param.objectValue?["schema"] }
        }
        var object = JSONObject()
        for (key, value) in keywords {
            // A param the document does not describe goes as a string; the daemon says what is wrong.
            object[key] = try typed(value, key: key, schema: schemas[key] ?? ["type": "string"])
        }
        return object
    }

    private static func typed(_ value: String, key: String, schema: JSONValue) throws -> JSONValue {
        let types = Self.types(schema)
        if types.contains("integer") {
            guard let number = Int64(value) else {
                throw ValidationError("\(key) takes a whole number, not '\(value)'")
            }
            return .number(JSONNumber(number))
        }
        if types.contains("boolean"), value == "true" || value == "false" { return .bool(value == "true") }
        if types.contains("array"), !types.contains("string") || value.contains(",") {
            return .array(value.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) })
        }
        return .string(value)
    }

    /// The JSON types a schema admits: its `type`, or those of its `oneOf`/`anyOf` branches
    /// (a `$ref` counts as a string: the document's referenced schemas are ids and names).
    private static func types(_ schema: JSONValue) -> Set<String> {
        guard let object = schema.objectValue else { return [] }
        if let type = object["type"]?.stringValue { return [type] }
        if let list = object["type"]?.arrayValue { return Set(list.compactMap(\.stringValue)) }
        if object["$ref"] != nil { return ["string"] }
        let branches = (object["oneOf"]?.arrayValue ?? []) + (object["anyOf"]?.arrayValue ?? [])
        return branches.reduce(into: Set<String>()) { $0.formUnion(types($1)) }
    }
}
