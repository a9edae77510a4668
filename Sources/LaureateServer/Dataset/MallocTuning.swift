import CMalloc
import NIOConcurrencyHelpers

/// How the daemon asks glibc's malloc to hand memory back: eagerly while a dataset loads, not
/// while requests are served.
public enum MallocTuning {
    /// While a load runs, every allocation of 256 KiB or more gets its own mapping, returned to
    /// the system when freed. By default glibc raises that threshold each time such a block is
    /// freed (up to 32 MiB), so after the first few the arrays a load grows by doubling, and the
    /// reading stage's tables, are carved from the heap and stay resident once freed. The low
    /// threshold keeps them out: on a 100 000-row official export the peak RSS drops by 4 MB and
    /// the RSS once serving by 10 MB, for a few hundred more `mmap` calls per load.
    static let loadingThreshold: Int32 = 256 * 1024

    /// While serving, blocks below 16 MiB come from the heap. A pipelined burst's output buffer
    /// grows to the 4 MiB high-water mark (and one doubling past it); above the load's threshold,
    /// about one burst in three paid a fresh `mmap`, its page faults and clearing, and an
    /// `munmap`: ~8 % of a pipelined profile. From the heap the same block is reused.
    static let servingThreshold: Int32 = 16 * 1024 * 1024

    /// While a load runs, free memory at the top of the heap goes back to the system past glibc's
    /// default of 128 KiB, as it does when no threshold is set.
    static let loadingTrimThreshold: Int32 = 128 * 1024

    /// While serving, up to 32 MiB of free memory stays at the top of the heap. Setting the mmap
    /// threshold turns off glibc's dynamic thresholds, which would have raised the trim threshold
    /// to twice the mmap one (this value); without it, each pipelined burst's output buffer, freed
    /// once written while the next burst's is allocated, was given back and faulted in again:
    /// 0.07 page faults per pipelined get and a quarter of the server's CPU (measured, 2 M gets).
    static let servingTrimThreshold: Int32 = 2 * servingThreshold

    /// Loads under way: the load threshold holds while any runs (a reload runs beside serving).
    private static let loadsRunning = NIOLockedValueBox(0)

    /// Runs a dataset load under the load's threshold, then puts the serving one back.
    public static func whileLoading<Value, Failure: Error>(
        _ load: () throws(Failure) -> Value
    ) throws(Failure)
        -> Value
    {
        loadsRunning.withLockedValue { running in
            if running == 0 { apply(mmapThreshold: loadingThreshold, trimThreshold: loadingTrimThreshold) }
            running += 1
        }
        defer {
            loadsRunning.withLockedValue { running in
                running -= 1
                if running == 0 { apply(mmapThreshold: servingThreshold, trimThreshold: servingTrimThreshold) }
            }
        }
        return try load()
    }

    private static func apply(mmapThreshold: Int32, trimThreshold: Int32) {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    }
}
