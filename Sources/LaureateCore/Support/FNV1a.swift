/// FNV-1a over bytes, its high bits folded into the low ones: the hash of the id table and the
/// word table, whose keys are short, so a simple byte hash beats anything with set-up cost.
func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return hash ^ (hash >> 29)
}
