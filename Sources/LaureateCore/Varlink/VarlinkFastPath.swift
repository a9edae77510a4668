/// The varlink twin of `FastPath`: a plain `io.laureated.Dataset.Get` of a known id,
/// `{"method":"io.laureated.Dataset.Get","parameters":{"id":"KEY"}}` in any member order and
/// whitespace, is answered from the request bytes and the record's pre-encoded JSON. Anything else
/// (flags, `fields`, escapes, unknown ids) goes through `VarlinkCall`, which gives the same reply.
/// Public for `Scan`'s sake, as `FastPath` is.
public enum VarlinkFastPath {
    /// A plain `Get` read ahead of its answer, as `FastPath.Scan` is: its key, and the key's hash,
    /// whose index slot is already loading.
    public struct Scan {
        let key: Range<Int>
        let keyHash: UInt64
    }

    /// Reads a plain `Get` and starts loading the index slot its lookup reads; nil for any other
    /// message.
    @usableFromInline
    package static func scanGet(_ message: UnsafeRawBufferPointer, dataset: Dataset) -> Scan? {
        var scanner = FastPath.Scanner(bytes: message)
        guard let key = scanner.scanVarlinkGet() else { return nil }
        return Scan(key: key, keyHash: dataset.prefetchRecordIndex(id: UnsafeRawBufferPointer(rebasing: message[key])))
    }

    /// The record of a plain `Get` of a known id; nil for any other message.
    package static func matchGet(_ message: UnsafeRawBufferPointer, dataset: Dataset) -> Int? {
        scanGet(message, dataset: dataset).flatMap { matchGet($0, message: message, dataset: dataset) }
    }

    /// The record of the `Get` that `scanGet` read from `message`, if its id is known.
    @usableFromInline
    package static func matchGet(_ scan: Scan, message: UnsafeRawBufferPointer, dataset: Dataset) -> Int? {
        dataset.recordIndex(id: UnsafeRawBufferPointer(rebasing: message[scan.key]), hash: scan.keyHash)
    }

    /// Writes `{"parameters":{"record":RECORD}}` and its NUL.
    @inlinable
    package static func writeGet(_ record: Int, dataset: Dataset, into output: inout some ReplyWriter) {
        // One reservation for the whole reply, as `FastPath.write` does.
        let capacity = replyStart.utf8CodeUnitCount + replyEnd.utf8CodeUnitCount + dataset.recordJSONCapacity(record)
        output.writeWithUnsafeMutableBytes(capacity: capacity) { start in
            var cursor = start
            FastPath.put(replyStart, at: &cursor)
            cursor += dataset.writeRecordJSON(record, to: cursor)
            FastPath.put(replyEnd, at: &cursor)
            return start.distance(to: cursor)
        }
    }

    @inlinable static var replyStart: StaticString { #"{"parameters":{"record":"# }
    @inlinable static var replyEnd: StaticString { "}}\0" }
}

extension FastPath.Scanner {
    /// The id's byte range in a plain `Get` call (quotes excluded); nil for anything else.
    mutating func scanVarlinkGet() -> Range<Int>? {
        var sawMethod = false
        var key: Range<Int>?
        guard consume(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let name = scanString(), consume(UInt8(ascii: ":")) else { return nil }
            let member = UnsafeRawBufferPointer(rebasing: bytes[name.lowerBound + 1..<name.upperBound - 1])
            if FastPath.equals(member, "method") {
                guard !sawMethod, let value = scanString(),
                    FastPath.equals(
                        UnsafeRawBufferPointer(rebasing: bytes[value.lowerBound + 1..<value.upperBound - 1]),
                        "io.laureated.Dataset.Get")
                else { return nil }
                sawMethod = true
            } else if FastPath.equals(member, "parameters") {
                guard key == nil, consume(UInt8(ascii: "{")), let parameter = scanString(),
                    FastPath.equals(
                        UnsafeRawBufferPointer(rebasing: bytes[parameter.lowerBound + 1..<parameter.upperBound - 1]),
                        "id"),
                    consume(UInt8(ascii: ":")), let value = scanString(), consume(UInt8(ascii: "}"))
                else { return nil }
                key = value.lowerBound + 1..<value.upperBound - 1
            } else {
                return nil
            }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { return nil }
        skipSpace()
        guard index == bytes.count, sawMethod else { return nil }
        return key
    }
}
