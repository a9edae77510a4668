import LaureateCore
import NIOCore

/// `events.subscribe`: pushes of `dataset.reloaded` and `dataset.reload_failed` between replies.
extension ConnectionHandler {
    func updateSubscription(context: ChannelHandlerContext) {
        guard !subscribed, connection.topics.contains("dataset") else { return }
        subscribed = true
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        shared.store.subscribe(ObjectIdentifier(self)) { line in
            eventLoop.execute { loopBound.value.push(line) }
        }
    }

    /// Writes a pushed notification between replies.
    func push(_ line: [UInt8]) {
        guard let context, !closing else { return }
        outputBuffer.writeBytes(line)
        flushOutput(context: context)
    }
}
