import CPrefetch
import Glibc

/// Reading records back: lookups by id and the reply path's copies.
extension RecordStore {
    /// The start of the id bytes of record `index` (for comparing ids without a `String`).
    func withID<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { body(Self.id($0, at: Int(starts[index]))) }
    }

    static func id(_ block: UnsafeRawBufferPointer, at start: Int) -> UnsafeRawBufferPointer {
        let length = Int(UInt16(littleEndian: block.loadUnaligned(fromByteOffset: start, as: UInt16.self)))
        return UnsafeRawBufferPointer(rebasing: block[(start + headerSize)..<(start + headerSize + length)])
    }

    /// The index of the record whose id is exactly `key`.
    func index(of key: UnsafeRawBufferPointer) -> Int? { index(of: key, hash: byteHash(key)) }

    /// The index of the record whose id is exactly `key`, whose `byteHash` is `hash`.
    func index(of key: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { table in
            bytes.withUnsafeBytes { block in
                while true {
                    let entry = table[slot]
                    if entry == 0 { return nil }
                    if entry >> 32 == tag {
                        let start = Int(entry & 0xFFFF_FFFF) - 1
                        let id = Self.id(block, at: start)
                        if id.count == key.count,
                            key.count == 0 || memcmp(id.baseAddress!, key.baseAddress!, key.count) == 0
                        {
                            return Int(
                                UInt32(littleEndian: block.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)))
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Starts loading the index slot that a lookup of a key whose `byteHash` is `hash` reads
    /// first, without waiting for it: the slot table (2 MiB for 100 000 records) misses the cache
    /// on most lookups, and a miss overlapped with other work costs little.
    func prefetchSlot(hash: UInt64) {
        let slot = Int(truncatingIfNeeded: hash) & mask
        slots.withUnsafeBufferPointer { table in
            guard let base = table.baseAddress else { return }
            laureate_prefetch(base + slot)
        }
    }

    /// The length of the JSON of record `index`.
    func jsonLength(_ index: Int) -> Int {
        bytes.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: Int(starts[index]) + 8, as: UInt32.self)))
        }
    }

    /// Writes the JSON of record `index` at `destination`, which must have `jsonLength(index)`
    /// plus `copySlack` bytes writable (the slack may be overwritten), and returns its length.
    func writeJSON(_ index: Int, to destination: UnsafeMutableRawPointer) -> Int {
        bytes.withUnsafeBytes { block in
            let record = block.baseAddress! + Int(starts[index])
            let idLength = Int(UInt16(littleEndian: record.loadUnaligned(as: UInt16.self)))
            let values = UInt16(littleEndian: record.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
            let length = Int(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
            let id = record + Self.headerSize
            if values == Self.asText {
                memcpy(destination, id + idLength, length)
                return length
            }
            runs.withStorage { runText, runBounds in
                var descriptor = id + idLength
                var value = descriptor + 2 * (2 * Int(values) + 1)
                var output = destination
                func copyRun() {
                    let run = Int(UInt16(littleEndian: descriptor.loadUnaligned(as: UInt16.self)))
                    descriptor += 2
                    let start = Int(runBounds[run])
                    let runLength = Int(runBounds[run + 1]) - start
                    Self.copy(to: output, from: runText.baseAddress! + start, count: runLength)
                    output += runLength
                }
                copyRun()
                for _ in 0..<values {
                    let valueLength = UInt16(littleEndian: descriptor.loadUnaligned(as: UInt16.self))
                    descriptor += 2
                    if valueLength == Self.idValue {
                        output.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
                        Self.copy(to: output + 1, from: id, count: idLength)
                        output.storeBytes(of: UInt8(ascii: "\""), toByteOffset: idLength + 1, as: UInt8.self)
                        output += idLength + 2
                    } else {
                        Self.copy(to: output, from: value, count: Int(valueLength))
                        output += Int(valueLength)
                        value += Int(valueLength)
                    }
                    copyRun()
                }
            }
            return length
        }
    }

    /// Copies `count` bytes; a piece of up to 32 bytes (keys, codes, names) as one fixed 32-byte
    /// copy that reads and writes past its end, so the source must be followed by readable bytes
    /// and the destination by `copySlack`.
    ///
    /// A fixed-size `memcpy` is two 16-byte moves once optimized, with no loop whose exit the CPU
    /// mispredicts at every piece of another length; it stays a plain call in the unoptimized
    /// builds the sanitizers test, where `SIMD` types are generic code orders of magnitude slower.
    @inline(__always)
    static func copy(to destination: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count: Int) {
        if count <= 32 {
            memcpy(destination, source, 32)
        } else {
            memcpy(destination, source, count)
        }
    }

    /// Calls `body` with the JSON of record `index` (rebuilt in a scratch buffer).
    func withJSON<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let length = jsonLength(index)
        return withUnsafeTemporaryAllocation(byteCount: length + Self.copySlack, alignment: 16) { scratch in
            _ = writeJSON(index, to: scratch.baseAddress!)
            return body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<length]))
        }
    }
}
