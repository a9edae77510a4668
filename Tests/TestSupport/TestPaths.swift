public import Foundation

/// Where the tests find the repository and make their scratch files.
public enum TestPaths {
    /// The repository's root (this file is `Tests/TestSupport/TestPaths.swift`).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A file or directory in the repository, by its path from the root.
    public static func inRepository(_ path: String) -> URL { repository.appendingPathComponent(path) }

    /// A new path under /tmp (short enough for a Unix socket's sun_path), not yet created.
    public static func unique(_ prefix: String, suffix: String = "") -> URL {
        URL(fileURLWithPath: "/tmp/\(prefix)-\(UUID().uuidString.prefix(8))\(suffix)")
    }
}

/// A failure of the test support itself (a socket that cannot be bound, a notification that never came).
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
