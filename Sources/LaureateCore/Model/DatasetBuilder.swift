/// Collects validated records as they are read and indexes them on the way, so that a load never
/// holds every record twice (as parsed values and again in the snapshot): each record's JSON goes
/// straight into the record block and its indexed fields into the facet and word tables.
public struct DatasetBuilder {
    private let program: Program
    private let departments: DepartmentTable
    private var store: RecordStore
    private var hash: any SHA256Digest
    private var search = SearchIndex.Builder()
    private var sector = Facet.Builder(matching: .exact, grouping: true)
    private var department = Facet.Builder(matching: .exact, grouping: true)
    private var region = Facet.Builder(matching: .folded, grouping: true)
    private var city = Facet.Builder(matching: .folded, grouping: false)
    private var company = Facet.Builder(matching: .folded, grouping: false)
    private var call = Facet.Builder(matching: .folded, grouping: true)
    private var jobs = SparseColumn<Int64>(absent: -1)
    private var investment = SparseColumn<Int64>(absent: -1)
    private var aid = SparseColumn<Int64>(absent: -1)
    private var projectKeys = SparseColumn<String?>(absent: nil)
    private var latitudes = SparseColumn<Double>(absent: .nan)
    private var longitudes = SparseColumn<Double>(absent: .nan)
    /// Where each record was read, for naming both places of a duplicate id.
    private var files: [String] = []
    private var fileOfRecord: [UInt16] = []
    private var lineOfRecord: [Int32] = []

    /// - Parameter expectedBytes: about how many bytes of ids and JSON the records will take
    ///   (the size of the files read is a fair guess), so the record block seldom grows by copying.
    /// - Parameter digest: computes the fingerprint (the portable `SHA256` unless given).
    /// - Parameter departments: names the départements, whose names search finds.
    public init(
        program: Program = .embedded, departments: DepartmentTable = .embedded, expectedBytes: Int = 0,
        digest: any SHA256Digest = SHA256()
    ) {
        self.program = program
        self.departments = departments
        self.hash = digest
        self.store = RecordStore(records: expectedBytes / 256, bytes: expectedBytes)
    }

    /// How many records have been added.
    public var count: Int { store.count }

    /// Adds a record, or returns where the record that already has its id was read (and adds
    /// nothing).
    public mutating func add(_ record: LaureateRecord, origin: LaureateRecord.Origin) -> LaureateRecord.Origin? {
        precondition(
            store.count < 1 << 24,
            "a dataset holds at most 16 777 215 records (search keys carry 24-bit record numbers)")
        var id = record.id
        let existing = id.withUTF8 { idBytes in
            record.json.withUnsafeBytes { store.append(id: UnsafeRawBufferPointer(idBytes), json: $0) }
        }
        if let existing {
            return LaureateRecord.Origin(file: files[Int(fileOfRecord[existing])], line: Int(lineOfRecord[existing]))
        }
        if files.last != origin.file { files.append(origin.file) }
        fileOfRecord.append(UInt16(truncatingIfNeeded: files.count - 1))
        lineOfRecord.append(Int32(clamping: origin.line))
        record.json.withUnsafeBytes { hash.update($0) }
        Self.newline.withUnsafeBytes { hash.update($0) }
        let index = Int32(store.count - 1)
        search.add(record.project, record: index, field: .project)
        search.add(record.title, record: index, field: .title)
        search.add(record.company, record: index, field: .company)
        search.add(record.city, record: index, field: .city)
        search.add(
            record.department.flatMap { departments.department(code: $0)?.name }, record: index, field: .department)
        search.add(record.region, record: index, field: .region)
        search.add(record.summary, record: index, field: .summary)
        search.add(record.sector.flatMap { program.sectorLabels[$0] }, record: index, field: .sector)
        search.endRecord(index)
        sector.add(record.sector?.rawValue)
        department.add(record.department)
        region.add(record.region)
        city.add(record.city)
        company.add(record.company)
        call.add(record.call)
        jobs.append(record.jobs, record: Int(index))
        investment.append(record.investmentEUR, record: Int(index))
        aid.append(record.aidEUR, record: Int(index))
        projectKeys.append(record.project.map(TextFolding.key), record: Int(index))
        if let latitude = record.latitude, let longitude = record.longitude {
            latitudes.append(latitude, record: Int(index))
            longitudes.append(longitude, record: Int(index))
        }
        return nil
    }

    private static let newline: [UInt8] = [0x0A]

    /// Finishes the tables (facet posting lists at their exact size, the sorted vocabulary).
    consuming func finish() -> (
        program: Program, store: RecordStore, sha256: String, search: SearchIndex,
        facets: Facets, figures: Figures, projectKeys: SparseColumn<String?>,
        locations: Locations
    ) {
        store.finishLoading()
        return (
            program, store, hash.finalizeHex(), search.build(recordCount: store.count),
            Facets(
                sector: sector.build(), department: department.build(), region: region.build(),
                city: city.build(), company: company.build(), call: call.build()),
            Figures(jobs: jobs, investment: investment, aid: aid),
            projectKeys,
            Locations(latitudes: latitudes, longitudes: longitudes)
        )
    }

    /// The snapshot of everything added.
    public consuming func build(paths: [String], loadedAt: String, modifiedAt: [String: String] = [:]) -> Dataset {
        Dataset(self, paths: paths, loadedAt: loadedAt, modifiedAt: modifiedAt)
    }
}
