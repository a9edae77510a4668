import CMalloc

/// How the daemon asks glibc's malloc to hand big blocks back.
public enum MallocTuning {
    /// Serves every allocation of 256 KiB or more from its own mapping, returned to the system
    /// when freed.
    ///
    /// By default glibc raises that threshold each time such a block is freed (up to 32 MiB), so
    /// after the first few the arrays a load grows by doubling, and the reading stage's tables,
    /// are carved from the heap and stay resident once freed. A fixed threshold keeps them out:
    /// on a 100 000-row official export the peak RSS drops by 4 MB and the RSS once serving by
    /// 10 MB, for a few hundred more `mmap` calls per load.
    public static func returnBigBlocks() {
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
    }
}
