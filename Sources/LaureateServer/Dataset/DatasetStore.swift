public import LaureateCore
public import Logging
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// The dataset being served: an immutable snapshot swapped whole on reload, the reload queue,
/// and the connections subscribed to `dataset.reloaded`.
public final class DatasetStore: Sendable {
    private struct State {
        var dataset: Dataset
        var lastReload: JSONValue?
    }

    private let state: NIOLockedValueBox<State>
    private let subscribers = NIOLockedValueBox<[ObjectIdentifier: @Sendable ([UInt8]) -> Void]>([:])
    private let queue = ReloadQueue()
    public let configuration: DatasetConfiguration
    private let logger: Logger
    private let notifier = SystemdNotifier()

    /// Starts serving `dataset`, which was loaded from `configuration`.
    public init(dataset: Dataset, configuration: DatasetConfiguration, logger: Logger) {
        self.state = NIOLockedValueBox(State(dataset: dataset))
        self.configuration = configuration
        self.logger = logger
    }

    /// The snapshot to answer from; handlers read it once per read burst.
    public var current: Dataset { state.withLockedValue { $0.dataset } }

    /// How the last reload went, for `server.status` (nil before the first one).
    public var lastReload: JSONValue? { state.withLockedValue { $0.lastReload } }

    /// The `STATUS=` text for the snapshot being served.
    public static func statusLine(_ dataset: Dataset, seconds: Double, verb: String) -> String {
        "Serving \(dataset.count) laureate records (\(verb) in \(Int((seconds * 1000).rounded())) ms)"
    }

    /// Re-reads the dataset off the event loop and swaps it in; on failure the old one stays.
    /// Reloads run one at a time, in the order asked.
    /// - Parameter trigger: what asked for it (`SIGHUP`, `server.reload`), for the log.
    public func reload(trigger: String) async -> Result<DatasetInfo, DatasetLoadError> {
        await queue.run { await self.performReload(trigger: trigger) }
    }

    private func performReload(trigger: String) async -> Result<DatasetInfo, DatasetLoadError> {
        notifier.notifyReloading()
        logger.info("reloading the dataset", metadata: ["reload.trigger": "\(trigger)"])
        let start = SystemdNotifier.monotonicMicroseconds()
        let configuration = self.configuration
        let outcome = await Task.detached { () -> Result<Dataset, DatasetLoadError> in
            do throws(DatasetLoadError) {
                return .success(try DatasetLoader.load(configuration))
            } catch {
                return .failure(error)
            }
        }.value
        let seconds = Double(SystemdNotifier.monotonicMicroseconds() - start) / 1_000_000
        switch outcome {
        case .success(let dataset):
            let info = dataset.info
            let record: JSONValue = [
                "ok": true, "at": .string(info.loadedAt), "trigger": .string(trigger),
                "duration_ms": .number(JSONNumber((seconds * 1000).rounded())),
                "records": .number(JSONNumber(Int64(info.records))),
            ]
            state.withLockedValue {
                $0.dataset = dataset
                $0.lastReload = record
            }
            logger.info(
                "dataset reloaded",
                metadata: [
                    "dataset.records": "\(info.records)", "dataset.sha256": "\(info.sha256)",
                    "reload.ms": "\(Int(seconds * 1000))",
                ])
            notifier.notify([.ready, .status(Self.statusLine(dataset, seconds: seconds, verb: "reloaded"))])
            let push = MessageCodec.notification(method: "dataset.reloaded", params: ["dataset": info.json])
            for deliver in subscribers.withLockedValue({ Array($0.values) }) { deliver(push) }
            return .success(info)
        case .failure(let error):
            let record: JSONValue = [
                "ok": false, "at": .string(ISO8601.now()), "trigger": .string(trigger),
                "error": error.protocolError.json,
            ]
            let served = state.withLockedValue {
                $0.lastReload = record
                return $0.dataset.count
            }
            logger.error(
                "dataset reload failed; the old dataset is still served",
                metadata: [
                    "error.reason": "\(error.first)", "error.count": "\(error.totalIssues)",
                ])
            notifier.notify([
                .ready, .status("Reload failed (\(error.first)); still serving \(served) laureate records"),
            ])
            return .failure(error)
        }
    }

    /// Delivers each `dataset.reloaded` push to `deliver` until `unsubscribe` is called with `id`.
    package func subscribe(_ id: ObjectIdentifier, deliver: @escaping @Sendable ([UInt8]) -> Void) {
        subscribers.withLockedValue { $0[id] = deliver }
    }

    /// Stops the pushes of `subscribe`.
    package func unsubscribe(_ id: ObjectIdentifier) {
        _ = subscribers.withLockedValue { $0.removeValue(forKey: id) }
    }
}

/// Runs reloads one after another: a reload asked during another runs after it, so it reads the
/// newest files.
private actor ReloadQueue {
    private var tail: Task<Void, Never>?

    func run<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) async -> Value {
        let previous = tail
        let task = Task<Value, Never> {
            await previous?.value
            return await operation()
        }
        tail = Task { _ = await task.value }
        return await task.value
    }
}
