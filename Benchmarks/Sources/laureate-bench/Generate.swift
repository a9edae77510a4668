import ArgumentParser
import Foundation

/// `laureate-bench generate N`: a deterministic synthetic dataset with realistic field sizes and
/// French text with accents, as JSON Lines or in the shape of the official open-data export.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write N synthetic laureate records to stdout (deterministic).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case officialCSV = "official-csv"
    }

    @Argument(help: "How many records.") var count: Int
    @Option(help: "jsonl (our record shape) or official-csv (the DGE export's columns).") var format: Format = .jsonl
    @Option(help: "Seed of the generator: the same seed gives the same file.") var seed: UInt64 = 1
    @Option(help: "CSV delimiter: , or ;") var delimiter: String = ","
    @Flag(help: "Start the CSV with a UTF-8 byte order mark.") var bom = false

    func validate() throws {
        guard count >= 0 else { throw ValidationError("N must be 0 or more") }
        guard delimiter == "," || delimiter == ";" else { throw ValidationError("--delimiter takes , or ;") }
    }

    func run() throws {
        var generator = SyntheticLaureates(seed: seed)
        let output = FileHandle.standardOutput
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        if format == .officialCSV {
            if bom { buffer += "\u{FEFF}" }
            buffer += SyntheticLaureates.officialColumns.joined(separator: delimiter) + "\r\n"
        }
        for index in 0..<count {
            switch format {
            case .jsonl: buffer += generator.jsonLine(index) + "\n"
            case .officialCSV: buffer += generator.officialRow(index, delimiter: delimiter) + "\r\n"
            }
            if buffer.utf8.count > 1 << 20 {
                output.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        output.write(Data(buffer.utf8))
    }
}

/// Synthetic laureates: made-up companies in real communes, clearly fake, deterministic.
struct SyntheticLaureates {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    private mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    static let communes:
        [(city: String, department: String, region: String, postal: String, lat: String, lon: String)] = [
            ("Nantes", "44", "Pays de la Loire", "44000", "47.2184", "-1.5536"),
            ("Saint-Herblain", "44", "Pays de la Loire", "44800", "47.2122", "-1.6497"),
            ("Angers", "49", "Pays de la Loire", "49000", "47.4784", "-0.5632"),
            ("Lannion", "22", "Bretagne", "22300", "48.7326", "-3.4566"),
            ("Rennes", "35", "Bretagne", "35000", "48.1173", "-1.6778"),
            ("Brest", "29", "Bretagne", "29200", "48.3904", "-4.4861"),
            ("Lyon", "69", "Auvergne-Rhône-Alpes", "69003", "45.7640", "4.8357"),
            ("Grenoble", "38", "Auvergne-Rhône-Alpes", "38000", "45.1885", "5.7245"),
            ("Clermont-Ferrand", "63", "Auvergne-Rhône-Alpes", "63000", "45.7772", "3.0870"),
            ("Besançon", "25", "Bourgogne-Franche-Comté", "25000", "47.2378", "6.0241"),
            ("Dijon", "21", "Bourgogne-Franche-Comté", "21000", "47.3220", "5.0415"),
            ("Orléans", "45", "Centre-Val de Loire", "45000", "47.9030", "1.9093"),
            ("Tours", "37", "Centre-Val de Loire", "37000", "47.3941", "0.6848"),
            ("Ajaccio", "2A", "Corse", "20000", "41.9192", "8.7386"),
            ("Strasbourg", "67", "Grand Est", "67000", "48.5734", "7.7521"),
            ("Reims", "51", "Grand Est", "51100", "49.2583", "4.0317"),
            ("Lille", "59", "Hauts-de-France", "59000", "50.6292", "3.0573"),
            ("Amiens", "80", "Hauts-de-France", "80000", "49.8941", "2.2958"),
            ("Évry-Courcouronnes", "91", "Île-de-France", "91000", "48.6290", "2.4410"),
            ("Créteil", "94", "Île-de-France", "94000", "48.7904", "2.4556"),
            ("Caen", "14", "Normandie", "14000", "49.1829", "-0.3707"),
            ("Le Havre", "76", "Normandie", "76600", "49.4944", "0.1079"),
            ("Bordeaux", "33", "Nouvelle-Aquitaine", "33000", "44.8378", "-0.5792"),
            ("Limoges", "87", "Nouvelle-Aquitaine", "87000", "45.8336", "1.2611"),
            ("Toulouse", "31", "Occitanie", "31000", "43.6047", "1.4442"),
            ("Montpellier", "34", "Occitanie", "34000", "43.6108", "3.8767"),
            ("Marseille", "13", "Provence-Alpes-Côte d'Azur", "13002", "43.2965", "5.3698"),
            ("Nice", "06", "Provence-Alpes-Côte d'Azur", "06000", "43.7102", "7.2620"),
            ("Saint-Denis", "974", "La Réunion", "97400", "-20.8823", "55.4504"),
            ("Pointe-à-Pitre", "971", "Guadeloupe", "97110", "16.2411", "-61.5331"),
        ]
    static let sectors = [
        ("sante", "Santé"), ("agroalimentaire", "Agroalimentaire"), ("electronique", "Electronique"),
        ("intrants", "Intrants essentiels à l'industrie"), ("5g", "Télécommunications 5G"),
    ]
    static let syllables = [
        "bel", "cor", "dra", "fé", "gal", "ly", "mar", "né", "or", "pla", "quin", "ré", "sol", "tha", "ver", "zé", "lu",
        "mi",
    ]
    static let words = [
        "production", "relocalisation", "capacités", "innovation", "ligne", "usine", "matériaux", "électronique",
        "santé", "principes",
        "actifs", "médicaments", "emballages", "composants", "capteurs", "semi-conducteurs", "agroalimentaire",
        "protéines", "végétales",
        "fermentation", "chimie", "verte", "recyclage", "batteries", "réseaux", "antennes", "modernisation",
        "extension", "création",
        "atelier", "séchage", "purification", "bioréacteurs", "diagnostic", "dispositifs", "médicaux", "laser",
        "optique", "précision",
        "filière", "française", "souveraineté", "industrielle", "énergie", "décarbonation", "numérique", "qualité",
        "export", "emplois",
    ]
    static let types = ["PME", "ETI", "GE", "Start-up"]
    static let dates = [
        "2020-11-19", "2021-02-08", "2021-03-04", "2021-04-09", "2021-05-10", "2021-07-09", "2021-10-26", "2022-02-17",
    ]
    static let officialColumns = [
        "entreprise", "type_entreprise", "siren", "volet_relance", "mesure", "nom_departement", "nom_commune",
        "code_postal", "coordonnees_gps",
        "description_projet", "mesure_light", "mise_a_jour", "filiere",
        "tonnes_equivalent_co2_pour_les_projets_decarbonation", "code_departement",
        "nom_region",
    ]
    static let otherMeasures = [
        "Soutien à l'investissement industriel dans les territoires", "Décarbonation de l'industrie",
        "Industrie du futur",
    ]

    private mutating func name(_ parts: Int) -> String {
        var text = ""
        for _ in 0..<parts { text += pick(Self.syllables) }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private mutating func sentence(_ wordCount: Int) -> String {
        let text = (0..<wordCount).map { _ in pick(Self.words) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }

    /// One record in our shape, about 670 bytes like the measurements of docs/hotpath.md.
    mutating func jsonLine(_ index: Int) -> String {
        let company = "\(name(2)) \(name(3)) \(pick(["SAS", "SA", "SARL"]))"
        let place = pick(Self.communes)
        let sector = pick(Self.sectors).0
        var fields = [
            "\"id\":\(quoted("synthetique-\(index)"))", "\"project\":\(quoted(name(3).uppercased()))",
            "\"title\":\(quoted(sentence(5)))", "\"company\":\(quoted(company))", "\"city\":\(quoted(place.city))",
            "\"department\":\(quoted(place.department))", "\"region\":\(quoted(place.region))",
            "\"sector\":\(quoted(sector))",
            "\"summary\":\(quoted(sentence(28 + next(10))))",
        ]
        if next(10) < 6 { fields.append("\"jobs\":\(5 + next(300))") }
        if next(10) < 3 { fields.append("\"investment_eur\":\((1 + next(500)) * 100_000)") }
        if next(10) < 1 { fields.append("\"aid_eur\":\((1 + next(200)) * 10_000)") }
        fields += [
            "\"call\":\"relocalisation\"", "\"announced\":\(quoted(pick(Self.dates)))",
            "\"sources\":[\(quoted("https://example.invalid/laureats/\(index)"))]",
            "\"notes\":\"données synthétiques, entreprise fictive\"",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// One row in the official export's columns, with fictitious companies.
    mutating func officialRow(_ index: Int, delimiter: String) -> String {
        let place = pick(Self.communes)
        let measure = next(100) < 85 ? "(Re)localisation dans les secteurs critiques" : pick(Self.otherMeasures)
        let filiere = pick(Self.sectors).1
        let siren = String(100_000_000 + next(899_999_999))
        let cells = [
            "\(name(2)) \(name(3)) (fictive n°\(index))", pick(Self.types), siren, "Compétitivité", measure,
            place.department, place.city, place.postal,
            "\(place.lat), \(place.lon)", sentence(20 + next(15)), "Relocalisation",
            "2022-0\(1 + next(9))-1\(next(10))", filiere, "",
            place.department, place.region.uppercased(),
        ]
        return cells.map { cell in
            cell.contains(delimiter) || cell.contains("\"") || cell.contains(",") || cell.contains(";")
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: delimiter)
    }
}
