/// Where replies are written: the one output abstraction of the request path. The server writes
/// into its connection's NIO `ByteBuffer`; tests, golden files and the fuzzer into `[UInt8]`; both
/// through the same dispatcher entry and the same fast-reply writer.
public protocol ReplyWriter {
    /// Appends `bytes`.
    mutating func writeBytes(_ bytes: UnsafeRawBufferPointer)
    /// Lets `body` write at most `capacity` bytes at a pointer, and keeps as many as it returns.
    mutating func writeWithUnsafeMutableBytes(capacity: Int, _ body: (UnsafeMutableRawPointer) -> Int)
}

extension Array: ReplyWriter where Element == UInt8 {
    public mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }

    public mutating func writeWithUnsafeMutableBytes(capacity: Int, _ body: (UnsafeMutableRawPointer) -> Int) {
        let start = count
        append(contentsOf: repeatElement(0, count: capacity))
        let written = withUnsafeMutableBytes { body($0.baseAddress! + start) }
        removeLast(capacity - written)
    }
}
