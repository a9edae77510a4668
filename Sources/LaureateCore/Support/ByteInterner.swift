import Glibc

/// Distinct byte strings, numbered in the order first met, kept end to end in one arena with an
/// open-addressing table over it: interning costs no `String`, no allocation per string and no
/// dictionary hashing, and 100 000 strings cost their bytes plus 8 bytes each, where a
/// `[String: Int32]` costs about 60.
///
/// The arena ends with `padding` zero bytes, so that a reader copying 32 bytes at a time
/// (`RecordStore`) may read past the last string.
struct ByteInterner: Sendable {
    private var arena: [UInt8]
    /// Where each string starts in the arena; one more entry than strings, so string `id` ends
    /// where `id + 1` starts.
    private var bounds: [UInt32] = [0]
    private var slots: [Int32]
    private let padding: Int

    init(padding: Int = 0) {
        self.padding = padding
        self.arena = [UInt8](repeating: 0, count: padding)
        self.slots = [Int32](repeating: -1, count: 16)
    }

    /// How many distinct strings there are.
    var count: Int { bounds.count - 1 }

    /// The number of `bytes`, and whether they were new.
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (id: Int, inserted: Bool) {
        let (found, slot) = lookUp(bytes)
        if let found { return (found, false) }
        precondition(arena.count + bytes.count < Int(UInt32.max), "interned strings passed 4 GiB")
        let id = count
        arena.removeLast(padding)
        arena.append(contentsOf: bytes)
        arena.append(contentsOf: repeatElement(0, count: padding))
        bounds.append(UInt32(arena.count - padding))
        slots[slot] = Int32(id)
        if count * 2 > slots.count { rehash() }
        return (id, true)
    }

    /// The number of `bytes`, if they were interned.
    func find(_ bytes: UnsafeRawBufferPointer) -> Int? { lookUp(bytes).id }

    /// The interned string `id`.
    func withBytes<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        arena.withUnsafeBytes { arena in
            body(UnsafeRawBufferPointer(rebasing: arena[Int(bounds[id])..<Int(bounds[id + 1])]))
        }
    }

    /// The arena and the string bounds, for readers that walk many strings at once.
    func withStorage<Result>(
        _ body: (_ arena: UnsafeRawBufferPointer, _ bounds: UnsafeBufferPointer<UInt32>) -> Result
    ) -> Result {
        arena.withUnsafeBytes { arena in bounds.withUnsafeBufferPointer { body(arena, $0) } }
    }

    /// The string `id` as text (the bytes are UTF-8 wherever they came from text).
    func string(_ id: Int) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    private func lookUp(_ bytes: UnsafeRawBufferPointer) -> (id: Int?, slot: Int) {
        let hash = byteHash(bytes)
        return slots.withUnsafeBufferPointer { slots in
            withStorage { arena, bounds in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = Int(slots[slot])
                    if entry < 0 { return (nil, slot) }
                    let start = Int(bounds[entry])
                    if Int(bounds[entry + 1]) - start == bytes.count,
                        bytes.isEmpty || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
                    {
                        return (entry, slot)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func rehash() {
        var table = [Int32](repeating: -1, count: slots.count * 2)
        let mask = table.count - 1
        withStorage { arena, bounds in
            for id in 0..<(bounds.count - 1) {
                let string = UnsafeRawBufferPointer(rebasing: arena[Int(bounds[id])..<Int(bounds[id + 1])])
                var slot = Int(truncatingIfNeeded: byteHash(string)) & mask
                while table[slot] >= 0 { slot = (slot + 1) & mask }
                table[slot] = Int32(id)
            }
        }
        slots = table
    }
}
