#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing hash table from a record id's raw bytes to its index.
///
/// `laureate.get` looks ids up straight from the request bytes: no `String` is built per request
/// (a `Dictionary<String, …>` lookup cost 22 % of throughput, see HOTPATH.md).
struct IDTable: Sendable {
    private let idBytes: [UInt8]
    private let idEnds: [Int]
    private let slots: [Int32]
    private let mask: Int

    init(ids: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(ids.count)
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            ends.append(bytes.count)
        }
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        bytes.withUnsafeBytes { buffer in
            for index in ids.indices {
                let start = index == 0 ? 0 : ends[index - 1]
                var slot = Int(truncatingIfNeeded: Self.hash(UnsafeRawBufferPointer(rebasing: buffer[start..<ends[index]]))) & (capacity - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(index)
            }
        }
        self.idBytes = bytes
        self.idEnds = ends
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The index of the record whose id is exactly `key`.
    func index(of key: UnsafeRawBufferPointer) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        return idBytes.withUnsafeBytes { stored in
            while true {
                let candidate = Int(slots[slot])
                if candidate < 0 { return nil }
                let start = candidate == 0 ? 0 : idEnds[candidate - 1]
                let end = idEnds[candidate]
                if end - start == key.count,
                    key.count == 0 || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0
                {
                    return candidate
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The index of the record with that id.
    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
    }

    /// FNV-1a: ids are short, so a simple byte hash beats anything with set-up cost.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
