#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every record's JSON in one block of bytes, stored compactly, with an id index over it.
///
/// Built for `laureate.get` (HOTPATH.md): ids are looked up from the raw request bytes, no
/// `String` built; the index is an 8-byte-slot open-addressing table (2 MiB for 100 000 records,
/// so it stays in the last-level cache) holding a 32-bit hash tag and where the record starts in
/// the block; the id itself sits at the record's start, so checking it touches the cache lines
/// the reply copies next anyway: a lookup costs one miss for the record, none for the index.
///
/// Records are not kept as their JSON text but as a *layout* and their values. A layout is the
/// text between the values (`{"id":`, `,"company":`, …, `}`), shared by every record whose
/// members have the same keys in the same order; values that repeat across records (a sector,
/// a call, the export's sources URL) are interned once, and the id is not stored twice. For the
/// official export that halves the block (keys and constant values were 290 of a record's ~800
/// bytes), which is what keeps a 100 000-row load within its memory goal. A reply rebuilds the
/// text by copying the pieces 16 bytes at a time, overrunning each piece into the slack of the
/// destination and then writing over the overrun (as LZ-family decoders do); that costs a few
/// tens of nanoseconds more per `laureate.get` than one `memcpy` of the whole text, where
/// per-piece `memcpy` calls cost ~80 ns. Records that fit no layout (not an object, a value over
/// 32 KiB, over 65 534 layouts) are kept as their text.
///
/// Per record the block holds: id length (UInt16), layout (UInt16, 0 for text), record number
/// (UInt32), JSON length (UInt32), the id's bytes, then either the JSON text or one UInt16 per
/// member (an inline value's length, `0x8000 | n` for interned value n, or `0xFFFF` for the id
/// in quotes) followed by the inline values.
struct RecordStore: Sendable {
    /// How many bytes past its length a reply writer must leave writable (`writeJSON`).
    static let copySlack = 16
    private static let headerSize = 12
    private static let textLayout: UInt16 = 0
    private static let idDescriptor: UInt16 = 0xFFFF
    private static let internedFlag: UInt16 = 0x8000
    private static let maxInlineValue = 0x7FFF
    private static let maxInterned = 0x7FFE
    /// Values longer than this are never interned: repeated values are short codes and names.
    private static let maxInternedLength = 128
    /// A member stops being interned once this many of its distinct values were: its values do
    /// not repeat (names, summaries), and interning them would only copy them twice.
    private static let maxInternedPerMember: UInt16 = 256

    /// The records, each followed by the next, ending with `copySlack` zero bytes.
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = []
    private var slots: [UInt64] = []
    private var mask = 0
    /// Layout pieces, end to end; piece `n` is `pieces[n] >> 32` bytes at `pieces[n] & 0xFFFF_FFFF`.
    private var pieceText = ByteInterner(padding: copySlack)
    private var pieces: [UInt64] = []
    /// For layout `n` (from 1), its first entry in `pieces`, and how many members it has.
    private var layoutFirstPiece: [UInt32] = [0]
    private var layoutMembers: [UInt16] = [0]
    private var values = ByteInterner(padding: copySlack)
    private var load = Loading()

    /// What only building needs.
    private struct Loading {
        var layoutIDs: [[UInt8]: UInt16] = [:]
        var lastLayout = 0
        /// Per layout piece (so per member of a layout): how many values it interned.
        var internedPerMember: [UInt16] = []
        var valueBounds: [Int] = []
        var descriptors: [UInt16] = []
    }

    /// The number of records.
    var count: Int { starts.count }

    /// An empty store sized for `records` records of `bytes` bytes of ids and JSON in all, so
    /// that filling it seldom copies the block to grow it (a transient second copy at load).
    /// Capacity that is never written costs no memory: untouched pages are not resident.
    init(records: Int = 0, bytes: Int = 0) {
        self.bytes.reserveCapacity(bytes + records * Self.headerSize + Self.copySlack)
        self.bytes.append(contentsOf: repeatElement(0, count: Self.copySlack))
        self.starts.reserveCapacity(records)
        resizeIndex(capacity: 16)
    }

