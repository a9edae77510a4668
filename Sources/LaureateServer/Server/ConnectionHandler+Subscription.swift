import LaureateCore
import NIOCore

/// `events.subscribe`: pushes of `dataset.reloaded` and `dataset.reload_failed` between replies.
extension ConnectionHandler {
    func updateSubscription(context: ChannelHandlerContext) {
        guard !subscribed, connection.topics.contains("dataset") else { return }
        subscribed = true
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        shared.store.subscribe(ObjectIdentifier(self)) { push in
            eventLoop.execute { loopBound.value.push(push) }
        }
    }

    /// Writes a pushed notification between replies, or a varlink `Subscribe`'s next reply.
    func push(_ push: DatasetPush) {
        guard let context, !closing else { return }
        switch frontEnd {
        case .jsonRPC: outputBuffer.writeBytes(push.notification)
        case .varlink: outputBuffer.writeBytes(push.varlinkReply)
        }
        flushOutput(context: context)
    }
}
