/// A French département with its 2016 region.
public struct Department: Sendable, Hashable {
    /// INSEE code as a string (`"01"`, `"2A"`, `"974"`).
    public let code: String
    /// The département's name.
    public let name: String
    /// The region's canonical name (`Pays de la Loire`).
    public let region: String
}

/// The table of départements, used to validate codes and to give regions their canonical names.
public struct DepartmentTable: Sendable {
    /// Every département, in the table's order.
    public let departments: [Department]
    private let byCode: [String: Department]
    private let regionsByKey: [String: String]
    private let byNameKey: [String: Department]

    /// Reads the `department,department_name,region_code,region` CSV table.
    /// - Throws: `DatasetLoadError` when the table is malformed.
    public init(csv: [UInt8], file: String) throws(DatasetLoadError) {
        let rows = try CSVReader.read(csv, file: file)
        guard let header = rows.first,
            header.fields.starts(with: ["department", "department_name", "region_code", "region"])
        else {
            throw DatasetLoadError(
                file: file, line: 1, field: nil,
                reason: "expected the header department,department_name,region_code,region")
        }
        var departments: [Department] = []
        for row in rows.dropFirst() {
            guard row.fields.count >= 4 else {
                throw DatasetLoadError(file: file, line: row.line, field: nil, reason: "expected 4 columns")
            }
            departments.append(Department(code: row.fields[0], name: row.fields[1], region: row.fields[3]))
        }
        self.departments = departments
        self.byCode = Dictionary(departments.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.regionsByKey = Dictionary(
            departments.map { (TextFolding.key($0.region), $0.region) }, uniquingKeysWith: { first, _ in first })
        self.byNameKey = Dictionary(
            departments.map { (TextFolding.key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The département with that INSEE code.
    public func department(code: String) -> Department? { byCode[code] }

    /// The département with that name, in any spelling (`loire atlantique` → 44).
    public func department(named name: String) -> Department? { byNameKey[TextFolding.key(name)] }

    /// The canonical region name for any spelling of it (`PAYS DE LA LOIRE` → `Pays de la Loire`).
    public func canonicalRegion(_ name: String) -> String? { regionsByKey[TextFolding.key(name)] }

    /// The table compiled into the binary.
    public static let embedded: DepartmentTable = {
        do {
            return try DepartmentTable(csv: Array(EmbeddedData.departmentsCSV.utf8), file: "departments.csv")
        } catch {
            fatalError("the embedded departments table is invalid: \(error)")
        }
    }()
}
