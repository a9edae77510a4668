import Testing

@testable import LaureateCore

@Suite("Record store")
struct RecordStoreTests {
    /// Stores `records` (id, JSON) and returns each record's JSON as the store gives it back,
    /// through both readers.
    private func roundTrip(_ records: [(String, String)]) -> [(written: String, scratch: String)] {
        var store = RecordStore()
        for (id, json) in records {
            var id = id
            let duplicate = id.withUTF8 { id in
                Array(json.utf8).withUnsafeBytes { store.append(id: UnsafeRawBufferPointer(id), json: $0) }
            }
            #expect(duplicate == nil)
        }
        store.finishLoading()
        return records.indices.map { index in
            let length = store.jsonLength(index)
            var output = [UInt8](repeating: 0xEE, count: length + RecordStore.copySlack)
            let written = output.withUnsafeMutableBytes { store.writeJSON(index, to: $0.baseAddress!) }
            #expect(written == length)
            return (
                String(decoding: output[0..<length], as: UTF8.self),
                store.withJSON(index) { String(decoding: $0, as: UTF8.self) }
            )
        }
    }

    @Test("gives back every record byte for byte, whatever its shape")
    func shapes() {
        let long = String(repeating: "é long résumé ", count: 3_000)
        let records = [
            ("a", #"{"id":"a","company":"Oxxius","sector":"sante","sources":["https://example.org/a"]}"#),
            ("b", #"{"id":"b","company":"Lacio","sector":"sante","sources":["https://example.org/a"]}"#),
            ("c", #"{"id":"c","sector":"5g","company":"Other order"}"#),
            (
                "quote\"d",
                #"{"id":"quote\"d","company":"escaped \"id\" \\ and \\\" more","n":-1.5e3,"t":true,"z":null}"#
            ),
            ("e", #"{"company":"id not first","id":"e"}"#),
            ("f", #"{"id":"f","nested":{"a":[1,{"b":"}]\""}],"c":{}},"empty":[],"s":""}"#),
            ("g", "{ \"id\" : \"g\" ,\n \"spaced\" : [ 1 , 2 ] }"),
            ("h", #"{}"#),
            ("i", #"["not","an","object"]"#),
            ("j", #"{"id":"j","summary":"\#(long)"}"#),
            ("k", #"{"id":"k","summary":"short","sector":"sante","sources":["https://example.org/a"]}"#),
            ("", #"{"id":"","x":1}"#),
        ]
        for (original, result) in zip(records, roundTrip(records)) {
            #expect(result.written == original.1)
            #expect(result.scratch == original.1)
        }
    }

    @Test("interns repeated values and keeps distinct ones inline, past the interning limit")
    func manyRecords() {
        let records = (0..<3_000).map { number -> (String, String) in
            let id = "record-\(number)"
            return (
                id,
                #"{"id":"\#(id)","name":"Name \#(number) with a longer tail to "#
                    + #"copy","sector":"\#(["sante", "5g", "intrants"][number % 3])","n":\#(number % 7),"#
                    + #""city":"City \#(number % 400)"}"#
            )
        }
        for (original, result) in zip(records, roundTrip(records)) {
            #expect(result.written == original.1)
        }
    }

    @Test("gives back thousands of random records byte for byte")
    func randomRecords() {
        var random = SplitMix(seed: 42)
        let alphabet = ["a", "é", "\"", "\\", "\n", "}", "]", ",", ":", " ", "\u{1F600}", "x", "\u{7F}", "\u{01}"]
        func text() -> String { (0..<random.next(12)).map { _ in alphabet[random.next(alphabet.count)] }.joined() }
        func value(depth: Int) -> JSONValue {
            switch random.next(depth > 2 ? 4 : 6) {
            case 0: return .null
            case 1: return .bool(random.next(2) == 0)
            case 2: return .number(JSONNumber(Int64(random.next(2_000_000)) - 1_000_000))
            case 3: return .string(random.next(20) == 0 ? String(repeating: "long ", count: 8_000) : text())
            case 4: return .array((0..<random.next(4)).map { _ in value(depth: depth + 1) })
            default: return .object(JSONObject((0..<random.next(4)).map { _ in (text(), value(depth: depth + 1)) }))
            }
        }
        let keys = ["id", "company", "sector", "summary", "sources", text(), text()]
        let records = (0..<2_000).map { number -> (String, String) in
            let id = random.next(10) == 0 ? text() + "\(number)" : "r\(number)"
            var members: [(key: String, value: JSONValue)] = random.next(10) == 0 ? [] : [("id", .string(id))]
            for key in keys.dropFirst() where random.next(3) > 0 {
                members.append(
                    (
                        key,
                        random.next(2) == 0
                            ? .string(["sante", "5g", "https://example.org/"][random.next(3)]) : value(depth: 0)
                    ))
            }
            if random.next(4) == 0 { members.shuffle(using: &random) }
            return (id, String(decoding: JSONWriter.encode(.object(JSONObject(members))), as: UTF8.self))
        }
        for (original, result) in zip(records, roundTrip(records)) {
            #expect(result.written == original.1)
        }
    }

    @Test("finds records by id and refuses a duplicate")
    func lookup() {
        var store = RecordStore()
        for number in 0..<1_000 {
            var id = "id-\(number)"
            let json = #"{"id":"\#(id)"}"#
            _ = id.withUTF8 { id in
                Array(json.utf8).withUnsafeBytes { store.append(id: UnsafeRawBufferPointer(id), json: $0) }
            }
        }
        for number in [0, 1, 511, 999] {
            #expect(Array("id-\(number)".utf8).withUnsafeBytes { store.index(of: $0) } == number)
        }
        #expect(Array("id-1000".utf8).withUnsafeBytes { store.index(of: $0) } == nil)
        let duplicate = Array("id-7".utf8).withUnsafeBytes { id in
            Array(#"{"id":"id-7"}"#.utf8).withUnsafeBytes { store.append(id: id, json: $0) }
        }
        #expect(duplicate == 7)
        #expect(store.count == 1_000)
    }
}

@Suite("Byte interner")
struct ByteInternerTests {
    @Test("numbers distinct strings in the order met and finds them again")
    func interning() {
        var interner = ByteInterner(padding: 16)
        let words = (0..<5_000).map { "word \($0 % 2_500)" } + [""]
        var ids: [String: Int] = [:]
        for word in words {
            let (id, inserted) = Array(word.utf8).withUnsafeBytes { interner.intern($0) }
            #expect(inserted == (ids[word] == nil))
            if let known = ids[word] { #expect(id == known) } else { ids[word] = id }
        }
        #expect(interner.count == 2_501)
        for (word, id) in ids {
            #expect(interner.string(id) == word)
            #expect(Array(word.utf8).withUnsafeBytes { interner.find($0) } == id)
        }
        #expect(Array("absent".utf8).withUnsafeBytes { interner.find($0) } == nil)
    }
}
