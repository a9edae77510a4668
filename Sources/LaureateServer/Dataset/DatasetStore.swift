public import LaureateCore
public import Logging
import NIOConcurrencyHelpers
public import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// The dataset being served: an immutable snapshot swapped whole on reload, the reload queue,
/// and the connections subscribed to its pushes (`dataset.reloaded`, `dataset.reload_failed`).
public final class DatasetStore: Sendable {
    private struct State {
        var dataset: Dataset
        var lastReload: JSONValue?
        var statistics = ReloadStatistics()
    }

    /// Reloads so far, for the metrics.
    package struct ReloadStatistics: Sendable {
        package var succeeded = 0
        package var failed = 0
        /// The last one: how long it took, when it ended (Unix time), how it went.
        package var last: (seconds: Double, endedAt: Double, succeeded: Bool)?
    }

    private let state: NIOLockedValueBox<State>
    private let subscribers = NIOLockedValueBox<[ObjectIdentifier: @Sendable (DatasetPush) -> Void]>([:])
    /// One thread of its own: reloads run on it one at a time, in the order asked (a reload asked
    /// during another reads the newest files after it), and the load's blocking reads never hold
    /// an event loop or one of Swift concurrency's threads, which answering needs none of.
    private let reloads = NIOThreadPool(numberOfThreads: 1)
    public let configuration: DatasetConfiguration
    private let logger: Logger
    /// Who hears that a reload began and how it ended: the server, which alone talks to systemd.
    private let reloadObserver = NIOLockedValueBox<(@Sendable (ReloadEvent) -> Void)?>(nil)

    /// A reload's beginning and end, for the service manager.
    package enum ReloadEvent: Sendable {
        case began
        /// The reload is over (done or failed); `status` is the new `STATUS=` line.
        case ended(status: String)
    }

    /// Starts serving `dataset`, which was loaded from `configuration`.
    public init(dataset: Dataset, configuration: DatasetConfiguration, logger: Logger) {
        self.state = NIOLockedValueBox(State(dataset: dataset))
        self.configuration = configuration
        self.logger = logger
        reloads.start()
    }

    deinit {
        reloads.shutdownGracefully { _ in }
    }

    /// The snapshot to answer from; handlers read it once per read burst.
    public var current: Dataset { state.withLockedValue { $0.dataset } }

    /// Reloads so far and how the last went.
    package var reloadStatistics: ReloadStatistics { state.withLockedValue { $0.statistics } }

    /// How the last reload went, for `server.status` (nil before the first one).
    public var lastReload: JSONValue? { state.withLockedValue { $0.lastReload } }

    /// The `STATUS=` text for the snapshot being served.
    public static func statusLine(_ dataset: Dataset, seconds: Double, verb: String) -> String {
        "Serving \(dataset.count) laureate records (\(verb) in \(Int((seconds * 1000).rounded())) ms)"
    }

    /// Re-reads the dataset on the reload thread and swaps it in; on failure the old one stays.
    /// The future completes on `eventLoop`, the asking connection's.
    /// - Parameter trigger: what asked for it (`SIGHUP`, `server.reload`), for the log.
    public func reload(
        trigger: String, on eventLoop: any EventLoop
    ) -> EventLoopFuture<Result<DatasetInfo, DatasetLoadError>> {
        reloads.runIfActive(eventLoop: eventLoop) { self.performReload(trigger: trigger) }
            .recover { _ in .failure(self.stopping) }
    }

    /// `reload(trigger:on:)` for async callers (the SIGHUP handler).
    public func reload(trigger: String) async -> Result<DatasetInfo, DatasetLoadError> {
        (try? await reloads.runIfActive { self.performReload(trigger: trigger) }) ?? .failure(stopping)
    }

    /// Why a reload asked once the reload thread is gone (the daemon is stopping) did not run.
    private var stopping: DatasetLoadError {
        DatasetLoadError(
            file: configuration.effectivePaths.first ?? DatasetLoader.embeddedPath, line: nil, field: nil,
            reason: "the daemon is stopping")
    }

