import ArgumentParser

/// `laureate-bench`: a load generator for laureated (and Redis, for comparison), and a generator
/// of synthetic datasets, modelled on `redis-benchmark`.
@main
struct LaureateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laureate-bench",
        abstract: "Measure laureated (or Redis) under load, and generate synthetic datasets.",
        discussion: "Figures are printed, never asserted: see docs/performance.md for recorded runs.",
        subcommands: [Run.self, Compare.self, Floor.self, Generate.self, LoadRedis.self],
        defaultSubcommand: Run.self
    )
}
