import LaureateCore
import NIOCore

/// `server.reload`: reading stops while the reload runs, so replies stay in request order.
extension ConnectionHandler {
    func startReload(_ pending: PendingReload, context: ChannelHandlerContext) {
        waitingForReload = true
        reloadStartedAt = MonotonicClock.nanoseconds()
        updateReading(context: context)
        flushOutput(context: context)
        let reloaded = shared.store.reload(trigger: "server.reload", on: context.eventLoop)
        reloaded.assumeIsolated().whenSuccess { outcome in
            self.finishReload(pending, result: outcome.mapError(ProtocolError.init(wrapping:)))
        }
    }

    func finishReload(_ pending: PendingReload, result: Result<DatasetInfo, ProtocolError>) {
        guard let context else { return }
        waitingForReload = false
        updateReading(context: context)
        let outcome = shared.dispatcher.resume(
            pending, reloadResult: result, dataset: shared.store.current,
            connection: &connection, server: shared.counters, into: &outputBuffer)
        // The reload's own request, timed from when it began.
        collectCounts(since: reloadStartedAt)
        if case .reload(let next) = outcome {
            startReload(next, context: context)
            return
        }
        processLines(context: context)
        flushOutput(context: context)
        closeWhenDone(context: context)
    }
}
