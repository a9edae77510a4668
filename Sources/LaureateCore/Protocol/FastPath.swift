#if canImport(Glibc)
    import Glibc
#endif

/// The first tier of request parsing: answers the shapes scripts send most — `laureate.get` of a
/// known id and `ping` — straight from the request bytes, splicing the raw id between constant
/// pieces and the record's pre-encoded JSON. Anything else (escapes, unknown members, batches,
/// notifications, errors) returns false and goes through `MessageCodec`, which gives the same reply;
/// a randomized differential test holds the two tiers to that.
///
/// Public only so that `Scan` can be the public `MessageDispatcher`'s: a conformance's witnesses
/// are specialised into the server's loop only when they are public (through a `package`
/// protocol every get ran unspecialised generic code: 0.83× the pipelined rate of the build
/// before, against its copy's 0.91×).
public enum FastPath {
    /// A request the fast path answers.
    @usableFromInline @frozen package enum Match {
        /// `laureate.get` of a known record: the raw id bytes to echo and the record's index.
        case get(id: Range<Int>, record: Int)
        /// `ping`: the raw id bytes to echo.
        case ping(id: Range<Int>)
    }

    /// A `laureate.get` or `ping` read ahead of its answer: the request id's bytes and, for a get,
    /// its key and the key's hash, whose index slot is already loading. The server scans each line
    /// before answering the one ahead of it, so that the slot's cache miss (a fifth of a pipelined
    /// get's time) overlaps that answer.
    public struct Scan {
        let id: Range<Int>
        /// The key of a get; nil for a ping.
        let key: Range<Int>?
        let keyHash: UInt64
    }

    /// Reads `line`: a simple `laureate.get` (whose key's index slot it starts loading, a cache
    /// hint) or a `ping`; nil for any other line, which is then neither hashed nor prefetched.
    @usableFromInline
    package static func scan(_ line: UnsafeRawBufferPointer, dataset: Dataset) -> Scan? {
        func get(id: Range<Int>, key: Range<Int>) -> Scan {
            Scan(
                id: id, key: key, keyHash: dataset.prefetchRecordIndex(id: UnsafeRawBufferPointer(rebasing: line[key])))
        }
        var scanner = Scanner(bytes: line)
        if let exact = scanner.exactGet() { return get(id: exact.id, key: exact.key) }
        guard let request = scanner.scanRequest() else { return nil }
        let method = UnsafeRawBufferPointer(rebasing: line[request.method])
        if let key = request.paramID, equals(method, "laureate.get") { return get(id: request.id, key: key) }
        if request.paramID == nil, equals(method, "ping") { return Scan(id: request.id, key: nil, keyHash: 0) }
        return nil
    }

    /// Recognises a simple `laureate.get` of a known id, or a `ping`; nil for anything else.
    package static func match(_ line: UnsafeRawBufferPointer, dataset: Dataset) -> Match? {
        scan(line, dataset: dataset).flatMap { match($0, line: line, dataset: dataset) }
    }

    /// The request `scan` read from `line`, unless it is a get of an unknown id.
    @usableFromInline
    package static func match(_ scan: Scan, line: UnsafeRawBufferPointer, dataset: Dataset) -> Match? {
        guard let key = scan.key else { return .ping(id: scan.id) }
        guard let index = dataset.recordIndex(id: UnsafeRawBufferPointer(rebasing: line[key]), hash: scan.keyHash)
        else { return nil }
        return .get(id: scan.id, record: index)
    }

