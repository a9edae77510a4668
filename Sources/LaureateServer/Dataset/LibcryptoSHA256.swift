import CCrypto
public import LaureateCore

/// SHA-256 through libcrypto, which uses the CPU's SHA extensions where it has them: about ten
/// times the portable implementation, and a load hashes every record it reads.
public struct LibcryptoSHA256: SHA256Digest {
    private var context = SHA256_CTX()

    public init() {
        precondition(laureated_sha256_init(&context) == 1, "libcrypto could not start a SHA-256 digest")
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        precondition(laureated_sha256_update(&context, base, bytes.count) == 1, "SHA256_Update failed")
    }

    public mutating func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        precondition(laureated_sha256_final(&digest, &context) == 1, "SHA256_Final failed")
        return SHA256.hexDigits(digest)
    }
}
