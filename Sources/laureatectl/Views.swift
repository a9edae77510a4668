import LaureateCore

/// Records and facts shown as readable cards.
enum Cards {
    static func laureate(_ record: JSONValue, terminal: Terminal) -> String {
        let object = record.objectValue ?? [:]
        func text(_ key: String) -> String? { object[key]?.stringValue }
        let heading = [text("project"), text("title")].compactMap { $0 }.joined(separator: " — ")
        var lines = [terminal.bold(heading.isEmpty ? (text("company") ?? text("id") ?? "?") : heading)]
        let labelWidth = 12
        let valueWidth = max(30, terminal.width - labelWidth - 2)
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(
                "  " + terminal.dim(Format.pad(label, labelWidth))
                    + Format.wrap(value, width: valueWidth, indent: labelWidth + 2))
        }
        add("id", text("id"))
        add("company", text("company"))
        let place = [text("city"), [text("department"), text("region")].compactMap { $0 }.joined(separator: ", ")]
            .compactMap { $0 }.filter { !$0.isEmpty }
        add("place", place.count == 2 ? "\(place[0]) (\(place[1]))" : place.first)
        add("sector", text("sector"))
        add("call", text("call"))
        add("announced", text("announced"))
        add("jobs", object["jobs"]?.integerValue.map(Format.grouped))
        add("investment", object["investment_eur"]?.integerValue.map(Format.euros))
        add("aid", object["aid_eur"]?.integerValue.map(Format.euros))
        add("summary", text("summary"))
        add("notes", text("notes"))
        // The documented fields have their own lines above and below; any other member follows.
        let known = Set(RecordFields.documented)
        for member in object where !known.contains(member.key) {
            add(member.key.replacing("_", with: " "), member.value.stringValue ?? JSONWriter.string(member.value))
        }
        for (index, source) in (object["sources"]?.arrayValue ?? []).enumerated() {
            add(index == 0 ? "sources" : "", source.stringValue)
        }
        if let derived = object["derived"]?.arrayValue, !derived.isEmpty {
            add(
                "derived",
                derived.compactMap(\.stringValue).joined(separator: ", ") + " (filled in, not read in a source)")
        }
        return lines.joined(separator: "\n")
    }

    /// The programme's facts; `served` is how many laureates this daemon's dataset holds, shown
    /// beside the official count so that neither is taken for the other.
    static func program(_ program: JSONValue, served: Int64?, terminal: Terminal) -> String {
        let object = program.objectValue ?? [:]
        var lines = [terminal.bold("« \(object["name"]?.stringValue ?? "?") » (\(object["plan"]?.stringValue ?? "?"))")]
        func add(_ label: String, _ value: String?) {
            guard let value else { return }
            lines.append(
                "  " + terminal.dim(Format.pad(label, 14))
                    + Format.wrap(value, width: max(30, terminal.width - 16), indent: 16))
        }
        add("operator", object["operator"]?.stringValue)
        add("launched", object["launched"]?.stringValue)
        add("envelope", object["envelope_eur"]?.integerValue.map(Format.euros))
        if let totals = object["totals"]?.objectValue {
            add(
                "laureates",
                totals["laureates"]?.integerValue.map {
                    "\(Format.grouped($0)) (as of \(totals["as_of"]?.stringValue ?? "?"))"
                        + (served.map { "; this dataset holds \(Format.grouped($0))" } ?? "")
                })
            add("investment", totals["investment_eur"]?.integerValue.map(Format.euros))
            add("aid", totals["aid_eur"]?.integerValue.map(Format.euros))
            add(
                "jobs",
                totals["jobs_created_or_secured"]?.integerValue.map { Format.grouped($0) + " created or secured" })
        }
        let sectors = (object["sectors"]?.arrayValue ?? []).compactMap { $0.objectValue?["label"]?.stringValue }
        add("sectors", sectors.joined(separator: "; "))
        let waves = (object["waves"]?.arrayValue ?? []).compactMap(\.objectValue)
        if !waves.isEmpty {
            lines.append("")
            let rows = waves.map { wave -> [String] in
                [
                    wave["date"]?.stringValue ?? "",
                    wave["new_laureates"]?.integerValue.map(Format.grouped) ?? "",
                    wave["investment_eur"]?.integerValue.map(Format.euros) ?? wave["investment_eur_text"]?.stringValue
                        ?? "—",
                    wave["aid_eur"]?.integerValue.map(Format.euros) ?? wave["aid_eur_text"]?.stringValue ?? "—",
                    wave["jobs_text"]?.stringValue ?? "—",
                ]
            }
            lines.append(
                Format.table(
                    header: ["WAVE", "NEW", "INVESTMENT", "AID", "JOBS"], rows: rows, rightAligned: [1, 2, 3],
                    flexible: [4],
                    maxWidth: terminal.tableWidth(), terminal: terminal))
        }
        // The facts' own caveat (the waves' counts are not additive), as the JSON has it.
        if let notes = object["notes"]?.stringValue {
            lines.append("")
            lines.append(terminal.dim(Format.wrap(notes, width: max(30, terminal.width), indent: 0)))
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ status: JSONValue, terminal: Terminal) -> String {
        let object = status.objectValue ?? [:]
        let dataset = object["dataset"]?.objectValue ?? [:]
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value else { return }
            lines.append(terminal.dim(Format.pad(label, 14)) + value)
        }
        add("version", object["version"]?.stringValue)
        add("started", object["started_at"]?.stringValue)
        add(
            "uptime",
            object["uptime_s"].flatMap { if case .number(let n) = $0 { return n.doubleValue } else { return nil } }.map(
                duration))
        add("connections", object["connections"]?.integerValue.map(Format.grouped))
        add("requests", object["requests_total"]?.integerValue.map(Format.grouped))
        let files = (dataset["files"]?.arrayValue ?? []).compactMap(\.objectValue)
        if files.isEmpty { add("dataset", dataset["path"]?.stringValue) }
        for (index, file) in files.enumerated() {
            let path = file["path"]?.stringValue ?? "?"
            add(index == 0 ? "dataset" : "", path + (file["modified_at"]?.stringValue.map { ", written \($0)" } ?? ""))
        }
        add("records", dataset["records"]?.integerValue.map(Format.grouped))
        add("sha256", dataset["sha256"]?.stringValue)
        add("loaded", dataset["loaded_at"]?.stringValue)
        add("generation", dataset["generation"]?.integerValue.map(Format.grouped))
        if let last = object["last_reload"]?.objectValue {
            let outcome =
                last["ok"] == .bool(true)
                ? "ok at \(last["at"]?.stringValue ?? "?") (\(last["trigger"]?.stringValue ?? "?"))"
                : "FAILED at \(last["at"]?.stringValue ?? "?") (\(last["trigger"]?.stringValue ?? "?")): "
                    + "\(last["error"]?.objectValue?["message"]?.stringValue ?? "?")"
            add("last reload", outcome)
        }
        return lines.joined(separator: "\n")
    }

    private static func duration(_ seconds: Double) -> String {
        let total = Int(seconds)
        let (days, hours, minutes, rest) = (total / 86400, total / 3600 % 24, total / 60 % 60, total % 60)
        if days > 0 { return "\(days)d \(hours)h \(minutes)min" }
        if hours > 0 { return "\(hours)h \(minutes)min \(rest)s" }
        if minutes > 0 { return "\(minutes)min \(rest)s" }
        return "\(rest)s"
    }
}

