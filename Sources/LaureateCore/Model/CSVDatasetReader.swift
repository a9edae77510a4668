/// Turns CSV rows into record objects: either our own field names in the header, or the columns of
/// the official « Plan de relance – Projets industriels » export (see `Config/data/README.md`).
struct CSVDatasetReader {
    /// Where the official export is published; its rows name it as their source.
    static let officialSourceURL = "https://data.economie.gouv.fr/explore/dataset/plan-de-relance-projets-industriels/"

    /// Columns whose presence marks the official export.
    private static let officialMarkers: Set<String> = ["entreprise", "mesure", "filiere", "code_departement"]
    private static let figureFields: Set<String> = ["jobs", "investment_eur", "aid_eur"]
    private static let coordinateFields: Set<String> = ["latitude", "longitude"]
    private static let listFields: Set<String> = ["sources", "derived"]

    /// The official columns a record is made of, in the order `officialRecord` reads them.
    private enum Column: Int, CaseIterable {
        case entreprise, mesure, nomCommune, codeDepartement, nomRegion, filiere, descriptionProjet
        case siren, typeEntreprise, codePostal, coordonneesGPS, miseAJour

        var name: String {
            switch self {
            case .entreprise: "entreprise"
            case .mesure: "mesure"
            case .nomCommune: "nom_commune"
            case .codeDepartement: "code_departement"
            case .nomRegion: "nom_region"
            case .filiere: "filiere"
            case .descriptionProjet: "description_projet"
            case .siren: "siren"
            case .typeEntreprise: "type_entreprise"
            case .codePostal: "code_postal"
            case .coordonneesGPS: "coordonnees_gps"
            case .miseAJour: "mise_a_jour"
            }
        }
    }

    let file: String
    let options: DatasetOptions
    private var header: [String]?
    /// For each official column, the header positions that carry it (the last non-empty wins).
    private var columnPositions: [[Int]] = []
    /// How many rows so far had each derived id, by a 64-bit hash of the id: 100 000 ids cost
    /// 3 MB rather than 14 MB as strings. Two different ids colliding (about one chance in 10⁹
    /// for a million rows) would only number the second as a repeat: still unique and stable.
    private var usedIDs: [UInt64: UInt32] = [:]
    /// The header positions an official-export row is made of (nil for our own field names, or
    /// before the header): the CSV reader need not decode the others.
    private(set) var columnsRead: [Bool]?
    /// The few distinct `mesure`, `filiere` and region spellings of an export, each folded once
    /// rather than on every row.
    private var calls: [String: String] = [:]
    private var sectors: [String: Sector?] = [:]
    private var regions: [String: String] = [:]

    init(file: String, options: DatasetOptions) {
        self.file = file
        self.options = options
    }

    /// Takes the header, or turns a row into a record for `emit`, or its problems into `issues`.
    mutating func read(
        _ row: CSVReader.Row,
        issues: inout IssueCollector,
        _ emit: (LaureateRecord, LaureateRecord.Origin, inout IssueCollector) -> Void
    ) throws(DatasetLoadError) {
        guard let columns = header else {
            let names = row.fields.map { $0.trimmingSpaces().lowercased() }
            let official = Self.officialMarkers.isSubset(of: names)
            if !official, !names.contains("id") {
                throw DatasetLoadError(
                    file: file, line: row.line, field: nil,
                    reason:
                        "the header names neither our fields (id, company, …) nor the official export's columns "
                        + "(entreprise, mesure, filiere, …)"
                )
            }
            if official {
                columnPositions = Column.allCases.map { column in names.indices.filter { names[$0] == column.name } }
                var read = [Bool](repeating: false, count: names.count)
                for position in columnPositions.joined() { read[position] = true }
                columnsRead = read
            }
            header = names
            return
        }
        guard row.fields.count == columns.count else {
            issues.add(
                DatasetIssue(
                    file: file, line: row.line, field: nil,
                    reason: "\(row.fields.count) columns where the header has \(columns.count)"))
            return
        }
        let origin = LaureateRecord.Origin(file: file, line: row.line)
        if !columnPositions.isEmpty {
            var cells = [String?](repeating: nil, count: columnPositions.count)
            for (column, positions) in columnPositions.enumerated() {
                for position in positions {
                    let trimmed = row.fields[position].trimmingSpaces()
                    if !trimmed.isEmpty { cells[column] = trimmed }
                }
            }
            if let record = officialRecord(cells, origin: origin, issues: &issues) {
                emit(record, origin, &issues)
            }
        } else {
            var cells: [String: String] = [:]
            for (name, value) in zip(columns, row.fields) {
                let trimmed = value.trimmingSpaces()
                if !trimmed.isEmpty { cells[name] = trimmed }
            }
            do throws(DatasetLoadError) {
                emit(try LaureateRecord(ourRecord(columns: columns, cells: cells), origin: origin), origin, &issues)
            } catch {
                issues.add(error)
            }
        }
    }

