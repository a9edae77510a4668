import LaureateCore

/// The limits that protect the server, declared once: the settings table's defaults
/// (`DaemonSetting.defaultValue`, hence `Config/laureated.defaults` and the man page) are these.
public struct ServerLimits: Sendable, Equatable {
    /// The longest request line accepted, in bytes.
    public var maximumLineBytes = 1 << 20
    /// The most requests in one batch.
    public var maximumBatch = MessageCodec.defaultMaximumBatch
    /// The most connections open at once; past it a client gets `-32003` and is closed.
    public var maximumConnections = 4096
    /// The most connections one uid may hold open.
    public var maximumConnectionsPerUID = 1024
    /// A connection with no request for this long is closed (nil: never).
    public var idleTimeout: Duration? = .seconds(600)
    /// Reply bytes a connection may have queued before its requests stop being read.
    public var outputHighWaterBytes = 4 << 20
    /// A connection whose replies stay queued past the high-water mark this long (its peer does
    /// not read) is closed (nil: never).
    public var outputStallTimeout: Duration? = .seconds(30)

    public init() {}
}
