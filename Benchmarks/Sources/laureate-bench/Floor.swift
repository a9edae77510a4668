import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// `laureate-bench floor`: the least work a SwiftNIO server can do per request, the floor under
/// laureated's own figures. It answers each newline it reads with the same fixed reply (by default
/// 686 bytes, the size of a typical `laureate.get` reply), appended to one output buffer that is
/// flushed once per read burst and reused, as laureated does. It parses nothing and looks nothing up.
struct Floor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a fixed reply per line over a Unix socket: the empty SwiftNIO responder.")

    @Option(name: .short, help: "Socket path to listen on (replaced if it exists).") var socket: String
    @Option(help: "Bytes of each reply, newline included.") var replyBytes: Int = 686
    @Option(help: "The kernel send buffer to ask for on each connection (0: the system's default).")
    var sendBufferBytes: Int = 0

    func validate() throws {
        guard replyBytes >= 1 else { throw ValidationError("--reply-bytes must be at least 1") }
        guard sendBufferBytes >= 0 else { throw ValidationError("--send-buffer-bytes must be 0 or more") }
    }

    func run() throws {
        try? FileManager.default.removeItem(atPath: socket)
        let reply = FloorHandler.reply(bytes: replyBytes)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var bootstrap = ServerBootstrap(group: group).serverChannelOption(.backlog, value: 256)
        if sendBufferBytes > 0 {
            bootstrap = bootstrap.childChannelOption(.socketOption(.so_sndbuf), value: sendBufferBytes)
        }
        let channel =
            try bootstrap
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FloorHandler(reply: reply))
                }
            }
            .bind(unixDomainSocketPath: socket)
            .wait()
        try channel.closeFuture.wait()
    }
}

/// Counts newlines and writes one fixed reply for each.
final class FloorHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let reply: [UInt8]
    private var output = ByteBuffer()

    init(reply: [UInt8]) { self.reply = reply }

    /// A reply of `bytes` bytes in the shape of a JSON-RPC result line.
    static func reply(bytes: Int) -> [UInt8] {
        let head = Array(#"{"jsonrpc":"2.0","id":1,"result":""#.utf8)
        let tail = Array("\"}\n".utf8)
        guard bytes > head.count + tail.count else {
            return Array(repeating: UInt8(ascii: " "), count: bytes - 1) + [0x0A]
        }
        return head + Array(repeating: UInt8(ascii: "x"), count: bytes - head.count - tail.count) + tail
    }

    func handlerAdded(context: ChannelHandlerContext) {
        output = context.channel.allocator.buffer(capacity: 64 * 1024)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        let lines = bytes.withUnsafeReadableBytes { raw -> Int in
            guard var cursor = raw.baseAddress else { return 0 }
            let end = cursor + raw.count
            var count = 0
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                count += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            return count
        }
        reply.withUnsafeBytes { raw in
            for _ in 0..<lines { output.writeBytes(raw) }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard output.readableBytes > 0 else { return }
        context.writeAndFlush(wrapOutboundOut(output), promise: nil)
        output.clear()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
