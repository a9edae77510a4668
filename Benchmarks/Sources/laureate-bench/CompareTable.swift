import Foundation

/// What one load run measured on one server.
struct RunFigures: CustomStringConvertible {
    var rate: Double
    var p50: Double
    var p99: Double
    /// The server's CPU time (user + system) per request.
    var cpuMicroseconds: Double

    var description: String {
        String(format: "%.0f req/s, p50 %.1f µs, p99 %.1f µs, %.3f µs CPU/req", rate, p50, p99, cpuMicroseconds)
    }
}

/// The figures of a `compare` run, and their Markdown table.
struct CompareTable {
    enum Server: String, CaseIterable {
        case laureated
        case redis = "Redis"
        case floor
    }

    let shapes: [Compare.Shape]
    private var runs: [String: [RunFigures]] = [:]

    init(shapes: [Compare.Shape]) { self.shapes = shapes }

    mutating func add(_ figures: RunFigures, shape: Compare.Shape, server: Server) {
        runs["\(shape.rawValue)/\(server.rawValue)", default: []].append(figures)
    }

    /// Each repetition's figures of `server` on `shape`, in order.
    private func figures(_ shape: Compare.Shape, _ server: Server) -> [RunFigures]? {
        runs["\(shape.rawValue)/\(server.rawValue)"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func middle(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The median of each figure over the repetitions (each figure on its own).
    func median(_ shape: Compare.Shape, _ server: Server) -> RunFigures? {
        guard let all = figures(shape, server) else { return nil }
        let middle = Self.middle
        return RunFigures(
            rate: middle(all.map(\.rate)), p50: middle(all.map(\.p50)), p99: middle(all.map(\.p99)),
            cpuMicroseconds: middle(all.map(\.cpuMicroseconds)))
    }

    /// laureated's figure divided by the floor's in each repetition: the median and the range.
    /// The three servers of one repetition run back to back, so a slow spell of the VM (which
    /// moves a figure by a fifth between repetitions) divides out here, where the table's ratio
    /// of medians can pair one server's fast repetition with another's slow one.
    func pairedRatio(
        _ shape: Compare.Shape, _ figure: (RunFigures) -> Double
    ) -> (median: Double, range: ClosedRange<Double>)? {
        guard let mine = figures(shape, .laureated), let floor = figures(shape, .floor), mine.count == floor.count
        else { return nil }
        let ratios = zip(mine, floor).map { figure($0) / figure($1) }
        guard let lowest = ratios.min(), let highest = ratios.max() else { return nil }
        return (Self.middle(ratios), lowest...highest)
    }

    func markdown(repetitions: Int, records: Int?) -> String {
        var lines = [
            "laureate.get (Redis: GET) over \(records.map { "\($0) generated" } ?? "the given") records; "
                + "medians of \(repetitions) repetitions; CPU is the server's user + system time per request.",
            "",
            "| shape | server | req/s | p50 µs | p99 µs | CPU µs/req | rate ÷ Redis | rate ÷ floor | CPU ÷ floor |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for shape in shapes {
            let redis = median(shape, .redis)
            let floor = median(shape, .floor)
            for server in Server.allCases {
                guard let figures = median(shape, server) else { continue }
                func ratio(_ value: Double, _ reference: Double?) -> String {
                    reference.map { String(format: "%.2f×", value / $0) } ?? "–"
                }
                lines.append(
                    "| \(shape.title) | \(server.rawValue) | \(Int(figures.rate)) | "
                        + String(format: "%.1f | %.1f | %.3f", figures.p50, figures.p99, figures.cpuMicroseconds)
                        + " | \(ratio(figures.rate, redis?.rate)) | \(ratio(figures.rate, floor?.rate)) | "
                        + "\(ratio(figures.cpuMicroseconds, floor?.cpuMicroseconds)) |")
            }
        }
        lines += ["", "laureated ÷ floor within each repetition, median (lowest–highest):", ""]
        for shape in shapes {
            guard let rate = pairedRatio(shape, \.rate), let cpu = pairedRatio(shape, \.cpuMicroseconds) else {
                continue
            }
            func show(_ ratio: (median: Double, range: ClosedRange<Double>)) -> String {
                String(format: "%.2f× (%.2f–%.2f)", ratio.median, ratio.range.lowerBound, ratio.range.upperBound)
            }
            lines.append("- \(shape.title): rate \(show(rate)), CPU per request \(show(cpu))")
        }
        return lines.joined(separator: "\n")
    }
}