/// The cells of `laureate.stats` views.
enum StatsView {
    static let coverageNote =
        "Sums over the laureates that carry the figure; (n/N): n of the group's N laureates carry it; — none does."

    /// The distinct values at `position` of the groups' keys, in the groups' order.
    static func keys(_ stats: JSONValue, at position: Int) -> [String] {
        var seen: [String] = []
        for group in stats.objectValue?["groups"]?.arrayValue ?? [] {
            let value = key(group.objectValue?["key"], at: position)
            if !seen.contains(value) { seen.append(value) }
        }
        return seen
    }

    /// Which dimension of a two-dimension result goes across a pivot: the one with fewer values.
    static func acrossPosition(_ stats: JSONValue) -> Int {
        keys(stats, at: 1).count <= keys(stats, at: 0).count ? 1 : 0
    }

    /// The `position`th value of a group's key (one value, or an array for two dimensions).
    static func key(_ key: JSONValue?, at position: Int) -> String {
        let value = key?.arrayValue?[position] ?? key
        return value?.stringValue ?? "(none)"
    }

    /// A figure's sum with its coverage, or `—` when no laureate of the group carries it;
    /// `compact` writes euros as `367,7 M€`, for a narrow terminal.
    static func sum(_ figure: StatsFigure, of group: JSONObject, compact: Bool = false) -> String {
        guard case .number(let number)? = group[figure.rawValue] else { return "—" }
        let known = group["known"]?.objectValue?[figure.rawValue]?.integerValue ?? 0
        let count = group["count"]?.integerValue ?? 0
        let shown =
            compact && figure != .jobs
            ? Format.compactEuros(Double(number.text) ?? 0) : amount(group[figure.rawValue], figure: figure)
        return shown + " (\(known)/\(count))"
    }

