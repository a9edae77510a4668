import LaureateCore
import Logging
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One connection's protocol handler: frames lines in the inbound `ByteBuffer` in place, answers
/// each on the current snapshot, and appends the replies to one output buffer flushed once per
/// read burst (docs/hotpath.md: per-reply flushes cost 64 %).
///
/// Lines are found by the core's `MessageFramer` and answered by `RequestDispatcher.handle`, which
/// writes straight into the output `ByteBuffer` (a `ReplyWriter`): for `laureate.get` and `ping`
/// the raw request id and the record's pre-encoded JSON, copied once.
///
/// This file frames, dispatches and applies back-pressure; reload suspension, subscriptions and
/// timers are in `ConnectionHandler+Reload`, `+Subscription` and `+Timers`.
///
/// Replies stay in request order: a `server.reload` pauses the line loop until the reload is
/// done. Backpressure: when replies pile up past the high-water mark, or the channel is not
/// writable, reading stops until the peer catches up, so a reader that does not read costs a
/// bounded amount of memory.
final class ConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let shared: SharedServerState
    let logger: Logger
    // The per-request state below is touched only on this channel's event loop and never
    // re-entrantly, so its dynamic exclusivity checks (a tenth of the time per request, measured)
    // are turned off for these properties alone.
    @exclusivity(unchecked) var connection: ConnectionState
    var context: ChannelHandlerContext?
    let connectionID: Int
    let frontEnd: FrontEnd

    /// Received bytes not yet answered: at most one unfinished line, or lines held while paused.
    @exclusivity(unchecked) var inbound: ByteBuffer?
    /// Replies of this read burst, written to the channel in one go; reused across bursts.
    @exclusivity(unchecked) var outputBuffer: ByteBuffer
    private let framer: MessageFramer

    var idleCheck: RepeatedTask?
    /// Times come from the event loop's clock, which `EmbeddedChannel.advanceTime` drives in tests.
    var lastActivity = NIODeadline.uptimeNanoseconds(0)
    var unwritableSince: NIODeadline?

    /// Bytes read and written since the last fold into the shared counters.
    var bytesReceived = 0
    var bytesSent = 0
    var waitingForReload = false
    var reloadStartedAt: UInt64 = 0
    var inputClosed = false
    var closing = false
    var subscribed = false

    init(
        shared: SharedServerState, frontEnd: FrontEnd, peer: PeerCredentials?, connectionID: Int,
        allocator: ByteBufferAllocator
    ) {
        self.shared = shared
        self.frontEnd = frontEnd
        self.connection = ConnectionState(peer: peer)
        self.connectionID = connectionID
        var logger = shared.logger
        logger[metadataKey: "connection.id"] = "\(connectionID)"
        self.logger = logger
        self.outputBuffer = allocator.buffer(capacity: 64 * 1024)
        switch frontEnd {
        case .jsonRPC: self.framer = MessageFramer(maximumBytes: shared.configuration.limits.maximumLineBytes)
        case .varlink: self.framer = MessageFramer(delimiter: 0, maximumBytes: VarlinkReply.maximumMessageBytes)
        }
        connection.scratch.reserveCapacity(16 * 1024)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        startIdleCheck(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        // Bytes written after the last burst (pushes, the last flush) are counted at close.
        if bytesReceived > 0 || bytesSent > 0 { collectCounts(since: nil) }
        if subscribed { shared.store.unsubscribe(ObjectIdentifier(self)) }
        idleCheck?.cancel()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        var bytes = unwrapInboundIn(data)
        bytesReceived &+= bytes.readableBytes
        if inbound == nil || inbound!.readableBytes == 0 {
            inbound = bytes
        } else {
            inbound!.writeBuffer(&bytes)
        }
        // A streaming varlink call takes no further call: what arrives meanwhile waits, up to the
        // size of one message.
        if connection.streaming, inbound!.readableBytes > framer.maximumBytes {
            logger.notice("closing a varlink connection that sent too much during a Subscribe")
            close(context: context)
            return
        }
        processLines(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        lastActivity = context.eventLoop.now
        flushOutput(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inputClosed = true
            processLines(context: context)
            flushOutput(context: context)
            closeWhenDone(context: context)
        } else if event is ChannelShouldQuiesceEvent {
            lastActivity = context.eventLoop.now
            quiesce(context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        unwritableSince = context.channel.isWritable ? nil : context.eventLoop.now
        if context.channel.isWritable {
            updateReading(context: context)
            processLines(context: context)
            flushOutput(context: context)
            closeWhenDone(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error", metadata: ["error.message": "\(error)"])
        close(context: context)
    }

    // MARK: - Framing and dispatch

    /// Answers every complete line held, unless paused by a reload or by backpressure.
    func processLines(context: ChannelHandlerContext) {
        // One loop specialised per front end: a switch inside the loop cost the pipelined JSON-RPC
        // path a tenth of its CPU per request (interleaved A/B).
        switch frontEnd {
        case .jsonRPC: processLines(context: context, dispatcher: shared.dispatcher)
        case .varlink: processLines(context: context, dispatcher: shared.varlink)
        }
    }

    private func processLines<Dispatcher: MessageDispatcher>(context: ChannelHandlerContext, dispatcher: Dispatcher) {
        guard !closing, !waitingForReload, !connection.streaming, var buffer = inbound else { return }
        inbound = nil
        let burstStart = MonotonicClock.nanoseconds()
        let dataset = shared.store.current
        // Boxed once per burst: boxing it per line retained and released the counters each time.
        let server: any ServerStatusSource = shared.counters
        var tooLarge = false
        var violation: String?
        // Writability changes only when this loop flushes (completions run on this same event
        // loop, after it), so it is read again after each flush, not for every line.
        var writable = context.channel.isWritable
        let highWater = shared.configuration.limits.outputHighWaterBytes
        // A JSON-RPC line may end at the peer's half-close; a varlink message ends only at its NUL.
        let atEnd = inputClosed && frontEnd == .jsonRPC
        let consumed = buffer.withUnsafeReadableBytes { bytes -> Int in
            // Each message is framed and scanned one ahead of its answer (`MessageDispatcher`).
            func frame(at offset: Int) -> ReadAhead<Dispatcher.Scan> {
                switch framer.next(in: UnsafeRawBufferPointer(rebasing: bytes[offset...]), atEnd: atEnd) {
                case .message(let message, let length):
                    .message(message, length: length, scan: dispatcher.scan(message: message, dataset: dataset))
                case .blank(let length): .blank(length: length)
                case .incomplete: .incomplete
                case .tooLarge: .tooLarge
                }
            }
            var offset = 0
            var next = frame(at: 0)
            lines: while !waitingForReload, !connection.streaming {
                switch next {
                case .incomplete:
                    break lines
                case .tooLarge:
                    tooLarge = true
                    break lines
                case .blank(let length):
                    offset += length
                    next = frame(at: offset)
                case .message(let message, let length, let scan):
                    if !writable || outputBuffer.readableBytes >= highWater {
                        flushOutput(context: context)
                        writable = context.channel.isWritable
                        if !writable {
                            updateReading(context: context)
                            break lines
                        }
                    }
                    let following = frame(at: offset + length)
                    let outcome = dispatcher.handle(
                        message: message, scan: scan, dataset: dataset, connection: &connection,
                        server: server, into: &outputBuffer)
                    offset += length
                    next = following
                    updateSubscription(context: context)
                    switch outcome {
                    case .reload(let pending): startReload(pending, context: context)
                    case .close(let reason):
                        violation = reason
                        break lines
                    case .done: break
                    }
                }
            }
            return offset
        }
        buffer.moveReaderIndex(forwardBy: consumed)
        if connection.requestsHandled > 0 || !connection.tally.isEmpty { collectCounts(since: burstStart) }
        if tooLarge {
            let limit = framer.maximumBytes
            logger.debug(
                "closing a connection whose request passed the limit", metadata: ["limit.bytes": "\(limit)"])
            // varlink has no reply without a call to answer: the connection is closed, as sd-varlink does.
            if frontEnd == .jsonRPC { outputBuffer.writeBytes(MessageCodec.tooLargeReply(limit: limit)) }
            flushOutput(context: context)
            close(context: context)
            return
        }
        if let violation {
            logger.notice(
                "closing a varlink connection that sent a bad message", metadata: ["error.reason": "\(violation)"])
            flushOutput(context: context)
            close(context: context)
            return
        }
        if buffer.readableBytes > 0 {
            buffer.discardReadBytes()
            inbound = buffer
        }
    }

    /// Folds the requests and bytes counted since the last fold into the server's metrics: once
    /// per read burst, never per request. The requests took the server time since `start` (a
    /// `MonotonicClock.nanoseconds()` reading); nil when there is none to attribute (at close).
    func collectCounts(since start: UInt64?) {
        let seconds = start.map { Double(MonotonicClock.nanoseconds() &- $0) / 1_000_000_000 } ?? 0
        shared.counters.metrics.record(
            connection.tally, requests: connection.requestsHandled, bytesReceived: bytesReceived,
            bytesSent: bytesSent, frontEnd: frontEnd, seconds: seconds)
        connection.tally.reset()
        connection.requestsHandled = 0
        bytesReceived = 0
        bytesSent = 0
    }

    // MARK: - Output and closing

    /// Reads requests only while their replies can go out and no reload holds the line order: the
    /// one place `autoRead` is decided, so unread input stays bounded while paused.
    func updateReading(context: ChannelHandlerContext) {
        let reading = !waitingForReload && !closing && context.channel.isWritable
        try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: reading)
    }

    func flushOutput(context: ChannelHandlerContext) {
        guard outputBuffer.readableBytes > 0 else { return }
        bytesSent &+= outputBuffer.readableBytes
        context.writeAndFlush(wrapOutboundOut(outputBuffer), promise: nil)
        // Reuse the buffer: once the write is done we hold the only reference again, so clearing
        // it does not allocate (docs/hotpath.md: a new buffer per burst cost 16 %).
        outputBuffer.clear()
    }

    /// After the peer half-closed: close once every reply is answered and written (an unfinished
    /// varlink message is dropped). A varlink `Subscribe` keeps streaming to a peer that only
    /// closed its sending side (`socat`'s way).
    func closeWhenDone(context: ChannelHandlerContext) {
        guard inputClosed, !waitingForReload, !closing, !connection.streaming,
            inbound.map({ $0.readableBytes == 0 || (frontEnd == .varlink && !$0.readableBytesView.contains(0)) })
                ?? true
        else { return }
        close(context: context)
    }

    /// Closes after the queued replies are written.
    func close(context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        flushOutput(context: context)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

}

/// A message framed ahead of its answer, with what its dispatcher's `scan` read of it: the read
/// loop's `MessageFramer.Frame`.
private enum ReadAhead<Scan> {
    case message(UnsafeRawBufferPointer, length: Int, scan: Scan)
    case blank(length: Int)
    case incomplete
    case tooLarge
}