    /// A row whose header uses our field names: figures and coordinates become numbers, `sources`
    /// and `derived` split on `|`, and an empty cell means the field is absent.
    private func ourRecord(columns: [String], cells: [String: String]) -> JSONObject {
        var object = JSONObject()
        for name in columns {
            guard let text = cells[name] else { continue }
            if Self.figureFields.contains(name), let number = Int64(text) {
                object[name] = .number(JSONNumber(number))
            } else if Self.coordinateFields.contains(name), Double(text) != nil,
                case .number(let number)? = try? JSONParser.parse(text)
            {
                // As official rows give them: numbers, written as the file wrote them.
                object[name] = .number(number)
            } else if Self.listFields.contains(name) {
                object[name] = .array(text.split(separator: "|").map { .string(String($0).trimmingSpaces()) })
            } else {
                object[name] = .string(text)
            }
        }
        return object
    }

    /// A row of the official export as a record, its JSON written directly: every field is valid
    /// by construction but the département code, which is checked against the table.
    private mutating func officialRecord(
        _ cells: [String?],
        origin: LaureateRecord.Origin,
        issues: inout IssueCollector
    ) -> LaureateRecord? {
        func fail(_ field: String, _ reason: String) {
            issues.add(DatasetIssue(file: origin.file, line: origin.line, field: field, reason: reason))
        }
        func cell(_ column: Column) -> String? { cells[column.rawValue] }
        guard let company = cell(.entreprise) else {
            fail("entreprise", "missing: every row of the export names its company")
            return nil
        }
        guard let measure = cell(.mesure) else {
            fail("mesure", "missing: every row of the export names its measure")
            return nil
        }
        var base = Self.slug("\(company) \(cell(.nomCommune) ?? "")")
        let baseHash = base.withUTF8 { byteHash(UnsafeRawBufferPointer($0)) }
        let seen = usedIDs[baseHash, default: 0] + 1
        usedIDs[baseHash] = seen
        let id = seen == 1 ? base : "\(base)-\(seen)"
        let department = cell(.codeDepartement).map(Self.normalizedDepartment)
        let knownDepartment = department.flatMap { DepartmentTable.embedded.department(code: $0) }
        var region: String?
        var regionDerived = false
        if let known = knownDepartment {
            region = known.region
            regionDerived = cell(.nomRegion) == nil
        } else if let name = cell(.nomRegion) {
            if let known = regions[name] {
                region = known
            } else {
                region = DepartmentTable.embedded.canonicalRegion(name) ?? name
                regions[name] = region
            }
        }
        var sector: Sector?
        if let filiere = cell(.filiere) {
            if let known = sectors[filiere] {
                sector = known
            } else {
                sector = Self.sector(forFiliere: filiere)
                sectors[filiere] = sector
            }
            if sector == nil, !options.allowUnknownSector {
                fail(
                    "filiere",
                    "\"\(filiere)\" maps to no sector (\(Sector.idList)); --allow-unknown-sector keeps such rows "
                        + "without a sector"
                )
                return nil
            }
        }
        var coordinates: (latitude: String, longitude: String)?
        var degrees: (latitude: Double, longitude: Double)?
        if let gps = cell(.coordonneesGPS) {
            let parts = gps.split(separator: ",").map { String($0).trimmingSpaces() }
            guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
                abs(latitude) <= 90, abs(longitude) <= 180
            else {
                fail("coordonnees_gps", "\"\(gps)\" is not \"latitude, longitude\"")
                return nil
            }
            coordinates = (Self.jsonNumber(parts[0], latitude), Self.jsonNumber(parts[1], longitude))
            degrees = (latitude, longitude)
        }
        if let department, knownDepartment == nil {
            fail("department", "\"\(department)\" is not an INSEE département code")
            return nil
        }
        let call: String
        if let known = calls[measure] {
            call = known
        } else {
            call = Self.callID(forMeasure: measure)
            calls[measure] = call
        }
        let summary = cell(.descriptionProjet)
        let city = cell(.nomCommune)

        var json: [UInt8] = []
        json.reserveCapacity(512 + (summary?.utf8.count ?? 0))
        // `id` is always first, so every other member starts with a comma: keys are appended as
        // pre-encoded `,"key":` bytes.
        json.append(contentsOf: Self.idKey)
        JSONWriter.writeString(id, into: &json)
        func text(_ key: OfficialKey, _ value: String?) {
            guard let value else { return }
            json.append(contentsOf: key.prefix)
            JSONWriter.writeString(value, into: &json)
        }
        func raw(_ key: OfficialKey, _ value: some Sequence<UInt8>) {
            json.append(contentsOf: key.prefix)
            json.append(contentsOf: value)
        }
        text(.company, company)
        text(.city, city)
        text(.department, department)
        text(.region, region)
        text(.sector, sector?.rawValue)
        text(.summary, summary)
        text(.call, call)
        raw(.sources, Self.officialSourcesJSON)
        text(.siren, cell(.siren))
        text(.companyType, cell(.typeEntreprise))
        text(.postalCode, cell(.codePostal))
        if let coordinates {
            raw(.latitude, coordinates.latitude.utf8)
            raw(.longitude, coordinates.longitude.utf8)
        }
        text(.updated, cell(.miseAJour))
        raw(.derived, (regionDerived ? #"["id","region"]"# : #"["id"]"#).utf8)
        json.append(UInt8(ascii: "}"))
        return LaureateRecord(
            validatedJSON: json, id: id, company: company, city: city, department: department,
            region: region, sector: sector, summary: summary, call: call, latitude: degrees?.latitude,
            longitude: degrees?.longitude)
    }

    private static let officialSourcesJSON = JSONWriter.encode(.array([.string(officialSourceURL)]))
    private static let idKey = Array(#"{"id":"#.utf8)

    /// The record fields an official row fills after `id`, each with its `,"key":` bytes.
    private enum OfficialKey: Int, CaseIterable {
        case company, city, department, region, sector, summary, call, sources, siren
        case companyType, postalCode, latitude, longitude, updated, derived

        var prefix: [UInt8] { Self.prefixes[rawValue] }

        private static let names = [
            "company", "city", "department", "region", "sector", "summary", "call", "sources", "siren",
            "company_type", "postal_code", "latitude", "longitude", "updated", "derived",
        ]
        private static let prefixes = allCases.map { Array(",\"\(names[$0.rawValue])\":".utf8) }
    }

    /// The number as written when it is a JSON number (`47.2184`), else as the value prints
    /// (`+47.2` and `47.` are numbers to `Double` but not to JSON).
    private static func jsonNumber(_ text: String, _ value: Double) -> String {
        if case .number(let number)? = try? JSONParser.parse(text) { return number.text }
        return JSONNumber(value).text
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
        case "intrants essentiels a l industrie", "chimie et materiaux",
            "intrants essentiels a l industrie chimie et materiaux",
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
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        TextFolding.forEachWord(text) { word in
            guard word.contains(where: { $0 < 0x80 }) else { return }
            if !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            for byte in word where byte < 0x80 { slug.append(byte) }
        }
        return slug.isEmpty ? "laureate" : String(decoding: slug, as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    package func trimmingSpaces() -> String {
        let bytes = utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        if first == bytes.startIndex, bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }
}
