import LaureateCore
import NIOConcurrencyHelpers
import Synchronization

/// Live counters shared by every connection, and the `server.status` facts built from them.
final class ServerCounters: ServerStatusSource {
    let version: String
    let startedAt = ISO8601.now()
    private let startedMicroseconds = MonotonicClock.microseconds()
    let connections = Atomic<Int>(0)
    let requests = Atomic<Int>(0)
    private let perUID = NIOLockedValueBox<[UInt32: Int]>([:])
    private let store: DatasetStore

    init(version: String, store: DatasetStore) {
        self.version = version
        self.store = store
    }

    func currentStatus() -> ServerStatus {
        ServerStatus(
            version: version,
            startedAt: startedAt,
            uptimeSeconds: MonotonicClock.seconds(since: startedMicroseconds),
            connections: connections.load(ordering: .relaxed),
            requestsTotal: requests.load(ordering: .relaxed),
            lastReload: store.lastReload
        )
    }

    /// Counts a new connection of `uid`; false when that uid already holds `limit`.
    func admit(uid: UInt32, limit: Int) -> Bool {
        perUID.withLockedValue { counts in
            let held = counts[uid, default: 0]
            guard held < limit else { return false }
            counts[uid] = held + 1
            return true
        }
    }

    /// Forgets a connection `admit` counted.
    func release(uid: UInt32) {
        perUID.withLockedValue { counts in
            let held = counts[uid, default: 1] - 1
            counts[uid] = held > 0 ? held : nil
        }
    }
}
