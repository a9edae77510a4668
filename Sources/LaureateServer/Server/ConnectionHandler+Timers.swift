import LaureateCore
import Logging
import NIOCore

/// Idle and stall timeouts, and the graceful close at shutdown.
extension ConnectionHandler {
    /// Closes the connection once it has been quiet for the idle timeout, or once its peer has not
    /// read its replies for the output stall timeout (its queued replies stay past the high-water
    /// mark all that time). A periodic check of timestamps rather than NIO's `IdleStateHandler`,
    /// which reschedules a timer on every read and cost 8 % of one-request-at-a-time throughput.
    func startIdleCheck(context: ChannelHandlerContext) {
        let configuration = shared.configuration
        let limits = [configuration.limits.idleTimeout, configuration.limits.outputStallTimeout].compactMap {
            $0.map(TimeAmount.init)
        }
        guard let shortest = limits.min() else { return }
        let period = TimeAmount.nanoseconds(max(shortest.nanoseconds / 4, 10_000_000))
        let idleLimit = configuration.limits.idleTimeout.map(TimeAmount.init)
        let stallLimit = configuration.limits.outputStallTimeout.map(TimeAmount.init)
        lastActivity = context.eventLoop.now
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: period, delay: period) { _ in
            let handler = loopBound.value
            guard let context = handler.context, !handler.closing else { return }
            let now = context.eventLoop.now
            if let stallLimit, let since = handler.unwritableSince, now - since >= stallLimit {
                handler.logger.warning(
                    "closing a connection whose peer does not read its replies",
                    metadata: [
                        "stall.seconds": "\(stallLimit.nanoseconds / 1_000_000_000)"
                    ])
                handler.closing = true
                context.close(promise: nil)
            } else if let idleLimit, handler.unwritableSince == nil, !handler.connection.streaming,
                now - handler.lastActivity >= idleLimit
            {
                handler.logger.debug(
                    "closing an idle connection", metadata: ["idle.seconds": "\(idleLimit.nanoseconds / 1_000_000_000)"]
                )
                handler.close(context: context)
            }
        }
    }

    /// At shutdown (`ChannelShouldQuiesceEvent`), requests a client already sent still get their
    /// replies (under socket activation a restart must not fail a request): close once nothing is
    /// owed and the connection has been quiet for 100 ms. One timer, armed for the moment that
    /// quiet would end and moved on only when traffic came meanwhile; `SocketServer` force-closes
    /// after 5 s regardless.
    func quiesce(context: ChannelHandlerContext) {
        guard !closing else { return }
        let quietEnds = lastActivity + .milliseconds(100)
        if context.eventLoop.now >= quietEnds, !waitingForReload, inbound.map({ $0.readableBytes == 0 }) ?? true {
            close(context: context)
            return
        }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let wait = max(quietEnds - context.eventLoop.now, .milliseconds(10))
        context.eventLoop.scheduleTask(in: wait) {
            let handler = loopBound.value
            if let context = handler.context { handler.quiesce(context: context) }
        }
    }
}