    /// Writes the reply to a request `match` recognised: the only writer of fast replies.
    /// Inlinable, so that the server's call is specialised for its `ByteBuffer`.
    ///
    /// The whole reply is written at one pointer, with one reservation in `output`: each
    /// `ByteBuffer` write checks its capacity and its storage's exclusivity (NIO's own code, where
    /// the checks cannot be turned off), and five writes per reply took 6 % of the pipelined profile.
    @inlinable
    package static func write(
        _ match: Match,
        line: UnsafeRawBufferPointer,
        dataset: Dataset,
        into output: inout some ReplyWriter
    ) {
        let requestID: UnsafeRawBufferPointer
        let resultCapacity: Int
        switch match {
        case .get(let id, let record):
            requestID = UnsafeRawBufferPointer(rebasing: line[id])
            resultCapacity = dataset.recordJSONCapacity(record) + replyEnd.utf8CodeUnitCount
        case .ping(let id):
            requestID = UnsafeRawBufferPointer(rebasing: line[id])
            resultCapacity = pongEnd.utf8CodeUnitCount
        }
        let capacity = replyStart.utf8CodeUnitCount + requestID.count + resultStart.utf8CodeUnitCount + resultCapacity
        output.writeWithUnsafeMutableBytes(capacity: capacity) { start in
            var cursor = start
            put(replyStart, at: &cursor)
            put(requestID, at: &cursor)
            put(resultStart, at: &cursor)
            switch match {
            case .get(_, let record):
                cursor += dataset.writeRecordJSON(record, to: cursor)
                put(replyEnd, at: &cursor)
            case .ping:
                put(pongEnd, at: &cursor)
            }
            return start.distance(to: cursor)
        }
    }

    /// Copies `bytes` at `cursor` and moves it past them.
    @inlinable @inline(__always)
    static func put(_ bytes: UnsafeRawBufferPointer, at cursor: inout UnsafeMutableRawPointer) {
        cursor.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        cursor += bytes.count
    }

    @inlinable @inline(__always)
    static func put(_ text: StaticString, at cursor: inout UnsafeMutableRawPointer) {
        put(bytes(of: text), at: &cursor)
    }