    /// A figure's value, in euros for money, `—` for null.
    /// With `whole`, rounded to a whole number (a mean or median in euros needs no cents).
    static func amount(_ value: JSONValue?, figure: StatsFigure, whole: Bool = false) -> String {
        guard case .number(var number)? = value else { return "—" }
        if whole, number.text.contains(".") {
            let parts = number.text.split(separator: ".")
            let roundsUp = parts[1].first.map { $0 >= "5" } ?? false
            number = JSONNumber(validatedText: roundsUp ? String(Int128(parts[0])! + 1) : String(parts[0]))
        }
        return Format.number(number) + (figure == .jobs ? "" : "\u{00A0}€")
    }
}

/// Lists shown as aligned tables and bar charts.
enum Tables {
    static func laureates(_ records: [JSONObject], terminal: Terminal) -> String {
        let columns = ["id", "project", "company", "sector", "department", "city"]
        let withDistance = records.contains { $0["distance_km"] != nil }
        let rows = records.map { object -> [String] in
            columns.map { object[$0]?.stringValue ?? "" } + [object["jobs"]?.integerValue.map(Format.grouped) ?? ""]
                + (withDistance ? [object["distance_km"]?.doubleValue.map(SearchNotes.kilometres) ?? ""] : [])
        }
        return Format.table(
            header: ["ID", "PROJECT", "COMPANY", "SECTOR", "DEP", "CITY", "JOBS"] + (withDistance ? ["KM"] : []),
            rows: rows, rightAligned: withDistance ? [6, 7] : [6],
            // Never the id: a cut id cannot be pasted into `laureatectl get`.
            flexible: [1, 2, 5], maxWidth: terminal.tableWidth(), terminal: terminal,
            marks: records.map { SearchNotes.marks($0, columns: columns) })
    }

    /// Records with the columns `--fields` chose, headed by their names: figures grouped and
    /// right-aligned, lists joined by commas, unknown values blank.
    static func records(_ records: [JSONObject], columns: [String], terminal: Terminal) -> String {
        let figures: Set<String> = ["jobs", "investment_eur", "aid_eur"]
        let rows = records.map { record in
            columns.map { name -> String in
                switch record[name] {
                case .number(let number)?: Format.number(number)
                case .array(let items)?: items.map(DelimitedWriter.text).joined(separator: ", ")
                case let value?: DelimitedWriter.text(value)
                case nil: ""
                }
            }
        }
        let right = Set(columns.indices.filter { figures.contains(columns[$0]) })
        return Format.table(
            header: columns.map { $0.uppercased() }, rows: rows, rightAligned: right,
            flexible: Set(columns.indices.filter { columns[$0] != "id" && !right.contains($0) }),
            maxWidth: terminal.tableWidth(), terminal: terminal)
    }

