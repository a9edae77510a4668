/// One JSON line ↔ typed messages: request decoding with the protocol's validation rules, and the
/// reply encoders every response goes through.
public enum MessageCodec {
    /// The most requests one batch may hold.
    public static let defaultMaximumBatch = 1000

    /// Decodes one line (without its line break).
    /// - Throws: `ProtocolError` `parseError` for invalid JSON or UTF-8, `invalidRequest` for an
    ///   empty or oversized batch; errors of single requests are returned as `.invalid` entries.
    public static func decode(
        _ line: UnsafeRawBufferPointer,
        maximumBatch: Int = defaultMaximumBatch
    ) throws(ProtocolError) -> DecodedMessage {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw ProtocolError(.parseError, message: "parse error: \(error)")
        }
        if case .array(let elements) = value {
            if elements.isEmpty { throw ProtocolError(.invalidRequest, message: "invalid request: empty batch") }
            if elements.count > maximumBatch {
                throw ProtocolError(
                    .invalidRequest,
                    message: "invalid request: batch of \(elements.count) requests, more than \(maximumBatch)",
                    data: ["limit": .number(JSONNumber(Int64(maximumBatch)))])
            }
            return .batch(elements.map(entry))
        }
        return .single(entry(value))
    }

    /// Validates one request object.
    static func entry(_ value: JSONValue) -> RequestEntry {
        guard case .object(let object) = value else {
            return .invalid(
                id: .null,
                ProtocolError(
                    .invalidRequest, message: "invalid request: expected a request object, got \(value.typeName)"))
        }
        var id: JSONValue?
        if let raw = object["id"] {
            switch raw {
            case .string, .number: id = raw
            default:
                return .invalid(
                    id: .null,
                    ProtocolError(
                        .invalidRequest,
                        message: "invalid request: id must be a string or a number, got \(raw.typeName)"))
            }
        }
        let replyID = id ?? .null
        if let version = object["jsonrpc"], version != .string("2.0") {
            return .invalid(
                id: replyID,
                ProtocolError(
                    .invalidRequest,
                    message: "invalid request: jsonrpc must be \"2.0\", got \(JSONWriter.string(version))"))
        }
        guard let methodValue = object["method"] else {
            return .invalid(id: replyID, ProtocolError(.invalidRequest, message: "invalid request: method is missing"))
        }
        guard case .string(let method) = methodValue else {
            return .invalid(
                id: replyID,
                ProtocolError(
                    .invalidRequest, message: "invalid request: method must be a string, got \(methodValue.typeName)"))
        }
        var params = JSONObject()
        if let raw = object["params"] {
            guard case .object(let given) = raw else {
                // A notification is never answered, not even to say its params are wrong.
                return .invalid(
                    id: id,
                    ProtocolError(
                        .invalidParams,
                        message: "invalid params: params must be an object (params by name), got \(raw.typeName)",
                        data: ["param": "params", "reason": .string("expected an object, got \(raw.typeName)")]))
            }
            params = given
        }
        return .request(Request(id: id, method: method, params: params))
    }

    /// The constant start of every reply.
    @usableFromInline package static let replyStart = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
    /// What goes between a reply's id and its result.
    @usableFromInline package static let resultStart = Array(#","result":"#.utf8)
    static let errorStart = Array(#","error":"#.utf8)

    /// Appends `{"jsonrpc":"2.0","id":ID,"result":` — the caller writes the result and then `}`.
    public static func writeResultPrefix(id: JSONValue, into output: inout [UInt8]) {
        output.append(contentsOf: replyStart)
        JSONWriter.write(id, into: &output)
        output.append(contentsOf: resultStart)
    }

    /// Appends a whole result reply (without line break).
    public static func writeResult(id: JSONValue, result: JSONValue, into output: inout [UInt8]) {
        writeResultPrefix(id: id, into: &output)
        JSONWriter.write(result, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    /// Appends a whole error reply (without line break).
    public static func writeError(id: JSONValue, _ error: ProtocolError, into output: inout [UInt8]) {
        output.append(contentsOf: replyStart)
        JSONWriter.write(id, into: &output)
        output.append(contentsOf: errorStart)
        JSONWriter.write(error.json, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    /// The line sent before closing a connection whose line passed the size limit.
    public static func tooLargeReply(limit: Int) -> [UInt8] {
        var output: [UInt8] = []
        writeError(
            id: .null,
            ProtocolError(
                .invalidRequest, message: "request too large", data: ["limit": .number(JSONNumber(Int64(limit)))]),
            into: &output)
        output.append(0x0A)
        return output
    }

    /// The line sent before closing a connection the daemon cannot take.
    public static func overloadedReply(reason: String) -> [UInt8] {
        var output: [UInt8] = []
        writeError(id: .null, ProtocolError(.overloaded, message: "overloaded: \(reason)"), into: &output)
        output.append(0x0A)
        return output
    }

    /// A push notification line (`{"jsonrpc":"2.0","method":…,"params":…}`).
    public static func notification(method: String, params: JSONObject) -> [UInt8] {
        var output = JSONWriter.encode(
            .object(["jsonrpc": "2.0", "method": .string(method), "params": .object(params)]))
        output.append(0x0A)
        return output
    }
}
