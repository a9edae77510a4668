public import LaureateCore

/// How the server listens and the limits that protect it.
public struct ServerConfiguration: Sendable {
    /// Where connections come from.
    public enum Listener: Sendable, Equatable {
        /// Bind this path (a stale socket file is replaced; a live one is refused).
        case path(String)
        /// Serve a socket inherited from the service manager; never unlinked nor shut down by us.
        case activated(fd: Int32)
    }

    public var listener: Listener
    /// The daemon's version, as `server.status` reports it.
    public var version: String
    /// Who may call admin methods.
    public var adminPolicy: AdminPolicy
    /// The longest request line accepted, in bytes.
    public var maximumLineBytes: Int
    /// The most requests in one batch.
    public var maximumBatch: Int
    /// The most connections open at once; past it a client gets `-32003` and is closed.
    public var maximumConnections: Int
    /// The most connections one uid may hold open.
    public var maximumConnectionsPerUID: Int
    /// A connection with no request for this long is closed (nil: never).
    public var idleTimeout: Duration?
    /// Reply bytes a connection may have queued before its requests stop being read.
    public var outputHighWaterBytes: Int
    /// A connection whose replies stay queued past the high-water mark this long (its peer does
    /// not read) is closed (nil: never).
    public var outputStallTimeout: Duration?
    /// Permission bits of a socket file we create.
    public var socketMode: UInt32
    /// Group of a socket file we create (nil: the daemon's).
    public var socketGroup: UInt32?
    /// Event-loop threads; one is fastest on two cores (docs/hotpath.md).
    public var threads: Int

    public init(
        listener: Listener,
        version: String,
        adminPolicy: AdminPolicy,
        maximumLineBytes: Int = 1 << 20,
        maximumBatch: Int = MessageCodec.defaultMaximumBatch,
        maximumConnections: Int = 4096,
        maximumConnectionsPerUID: Int = 1024,
        idleTimeout: Duration? = .seconds(600),
        outputHighWaterBytes: Int = 4 << 20,
        outputStallTimeout: Duration? = .seconds(30),
        socketMode: UInt32 = 0o666,
        socketGroup: UInt32? = nil,
        threads: Int = 1
    ) {
        self.listener = listener
        self.version = version
        self.adminPolicy = adminPolicy
        self.maximumLineBytes = maximumLineBytes
        self.maximumBatch = maximumBatch
        self.maximumConnections = maximumConnections
        self.maximumConnectionsPerUID = maximumConnectionsPerUID
        self.idleTimeout = idleTimeout
        self.outputHighWaterBytes = outputHighWaterBytes
        self.outputStallTimeout = outputStallTimeout
        self.socketMode = socketMode
        self.socketGroup = socketGroup
        self.threads = threads
    }
}
