#if canImport(Glibc)
    import Glibc
#endif

/// Finds messages in received bytes, in place: the one framer that the connection handler, the
/// fuzzer and the tests all call.
///
/// A message ends at the delimiter (`\n` for JSON-RPC lines; NUL for varlink). A `\r` before a
/// `\n` is dropped, and a message of only spaces, tabs and `\r` is blank: skipped, never answered.
/// A message whose bytes (without its delimiter) pass `maximumBytes` is `tooLarge`, whether or not
/// its end has arrived, so that no more than the limit is ever held for one unfinished message.
public struct MessageFramer: Sendable {
    public let delimiter: UInt8
    public let maximumBytes: Int

    public init(delimiter: UInt8 = 0x0A, maximumBytes: Int) {
        self.delimiter = delimiter
        self.maximumBytes = maximumBytes
    }

    /// What starts the bytes given to `next`.
    public enum Frame {
        /// A message (without its delimiter or `\r`), and how many bytes it took with them.
        case message(UnsafeRawBufferPointer, consumed: Int)
        /// A blank message to skip, and how many bytes it took.
        case blank(consumed: Int)
        /// No whole message yet: keep the bytes and wait for more.
        case incomplete
        /// The message passes the limit: answer `request too large` and close.
        case tooLarge
    }

    /// The first message of `bytes`. With `atEnd` (the peer will send nothing more) an unfinished
    /// last message counts as whole.
    public func next(in bytes: UnsafeRawBufferPointer, atEnd: Bool) -> Frame {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .incomplete }
        let length: Int
        let consumed: Int
        if let found = memchr(base, Int32(delimiter), bytes.count) {
            length = base.distance(to: UnsafeRawPointer(found))
            consumed = length + 1
        } else {
            guard bytes.count <= maximumBytes else { return .tooLarge }
            guard atEnd else { return .incomplete }
            length = bytes.count
            consumed = length
        }
        guard length <= maximumBytes else { return .tooLarge }
        var message = UnsafeRawBufferPointer(rebasing: bytes[0..<length])
        if delimiter == 0x0A, message.last == 0x0D { message = UnsafeRawBufferPointer(rebasing: message.dropLast()) }
        // Only a message that starts with a space or is empty needs the whole scan.
        if message.first.map(Self.isSpace) ?? true, message.allSatisfy(Self.isSpace) {
            return .blank(consumed: consumed)
        }
        return .message(message, consumed: consumed)
    }

    /// Calls `body` with each message of `bytes`, all of which has arrived, in order; stops at a
    /// message past the limit and returns false then.
    public func forEachMessage(in bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var offset = 0
        while offset < bytes.count {
            switch next(in: UnsafeRawBufferPointer(rebasing: bytes[offset...]), atEnd: true) {
            case .message(let message, let consumed):
                body(message)
                offset += consumed
            case .blank(let consumed): offset += consumed
            case .incomplete: return true
            case .tooLarge: return false
            }
        }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
