#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every record's pre-encoded JSON in one block of bytes, with an id index over it.
///
/// Built for `laureate.get` (HOTPATH.md): ids are looked up from the raw request bytes, no
/// `String` built; the index is an 8-byte-slot open-addressing table (2 MiB for 100 000 records,
/// so it stays in the last-level cache) holding a 32-bit hash tag and where the record starts in
/// the block; the id itself sits just before the record's JSON, so checking it touches the cache
/// lines the reply copies next anyway: a lookup costs one miss for the record, none for the
/// index. Per record the block holds: id length (UInt16), JSON length (UInt32), record number
/// (UInt32), the id's bytes, the JSON's bytes.
struct RecordStore: Sendable {
    private static let headerSize = 10
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = []
    private var slots: [UInt64] = []
    private var mask = 0

    /// The number of records.
    var count: Int { starts.count }

    /// An empty store sized for `records` records of `bytes` bytes of ids and JSON in all, so
    /// that filling it seldom copies the block to grow it (a transient second copy at load).
    /// Capacity that is never written costs no memory: untouched pages are not resident.
    init(records: Int = 0, bytes: Int = 0) {
        self.bytes.reserveCapacity(bytes + records * Self.headerSize)
        self.starts.reserveCapacity(records)
        resizeIndex(capacity: 16)
    }

    /// Appends a record and indexes its id, or returns the number of the record that already
    /// has that id (and appends nothing).
    mutating func append(id: UnsafeRawBufferPointer, json: UnsafeRawBufferPointer) -> Int? {
        if let existing = index(of: id) { return existing }
        precondition(bytes.count + Self.headerSize + id.count + json.count < Int(UInt32.max), "the record block passed 4 GiB")
        precondition(id.count <= Int(UInt16.max), "an id longer than 65 535 bytes")
        if (starts.count + 1) * 2 > slots.count { resizeIndex(capacity: slots.count * 2) }
        let start = UInt32(bytes.count)
        starts.append(start)
        withUnsafeBytes(of: UInt16(id.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(starts.count - 1).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: id)
        bytes.append(contentsOf: json)
        insert(hash: fnv1a(id), start: start)
        return nil
    }

    /// Rebuilds the id index with `capacity` slots (a power of two), kept at most half full.
    private mutating func resizeIndex(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        let starts = self.starts
        let block = bytes
        block.withUnsafeBytes { block in
            for start in starts { insert(hash: fnv1a(Self.id(block, at: Int(start))), start: start) }
        }
    }

    private mutating func insert(hash: UInt64, start: UInt32) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(start + 1)
    }

    /// The start of the id bytes of record `index` (for comparing ids without a `String`).
    func withID<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { body(Self.id($0, at: Int(starts[index]))) }
    }

    private static func id(_ block: UnsafeRawBufferPointer, at start: Int) -> UnsafeRawBufferPointer {
        let length = Int(UInt16(littleEndian: block.loadUnaligned(fromByteOffset: start, as: UInt16.self)))
        return UnsafeRawBufferPointer(rebasing: block[(start + headerSize)..<(start + headerSize + length)])
    }

    /// The index of the record whose id is exactly `key`.
    func index(of key: UnsafeRawBufferPointer) -> Int? {
        let hash = fnv1a(key)
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
                        if id.count == key.count, key.count == 0 || memcmp(id.baseAddress!, key.baseAddress!, key.count) == 0 {
                            return Int(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: start + 6, as: UInt32.self)))
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Loads the index slot a lookup of `key` starts at (for `touchRecord`). Run over a burst of
    /// requests, then `touchRecord` over the results, the cache misses of the burst overlap
    /// instead of stalling each request in turn.
    func touchSlot(_ key: UnsafeRawBufferPointer) -> UInt64 {
        slots[Int(truncatingIfNeeded: fnv1a(key)) & mask]
    }

    /// Loads the first cache line of the record a `touchSlot` result points at.
    func touchRecord(_ entry: UInt64) -> UInt64 {
        guard entry != 0 else { return 0 }
        return UInt64(bytes[Int(entry & 0xFFFF_FFFF) - 1])
    }

    /// Calls `body` with the JSON of record `index`.
    func withJSON<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { block in
            let start = Int(starts[index])
            let idLength = Int(UInt16(littleEndian: block.loadUnaligned(fromByteOffset: start, as: UInt16.self)))
            let jsonLength = Int(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: start + 2, as: UInt32.self)))
            let jsonStart = start + Self.headerSize + idLength
            return body(UnsafeRawBufferPointer(rebasing: block[jsonStart..<(jsonStart + jsonLength)]))
        }
    }
}
