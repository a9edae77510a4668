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
        precondition(EVP_DigestUpdate(context.pointer, base, bytes.count) == 1, "EVP_DigestUpdate failed")
    }

    public mutating func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context.pointer, &digest, &length) == 1 && length == 32, "EVP_DigestFinal_ex failed")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest.prefix(32) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Owns the EVP context: one hash, used by one thread at a time.
    private final class Context {
        let pointer: OpaquePointer

        init() {
            guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                preconditionFailure("libcrypto could not start a SHA-256 digest")
            }
            pointer = context
        }

        deinit { EVP_MD_CTX_free(pointer) }
    }
}
