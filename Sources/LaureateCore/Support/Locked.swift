import Glibc

/// A value that threads share, behind a `pthread_mutex_t`.
///
/// Why not `Synchronization.Mutex`: on Linux, when a `Mutex` is contended, the unlocking thread
/// hands it to the waiter inside the kernel (a priority-inheriting futex), so no atomic release
/// and acquire pair is left for ThreadSanitizer to see, and each contended section is reported as
/// a data race. `pthread_mutex_lock` is one the sanitizer intercepts. Uncontended, both cost a
/// compare-and-swap; every lock here guards cold state (lineage, first-use caches). The server
/// layer's `NIOLockedValueBox` is the same design; the core has no NIO, so it has its own.
public final class Locked<Value> {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
        self.value = value
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value while no other thread can reach it.
    public func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

extension Locked: @unchecked Sendable where Value: Sendable {}
