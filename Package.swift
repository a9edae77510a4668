// swift-tools-version:6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// Linux only: the daemon is built on libsystemd, SO_PEERCRED and Glibc. (The macOS platform
// line only lets SwiftPM resolve the dependencies' own minimums; nothing here builds there.)
let package = Package(
    name: "laureated",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "laureated", targets: ["laureated"]),
        .executable(name: "laureatectl", targets: ["laureatectl"]),
        .library(name: "LaureateCore", targets: ["LaureateCore"]),
        // For the benchmark package (Benchmarks/), which keeps laureate-bench and its histogram
        // library out of the daemon's dependency graph, as SwiftNIO keeps its benchmarks.
        .library(name: "LaureateClient", targets: ["LaureateClient"]),
        // For laureate-allocations (Benchmarks/), which runs the real server in its own process.
        .library(name: "LaureateServer", targets: ["LaureateServer"]),
        // Test-only (not packaged): org.varlink.certification on the varlink front end's own code, for
        // the reference certification clients (Tests/Integration/varlink.py).
        .executable(name: "laureate-varlink-certification", targets: ["laureate-varlink-certification"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPrefetch"),
        .target(
            name: "LaureateCore",
            dependencies: ["CPrefetch"],
            swiftSettings: upcoming
        ),
        .target(
            name: "LaureateServer",
            dependencies: [
                "LaureateCore",
                "CSystemd",
                "CCrypto",
                "CMalloc",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "LaureateClient",
            dependencies: ["LaureateCore"],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "laureated",
            dependencies: [
                "LaureateCore",
                "LaureateServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "laureatectl",
            dependencies: [
                "LaureateCore",
                "LaureateClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "laureate-varlink-certification",
            dependencies: [
                "LaureateCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "laureate-fuzz",
            dependencies: ["LaureateCore"],
            swiftSettings: upcoming
        ),
        // What the test targets share: the notify socket standing in for systemd, the repository's
        // root, scratch paths. A plain target, in no product.
        .target(
            name: "TestSupport",
            dependencies: ["LaureateClient"],
            path: "Tests/TestSupport",
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "LaureateCoreTests",
            dependencies: ["LaureateCore", "TestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "LaureateServerTests",
            dependencies: [
                "LaureateCore",
                "TestSupport",
                "LaureateServer",
                "LaureateClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["LaureateCore", "LaureateClient", "TestSupport"],
            // Read from the source tree (RECORD_SNAPSHOTS=1 rewrites them there), not bundled.
            exclude: ["Snapshots"],
            swiftSettings: upcoming
        ),
    ]
)
