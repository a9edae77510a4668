import Glibc

/// Every record's JSON in one block of bytes, stored compactly, with an id index over it.
///
/// Built for `laureate.get` (docs/hotpath.md): ids are looked up from the raw request bytes, no
/// `String` built; the index is an 8-byte-slot open-addressing table (2 MiB for 100 000 records,
/// so it stays in the last-level cache) holding a 32-bit hash tag and where the record starts in
/// the block; the id itself sits at the record's start, so checking it touches the cache lines
/// the reply copies next anyway: a lookup costs one miss for the record, none for the index.
///
/// Records are not kept as their JSON text but as *runs* and *values*, alternating: a value is
/// what is particular to the record (its company, its summary), a run everything between two
/// such values, keys and repeated values together (`,"city":"Caen","department":"14","sector":
/// "5g","summary":`). Runs are interned, so the keys and the values that repeat across records
/// (a sector, a call, the export's sources URL) are stored once, and the id is not stored twice.
/// For the official export that halves the block (keys and repeated values were 290 of a
/// record's ~800 bytes), which is what keeps a 100 000-row load within its memory goal. A reply
/// rebuilds the text with one copy per run and per value, about 15 for the official export's
/// 16 members; copying member by member took twice as many and cost 8 % of pipelined gets.
/// Records that fit no such split (not an object, a value over 65 534 bytes, past 65 534
/// distinct runs) are kept as their text.
///
/// Per record the block holds: id length (UInt16), value count `n` (UInt16, `0xFFFF` for a
/// record kept as text), record number (UInt32), JSON length (UInt32), the id's bytes, then
/// either the JSON text or `2n + 1` UInt16s (run, value length, run, …, value length, run; a
/// value length of `0xFFFF` stands for the id in quotes) followed by the values.
struct RecordStore: Sendable {
    /// How many bytes past its length a reply writer must leave writable (`writeJSON`).
    static let copySlack = 32
    static let headerSize = 12
    static let asText: UInt16 = 0xFFFF
    static let idValue: UInt16 = 0xFFFF
    static let maxValueLength = 0xFFFE
    static let maxRuns = 0xFFFE
    /// Values longer than this always stand alone: repeated values are short codes and names.
    static let maxRepeatedLength = 128
    /// A member's values stop joining runs once this many distinct ones did: its values do not
    /// repeat (names, summaries), and each would make a run of its own.
    static let maxDistinctPerMember: UInt16 = 256

    /// The records, each followed by the next, ending with `copySlack` zero bytes.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = []
    private(set) var slots: [UInt64] = []
    private(set) var mask = 0
    private(set) var runs = ByteInterner(padding: copySlack)
    private var load = Loading()

    /// What only building needs.
    private struct Loading {
        /// Members by the text before their value (`,"sector":`), with how many distinct values
        /// of each joined runs, in `joinedValues`.
        var members = ByteInterner()
        var memberAtPosition: [Int] = []
        var distinctJoined: [UInt16] = []
        var joinedValues = ByteInterner()
        var valueBounds: [Int] = []
        var descriptors: [UInt16] = []
        var run: [UInt8] = []
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
        precondition(
            bytes.count + Self.headerSize + id.count + json.count < Int(UInt32.max), "the record block passed 4 GiB")
        precondition(id.count <= Int(UInt16.max), "an id longer than 65 535 bytes")
        if (starts.count + 1) * 2 > slots.count { resizeIndex(capacity: slots.count * 2) }
        bytes.removeLast(Self.copySlack)
        let start = UInt32(bytes.count)
        starts.append(start)
        let split = splitIntoRuns(id: id, json: json)
        let values = split ? UInt16(load.descriptors.count / 2) : Self.asText
        withUnsafeBytes(of: UInt16(id.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: values.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(starts.count - 1).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: id)
        if split {
            for descriptor in load.descriptors {
                withUnsafeBytes(of: descriptor.littleEndian) { bytes.append(contentsOf: $0) }
            }
            for value in stride(from: 0, to: load.valueBounds.count, by: 2) where load.valueBounds[value] >= 0 {
                bytes.append(contentsOf: json[load.valueBounds[value]..<load.valueBounds[value + 1]])
            }
        } else {
            bytes.append(contentsOf: json)
        }
        bytes.append(contentsOf: repeatElement(0, count: Self.copySlack))
        insert(hash: byteHash(id), start: start)
        return nil
    }