    /// Appends a record and indexes its id, or returns the number of the record that already
    /// has that id (and appends nothing).
    mutating func append(id: UnsafeRawBufferPointer, json: UnsafeRawBufferPointer) -> Int? {
        if let existing = index(of: id) { return existing }
        precondition(bytes.count + Self.headerSize + id.count + json.count < Int(UInt32.max), "the record block passed 4 GiB")
        precondition(id.count <= Int(UInt16.max), "an id longer than 65 535 bytes")
        precondition(json.count <= Int(UInt32.max), "a record longer than 4 GiB")
        if (starts.count + 1) * 2 > slots.count { resizeIndex(capacity: slots.count * 2) }
        bytes.removeLast(Self.copySlack)
        let start = UInt32(bytes.count)
        starts.append(start)
        let layout = compactLayout(id: id, json: json)
        withUnsafeBytes(of: UInt16(id.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: layout.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(starts.count - 1).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: id)
        if layout == Self.textLayout {
            bytes.append(contentsOf: json)
        } else {
            for descriptor in load.descriptors {
                withUnsafeBytes(of: descriptor.littleEndian) { bytes.append(contentsOf: $0) }
            }
            for (member, descriptor) in load.descriptors.enumerated() where descriptor < Self.internedFlag {
                bytes.append(contentsOf: json[load.valueBounds[2 * member]..<load.valueBounds[2 * member + 1]])
            }
        }
        bytes.append(contentsOf: repeatElement(0, count: Self.copySlack))
        insert(hash: fnv1a(id), start: start)
        return nil
    }

    /// Splits `json` into a layout and values (leaving the descriptors in `load.descriptors`),
    /// or returns `textLayout` when the record is to be kept as text.
    private mutating func compactLayout(id: UnsafeRawBufferPointer, json: UnsafeRawBufferPointer) -> UInt16 {
        guard Self.memberValues(json, into: &load.valueBounds) else { return Self.textLayout }
        let members = load.valueBounds.count / 2
        guard let layout = layout(json, members: members) else { return Self.textLayout }
        let firstPiece = Int(layoutFirstPiece[layout])
        load.descriptors.removeAll(keepingCapacity: true)
        for member in 0..<members {
            let value = UnsafeRawBufferPointer(rebasing: json[load.valueBounds[2 * member]..<load.valueBounds[2 * member + 1]])
            if value.count > Self.maxInlineValue { return Self.textLayout }
            if member == 0, value.count == id.count + 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\""),
                id.isEmpty || memcmp(value.baseAddress! + 1, id.baseAddress!, id.count) == 0
            {
                load.descriptors.append(Self.idDescriptor)
                continue
            }
            let piece = firstPiece + member
            if value.count <= Self.maxInternedLength, load.internedPerMember[piece] < Self.maxInternedPerMember {
                if let known = values.find(value) {
                    load.descriptors.append(Self.internedFlag | UInt16(known))
                    continue
                }
                if values.count < Self.maxInterned {
                    load.internedPerMember[piece] += 1
                    load.descriptors.append(Self.internedFlag | UInt16(values.intern(value).id))
                    continue
                }
            }
            load.descriptors.append(UInt16(value.count))
        }
        return UInt16(layout)
    }

    /// The layout of `json`'s pieces between its values: the last one used if it matches, else
    /// found or made; nil past 65 534 layouts.
    private mutating func layout(_ json: UnsafeRawBufferPointer, members: Int) -> Int? {
        func piece(_ member: Int) -> UnsafeRawBufferPointer {
            let start = member == 0 ? 0 : load.valueBounds[2 * member - 1]
            let end = member == members ? json.count : load.valueBounds[2 * member]
            return UnsafeRawBufferPointer(rebasing: json[start..<end])
        }
        let last = load.lastLayout
        if last != 0, Int(layoutMembers[last]) == members {
            let first = Int(layoutFirstPiece[last])
            let same = pieceText.withStorage { text, _ in
                (0...members).allSatisfy { member in
                    let stored = pieces[first + member]
                    let candidate = piece(member)
                    return Int(stored >> 32) == candidate.count
                        && (candidate.isEmpty || memcmp(text.baseAddress! + Int(stored & 0xFFFF_FFFF), candidate.baseAddress!, candidate.count) == 0)
                }
            }
            if same { return last }
        }
        var signature: [UInt8] = []
        for member in 0...members {
            let text = piece(member)
            withUnsafeBytes(of: UInt32(text.count)) { signature.append(contentsOf: $0) }
            signature.append(contentsOf: text)
        }
        if let known = load.layoutIDs[signature] {
            load.lastLayout = Int(known)
            return Int(known)
        }
        guard layoutMembers.count <= Int(UInt16.max) - 1, members < Int(UInt16.max) else { return nil }
        let layout = layoutMembers.count
        layoutFirstPiece.append(UInt32(pieces.count))
        layoutMembers.append(UInt16(members))
        for member in 0...members {
            let text = piece(member)
            let id = pieceText.intern(text).id
            let start = pieceText.withStorage { _, bounds in bounds[id] }
            pieces.append(UInt64(text.count) << 32 | UInt64(start))
            load.internedPerMember.append(0)
        }
        load.layoutIDs[signature] = UInt16(layout)
        load.lastLayout = layout
        return layout
    }

    /// The byte ranges of the values of a compact JSON object's members (start, end, start, …),
    /// or false when `json` is not an object with at least one member.
    private static func memberValues(_ json: UnsafeRawBufferPointer, into bounds: inout [Int]) -> Bool {
        bounds.removeAll(keepingCapacity: true)
        var scanner = ValueScanner(json)
        guard scanner.take(UInt8(ascii: "{")) else { return false }
        repeat {
            guard scanner.skipString(), scanner.take(UInt8(ascii: ":")) else { return false }
            bounds.append(scanner.position)
            guard scanner.skipValue() else { return false }
            bounds.append(scanner.position)
        } while scanner.take(UInt8(ascii: ","))
        return scanner.take(UInt8(ascii: "}")) && scanner.position == json.count
    }

