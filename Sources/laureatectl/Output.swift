import ArgumentParser
import LaureateCore

/// What a subcommand prints: for people (`human`), or one of the machine formats, which carry every
/// value in full, numbers without thousands separators, and unknown values as `null` or empty cells.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, jsonl, csv, tsv

    /// JSON of some kind: errors are then a JSON object on stderr too.
    var isJSON: Bool { self == .json || self == .jsonl }
    /// Delimited text with a header row.
    var isDelimited: Bool { self == .csv || self == .tsv }
}

/// The record fields the protocol documents, in the order records are served: the default
/// columns of the delimited formats, present whether or not a record carries them, so that a
/// script's column positions do not depend on the data. Members beyond these follow.
enum RecordFields {
    static let documented = [
        "id", "project", "title", "company", "city", "department", "region", "sector", "summary", "jobs",
        "investment_eur", "aid_eur", "call", "announced", "sources", "notes", "derived",
    ]

    /// The documented fields, then any other member some record carries, in the records' order.
    static func columns(for records: [JSONObject]) -> [String] {
        var extras: [String] = []
        let documentedSet = Set(documented)
        for record in records {
            for member in record where !documentedSet.contains(member.key) && !extras.contains(member.key) {
                extras.append(member.key)
            }
        }
        let rank = Dictionary(uniqueKeysWithValues: LaureateRecord.canonicalFieldOrder.enumerated().map { ($1, $0) })
        return documented + extras.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
    }

    /// Field names are lower-case ASCII letters, digits, `_` and `-`, as the datasets' are.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte)
            || (0x61...0x7A).contains(byte)
    }

    /// `--fields a,b,c` as names, in the order given, each once.
    static func parse(_ list: String) throws -> [String] {
        var names: [String] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part).trimmingSpaces()
            guard !name.isEmpty, name.utf8.allSatisfy(isNameByte) else {
                throw ValidationError(
                    "--fields takes field names separated by commas, e.g. id,company,jobs; not '\(list)'")
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}

/// Rows of named values written as CSV (RFC 4180) or TSV (JSON Lines are `Session.printJSONLine`'s).
struct DelimitedWriter {
    let format: OutputFormat
    /// The CSV field separator (`;` for French spreadsheets); TSV always uses a tab.
    let separator: Unicode.Scalar

    /// The header and the rows, each line ended as its format wants (CRLF for CSV, as RFC 4180 says).
    func lines(columns: [String], rows: [JSONObject]) -> [String] {
        switch format {
        case .tsv:
            return ([columns] + rows.map { row in columns.map { Self.text(row[$0]) } }).map { cells in
                cells.map(Self.tsvEscaped).joined(separator: "\t")
            }
        default:
            return ([columns] + rows.map { row in columns.map { Self.text(row[$0]) } }).map { cells in
                // The "\n" that ends each printed line makes the CRLF.
                cells.map(csvQuoted).joined(separator: String(separator)) + "\r"
            }
        }
    }

    /// A value as one cell's text: strings as they are, numbers as their JSON text, a list's items
    /// separated by `|` (as the daemon reads lists from a CSV file, so the output loads back as a
    /// dataset), an object as its JSON; nothing for unknown.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: ""
        case .string(let text)?: text
        case .bool(let flag)?: flag ? "true" : "false"
        case .number(let number)?: number.text
        case .array(let items)?: items.map { text($0) }.joined(separator: "|")
        case .object(let object)?: JSONWriter.string(.object(object))
        }
    }

    /// RFC 4180: a cell holding the separator, a quote or a line break is quoted, quotes doubled.
    private func csvQuoted(_ cell: String) -> String {
        // Scalars, not characters: "\r\n" is one `Character`, equal to neither "\r" nor "\n".
        guard cell.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return cell }
        return "\"" + cell.replacing("\"", with: "\"\"") + "\""
    }

    /// TSV cannot hold a tab or a line break in a cell: they are written `\t`, `\n`, `\r`, and a
    /// backslash `\\`, as PostgreSQL's and MySQL's text formats do.
    private static func tsvEscaped(_ cell: String) -> String {
        var escaped = ""
        for scalar in cell.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

/// `laureate.stats` groups as flat rows for the delimited formats: one column per dimension (its
/// value, empty for records that lack it), then `count`, the three sums, and `known.jobs`,
/// `min.jobs`… for each statistic and figure. The total is not a row, so that summing a column
/// stays right; `--output json` has it.
enum StatsRows {
    private static let figures = ["jobs", "investment_eur", "aid_eur"]
    private static let statistics = ["known", "min", "max", "mean", "median"]

    static func columns(by dimensions: [String]) -> [String] {
        dimensions + ["count"] + figures + statistics.flatMap { statistic in figures.map { "\(statistic).\($0)" } }
    }

    static func rows(_ stats: JSONValue, by dimensions: [String]) -> [JSONObject] {
        (stats.objectValue?["groups"]?.arrayValue ?? []).compactMap(\.objectValue).map { group in
            var row = JSONObject()
            let key = group["key"] ?? .null
            for (position, dimension) in dimensions.enumerated() {
                row[dimension] = dimensions.count == 1 ? key : key.arrayValue?[position] ?? .null
            }
            for name in ["count"] + figures { row[name] = group[name] ?? .null }
            for statistic in statistics {
                for figure in figures {
                    row["\(statistic).\(figure)"] = group[statistic]?.objectValue?[figure] ?? .null
                }
            }
            return row
        }
    }
}
