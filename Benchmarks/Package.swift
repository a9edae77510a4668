// swift-tools-version:6.1
// laureate-bench, in a package of its own so that the daemon's package does not depend on the
// benchmark's histogram library. Build: swift build -c release --package-path Benchmarks
// (Scripts/bench does), which builds the daemon's libraries from the package above it.
import PackageDescription

let package = Package(
    name: "laureate-benchmarks",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "laureate-bench", targets: ["laureate-bench"])],
    dependencies: [
        .package(name: "laureated", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        .executableTarget(
            name: "laureate-bench",
            dependencies: [
                .product(name: "LaureateCore", package: "laureated"),
                .product(name: "LaureateClient", package: "laureated"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        )
    ]
)
