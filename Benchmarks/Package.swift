// swift-tools-version:6.1
// laureate-bench and laureate-allocations, in a package of their own so that the daemon's
// package depends on neither the benchmark's histogram library nor the counting malloc.
// Build: swift build -c release --package-path Benchmarks (Scripts/bench and Scripts/allocations
// do), which builds the daemon's libraries from the package above it.
import PackageDescription

let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "laureate-benchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "laureate-bench", targets: ["laureate-bench"]),
        .executable(name: "laureate-allocations", targets: ["laureate-allocations"]),
    ],
    dependencies: [
        .package(name: "laureated", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Exact: the allocation budgets are counts of this interposer's.
        .package(url: "https://github.com/ordo-one/malloc-interposer.git", exact: "1.6.1"),
    ],
    targets: [
        .executableTarget(
            name: "laureate-bench",
            dependencies: [
                .product(name: "LaureateCore", package: "laureated"),
                .product(name: "LaureateClient", package: "laureated"),
                // For the send buffer the server asks for, which the floor asks for too.
                .product(name: "LaureateServer", package: "laureated"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "laureate-allocations",
            dependencies: [
                .product(name: "LaureateCore", package: "laureated"),
                .product(name: "LaureateServer", package: "laureated"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
            ],
            swiftSettings: settings
        ),
    ]
)
