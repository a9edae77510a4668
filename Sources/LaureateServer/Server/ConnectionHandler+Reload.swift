import LaureateCore
import NIOCore

/// `server.reload`: reading stops while the reload runs, so replies stay in request order.
extension ConnectionHandler {
    func startReload(_ pending: PendingReload, context: ChannelHandlerContext) {
        waitingForReload = true
        updateReading(context: context)
        flushOutput(context: context)
        let reloaded = shared.store.reload(trigger: "server.reload", on: context.eventLoop)
        reloaded.assumeIsolated().whenComplete { result in
            switch result {
            case .success(let outcome):
                self.finishReload(pending, result: outcome.mapError(ProtocolError.init(wrapping:)))
            case .failure:
                // The reload thread is gone: the daemon is stopping.
                let path = self.shared.store.configuration.paths.joined(separator: ", ")
                let error = ProtocolError(
                    .reloadFailed, message: "dataset not reloaded: the daemon is stopping",
                    data: ["path": .string(path), "reason": "the daemon is stopping"])
                self.finishReload(pending, result: .failure(error))
            }
        }
    }

    func finishReload(_ pending: PendingReload, result: Result<DatasetInfo, ProtocolError>) {
        guard let context else { return }
        waitingForReload = false
        updateReading(context: context)
        let outcome = shared.dispatcher.resume(
            pending, reloadResult: result, dataset: shared.store.current,
            connection: &connection, server: shared.counters, into: &outputBuffer)
        if case .reload(let next) = outcome {
            startReload(next, context: context)
            return
        }
        processLines(context: context)
        flushOutput(context: context)
        closeWhenDone(context: context)
    }
}