    /// Splits `json` into runs and values: leaves the descriptors in `load.descriptors` and the
    /// ranges of the values kept apart in `load.valueBounds` (the others set to -1), or returns
    /// false when the record is to be kept as text.
    private mutating func splitIntoRuns(id: UnsafeRawBufferPointer, json: UnsafeRawBufferPointer) -> Bool {
        guard Self.memberValues(json, into: &load.valueBounds) else { return false }
        load.descriptors.removeAll(keepingCapacity: true)
        load.run.removeAll(keepingCapacity: true)
        var previousEnd = 0
        for member in 0..<(load.valueBounds.count / 2) {
            let valueStart = load.valueBounds[2 * member]
            let valueEnd = load.valueBounds[2 * member + 1]
            let before = UnsafeRawBufferPointer(rebasing: json[previousEnd..<valueStart])
            let value = UnsafeRawBufferPointer(rebasing: json[valueStart..<valueEnd])
            previousEnd = valueEnd
            load.run.append(contentsOf: before)
            let isID =
                member == 0 && value.count == id.count + 2 && value.first == UInt8(ascii: "\"")
                && value.last == UInt8(ascii: "\"")
                && (id.isEmpty || memcmp(value.baseAddress! + 1, id.baseAddress!, id.count) == 0)
            if !isID, joinsRun(value, member: memberID(before, at: member)) {
                load.run.append(contentsOf: value)
                load.valueBounds[2 * member] = -1
                continue
            }
            guard value.count <= Self.maxValueLength, closeRun() else { return false }
            if isID { load.valueBounds[2 * member] = -1 }
            load.descriptors.append(isID ? Self.idValue : UInt16(value.count))
        }
        load.run.append(contentsOf: json[previousEnd...])
        return closeRun() && load.descriptors.count / 2 < Int(Self.asText)
    }

    /// The number of the member whose text before its value is `text`, found first where the
    /// last record had its `position`th member: records of one file mostly share their keys.
    private mutating func memberID(_ text: UnsafeRawBufferPointer, at position: Int) -> Int {
        if position < load.memberAtPosition.count {
            let cached = load.memberAtPosition[position]
            let same = load.members.withBytes(cached) { known in
                known.count == text.count
                    && (text.isEmpty || memcmp(known.baseAddress!, text.baseAddress!, text.count) == 0)
            }
            if same { return cached }
        }
        let (id, inserted) = load.members.intern(text)
        if inserted { load.distinctJoined.append(0) }
        if position < load.memberAtPosition.count {
            load.memberAtPosition[position] = id
        } else {
            load.memberAtPosition.append(id)
        }
        return id
    }

    /// Whether `value`, a value of member `member`, is one that repeats across records, and so
    /// is stored in a run rather than with the record: a value already met in a run is, and a new
    /// one is while its member has had few distinct ones.
    private mutating func joinsRun(_ value: UnsafeRawBufferPointer, member: Int) -> Bool {
        guard value.count <= Self.maxRepeatedLength, load.distinctJoined[member] < Self.maxDistinctPerMember else {
            return false
        }
        if load.joinedValues.find(value) != nil { return true }
        load.distinctJoined[member] += 1
        _ = load.joinedValues.intern(value)
        return true
    }

    /// Interns the run being built and adds its number to the descriptors; false past `maxRuns`.
    private mutating func closeRun() -> Bool {
        let run = load.run.withUnsafeBytes { run in
            runs.find(run) ?? (runs.count < Self.maxRuns ? runs.intern(run).id : nil)
        }
        load.run.removeAll(keepingCapacity: true)
        guard let run else { return false }
        load.descriptors.append(UInt16(run))
        return true
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
                guard let found = memchr(bytes.baseAddress! + position, 0x22, bytes.count - position) else {
                    return false
                }
                let quote = bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
                var backslashes = 0
                while quote - backslashes - 1 >= position, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                    backslashes += 1
                }
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
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                        || Self.isSpace(byte)
                    {
                        break
                    }
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
            for start in starts { insert(hash: byteHash(Self.id(block, at: Int(start))), start: start) }
        }
    }

    private mutating func insert(hash: UInt64, start: UInt32) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(start + 1)
    }

    /// Drops what only loading needed.
    mutating func finishLoading() {
        load = Loading()
    }
}