    /// Walks JSON that is known to be valid, finding where values end; any surprise fails.
    private struct ValueScanner {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        mutating func skipSpaces() {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func skipString() -> Bool {
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return false }
            position += 1
            while position < bytes.count {
                guard let found = memchr(bytes.baseAddress! + position, 0x22, bytes.count - position) else { return false }
                let quote = bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
                var backslashes = 0
                while quote - backslashes - 1 >= position, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                position = quote + 1
                if backslashes % 2 == 0 { return true }
            }
            return false
        }

        mutating func skipValue() -> Bool {
            skipSpaces()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            position += 1
                            return true
                        }
                    default:
                        break
                    }
                    position += 1
                }
                return false
            default:
                let start = position
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || Self.isSpace(byte) { break }
                    position += 1
                }
                return position > start
            }
        }
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
                            return Int(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)))
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

    /// The length of the JSON of record `index`.
    func jsonLength(_ index: Int) -> Int {
        bytes.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: Int(starts[index]) + 8, as: UInt32.self))) }
    }

    /// Writes the JSON of record `index` at `destination`, which must have `jsonLength(index)`
    /// plus `copySlack` bytes writable (the slack may be overwritten), and returns its length.
    func writeJSON(_ index: Int, to destination: UnsafeMutableRawPointer) -> Int {
        bytes.withUnsafeBytes { block in
            let record = block.baseAddress! + Int(starts[index])
            let idLength = Int(UInt16(littleEndian: record.loadUnaligned(as: UInt16.self)))
            let layout = Int(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
            let length = Int(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
            let id = record + Self.headerSize
            if layout == Self.textLayout {
                memcpy(destination, id + idLength, length)
                return length
            }
            let members = Int(layoutMembers[layout])
            let firstPiece = Int(layoutFirstPiece[layout])
            pieces.withUnsafeBufferPointer { pieces in
                pieceText.withStorage { text, _ in
                    values.withStorage { valueText, valueBounds in
                        var output = destination
                        var descriptor = id + idLength
                        var inline = descriptor + 2 * members
                        for member in 0..<members {
                            let piece = pieces[firstPiece + member]
                            let pieceLength = Int(piece >> 32)
                            Self.copy16(to: output, from: text.baseAddress! + Int(piece & 0xFFFF_FFFF), count: pieceLength)
                            output += pieceLength
                            let value = UInt16(littleEndian: descriptor.loadUnaligned(as: UInt16.self))
                            descriptor += 2
                            if value < Self.internedFlag {
                                Self.copy16(to: output, from: inline, count: Int(value))
                                output += Int(value)
                                inline += Int(value)
                            } else if value == Self.idDescriptor {
                                output.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
                                Self.copy16(to: output + 1, from: id, count: idLength)
                                output.storeBytes(of: UInt8(ascii: "\""), toByteOffset: idLength + 1, as: UInt8.self)
                                output += idLength + 2
                            } else {
                                let interned = Int(value & ~Self.internedFlag)
                                let start = Int(valueBounds[interned])
                                let valueLength = Int(valueBounds[interned + 1]) - start
                                Self.copy16(to: output, from: valueText.baseAddress! + start, count: valueLength)
                                output += valueLength
                            }
                        }
                        let last = pieces[firstPiece + members]
                        Self.copy16(to: output, from: text.baseAddress! + Int(last & 0xFFFF_FFFF), count: Int(last >> 32))
                    }
                }
            }
            return length
        }
    }

    /// Copies `count` bytes in 16-byte steps: reads and writes up to 15 bytes past the end, so
    /// the source must be followed by readable bytes and the destination by `copySlack`.
    @inline(__always)
    private static func copy16(to destination: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count: Int) {
        // Long values (summaries) go to `memcpy`, whose wide vector copies beat a 16-byte loop.
        if count > 64 {
            memcpy(destination, source, count)
            return
        }
        // Two 8-byte moves per step. One `SIMD16` move saves two instructions in release builds
        // (pipelined gets measured the same) but is generic code, orders of magnitude slower, in
        // the unoptimized builds the sanitizers test.
        var offset = 0
        repeat {
            destination.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            destination.storeBytes(of: source.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self), toByteOffset: offset + 8, as: UInt64.self)
            offset += 16
        } while offset < count
    }

    /// Calls `body` with the JSON of record `index` (rebuilt in a scratch buffer).
    func withJSON<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let length = jsonLength(index)
        return withUnsafeTemporaryAllocation(byteCount: length + Self.copySlack, alignment: 16) { scratch in
            _ = writeJSON(index, to: scratch.baseAddress!)
            return body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<length]))
        }
    }

    /// Drops what only loading needed.
    mutating func finishLoading() {
        load = Loading()
    }
}
