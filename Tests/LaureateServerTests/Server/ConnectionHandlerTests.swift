import LaureateCore
import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import LaureateServer

@Suite("Connection handler framing")
struct ConnectionHandlerTests {
    private func makeChannel(
        limit: Int = 1 << 20, idleTimeout: Duration? = nil, frontEnd: FrontEnd = .jsonRPC
    ) throws -> EmbeddedChannel {
        let logger = Logger(label: "test")
        let store = DatasetStore(
            dataset: try DatasetLoader.load(DatasetConfiguration()), configuration: DatasetConfiguration(),
            logger: logger)
        var limits = ServerLimits()
        limits.maximumLineBytes = limit
        limits.idleTimeout = idleTimeout
        let configured = ServerConfiguration(
            listener: .path("/unused"), version: "test", adminPolicy: AdminPolicy(daemonUID: 0), limits: limits)
        let dispatcher = RequestDispatcher(version: "test", adminPolicy: configured.adminPolicy)
        let shared = SharedServerState(
            configuration: configured,
            dispatcher: dispatcher,
            varlink: VarlinkDispatcher(requests: dispatcher),
            store: store,
            counters: ServerCounters(version: "test", store: store),
            logger: logger
        )
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            ConnectionHandler(
                shared: shared, frontEnd: frontEnd, peer: nil, connectionID: 1, allocator: channel.allocator))
        try channel.connect(to: SocketAddress(unixDomainSocketPath: "/unused")).wait()
        return channel
    }

    private func send(_ channel: EmbeddedChannel, _ text: String, chunk: Int) throws {
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try channel.writeInbound(channel.allocator.buffer(bytes: bytes[start..<min(start + chunk, bytes.count)]))
        }
    }

    private func replies(_ channel: EmbeddedChannel) throws -> [String] {
        var text = ""
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            text += buffer.readString(length: buffer.readableBytes) ?? ""
        }
        return text.split(separator: "\n").map(String.init)
    }

    @Test("frames lines fed one byte at a time, in chunks, or whole", arguments: [1, 3, 17, 4096])
    func chunking(_ chunk: Int) throws {
        let channel = try makeChannel()
        let input =
            "\n\r\n" + (0..<20).map { #"{"id":\#($0),"method":"ping"}"# + ($0 % 2 == 0 ? "\r\n" : "\n") }.joined()
        try send(channel, input, chunk: chunk)
        let lines = try replies(channel)
        #expect(lines == (0..<20).map { #"{"jsonrpc":"2.0","id":\#($0),"result":"pong"}"# })
        #expect(channel.isActive)
    }

    @Test("an idle connection is closed once the idle timeout has passed on the loop's clock, not before")
    func idle() throws {
        let channel = try makeChannel(idleTimeout: .seconds(10))
        let loop = channel.embeddedEventLoop
        loop.advanceTime(by: .seconds(6))
        try send(channel, #"{"id":1,"method":"ping"}"# + "\n", chunk: 64)
        #expect(try replies(channel) == [#"{"jsonrpc":"2.0","id":1,"result":"pong"}"#])
        loop.advanceTime(by: .seconds(9))
        #expect(channel.isActive, "closed before 10 s of quiet")
        loop.advanceTime(by: .seconds(3))
        #expect(!channel.isActive, "still open after 12 s of quiet")
    }

    @Test("a line over the limit gets -32600 and the connection closes")
    func tooLarge() throws {
        let channel = try makeChannel(limit: 100)
        try send(channel, #"{"id":1,"method":"ping"}"# + "\n" + String(repeating: "x", count: 101), chunk: 50)
        let lines = try replies(channel)
        #expect(lines.count == 2)
        #expect(lines[1].contains("-32600") && lines[1].contains("request too large"))
        #expect(!channel.isActive)
    }

    @Test("a complete line over the limit is refused too")
    func tooLargeComplete() throws {
        let channel = try makeChannel(limit: 100)
        try send(channel, String(repeating: " ", count: 150) + "\n", chunk: 4096)
        #expect(try replies(channel).first?.contains("request too large") == true)
        #expect(!channel.isActive)
    }

    @Test("a last request without a line break is answered at half-close")
    func halfClose() throws {
        let channel = try makeChannel()
        try send(channel, #"{"id":1,"method":"ping"}"#, chunk: 4096)
        #expect(try replies(channel).isEmpty)
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(try replies(channel) == [#"{"jsonrpc":"2.0","id":1,"result":"pong"}"#])
        #expect(!channel.isActive)
    }

    /// The read loop frames and scans each line one ahead of its answer: whatever comes next
    /// (a blank line, a line cut by the chunk, a get of an unknown id, a search, bad JSON), each
    /// reply is the one the dispatcher gives that line alone, in order.
    @Test("lines read ahead are answered as lines alone, in order", arguments: [1, 7, 64, 4096])
    func readAhead(_ chunk: Int) throws {
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"laureate.get","params":{"id":"lacio"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"laureate.get","params":{"id":"nope"}}"#, "",
            #"{"id":"p","method":"ping"}"#, "  ", #"{"id":3,"method":"laureate.search","params":{"q":"laser"}}"#,
            "not json", #"{"jsonrpc":"2.0","id":4,"method":"laureate.get","params":{"id":"lacio"}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"laureate.get","params":{"id":"lacio"}}"#,
        ]
        let channel = try makeChannel()
        try send(channel, lines.joined(separator: "\n") + "\n", chunk: chunk)
        let dispatcher = RequestDispatcher(version: "test", adminPolicy: AdminPolicy(daemonUID: 0))
        let dataset = try DatasetLoader.load(DatasetConfiguration())
        let expected = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            var connection = ConnectionState(peer: nil)
            var reply: [UInt8] = []
            Array(line.utf8).withUnsafeBytes { bytes in
                _ = dispatcher.handle(
                    line: bytes, dataset: dataset, connection: &connection,
                    server: ReplyWriterTests.Status(), into: &reply)
            }
            return String(decoding: reply.dropLast(), as: UTF8.self)
        }
        #expect(try replies(channel) == expected)
    }

    private func varlinkReplies(_ channel: EmbeddedChannel) throws -> [String] {
        var text = ""
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            text += buffer.readString(length: buffer.readableBytes) ?? ""
        }
        #expect(text.isEmpty || text.last == "\0")
        return text.split(separator: "\0").map(String.init)
    }

    @Test("varlink: NUL-framed calls fed one byte at a time, in chunks, or whole", arguments: [1, 5, 4096])
    func varlinkChunking(_ chunk: Int) throws {
        let channel = try makeChannel(frontEnd: .varlink)
        let input = (0..<10).map { _ in #"{"method":"io.laureated.Dataset.Ping"}"# + "\0" }.joined()
        try send(channel, input, chunk: chunk)
        #expect(try varlinkReplies(channel) == Array(repeating: #"{"parameters":{"reply":"pong"}}"#, count: 10))
        #expect(channel.isActive)
    }

    @Test("varlink: a message that is not a call closes the connection after the replies before it")
    func varlinkViolation() throws {
        let channel = try makeChannel(frontEnd: .varlink)
        try send(
            channel, #"{"method":"io.laureated.Dataset.Ping"}"# + "\0not json\0" + #"{"method":"a.B"}"# + "\0",
            chunk: 4096)
        #expect(try varlinkReplies(channel) == [#"{"parameters":{"reply":"pong"}}"#])
        #expect(!channel.isActive)
    }

    @Test("varlink: a message past 16 MiB closes the connection without a reply")
    func varlinkTooLarge() throws {
        let channel = try makeChannel(frontEnd: .varlink)
        try send(channel, String(repeating: " ", count: VarlinkReply.maximumMessageBytes + 1), chunk: 1 << 20)
        #expect(try varlinkReplies(channel).isEmpty)
        #expect(!channel.isActive)
    }

    @Test("varlink: Subscribe streams; a call sent after it waits, and the peer's half-close does not end the stream")
    func varlinkSubscribe() throws {
        let channel = try makeChannel(frontEnd: .varlink)
        try send(
            channel,
            #"{"method":"io.laureated.Dataset.Subscribe","more":true}"# + "\0"
                + #"{"method":"io.laureated.Dataset.Ping"}"#
                + "\0", chunk: 4096)
        let replies = try varlinkReplies(channel)
        #expect(replies.count == 1)
        #expect(replies.first?.contains(#""event":"current""#) == true && replies.first?.contains("continues") == true)
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(channel.isActive)
    }
}
