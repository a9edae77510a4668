import CCrypto
public import LaureateCore

/// SHA-256 through libcrypto, which uses the CPU's SHA extensions where it has them: about ten
/// times the portable implementation, and a load hashes every record it reads.
public struct LibcryptoSHA256: SHA256Digest {
    private let context: Context

    public init() {
        context = Context()
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        precondition(laureated_sha256_update(context.pointer, base, bytes.count) == 1, "SHA256_Update failed")
    }

    public mutating func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        precondition(laureated_sha256_final(&digest, context.pointer) == 1, "SHA256_Final failed")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest.prefix(32) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Owns the hash state: one hash, used by one thread at a time.
    private final class Context {
        let pointer = UnsafeMutablePointer<SHA256_CTX>.allocate(capacity: 1)

        init() {
            precondition(laureated_sha256_init(pointer) == 1, "libcrypto could not start a SHA-256 digest")
        }

        deinit { pointer.deallocate() }
    }
}
