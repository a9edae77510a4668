import LaureateCore
import NIOConcurrencyHelpers
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Live counters shared by every connection, and the `server.status` facts built from them.
final class ServerCounters: ServerStatusSource {
    let version: String
    let startedAt = ISO8601.now()
    private let startedMicroseconds = MonotonicClock.microseconds()
    private let startedUnixSeconds = Double(time(nil))
    let connections = Atomic<Int>(0)
    /// Refused connections: past the connection limit, past the per-uid limit.
    let refusedOverLimit = Atomic<Int>(0)
    let refusedOverUIDLimit = Atomic<Int>(0)
    let metrics = RequestMetrics()
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
            requestsTotal: metrics.state.withLockedValue { $0.requestsServed },
            lastReload: store.lastReload
        )
    }

    func metricsText(dataset: Dataset) -> String {
        var text = PrometheusText()
        let snapshot = metrics.state.withLockedValue { $0 }
        text.family("laureated_requests_total", .counter, help: "Requests answered, by front end, method and outcome.")
        for (end, name) in [(0, "jsonrpc"), (1, "varlink")] {
            for (index, label) in RequestTally.Label.allCases.enumerated() {
                for (offset, outcome) in [(0, "ok"), (1, "error")] {
                    let count = snapshot.request(frontEnd: end, slot: index * 2 + offset)
                    guard count > 0 else { continue }
                    text.sample(
                        "laureated_requests_total", ["front_end": name, "method": label.name, "outcome": outcome],
                        Double(count))
                }
            }
        }
        text.family(
            "laureated_request_duration_seconds", .histogram,
            help: "Server time per request, by method (a pipelined read burst's requests each count its mean).")
        for (index, label) in RequestTally.Label.allCases.enumerated() {
            let buckets = snapshot.buckets(label: index)
            let count = buckets.reduce(0, +)
            guard count > 0 else { continue }
            var cumulative = 0
            for (bound, inBucket) in zip(RequestMetrics.bucketBounds + [.infinity], buckets) {
                cumulative += inBucket
                text.sample(
                    "laureated_request_duration_seconds_bucket",
                    ["method": label.name, "le": PrometheusText.format(bound)], Double(cumulative))
            }
            text.sample("laureated_request_duration_seconds_sum", ["method": label.name], snapshot.seconds[index])
            text.sample("laureated_request_duration_seconds_count", ["method": label.name], Double(count))
        }
        text.family("laureated_connections", .gauge, help: "Open connections, on both sockets.")
        text.sample("laureated_connections", Double(connections.load(ordering: .relaxed)))
        text.family("laureated_connections_refused_total", .counter, help: "Connections refused, by reason.")
        text.sample(
            "laureated_connections_refused_total", ["reason": "limit"],
            Double(refusedOverLimit.load(ordering: .relaxed)))
        text.sample(
            "laureated_connections_refused_total", ["reason": "uid_limit"],
            Double(refusedOverUIDLimit.load(ordering: .relaxed)))
        text.family("laureated_received_bytes_total", .counter, help: "Bytes read from clients.")
        text.sample("laureated_received_bytes_total", Double(snapshot.bytesReceived))
        text.family("laureated_sent_bytes_total", .counter, help: "Bytes of replies and pushes written to clients.")
        text.sample("laureated_sent_bytes_total", Double(snapshot.bytesSent))
        let reloads = store.reloadStatistics
        text.family("laureated_reloads_total", .counter, help: "Dataset reloads (SIGHUP, server.reload), by outcome.")
        text.sample("laureated_reloads_total", ["outcome": "ok"], Double(reloads.succeeded))
        text.sample("laureated_reloads_total", ["outcome": "failed"], Double(reloads.failed))
        if let last = reloads.last {
            text.family("laureated_last_reload_duration_seconds", .gauge, help: "How long the last reload took.")
            text.sample("laureated_last_reload_duration_seconds", last.seconds)
            text.family(
                "laureated_last_reload_timestamp_seconds", .gauge, help: "When the last reload ended (Unix time).")
            text.sample("laureated_last_reload_timestamp_seconds", last.endedAt)
            text.family("laureated_last_reload_success", .gauge, help: "1 if the last reload succeeded, else 0.")
            text.sample("laureated_last_reload_success", last.succeeded ? 1 : 0)
        }
        let info = dataset.info
        text.family("laureated_dataset_records", .gauge, help: "Records served.")
        text.sample("laureated_dataset_records", Double(info.records))
        text.family("laureated_dataset_generation", .gauge, help: "The dataset's generation (1, +1 per reload).")
        text.sample("laureated_dataset_generation", Double(info.generation))
        text.family("laureated_dataset_info", .gauge, help: "The dataset served: its sha256 and files (always 1).")
        text.sample(
            "laureated_dataset_info", ["sha256": info.sha256, "path": info.paths.joined(separator: ", ")], 1)
        text.family("laureated_build_info", .gauge, help: "The daemon's version (always 1).")
        text.sample("laureated_build_info", ["version": version], 1)
        // Prefixed: node_exporter, which serves this file, has a process_start_time_seconds of its own.
        text.family(
            "laureated_process_start_time_seconds", .gauge, help: "Start time of the daemon since the Unix epoch.")
        text.sample("laureated_process_start_time_seconds", startedUnixSeconds)
        return text.text
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
