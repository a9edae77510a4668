import Testing

@testable import LaureateCore

/// The official « Plan de relance – Projets industriels » export, on small synthetic files with
/// clearly fictitious companies.
@Suite("Official export CSV")
struct OfficialExportTests {
    static let header =
        "entreprise,type_entreprise,siren,volet_relance,mesure,nom_departement,nom_commune,code_postal,"
        + "coordonnees_gps,description_projet,mesure_light,mise_a_jour,filiere,"
        + "tonnes_equivalent_co2_pour_les_projets_decarbonation,code_departement,nom_region"
    static let rows = [
        #"Fictive Alpha SAS,PME,123456789,Compétitivité,(Re)localisation dans les secteurs "#
            + #"critiques,Loire-Atlantique,Nantes,44000,"47.2184, -1.5536","Ligne de production de principes "#
            + #"actifs, « test »",Relocalisation,2022-03-01,Santé,,44,PAYS DE LA LOIRE"#,
        #"Fictive Beta SA,ETI,987654321,Compétitivité,(Re)localisation dans les secteurs "#
            + #"critiques,Ain,Bourg-en-Bresse,01000,"46.2052, "#
            + #"5.2255",Capteurs,Relocalisation,2022-03-01,Electronique,,1,AUVERGNE-RHONE-ALPES"#,
        #"Fictive Gamma SARL,PME,111222333,Compétitivité,Soutien à l'investissement industriel dans les "#
            + #"territoires,Nord,Lille,59000,"50.6292, "#
            + #"3.0573",Atelier,Territoires,2022-03-01,Agroalimentaire,,59,HAUTS-DE-FRANCE"#,
        #"Fictive Alpha SAS,PME,123456789,Compétitivité,(Re)localisation dans les secteurs "#
            + #"critiques,Loire-Atlantique,Nantes,44000,"47.2184, -1.5536",Deuxième "#
            + #"projet,Relocalisation,2022-03-01,Télécommunications 5G,,44,PAYS DE LA LOIRE"#,
        #"Fictive Delta SAS,GE,444555666,Compétitivité,(Re)localisation dans les secteurs "#
            + #"critiques,Haute-Garonne,Toulouse,31000,,Chimie,Relocalisation,2022-03-01,Intrants essentiels à "#
            + #"l'industrie,,31,OCCITANIE"#,
    ]

    private func csv(delimiter: String = ",", bom: Bool = false, rows: [String] = rows) -> [UInt8] {
        var text = (bom ? "\u{FEFF}" : "") + ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
        if delimiter == ";" {
            // Re-delimit outside quotes only.
            var converted = ""
            var quoted = false
            for character in text {
                if character == "\"" { quoted.toggle() }
                converted.append(character == "," && !quoted ? ";" : character)
            }
            text = converted
        }
        return Array(text.utf8)
    }

    private func dataset(_ bytes: [UInt8], options: DatasetOptions = DatasetOptions()) throws -> Dataset {
        let records = try DatasetReader.records(
            from: [DatasetSource(name: "plan-de-relance.csv", bytes: bytes)], options: options)
        return Dataset(
            records: records, program: .embedded, paths: ["plan-de-relance.csv"], loadedAt: "2026-01-01T00:00:00Z")
    }

