/// A 64-bit hash of bytes for the id table and the interning tables, taken eight bytes at a time.
///
/// It replaced FNV-1a, whose one multiply per byte made a 40-byte id cost ~160 cycles of
/// dependent multiplies, once per `laureate.get` lookup: here a 40-byte
/// id is five steps and a final mix. The final mix spreads every input bit over the low bits
/// (the table slot) and the high ones (the 32-bit tag). Not for anything adversarial: a client
/// cannot choose which ids the table holds.
func byteHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let count = bytes.count
    var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
    guard let base = bytes.baseAddress, count > 0 else { return mix(hash) }
    if count < 8 {
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << UInt64(8 * index) }
        return mix(step(hash, word))
    }
    var offset = 0
    while offset + 8 <= count {
        hash = step(hash, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
    }
    // The last bytes as the eight that end the input, overlapping the step before.
    if offset < count {
        hash = step(hash, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)))
    }
    return mix(hash)
}

@inline(__always)
private func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
    let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
    return mixed ^ (mixed >> 31)
}

@inline(__always)
private func mix(_ hash: UInt64) -> UInt64 {
    var hash = hash ^ (hash >> 32)
    hash = hash &* 0xD6E8_FEB8_6659_FD93
    return hash ^ (hash >> 32)
}
