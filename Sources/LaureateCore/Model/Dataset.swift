import Glibc

/// What `server.status` says about the dataset being served.
public struct DatasetInfo: Sendable, Hashable {
    /// The files it was read from, as named by the admin (`embedded` for the built-in data).
    public var paths: [String]
    /// SHA-256 of the records as served (one compact JSON line each), so the same records give the
    /// same fingerprint whatever the file format they came in.
    public var sha256: String
    /// How many records are served.
    public var records: Int
    /// 1 for the daemon's first load, one more per successful reload (the change feed's clock).
    public var generation = 1
    /// When it was loaded (ISO 8601, UTC).
    public var loadedAt: String
    /// By path, when the file was last written (ISO 8601, UTC), as the loader found it: when
    /// laureated-refresh swapped the official export in. Nothing for the embedded data.
    public var modifiedAt: [String: String] = [:]

    /// The `dataset` object of `server.status` and of the `dataset.reloaded` push.
    public var json: JSONValue {
        .object(
            JSONObject([
                ("path", .string(paths.joined(separator: ", "))),
                ("paths", .array(paths.map(JSONValue.string))),
                ("sha256", .string(sha256)),
                ("records", .number(JSONNumber(Int64(records)))),
                ("generation", .number(JSONNumber(Int64(generation)))),
                ("loaded_at", .string(loadedAt)),
                (
                    "files",
                    .array(
                        paths.map { path in
                            .object(
                                JSONObject(
                                    [("path", .string(path))]
                                        + (modifiedAt[path].map { [("modified_at", .string($0))] } ?? [])
                                ))
                        })
                ),
            ])
        )
    }
}

/// An immutable, indexed snapshot of the laureates: what every request is answered from.
///
/// Built once per load off the event loop, then shared read-only by every connection until a
/// reload swaps in the next one. Records are kept as their pre-encoded JSON, stored compactly in
/// one block of bytes (`RecordStore`), so a reply copies bytes and never re-encodes a record.
public final class Dataset: Sendable {
    /// What `server.status` reports, with the generation of `lineage`.
    public var info: DatasetInfo {
        var info = loadedInfo
        info.generation = lineage.generation
        return info
    }
    private let loadedInfo: DatasetInfo
    /// Set once by the store before the snapshot is served (`adopt`); read by status and changes.
    private let lineageBox = Locked(DatasetLineage())
    /// The programme facts.
    public let program: Program
    /// How many records there are.
    public let count: Int

    let store: RecordStore
    let search: SearchIndex
    let facets: Facets
    let figures: Figures
    let locations: Locations
    /// For each sort key, every record's position in ascending order (records lacking the field last).
    let sortRanks: SortRanks
    /// Whether each record has a project name, for the `project` sort.
    let hasProject: [Bool]
    /// The records in `project` order (the inverse of its ranks), so that a ranking key need not
    /// carry the record number beside its rank.
    let projectOrder: [Int32]
    /// Records per sector, in sector order, for `sector.list`.
    public let sectorCounts: [(sector: Sector, count: Int)]
    /// `laureate.stats` with no filter, by dimensions, computed on first use: the snapshot never
    /// changes, and the medians of 100 000 records cost milliseconds each time.
    private let unfilteredStats = Locked<[[StatsDimension]: StatsResult]>([:])
    /// The member names the records carry, found on first use (only `fields` needs them).
    private let memberNames = Locked<[String]?>(nil)

    /// Indexes validated records (ids must be unique). `paths` and `loadedAt` only describe them.
    public convenience init(
        records: [LaureateRecord], program: Program, paths: [String], loadedAt: String,
        modifiedAt: [String: String] = [:]
    ) {
        var builder = DatasetBuilder(
            program: program, expectedBytes: records.reduce(0) { $0 + $1.json.count + $1.id.utf8.count })
        for record in records {
            let duplicate = builder.add(record, origin: LaureateRecord.Origin(file: "", line: 0))
            precondition(duplicate == nil, "two records with the id \(record.id)")
        }
        self.init(builder, paths: paths, loadedAt: loadedAt, modifiedAt: modifiedAt)
    }