    /// `laureate.stats` by one dimension: count and the sum of each figure with its coverage
    /// (`67 700 000 € (3/11)`: 3 of the group's 11 laureates carry it; `—` when none does).
    static func stats(_ stats: JSONValue, by: String, terminal: Terminal) -> String {
        let object = stats.objectValue ?? [:]
        let groups = (object["groups"]?.arrayValue ?? []).compactMap(\.objectValue)
        let total = object["total"]?.objectValue ?? [:]
        let maximum = Double(groups.compactMap { $0["count"]?.integerValue }.max() ?? 0)
        func cells(_ group: JSONObject, key: String, compact: Bool = false) -> [String] {
            [key, Format.grouped(group["count"]?.integerValue ?? 0)]
                + StatsFigure.allCases.map { StatsView.sum($0, of: group, compact: compact) }
        }
        let header = [by.uppercased(), "COUNT", "JOBS", "INVESTMENT", "AID"]
        var rows = groups.map { cells($0, key: StatsView.key($0["key"], at: 0)) } + [cells(total, key: "total")]
        // On a terminal too narrow for the table, fit it rather than let every row wrap: bars go
        // first, then amounts are written in M€ and k€, then the key column gives way.
        let available = terminal.tableWidth()
        if Format.tableWidth(header: header, rows: rows) > available {
            rows =
                groups.map { cells($0, key: StatsView.key($0["key"], at: 0), compact: true) }
                + [cells(total, key: "total", compact: true)]
        }
        let room = available == Int.max ? terminal.width : available
        let barWidth = room - Format.tableWidth(header: header, rows: rows) - 2
        if barWidth >= 8 {
            rows = rows.enumerated().map { index, row in
                guard index < groups.count else { return row + [""] }
                let count = Double(groups[index]["count"]?.integerValue ?? 0)
                return row + [terminal.accent(Format.bar(count, maximum: maximum, width: min(barWidth, 40)))]
            }
        }
        let table = Format.table(
            header: header + (barWidth >= 8 ? [""] : []), rows: rows, rightAligned: [1, 2, 3, 4], flexible: [0],
            maxWidth: available, terminal: terminal)
        return table + "\n" + terminal.dim(Format.wrap(StatsView.coverageNote, width: room, indent: 0))
    }

    /// One figure of `laureate.stats` by one dimension: coverage, sum, min, median, mean and max.
    static func figureStats(_ stats: JSONValue, by: String, figure: StatsFigure, terminal: Terminal) -> String {
        let object = stats.objectValue ?? [:]
        let groups = (object["groups"]?.arrayValue ?? []).compactMap(\.objectValue)
        func cells(_ group: JSONObject, key: String) -> [String] {
            let count = group["count"]?.integerValue ?? 0
            let known = group["known"]?.objectValue?[figure.rawValue]?.integerValue ?? 0
            return [key, Format.grouped(count), "\(known)/\(count)"]
                + [StatsView.amount(group[figure.rawValue], figure: figure)]
                + ["min", "median", "mean", "max"].map { name in
                    StatsView.amount(group[name]?.objectValue?[figure.rawValue], figure: figure, whole: figure != .jobs)
                }
        }
        var rows = groups.map { cells($0, key: StatsView.key($0["key"], at: 0)) }
        rows.append(cells(object["total"]?.objectValue ?? [:], key: "total"))
        // Nothing is cut: a key or an amount shortened with an ellipsis would be misread.
        let table = Format.table(
            header: [by.uppercased(), "COUNT", "KNOWN", "SUM", "MIN", "MEDIAN", "MEAN", "MAX"], rows: rows,
            rightAligned: [1, 2, 3, 4, 5, 6, 7], maxWidth: terminal.tableWidth(), terminal: terminal)
        return table + "\n"
            + terminal.dim("Over the laureates that carry the figure (KNOWN of COUNT); — when none does.")
    }

