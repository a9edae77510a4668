/// The first tier of request parsing: answers the shapes scripts send most — `laureate.get` of a
/// known id and `ping` — straight from the request bytes, splicing the raw id between constant
/// pieces and the record's pre-encoded JSON. Anything else (escapes, unknown members, batches,
/// notifications, errors) returns false and goes through `MessageCodec`, which gives the same reply;
/// a randomized differential test holds the two tiers to that.
enum FastPath {
    private static let jsonrpcKey = Array("jsonrpc".utf8)
    private static let idKey = Array("id".utf8)
    private static let methodKey = Array("method".utf8)
    private static let paramsKey = Array("params".utf8)
    private static let version = Array("2.0".utf8)
    private static let getMethod = Array("laureate.get".utf8)
    private static let pingMethod = Array("ping".utf8)

    /// Writes the reply and returns true when the line is a simple `laureate.get` of a known id or a `ping`.
    static func answer(_ line: UnsafeRawBufferPointer, dataset: Dataset, pong: [UInt8], into output: inout [UInt8]) -> Bool {
        var scanner = Scanner(bytes: line)
        guard let request = scanner.scanRequest() else { return false }
        let method = UnsafeRawBufferPointer(rebasing: line[request.method])
        let id = UnsafeRawBufferPointer(rebasing: line[request.id])
        if method.elementsEqual(getMethod), let key = request.paramID {
            guard let index = dataset.recordIndex(id: UnsafeRawBufferPointer(rebasing: line[key])) else { return false }
            output.append(contentsOf: MessageCodec.replyStart)
            output.append(contentsOf: id)
            output.append(contentsOf: MessageCodec.resultStart)
            dataset.appendRecordJSON(index, to: &output)
            output.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
            return true
        }
        if method.elementsEqual(pingMethod), request.paramID == nil {
            output.append(contentsOf: MessageCodec.replyStart)
            output.append(contentsOf: id)
            output.append(contentsOf: MessageCodec.resultStart)
            output.append(contentsOf: pong)
            output.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
            return true
        }
        return false
    }

    /// The byte ranges of a simple request.
    struct SimpleRequest {
        var id: Range<Int>
        var method: Range<Int>
        var paramID: Range<Int>?
    }

    /// A validating scanner for one flat request object: ASCII strings without escapes, any member
    /// order and whitespace, each member at most once, nothing else.
    struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func scanRequest() -> SimpleRequest? {
            var id: Range<Int>?
            var method: Range<Int>?
            var paramID: Range<Int>?
            var sawVersion = false
            var sawParams = false
            guard consume(UInt8(ascii: "{")) else { return nil }
            if peek() == UInt8(ascii: "}") { return nil }
            repeat {
                guard let key = scanString() else { return nil }
                guard consume(UInt8(ascii: ":")) else { return nil }
                let name = UnsafeRawBufferPointer(rebasing: bytes[key.lowerBound + 1..<key.upperBound - 1])
                if name.elementsEqual(FastPath.idKey) {
                    guard id == nil else { return nil }
                    skipSpace()
                    if peek() == UInt8(ascii: "\"") { id = scanString() } else { id = scanNumber() }
                    guard id != nil else { return nil }
                } else if name.elementsEqual(FastPath.methodKey) {
                    guard method == nil, let value = scanString() else { return nil }
                    method = value.lowerBound + 1..<value.upperBound - 1
                } else if name.elementsEqual(FastPath.jsonrpcKey) {
                    guard !sawVersion, let value = scanString(),
                        UnsafeRawBufferPointer(rebasing: bytes[value.lowerBound + 1..<value.upperBound - 1]).elementsEqual(FastPath.version)
                    else { return nil }
                    sawVersion = true
                } else if name.elementsEqual(FastPath.paramsKey) {
                    guard !sawParams else { return nil }
                    sawParams = true
                    guard consume(UInt8(ascii: "{")) else { return nil }
                    if peek() == UInt8(ascii: "}") {
                        index += 1
                    } else {
                        guard let paramKey = scanString(), consume(UInt8(ascii: ":")),
                            UnsafeRawBufferPointer(rebasing: bytes[paramKey.lowerBound + 1..<paramKey.upperBound - 1]).elementsEqual(FastPath.idKey),
                            let value = scanString(), consume(UInt8(ascii: "}"))
                        else { return nil }
                        paramID = value.lowerBound + 1..<value.upperBound - 1
                    }
                } else {
                    return nil
                }
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            guard index == bytes.count, let id, let method else { return nil }
            return SimpleRequest(id: id, method: method, paramID: paramID)
        }

        private func peek() -> UInt8? {
            var position = index
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            return position < bytes.count ? bytes[position] : nil
        }

        private mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A string of printable ASCII without escapes, quotes included in the range.
        private mutating func scanString() -> Range<Int>? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return start..<index
                }
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        /// An integer per the JSON grammar (fractions and exponents take the full path).
        private mutating func scanNumber() -> Range<Int>? {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            let count = index - digits
            guard count > 0, count < 19, !(count > 1 && bytes[digits] == UInt8(ascii: "0")) else { return nil }
            return start..<index
        }
    }
}
