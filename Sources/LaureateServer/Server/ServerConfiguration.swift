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
    /// Where varlink calls come from, if anywhere (`io.laureated.Dataset`).
    public var varlinkListener: Listener?
    /// The daemon's version, as `server.status` reports it.
    public var version: String
    /// Who may call admin methods.
    public var adminPolicy: AdminPolicy
    /// The limits that protect it.
    public var limits: ServerLimits
    /// Permission bits of a socket file we create.
    public var socketMode: UInt32
    /// Group of a socket file we create (nil: the daemon's).
    public var socketGroup: UInt32?
    /// Event-loop threads; one is fastest on two cores (docs/hotpath.md).
    public var threads: Int

    /// A hand-started daemon's socket file, as `laureated.socket` sets it: its owner and group may
    /// connect, not every local user (`LAUREATED_SOCKET_MODE=0666` opens it to all).
    public static let defaultSocketMode: UInt32 = 0o660
    public static let defaultThreads = 1

    public init(
        listener: Listener,
        varlinkListener: Listener? = nil,
        version: String,
        adminPolicy: AdminPolicy,
        limits: ServerLimits = ServerLimits(),
        socketMode: UInt32 = Self.defaultSocketMode,
        socketGroup: UInt32? = nil,
        threads: Int = Self.defaultThreads
    ) {
        self.listener = listener
        self.varlinkListener = varlinkListener
        self.version = version
        self.adminPolicy = adminPolicy
        self.limits = limits
        self.socketMode = socketMode
        self.socketGroup = socketGroup
        self.threads = threads
    }
}
