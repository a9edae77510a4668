/// An RFC 4180 CSV reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF,
/// `,` or `;` detected from the header, a UTF-8 BOM skipped.
///
/// Written here rather than taken from the mirrored CSV packages: it reads a file's bytes in
/// place, a chunk at a time (a row cut by the chunk's end is left for the next one), and hands
/// each row to a closure, so a 100 000-row export is never in memory whole, and every row knows
/// the line it started on for error messages.
public struct CSVReader {
    /// One row: its fields and the 1-based line it starts on.
    public struct Row: Sendable {
        public var fields: [String]
        public var line: Int
    }

    public let file: String
    private var delimiter: UInt8?
    /// The line the next chunk starts on.
    private var line = 1
    /// Which columns the caller reads, settable while rows are being read (after the header).
    public let columns = ColumnSelection()

    public init(file: String) {
        self.file = file
    }

    /// Calls `body` with each whole row of `bytes` and returns where the first incomplete one
    /// starts (the caller gives it again with more of the file); with `isLast`, every row is
    /// whole and everything is consumed.
    /// - Throws: `DatasetLoadError` for invalid UTF-8, a stray quote or an unterminated quoted field,
    ///   or whatever `body` throws.
    public mutating func forEachRow(
        _ bytes: UnsafeRawBufferPointer,
        isLast: Bool = true,
        _ body: (Row) throws(DatasetLoadError) -> Void
    ) throws(DatasetLoadError) -> Int {
        var index = 0
        if delimiter == nil {
            if UTF8Validation.startsWithByteOrderMark(bytes) { index = 3 }
            guard let detected = Self.detectDelimiter(bytes, from: index, isLast: isLast) else { return 0 }
            delimiter = detected
        }
        let delimiter = self.delimiter!
        let file = self.file
        var line = self.line
        var rowLine = line
        var rowStart = index
        var fields: [String] = []
        var field: [UInt8] = []
        defer { self.line = line }
        var fieldStart = true
        var quoted = false
        var rowHasContent = false

        func endField() throws(DatasetLoadError) {
            if fields.count < columns.read.count, !columns.read[fields.count] {
                fields.append("")
            } else {
                guard let text = Self.string(field) else {
                    throw DatasetLoadError(file: file, line: line, field: nil, reason: "invalid UTF-8")
                }
                fields.append(text)
            }
            field.removeAll(keepingCapacity: true)
            fieldStart = true
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    if index < bytes.count, bytes[index] != delimiter, bytes[index] != 0x0A, bytes[index] != 0x0D {
                        throw DatasetLoadError(
                            file: file, line: line, field: nil, reason: "unexpected character after a closing quote")
                    }
                    continue
                }
                if byte == 0x0A { line += 1 }
                field.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where fieldStart && field.isEmpty:
                quoted = true
                fieldStart = false
                rowHasContent = true
            case UInt8(ascii: "\""):
                throw DatasetLoadError(file: file, line: line, field: nil, reason: "a quote inside an unquoted field")
            case delimiter:
                try endField()
                rowHasContent = true
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                break
            case 0x0A:
                if rowHasContent || !field.isEmpty {
                    try endField()
                    try body(Row(fields: fields, line: rowLine))
                }
                fields.removeAll(keepingCapacity: true)
                line += 1
                rowLine = line
                rowStart = index + 1
                rowHasContent = false
                fieldStart = true
            default:
                // Runs of plain bytes are copied whole: most of a file is text between delimiters.
                var end = index + 1
                while end < bytes.count {
                    let next = bytes[end]
                    if next == delimiter || next == 0x0A || next == 0x0D || next == UInt8(ascii: "\"") { break }
                    end += 1
                }
                field.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<end]))
                fieldStart = false
                rowHasContent = true
                index = end
                continue
            }
            index += 1
        }
        guard isLast else {
            line = rowLine
            return rowStart
        }
        if quoted {
            throw DatasetLoadError(file: file, line: rowLine, field: nil, reason: "unterminated quoted field")
        }
        if rowHasContent || !field.isEmpty {
            try endField()
            try body(Row(fields: fields, line: rowLine))
        }
        return bytes.count
    }

    /// The field as a string, or nil when it is not UTF-8 (checked with the JSON parser's
    /// validator: the stdlib's generic validating initializer costs metadata look-ups per field).
    private static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { UTF8Validation.isValid($0) } ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Every row of the whole file in `bytes`.
    public static func forEachRow(
        _ bytes: UnsafeRawBufferPointer,
        file: String,
        _ body: (Row) throws(DatasetLoadError) -> Void
    ) throws(DatasetLoadError) {
        var reader = CSVReader(file: file)
        _ = try reader.forEachRow(bytes, body)
    }

    /// Every row of a small file, for tables such as the départements.
    public static func read(_ bytes: [UInt8], file: String) throws(DatasetLoadError) -> [Row] {
        var rows: [Row] = []
        try withBytes(bytes) { (buffer) throws(DatasetLoadError) in
            try forEachRow(buffer, file: file) { rows.append($0) }
        }
        return rows
    }

    /// `;` when the header line has more semicolons than commas outside quotes, else `,`; nil
    /// when the header line is not whole yet.
    private static func detectDelimiter(_ bytes: UnsafeRawBufferPointer, from start: Int, isLast: Bool) -> UInt8? {
        var commas = 0
        var semicolons = 0
        var quoted = false
        var index = start
        var whole = isLast
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A {
                    whole = true
                    break
                }
                if byte == UInt8(ascii: ",") { commas += 1 }
                if byte == UInt8(ascii: ";") { semicolons += 1 }
            }
            index += 1
        }
        guard whole else { return nil }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}

/// The columns a CSV reader decodes (by position; columns past the end are decoded): the
/// others are passed as empty strings, neither copied nor checked. A class, so the row handler
/// can set it from the header while the reader runs.
public final class ColumnSelection {
    public var read: [Bool] = []
}

/// Runs `body` over the bytes of an array, keeping the typed error.
package func withBytes<Result, Failure: Error>(
    _ bytes: [UInt8],
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
) throws(Failure) -> Result {
    let outcome: Swift.Result<Result, Failure> = bytes.withUnsafeBytes { buffer in
        do throws(Failure) {
            return .success(try body(buffer))
        } catch {
            return .failure(error)
        }
    }
    return try outcome.get()
}
