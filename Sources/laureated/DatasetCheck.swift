import LaureateCore
import LaureateServer

/// `laureated --check`: validates dataset files without opening a socket, like `nginx -t`.
enum DatasetCheck {
    /// Prints a summary of the dataset (records per call and sector) on stdout, or its problems.
    /// - Throws: `DatasetLoadError` when the files are invalid.
    static func run(_ configuration: DatasetConfiguration) throws(DatasetLoadError) {
        let dataset = try DatasetLoader.load(configuration)
        var lines = [
            "\(dataset.info.paths.joined(separator: ", ")): \(dataset.count) records, sha256 \(dataset.info.sha256)"
        ]
        for dimension in [StatsDimension.call, .sector] {
            var query = StatsQuery()
            query.by = [dimension]
            let stats = QueryEngine.stats(query, in: dataset)
            lines.append("by \(dimension.rawValue):")
            for group in stats.groups {
                lines.append("  \((group.key[0] ?? "(none)").padding(toLength: 28))\(group.count)")
            }
        }
        let missing = QueryEngine.stats(StatsQuery(), in: dataset).groups.first { $0.key == [nil] }?.count ?? 0
        if missing > 0 { lines.append("warning: \(missing) records have no sector") }
        print(lines.joined(separator: "\n"))
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
