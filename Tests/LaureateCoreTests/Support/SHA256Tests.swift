import Testing

@testable import LaureateCore

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "matches the FIPS 180-4 vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("gives the same digest fed in pieces")
    func incremental() {
        let bytes = Array(String(repeating: "a", count: 1_000_000).utf8)
        var hash = SHA256()
        for start in stride(from: 0, to: bytes.count, by: 997) {
            hash.update(Array(bytes[start..<min(start + 997, bytes.count)]))
        }
        #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
