import Glibc

/// `CLOCK_MONOTONIC`, the clock of durations (loads, reloads, uptime) and of systemd's
/// `MONOTONIC_USEC=`: it never jumps when the wall clock is set.
package enum MonotonicClock {
    /// Now, in microseconds.
    package static func microseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }

    /// Now, in nanoseconds.
    package static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// The seconds since `start`, a `microseconds()` reading.
    package static func seconds(since start: UInt64) -> Double {
        Double(microseconds() - start) / 1_000_000
    }
}