    @Test("maps each row to a record with canonical region, sector, call and the extra official fields")
    func mapping() throws {
        let data = try dataset(csv())
        #expect(data.count == 5)
        let alpha = data.record(data.recordIndex(id: "fictive-alpha-sas-nantes")!).objectValue!
        #expect(alpha["company"] == "Fictive Alpha SAS")
        #expect(alpha["region"] == "Pays de la Loire")
        #expect(alpha["sector"] == "sante")
        #expect(alpha["call"] == "relocalisation")
        #expect(alpha["summary"] == "Ligne de production de principes actifs, « test »")
        #expect(alpha["siren"] == "123456789" && alpha["company_type"] == "PME" && alpha["postal_code"] == "44000")
        #expect(alpha["latitude"] == .number(JSONNumber(validatedText: "47.2184")) && alpha["updated"] == "2022-03-01")
        #expect(alpha["sources"]?.arrayValue?.count == 1)
        let beta = data.record(data.recordIndex(id: "fictive-beta-sa-bourg-en-bresse")!).objectValue!
        #expect(
            beta["department"] == "01" && beta["region"] == "Auvergne-Rhône-Alpes" && beta["sector"] == "electronique")
        let gamma = data.record(data.recordIndex(id: "fictive-gamma-sarl-lille")!).objectValue!
        #expect(gamma["call"] == "soutien-a-l-investissement-industriel-dans-les-territoires")
        #expect(
            data.recordIndex(id: "fictive-alpha-sas-nantes-2") != nil,
            "a repeated company and commune gets a numbered id")
        #expect(data.record(data.recordIndex(id: "fictive-delta-sas-toulouse")!).objectValue?["sector"] == "intrants")
    }

    @Test("`;` with a BOM and `,` without give the same dataset fingerprint")
    func variants() throws {
        let comma = try dataset(csv())
        let semicolon = try dataset(csv(delimiter: ";", bom: true))
        #expect(comma.info.sha256 == semicolon.info.sha256)
        #expect(comma.count == semicolon.count)
    }

    @Test("filters and stats by call and sector")
    func queries() throws {
        let data = try dataset(csv())
        let byCall = QueryEngine.stats(try StatsQuery(params: ["by": "call"]), in: data)
        #expect(
            byCall.groups.map { [$0.key[0] ?? "", "\($0.count)"] } == [
                ["relocalisation", "4"], ["soutien-a-l-investissement-industriel-dans-les-territoires", "1"],
            ])
        #expect(
            QueryEngine.search(
                try SearchQuery(params: ["call": "relocalisation", "region": "pays de la loire"]), in: data
            ).total == 2)
    }

    @Test("an unknown filiere names line and value, unless allowed")
    func unknownSector() throws {
        let rows =
            Self.rows + [
                #"Fictive Epsilon,PME,1,C,(Re)localisation dans les secteurs "#
                    + #"critiques,Nord,Lille,59000,,X,R,2022-03-01,Aéronautique,,59,HAUTS-DE-FRANCE"#
            ]
        let error = try #require(throws: DatasetLoadError.self) { try dataset(csv(rows: rows)) }
        #expect(error.first.line == 7 && error.first.field == "filiere" && error.first.reason.contains("Aéronautique"))
        let allowed = try dataset(csv(rows: rows), options: DatasetOptions(allowUnknownSector: true))
        #expect(allowed.count == 6)
    }

    @Test(
        "row errors name line and reason",
        arguments: [
            (
                #"Fictive,PME,1,C,(Re)localisation dans les secteurs "#
                    + #"critiques,Nord,Lille,59000,"north",X,R,2022-03-01,Santé,,59,HAUTS-DE-FRANCE"#,
                "coordonnees_gps"
            ),
            (
                #",PME,1,C,(Re)localisation dans les secteurs "#
                    + #"critiques,Nord,Lille,59000,,X,R,2022-03-01,Santé,,59,HAUTS-DE-FRANCE"#,
                "entreprise"
            ),
            (#"Fictive,PME,1,C,(Re)localisation dans les secteurs critiques,Nord"#, nil),
            (
                #"Fictive,PME,1,C,(Re)localisation dans les secteurs "#
                    + #"critiques,Nord,Lille,59000,,X,R,2022-03-01,Santé,,99,HAUTS-DE-FRANCE"#,
                "department"
            ),
        ] as [(String, String?)])
    func rowErrors(_ row: String, _ field: String?) throws {
        let error = try #require(throws: DatasetLoadError.self) { try dataset(csv(rows: [row])) }
        #expect(error.first.line == 2)
        #expect(error.first.field == field)
        #expect(error.first.file == "plan-de-relance.csv")
    }

    @Test("a header of neither shape is refused on line 1")
    func unknownHeader() throws {
        let error = try #require(throws: DatasetLoadError.self) { try dataset(Array("a,b\n1,2\n".utf8)) }
        #expect(error.first.line == 1)
    }

    @Test("ids are the same on every load of the same file")
    func stableIDs() throws {
        let first = try dataset(csv())
        let second = try dataset(csv())
        #expect((0..<first.count).map { first.record($0) } == (0..<second.count).map { second.record($0) })
    }
}
