public import LaureateCore
public import NIOCore

/// The connection's output buffer is where the dispatcher writes replies: the fast path's record
/// JSON goes straight into its spare capacity.
extension ByteBuffer: ReplyWriter {
    public mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) {
        _ = writeBytes(bytes) as Int
    }

    public mutating func writeWithUnsafeMutableBytes(capacity: Int, _ body: (UnsafeMutableRawPointer) -> Int) {
        _ = writeWithUnsafeMutableBytes(minimumWritableBytes: capacity) { body($0.baseAddress!) }
    }
}