    // The constant pieces of a reply, as static strings: their bytes are in the binary, so writing
    // them takes no lazy global's check and no reference count (an array did, per request).
    @inlinable static var replyStart: StaticString { #"{"jsonrpc":"2.0","id":"# }
    @inlinable static var resultStart: StaticString { #","result":"# }
    @inlinable static var replyEnd: StaticString { "}\n" }
    @inlinable static var pongEnd: StaticString { "\"pong\"}\n" }

    @inlinable
    static func bytes(of text: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Whether `bytes` spell exactly `literal` (a `memcmp`, no allocation).
    static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && (bytes.count == 0 || memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0)
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
                if FastPath.equals(name, "id") {
                    guard id == nil else { return nil }
                    id = scanID()
                    guard id != nil else { return nil }
                } else if FastPath.equals(name, "method") {
                    guard method == nil, let value = scanString() else { return nil }
                    method = value.lowerBound + 1..<value.upperBound - 1
                } else if FastPath.equals(name, "jsonrpc") {
                    guard !sawVersion, let value = scanString(),
                        FastPath.equals(
                            UnsafeRawBufferPointer(rebasing: bytes[value.lowerBound + 1..<value.upperBound - 1]), "2.0")
                    else { return nil }
                    sawVersion = true
                } else if FastPath.equals(name, "params") {
                    guard !sawParams else { return nil }
                    sawParams = true
                    guard consume(UInt8(ascii: "{")) else { return nil }
                    if peek() == UInt8(ascii: "}") {
                        index += 1
                    } else {
                        guard let paramKey = scanString(), consume(UInt8(ascii: ":")),
                            FastPath.equals(
                                UnsafeRawBufferPointer(
                                    rebasing: bytes[paramKey.lowerBound + 1..<paramKey.upperBound - 1]), "id"),
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

        /// The first tier: the exact layout scripts and `laureatectl` send,
        /// `{"jsonrpc":"2.0","id":ID,"method":"laureate.get","params":{"id":"KEY"}}`: the request
        /// id's and the key's ranges, found by comparing the constant pieces eight bytes at a time
        /// and checking ID's grammar and KEY's bytes (a word at a time), without the general
        /// scanner. Checked a byte at a time, with a `memcmp` call per piece, the key's loop alone
        /// took half of the scanner's samples in a pipelined profile.
        func exactGet() -> (id: Range<Int>, key: Range<Int>)? {
            let head: StaticString = #"{"jsonrpc":"2.0","id":"#
            let middle: StaticString = #","method":"laureate.get","params":{"id":""#
            let tail: StaticString = #""}}"#
            guard bytes.count > head.utf8CodeUnitCount + middle.utf8CodeUnitCount + tail.utf8CodeUnitCount,
                let base = bytes.baseAddress, Self.matches(base, head)
            else { return nil }
            var probe = Scanner(bytes: bytes, index: head.utf8CodeUnitCount)
            let id = probe.scanID()
            let keyEnd = bytes.count - tail.utf8CodeUnitCount
            guard let id, id.upperBound + middle.utf8CodeUnitCount <= keyEnd,
                Self.matches(base + id.upperBound, middle),
                bytes[keyEnd] == UInt8(ascii: "\""), bytes[keyEnd + 1] == UInt8(ascii: "}"),
                bytes[keyEnd + 2] == UInt8(ascii: "}")
            else { return nil }
            let key = id.upperBound + middle.utf8CodeUnitCount..<keyEnd
            guard isPlainKey(key) else { return nil }
            return (id, key)
        }

        /// Whether the bytes at `start` spell `literal`, of at least eight bytes: compared a word
        /// at a time, the last word overlapping the one before.
        @inline(__always)
        static func matches(_ start: UnsafeRawPointer, _ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            assert(count >= 8, "a piece shorter than a word")
            let expected = UnsafeRawPointer(literal.utf8Start)
            var difference: UInt64 = 0
            var offset = 0
            while offset + 8 < count {
                difference |= word(start, offset) ^ word(expected, offset)
                offset += 8
            }
            difference |= word(start, count - 8) ^ word(expected, count - 8)
            return difference == 0
        }

        /// Whether the bytes of `range` are printable ASCII other than a quote and a backslash,
        /// checked eight at a time (a key shorter than eight bytes byte by byte).
        func isPlainKey(_ range: Range<Int>) -> Bool {
            guard range.count >= 8, let base = bytes.baseAddress else {
                return bytes[range].allSatisfy { $0 != UInt8(ascii: "\"") && Self.isPlain($0) }
            }
            var flags: UInt64 = 0
            var offset = range.lowerBound
            while offset + 8 <= range.upperBound {
                flags |= Self.specialBytes(Self.word(base, offset))
                offset += 8
            }
            // The last bytes in the word that ends the key, overlapping key bytes already checked.
            if offset < range.upperBound { flags |= Self.specialBytes(Self.word(base, range.upperBound - 8)) }
            return flags == 0
        }

        /// The high bit of each byte of `word` that is a control byte, 0x80 or more, a quote or a
        /// backslash (and maybe of the bytes above such a one: only "none" is exact, which is
        /// all `isPlainKey` asks).
        @inline(__always)
        static func specialBytes(_ word: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
            let control = (word &- ones &* 0x20) & ~word
            return (control | word | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))) & highBits
        }

        @inline(__always)
        static func word(_ start: UnsafeRawPointer, _ offset: Int) -> UInt64 {
            start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }

        func peek() -> UInt8? {
            var position = index
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            return position < bytes.count ? bytes[position] : nil
        }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
            }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A string of printable ASCII without escapes, quotes included in the range.
        mutating func scanString() -> Range<Int>? {
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
                guard Self.isPlain(byte) else { return nil }
                index += 1
            }
            return nil
        }

        /// Whether `byte` may stand in a string this scanner takes: printable ASCII, not a backslash.
        @inline(__always)
        static func isPlain(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\\") }

        /// A request id: a string (quotes included in the range) or an integer.
        @inline(__always)
        mutating func scanID() -> Range<Int>? {
            skipSpace()
            guard index < bytes.count else { return nil }
            return bytes[index] == UInt8(ascii: "\"") ? scanString() : scanNumber()
        }

        /// An integer per the JSON grammar (fractions and exponents take the full path).
        private mutating func scanNumber() -> Range<Int>? {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            let count = index - digits
            guard count > 0, count < 19, !(count > 1 && bytes[digits] == UInt8(ascii: "0")) else { return nil }
            return start..<index
        }
    }
}