    /// `laureate.stats` by two dimensions as a pivot table, the dimension at `across` (0 or 1)
    /// across; each cell the count (or a figure's sum, `—` when no laureate of the cell carries it,
    /// `·` when the cell has none). `rowTotals` and `columnTotals` are the same request by the row
    /// and by the column dimension alone, so that totals are the daemon's exact sums.
    static func crossTable(
        _ stats: JSONValue, rowTotals: JSONValue, columnTotals: JSONValue, by: [String], across: Int,
        figure: StatsFigure?, terminal: Terminal
    ) -> String {
        let object = stats.objectValue ?? [:]
        let groups = (object["groups"]?.arrayValue ?? []).compactMap(\.objectValue)
        let rowKeys = StatsView.keys(stats, at: 1 - across)
        let columnKeys = StatsView.keys(stats, at: across)
        var cells: [String: JSONObject] = [:]
        for group in groups {
            cells[StatsView.key(group["key"], at: 1 - across) + "\u{0}" + StatsView.key(group["key"], at: across)] =
                group
        }
        func totals(_ stats: JSONValue) -> [String: JSONObject] {
            var totals: [String: JSONObject] = [:]
            for group in (stats.objectValue?["groups"]?.arrayValue ?? []).compactMap(\.objectValue) {
                totals[StatsView.key(group["key"], at: 0)] = group
            }
            return totals
        }
        let byRow = totals(rowTotals)
        let byColumn = totals(columnTotals)
        func cell(_ group: JSONObject?) -> String {
            guard let group else { return figure == nil ? "0" : "·" }
            guard let figure else { return Format.grouped(group["count"]?.integerValue ?? 0) }
            return StatsView.amount(group[figure.rawValue], figure: figure)
        }
        var rows = rowKeys.map { row in [row] + columnKeys.map { cell(cells[row + "\u{0}" + $0]) } + [cell(byRow[row])]
        }
        rows.append(["total"] + columnKeys.map { cell(byColumn[$0]) } + [cell(object["total"]?.objectValue ?? [:])])
        let header = [by[1 - across].uppercased() + " \\ " + by[across].uppercased()] + columnKeys + ["TOTAL"]
        let table = Format.table(
            header: header, rows: rows, rightAligned: Set(1...columnKeys.count + 1), flexible: [0],
            maxWidth: terminal.tableWidth(), terminal: terminal)
        let what =
            figure.map { "Sum of \($0.rawValue) over the laureates that carry it; — none does; · no laureate." }
            ?? "Laureates per cell."
        return table + "\n" + terminal.dim(what)
    }

    /// `unsectored`: the records with no sector, which no row counts, said under the table.
    static func sectors(_ sectors: JSONValue, unsectored: Int64, terminal: Terminal) -> String {
        let entries = (sectors.arrayValue ?? []).compactMap(\.objectValue)
        let maximum = Double(entries.compactMap { $0["count"]?.integerValue }.max() ?? 0)
        func labelWidth(_ rows: [[String]]) -> Int { rows.map { Format.width($0[1]) }.max() ?? 0 }
        let rows = entries.map { entry -> [String] in
            [
                entry["id"]?.stringValue ?? "", entry["label"]?.stringValue ?? "",
                Format.grouped(entry["count"]?.integerValue ?? 0),
            ]
        }
        // Bars in what the terminal leaves, the label giving way first down to 20 columns.
        let available = terminal.tableWidth()
        let room = available == Int.max ? terminal.width : available
        let header = ["ID", "LABEL", "COUNT"]
        let labelCut = max(0, min(Format.tableWidth(header: header, rows: rows) + 2 + 30 - room, labelWidth(rows) - 20))
        let barWidth = min(30, room - Format.tableWidth(header: header, rows: rows) + labelCut - 2)
        let withBars =
            barWidth >= 8
            ? rows.enumerated().map { index, row in
                row + [
                    terminal.accent(
                        Format.bar(
                            Double(entries[index]["count"]?.integerValue ?? 0), maximum: maximum, width: barWidth))
                ]
            } : rows
        let table = Format.table(
            header: header + (barWidth >= 8 ? [""] : []), rows: withBars, rightAligned: [2], flexible: [1],
            maxWidth: available == Int.max ? available : room, terminal: terminal)
        guard unsectored > 0 else { return table }
        let noun = unsectored == 1 ? "laureate has" : "laureates have"
        return table + "\n" + terminal.dim("\(Format.grouped(unsectored)) more \(noun) no sector.")
    }

    static func methods(_ document: JSONValue, terminal: Terminal) -> String {
        let methods = (document.objectValue?["methods"]?.arrayValue ?? []).compactMap(\.objectValue)
        let rows = methods.map { method -> [String] in
            let params = (method["params"]?.arrayValue ?? []).compactMap { $0.objectValue?["name"]?.stringValue }
            return [
                method["name"]?.stringValue ?? "", params.joined(separator: ", "), method["summary"]?.stringValue ?? "",
            ]
        }
        return Format.table(
            header: ["METHOD", "PARAMS", "SUMMARY"], rows: rows, flexible: [1, 2], maxWidth: terminal.tableWidth(),
            terminal: terminal)
    }
}