    /// Finishes what a `DatasetBuilder` collected: posting lists, sort ranks, the fingerprint.
    init(_ builder: consuming DatasetBuilder, paths: [String], loadedAt: String, modifiedAt: [String: String] = [:]) {
        let parts = builder.finish()
        let count = parts.store.count
        self.store = parts.store
        self.count = count
        self.program = parts.program
        self.loadedInfo = DatasetInfo(
            paths: paths, sha256: parts.sha256, records: count, loadedAt: loadedAt, modifiedAt: modifiedAt)
        self.search = parts.search
        self.facets = parts.facets
        self.figures = parts.figures
        self.locations = parts.locations
        let idRanks = Self.idRanks(parts.store)
        let projectKeys = parts.projectKeys
        self.hasProject = (0..<count).map { projectKeys[$0] != nil }
        let projectRanks =
            projectKeys.isEmpty
            ? idRanks
            : Self.ranks(count: count) { lhs, rhs in
                switch (projectKeys[lhs], projectKeys[rhs]) {
                case (let left?, let right?): left != right ? left < right : idRanks[lhs] < idRanks[rhs]
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): idRanks[lhs] < idRanks[rhs]
                }
            }
        func figureRanks(_ values: SparseColumn<Int64>) -> [Int32] {
            // With no record holding the figure, every record ties and keeps its place.
            if values.isEmpty { return (0..<count).map(Int32.init) }
            return Self.ranks(count: count) { lhs, rhs in
                switch (values[lhs] >= 0, values[rhs] >= 0) {
                case (true, true): values[lhs] != values[rhs] ? values[lhs] < values[rhs] : lhs < rhs
                case (true, false): true
                case (false, true): false
                case (false, false): lhs < rhs
                }
            }
        }
        var projectOrder = [Int32](repeating: 0, count: count)
        for (record, rank) in projectRanks.enumerated() { projectOrder[Int(rank)] = Int32(record) }
        self.projectOrder = projectOrder
        self.sortRanks = SortRanks(
            project: projectRanks, jobs: figureRanks(parts.figures.jobs),
            investment: figureRanks(parts.figures.investment), aid: figureRanks(parts.figures.aid))
        let sectorFacet = parts.facets.sector
        self.sectorCounts = Sector.allCases.map { sector in
            (
                sector,
                sectorFacet.valueID(for: sector.rawValue).map { sectorFacet.records(withValue: Int($0)).count } ?? 0
            )
        }
    }

    /// Each record's position in id order. Sorted on the ids' first eight bytes as one integer,
    /// the bytes compared only on a tie: 100 000 ids sort in a fraction of the time.
    private static func idRanks(_ store: RecordStore) -> [Int32] {
        var keys: [(prefix: UInt64, record: Int32)] = (0..<store.count).map { record in
            store.withID(record) { id in
                var prefix: UInt64 = 0
                for position in 0..<8 { prefix = prefix << 8 | UInt64(position < id.count ? id[position] : 0) }
                return (prefix, Int32(record))
            }
        }
        keys.sort { lhs, rhs in
            if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
            return store.withID(Int(lhs.record)) { left in
                store.withID(Int(rhs.record)) { right in
                    let common = min(left.count, right.count)
                    let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                    return order != 0 ? order < 0 : left.count < right.count
                }
            }
        }
        var ranks = [Int32](repeating: 0, count: keys.count)
        for (rank, key) in keys.enumerated() { ranks[Int(key.record)] = Int32(rank) }
        return ranks
    }

    private static func ranks(count: Int, by areInIncreasingOrder: (Int, Int) -> Bool) -> [Int32] {
        let order = (0..<count).sorted(by: areInIncreasingOrder)
        var ranks = [Int32](repeating: 0, count: count)
        for (rank, record) in order.enumerated() { ranks[record] = Int32(rank) }
        return ranks
    }

    /// The unfiltered stats by `dimensions`, from the cache or from `compute` (run outside the lock).
    func unfilteredStats(by dimensions: [StatsDimension], _ compute: () -> StatsResult) -> StatsResult {
        if let known = unfilteredStats.withLock({ $0[dimensions] }) { return known }
        let result = compute()
        unfilteredStats.withLock { $0[dimensions] = result }
        return result
    }

    /// The names a record may carry: every documented field, in the canonical order, whether or
    /// not this dataset's records have it (a script's `fields` must not fail on another host's
    /// data), then any other member some record carries, by its UTF-8 bytes, as records hold them.
    public var fieldNames: [String] {
        if let known = memberNames.withLock({ $0 }) { return known }
        var found: Set<String> = []
        for index in 0..<count {
            for member in record(index).objectValue?.members ?? [] { found.insert(member.key) }
        }
        let names =
            LaureateRecord.canonicalFieldOrder
            + found.subtracting(LaureateRecord.canonicalFieldOrder).sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
        memberNames.withLock { $0 = names }
        return names
    }

    /// Its generation and the changes that led to it.
    public var lineage: DatasetLineage { lineageBox.withLock { $0 } }

    /// Takes its place after `previous` in the daemon's reloads: generation and change history.
    /// Called on the reload thread before the snapshot is published; returns the change.
    @discardableResult
    public func adopt(after previous: Dataset) -> DatasetChange {
        let before = previous.lineage
        let change = DatasetChange.between(previous, self, generation: before.generation + 1)
        lineageBox.withLock { $0 = before.next(change) }
        return change
    }

    /// The index of the record with the id given as raw UTF-8 bytes.
    public func recordIndex(id: UnsafeRawBufferPointer) -> Int? { store.index(of: id) }

    /// The index of the record with the id given as raw UTF-8 bytes, whose hash
    /// `prefetchRecordIndex(id:)` returned.
    public func recordIndex(id: UnsafeRawBufferPointer, hash: UInt64) -> Int? { store.index(of: id, hash: hash) }

    /// Starts loading what a lookup of `id` reads first, so that its cache miss overlaps other
    /// work (a hint, with no effect on any answer), and returns the id's hash for the lookup.
    public func prefetchRecordIndex(id: UnsafeRawBufferPointer) -> UInt64 {
        let hash = byteHash(id)
        store.prefetchSlot(hash: hash)
        return hash
    }

    /// The index of the record with that id.
    public func recordIndex(id: String) -> Int? {
        var key = id
        return key.withUTF8 { store.index(of: UnsafeRawBufferPointer($0)) }
    }

    /// Appends the JSON of record `index`.
    public func appendRecordJSON(_ index: Int, to output: inout [UInt8]) {
        store.withJSON(index) { output.append(contentsOf: $0) }
    }

    /// How many bytes `writeRecordJSON` needs writable for record `index` (its JSON's length and
    /// the slack its fixed-size copies may overrun).
    public func recordJSONCapacity(_ index: Int) -> Int { store.jsonLength(index) + RecordStore.copySlack }

    /// Writes the JSON of record `index` at `destination`, which has `recordJSONCapacity(index)`
    /// bytes writable, and returns the JSON's length: the reply path's copy, with no scratch buffer.
    public func writeRecordJSON(_ index: Int, to destination: UnsafeMutableRawPointer) -> Int {
        store.writeJSON(index, to: destination)
    }

    /// The record `index` as a JSON value (for tools and tests; replies use `appendRecordJSON`).
    public func record(_ index: Int) -> JSONValue {
        var bytes: [UInt8] = []
        appendRecordJSON(index, to: &bytes)
        do {
            return try JSONParser.parse(bytes)
        } catch {
            preconditionFailure("a stored record is not valid JSON: \(error)")
        }
    }

    /// Fields that filter and group.
    enum FacetName: Hashable, Sendable {
        case sector, department, region, city, company, call
    }

    /// Figures that sort and sum.
    enum Figure: Hashable, Sendable {
        case jobs, investment, aid
    }
}
