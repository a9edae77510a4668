/// Turns CSV rows into record objects: either our own field names in the header, or the columns of
/// the official « Plan de relance – Projets industriels » export (see `data/README.md`).
enum CSVDatasetReader {
    /// Where the official export is published; its rows name it as their source.
    static let officialSourceURL = "https://data.economie.gouv.fr/explore/dataset/plan-de-relance-projets-industriels/"

    /// Columns whose presence marks the official export.
    private static let officialMarkers: Set<String> = ["entreprise", "mesure", "filiere", "code_departement"]
    private static let figureFields: Set<String> = ["jobs", "investment_eur", "aid_eur"]
    private static let listFields: Set<String> = ["sources", "derived"]

    static func forEachObject(
        _ bytes: UnsafeRawBufferPointer,
        file: String,
        options: DatasetOptions,
        issues: inout IssueCollector,
        _ body: (JSONObject, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) throws(DatasetLoadError) {
        var header: [String]?
        var official = false
        var usedIDs: [String: Int] = [:]
        var problems = issues
        defer { issues = problems }
        try CSVReader.forEachRow(bytes, file: file) { (row) throws(DatasetLoadError) in
            guard let columns = header else {
                let names = row.fields.map { $0.trimmingSpaces().lowercased() }
                official = officialMarkers.isSubset(of: names)
                if !official, !names.contains("id") {
                    throw DatasetLoadError(file: file, line: row.line, field: nil,
                                           reason: "the header names neither our fields (id, company, …) nor the official export's columns (entreprise, mesure, filiere, …)")
                }
                header = names
                return
            }
            guard row.fields.count == columns.count else {
                problems.add(DatasetIssue(file: file, line: row.line, field: nil,
                                          reason: "\(row.fields.count) columns where the header has \(columns.count)"))
                return
            }
            let origin = LaureateRecord.Origin(file: file, line: row.line)
            var cells: [String: String] = [:]
            for (name, value) in zip(columns, row.fields) {
                let trimmed = value.trimmingSpaces()
                if !trimmed.isEmpty { cells[name] = trimmed }
            }
            if official {
                if let object = officialRecord(cells, origin: origin, options: options, usedIDs: &usedIDs, issues: &problems) {
                    body(object, origin, &problems)
                }
            } else {
                body(ourRecord(columns: columns, cells: cells), origin, &problems)
            }
        }
    }

    /// A row whose header uses our field names: figures become numbers, `sources` and `derived`
    /// split on `|`, and an empty cell means the field is absent.
    private static func ourRecord(columns: [String], cells: [String: String]) -> JSONObject {
        var object = JSONObject()
        for name in columns {
            guard let text = cells[name] else { continue }
            if figureFields.contains(name), let number = Int64(text) {
                object[name] = .number(JSONNumber(number))
            } else if listFields.contains(name) {
                object[name] = .array(text.split(separator: "|").map { .string(String($0).trimmingSpaces()) })
            } else {
                object[name] = .string(text)
            }
        }
        return object
    }

    private static func officialRecord(
        _ cells: [String: String],
        origin: LaureateRecord.Origin,
        options: DatasetOptions,
        usedIDs: inout [String: Int],
        issues: inout IssueCollector
    ) -> JSONObject? {
        func fail(_ field: String, _ reason: String) {
            issues.add(DatasetIssue(file: origin.file, line: origin.line, field: field, reason: reason))
        }
        guard let company = cells["entreprise"] else {
            fail("entreprise", "missing: every row of the export names its company")
            return nil
        }
        guard let measure = cells["mesure"] else {
            fail("mesure", "missing: every row of the export names its measure")
            return nil
        }
        var derived: [JSONValue] = ["id"]
        var object = JSONObject()
        let base = slug("\(company) \(cells["nom_commune"] ?? "")")
        let seen = usedIDs[base, default: 0] + 1
        usedIDs[base] = seen
        object["id"] = .string(seen == 1 ? base : "\(base)-\(seen)")
        object["company"] = .string(company)
        if let city = cells["nom_commune"] { object["city"] = .string(city) }
        let department = cells["code_departement"].map(normalizedDepartment)
        if let department { object["department"] = .string(department) }
        if let department, let known = DepartmentTable.embedded.department(code: department) {
            object["region"] = .string(known.region)
            if cells["nom_region"] == nil { derived.append("region") }
        } else if let region = cells["nom_region"] {
            object["region"] = .string(DepartmentTable.embedded.canonicalRegion(region) ?? region)
        }
        if let filiere = cells["filiere"] {
            if let sector = sector(forFiliere: filiere) {
                object["sector"] = .string(sector.rawValue)
            } else if !options.allowUnknownSector {
                fail("filiere", "\"\(filiere)\" maps to no sector (\(Sector.idList)); --allow-unknown-sector keeps such rows without a sector")
                return nil
            }
        }
        if let summary = cells["description_projet"] { object["summary"] = .string(summary) }
        object["call"] = .string(callID(forMeasure: measure))
        object["sources"] = [.string(officialSourceURL)]
        if let siren = cells["siren"] { object["siren"] = .string(siren) }
        if let type = cells["type_entreprise"] { object["company_type"] = .string(type) }
        if let postal = cells["code_postal"] { object["postal_code"] = .string(postal) }
        if let gps = cells["coordonnees_gps"] {
            let parts = gps.split(separator: ",").map { String($0).trimmingSpaces() }
            if parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
                abs(latitude) <= 90, abs(longitude) <= 180
            {
                object["latitude"] = .number(JSONNumber(validatedText: parts[0]))
                object["longitude"] = .number(JSONNumber(validatedText: parts[1]))
            } else {
                fail("coordonnees_gps", "\"\(gps)\" is not \"latitude, longitude\"")
                return nil
            }
        }
        if let updated = cells["mise_a_jour"] { object["updated"] = .string(updated) }
        object["derived"] = .array(derived)
        return object
    }

    /// `relocalisation` for this call; any other measure becomes the slug of its name.
    static func callID(forMeasure measure: String) -> String {
        let key = TextFolding.key(measure)
        if key.hasPrefix("re localisation") || key.hasPrefix("relocalisation") { return "relocalisation" }
        return slug(measure)
    }

    static func sector(forFiliere filiere: String) -> Sector? {
        let key = TextFolding.key(filiere)
        switch key {
        case "sante": return .sante
        case "agroalimentaire": return .agroalimentaire
        case "electronique": return .electronique
        case "intrants essentiels a l industrie", "chimie et materiaux", "intrants essentiels a l industrie chimie et materiaux",
            "intrants":
            return .intrants
        case "telecommunications 5g", "5g", "telecommunications":
            return .fiveG
        default: return nil
        }
    }

    /// `01` for `1`: some exports drop the leading zero of a numeric code.
    private static func normalizedDepartment(_ code: String) -> String {
        code.count == 1 && code.first!.isNumber ? "0" + code : code.uppercased()
    }

    /// Lower-case ASCII words joined by `-`.
    static func slug(_ text: String) -> String {
        let words = TextFolding.words(text).map { String($0.unicodeScalars.filter { $0.isASCII }) }.filter { !$0.isEmpty }
        return words.isEmpty ? "laureate" : words.joined(separator: "-")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    package func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
