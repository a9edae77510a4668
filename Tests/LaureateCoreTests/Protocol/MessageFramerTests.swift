import Testing

@testable import LaureateCore

@Suite("Message framer")
struct MessageFramerTests {
    private func frames(_ text: String, limit: Int = 10, delimiter: UInt8 = 0x0A, atEnd: Bool = false) -> [String] {
        let framer = MessageFramer(delimiter: delimiter, maximumBytes: limit)
        var found: [String] = []
        Array(text.utf8).withUnsafeBytes { bytes in
            var offset = 0
            while true {
                switch framer.next(in: UnsafeRawBufferPointer(rebasing: bytes[offset...]), atEnd: atEnd) {
                case .message(let message, let consumed):
                    found.append(String(decoding: message, as: UTF8.self))
                    offset += consumed
                case .blank(let consumed):
                    found.append("<blank>")
                    offset += consumed
                case .incomplete:
                    if offset < bytes.count { found.append("<incomplete>") }
                    return
                case .tooLarge:
                    found.append("<too large>")
                    return
                }
            }
        }
        return found
    }

    @Test("splits lines, drops a \\r before \\n, skips blank lines")
    func lines() {
        #expect(frames("a\nbc\r\n\n \t\r\nd\n") == ["a", "bc", "<blank>", "<blank>", "d"])
        #expect(frames("a\r\r\n") == ["a\r"])
    }

    @Test("keeps an unfinished line until more comes, or answers it at the end")
    func unfinished() {
        #expect(frames("a\nbcd") == ["a", "<incomplete>"])
        #expect(frames("a\nbcd", atEnd: true) == ["a", "bcd"])
        #expect(frames("a\n  ", atEnd: true) == ["a", "<blank>"])
    }

    @Test("a line of exactly the limit passes; one byte more, finished or not, is too large")
    func limit() {
        #expect(frames("0123456789\n") == ["0123456789"])
        #expect(frames("0123456789a\n") == ["<too large>"])
        #expect(frames("0123456789a") == ["<too large>"])
        #expect(frames("0123456789") == ["<incomplete>"])
    }

    @Test("frames on NUL for varlink, where \\r is data")
    func nul() {
        #expect(frames("{\"a\":1}\u{0}x\r\u{0}", delimiter: 0) == ["{\"a\":1}", "x\r"])
    }

    @Test("forEachMessage stops at a message past the limit")
    func forEach() {
        var seen: [String] = []
        let complete = Array("a\n\nb\n0123456789ab\nc\n".utf8).withUnsafeBytes { bytes in
            MessageFramer(maximumBytes: 10).forEachMessage(in: bytes) {
                seen.append(String(decoding: $0, as: UTF8.self))
            }
        }
        #expect(!complete && seen == ["a", "b"])
    }
}
