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
    /// that filling it never copies the block to grow it (a transient second copy at load).
    init(records: Int = 0, bytes: Int = 0) {
        self.bytes.reserveCapacity(bytes + records * Self.headerSize)
        self.starts.reserveCapacity(records)
    }

    /// Appends a record (ids must be unique; the reader checks that).
    mutating func append(id: String, json: [UInt8]) {
        precondition(bytes.count < Int(UInt32.max), "the record block passed 4 GiB")
        starts.append(UInt32(bytes.count))
        let idBytes = Array(id.utf8)
        withUnsafeBytes(of: UInt16(idBytes.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(starts.count - 1).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: idBytes)
        bytes.append(contentsOf: json)
    }

    /// Builds the id index once every record is in.
    mutating func buildIndex() {
        var capacity = 16
        while capacity < starts.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        bytes.withUnsafeBytes { block in
            for index in starts.indices {
                let id = Self.id(block, at: Int(starts[index]))
                let hash = Self.hash(id)
                var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = (hash >> 32) << 32 | UInt64(starts[index] + 1)
            }
        }
        self.slots = slots
        self.mask = capacity - 1
    }

    private static func id(_ block: UnsafeRawBufferPointer, at start: Int) -> UnsafeRawBufferPointer {
        let length = Int(UInt16(littleEndian: block.loadUnaligned(fromByteOffset: start, as: UInt16.self)))
        return UnsafeRawBufferPointer(rebasing: block[(start + headerSize)..<(start + headerSize + length)])
    }

    /// The index of the record whose id is exactly `key`.
    func index(of key: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.hash(key)
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
        slots[Int(truncatingIfNeeded: Self.hash(key)) & mask]
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

    /// FNV-1a, folded: ids are short, so a simple byte hash beats anything with set-up cost.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