    private func performReload(trigger: String) -> Result<DatasetInfo, DatasetLoadError> {
        reloadObserver.withLockedValue { $0 }?(.began)
        logger.info("reloading the dataset", metadata: ["reload.trigger": "\(trigger)"])
        let start = MonotonicClock.microseconds()
        let outcome: Result<Dataset, DatasetLoadError>
        do throws(DatasetLoadError) {
            outcome = .success(try DatasetLoader.load(configuration))
        } catch {
            outcome = .failure(error)
        }
        let seconds = MonotonicClock.seconds(since: start)
        switch outcome {
        case .success(let dataset):
            // Reloads run one at a time on this thread, so no other swap comes between these two.
            let change = dataset.adopt(after: current)
            let info = dataset.info
            let record: JSONValue = [
                "ok": true, "at": .string(info.loadedAt), "trigger": .string(trigger),
                "duration_ms": .number(JSONNumber((seconds * 1000).rounded())),
                "records": .number(JSONNumber(Int64(info.records))),
                "generation": .number(JSONNumber(Int64(info.generation))),
            ]
            state.withLockedValue {
                $0.dataset = dataset
                $0.lastReload = record
                $0.statistics.succeeded += 1
                $0.statistics.last = (seconds, Double(time(nil)), true)
            }
            logger.info(
                "dataset reloaded",
                metadata: [
                    "dataset.records": "\(info.records)", "dataset.sha256": "\(info.sha256)",
                    "dataset.generation": "\(info.generation)", "changes.added": "\(change.added.count)",
                    "changes.removed": "\(change.removed.count)", "changes.changed": "\(change.changed.count)",
                    "reload.ms": "\(Int(seconds * 1000))",
                ])
            reloadObserver.withLockedValue { $0 }?(
                .ended(status: Self.statusLine(dataset, seconds: seconds, verb: "reloaded")))
            let push = DatasetPush.reloaded(info, change: change)
            for deliver in subscribers.withLockedValue({ Array($0.values) }) { deliver(push) }
            return .success(info)
        case .failure(let error):
            let failedAt = ISO8601.now()
            let record: JSONValue = [
                "ok": false, "at": .string(failedAt), "trigger": .string(trigger),
                "error": ProtocolError(wrapping: error).json,
            ]
            let served = state.withLockedValue {
                $0.lastReload = record
                $0.statistics.failed += 1
                $0.statistics.last = (seconds, Double(time(nil)), false)
                return $0.dataset
            }
            logger.error(
                "dataset reload failed; the old dataset is still served",
                metadata: [
                    "error.reason": "\(error.first)", "error.count": "\(error.totalIssues)",
                ])
            reloadObserver.withLockedValue { $0 }?(
                .ended(status: "Reload failed (\(error.first)); still serving \(served.count) laureate records"))
            let push = DatasetPush.reloadFailed(
                at: failedAt, error: ProtocolError(wrapping: error),
                served: served.info)
            for deliver in subscribers.withLockedValue({ Array($0.values) }) { deliver(push) }
            return .failure(error)
        }
    }

    /// Calls `observer` when each reload begins and ends (one observer: the server).
    package func observeReloads(_ observer: @escaping @Sendable (ReloadEvent) -> Void) {
        reloadObserver.withLockedValue { $0 = observer }
    }

    /// Delivers each `dataset.reloaded` and `dataset.reload_failed` push to `deliver` until
    /// `unsubscribe` is called with `id`.
    package func subscribe(_ id: ObjectIdentifier, deliver: @escaping @Sendable (DatasetPush) -> Void) {
        subscribers.withLockedValue { $0[id] = deliver }
    }

    /// Stops the pushes of `subscribe`.
    package func unsubscribe(_ id: ObjectIdentifier) {
        _ = subscribers.withLockedValue { $0.removeValue(forKey: id) }
    }
}
