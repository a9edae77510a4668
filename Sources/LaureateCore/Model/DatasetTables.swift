/// The facets of a dataset, one per field that filters and groups: a lookup that cannot miss.
struct Facets: Sendable {
    let sector: Facet
    let department: Facet
    let region: Facet
    let city: Facet
    let company: Facet
    let call: Facet

    subscript(name: Dataset.FacetName) -> Facet {
        switch name {
        case .sector: sector
        case .department: department
        case .region: region
        case .city: city
        case .company: company
        case .call: call
        }
    }
}

/// The figures of a dataset, one column each (`-1` where a record lacks the figure).
struct Figures: Sendable {
    let jobs: SparseColumn<Int64>
    let investment: SparseColumn<Int64>
    let aid: SparseColumn<Int64>

    subscript(figure: Dataset.Figure) -> SparseColumn<Int64> {
        switch figure {
        case .jobs: jobs
        case .investment: investment
        case .aid: aid
        }
    }
}

/// For each sort order, every record's position in it (records lacking the field last).
struct SortRanks: Sendable {
    let project: [Int32]
    let jobs: [Int32]
    let investment: [Int32]
    let aid: [Int32]

    /// The ranks of `key`; relevance and distance break their ties by the `project` order.
    subscript(key: SortKey) -> [Int32] {
        switch key {
        case .relevance, .project, .distance: project
        case .jobs: jobs
        case .investment: investment
        case .aid: aid
        }
    }
}

/// Where the records are (NaN where a record has no coordinates).
struct Locations: Sendable {
    let latitudes: SparseColumn<Double>
    let longitudes: SparseColumn<Double>

    /// The distance from `near`'s point to record `record`, or nil when it has no coordinates.
    func distance(_ record: Int, from near: NearFilter) -> Double? {
        let latitude = latitudes[record]
        guard !latitude.isNaN else { return nil }
        return near.distance(latitude: latitude, longitude: longitudes[record])
    }
}
