import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the service manager about the daemon's state through `sd_notify(3)`.
///
/// Silent and harmless when `NOTIFY_SOCKET` is unset, so the daemon runs the same anywhere.
package struct SystemdNotifier: Sendable {
    /// One assignment of the notify protocol.
    package enum State: Sendable, Equatable {
        /// Sends `READY=1`: start-up (or a reload) is finished.
        case ready
        /// Sends `RELOADING=1`: a reload has begun (pair it with `monotonicTime`).
        case reloading
        /// Sends `MONOTONIC_USEC=…`, the `CLOCK_MONOTONIC` time a reload began (systemd ≥ 253 needs it).
        case monotonicTime(microseconds: UInt64)
        /// Sends `STOPPING=1`: shutdown has begun.
        case stopping
        /// Sends `STATUS=…`, the one-line status `systemctl status` shows.
        case status(String)
        /// Sends `WATCHDOG=1`, the keep-alive ping.
        case watchdog

        /// The `KEY=value` line.
        package var assignment: String {
            switch self {
            case .ready: "READY=1"
            case .reloading: "RELOADING=1"
            case .monotonicTime(let microseconds): "MONOTONIC_USEC=\(microseconds)"
            case .stopping: "STOPPING=1"
            case .status(let text): "STATUS=" + text.replacing("\n", with: " ")
            case .watchdog: "WATCHDOG=1"
            }
        }
    }

    package init() {}

    /// Whether a service manager listens (`NOTIFY_SOCKET` is set).
    package var isEnabled: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// Sends the states together in one datagram, so the manager sees them as one event.
    package func notify(_ states: [State]) {
        guard isEnabled, !states.isEmpty else { return }
        let message = states.map(\.assignment).joined(separator: "\n")
        _ = sd_notify(0, message)
    }

    /// Sends `RELOADING=1` with `MONOTONIC_USEC=` of now, as systemd's reload protocol asks.
    package func notifyReloading() {
        notify([
            .reloading, .monotonicTime(microseconds: MonotonicClock.microseconds()), .status("Reloading the dataset…"),
        ])
    }

    /// Half the watchdog interval the manager asked for, or nil when no watchdog is set for us
    /// (`sd_watchdog_enabled(3)`).
    package func watchdogPingInterval() -> Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds / 2))
    }
}
