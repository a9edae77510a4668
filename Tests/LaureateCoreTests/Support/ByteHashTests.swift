import Testing

@testable import LaureateCore

@Suite("Byte hash")
struct ByteHashTests {
    @Test("every byte of every length counts, the tail too")
    func everyByteCounts() {
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = bytes.withUnsafeBytes(byteHash)
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(changed.withUnsafeBytes(byteHash) != original, "length \(length), byte \(position)")
            }
            let longer = bytes + [0]
            #expect(longer.withUnsafeBytes(byteHash) != original, "a trailing zero byte at length \(length)")
        }
    }

    @Test("spreads 100 000 ids over the low bits a table indexes by")
    func spreadsIDs() {
        let slots = 1 << 18
        var used = Set<Int>()
        for number in 0..<100_000 {
            let id = Array("synthetique-\(number)".utf8)
            used.insert(Int(truncatingIfNeeded: id.withUnsafeBytes(byteHash)) & (slots - 1))
        }
        // Uniform hashing fills ~82 000 distinct slots of 262 144 with 100 000 keys.
        #expect(used.count > 80_000)
    }
}
