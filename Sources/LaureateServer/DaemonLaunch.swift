import LaureateCore
public import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Everything the daemon does before serving: choose the listener, load the dataset, build the
/// server. Kept out of the executable so that `laureated` stays a thin shell.
public struct DaemonLaunch: Sendable {
    /// The server to run in a `ServiceGroup`.
    public let server: SocketServer

    /// Prepares the server.
    /// - Throws: `DatasetLoadError` for a bad dataset, `ServerError` for a bad activation
    ///   environment or no usable socket path.
    public static func prepare(
        settings: DaemonSettings,
        dataset configuration: DatasetConfiguration,
        version: String,
        logger: Logger
    ) throws -> DaemonLaunch {
        let environment = Environment.current
        let listener: ServerConfiguration.Listener
        var varlinkListener: ServerConfiguration.Listener?
        let activated: [ActivatedSocket]
        do {
            activated = try SocketActivation.sockets(environment: environment, pid: getpid())
        } catch {
            throw ServerError.badActivation(error.description)
        }
        SocketActivation.clearEnvironment()
        let varlinkSocket = activated.first { $0.name == DatasetInterface.name }
        if let socket = SocketActivation.choose(
            activated.filter { $0 != varlinkSocket }, preferredName: "laureated.socket")
        {
            listener = .activated(fd: socket.fd)
            varlinkListener = varlinkSocket.map { .activated(fd: $0.fd) }
        } else if let path = settings.socketPath ?? DaemonSettings.defaultSocketPath(environment: environment) {
            listener = .path(path)
        } else {
            throw ServerError.socketUnusable(
                path: "(none)",
                reason: "/run/laureated is not writable and XDG_RUNTIME_DIR is unset; pass --socket PATH")
        }
        if activated.isEmpty, let path = settings.varlinkSocketPath { varlinkListener = .path(path) }
        logger.notice("starting", metadata: ["version": "\(version)", "pid": "\(getpid())"])
        raiseFileLimit(for: settings.limits.maximumConnections, logger: logger)
        let start = MonotonicClock.microseconds()
        let dataset = try DatasetLoader.load(configuration)
        let seconds = MonotonicClock.seconds(since: start)
        logger.info(
            "dataset loaded",
            metadata: [
                "dataset.records": "\(dataset.count)", "dataset.path": "\(dataset.info.paths.joined(separator: ", "))",
                "dataset.sha256": "\(dataset.info.sha256)", "load.ms": "\(Int(seconds * 1000))",
            ])
        let store = DatasetStore(dataset: dataset, configuration: configuration, logger: logger)
        let serverConfiguration = ServerConfiguration(
            listener: listener,
            varlinkListener: varlinkListener,
            version: version,
            adminPolicy: AdminPolicy(daemonUID: getuid(), uids: settings.adminUIDs, gids: settings.adminGIDs),
            limits: settings.limits,
            socketMode: settings.socketMode,
            socketGroup: settings.socketGroup,
            threads: settings.threads
        )
        let loadedIn = seconds
        return DaemonLaunch(
            server: SocketServer(
                configuration: serverConfiguration, store: store, logger: logger,
                statusOnReady: { dataset, address in
                    "Serving \(dataset.count) laureate records on \(address) (loaded in "
                        + "\(Int((loadedIn * 1000).rounded())) ms)"
                })
        )
    }
}

/// Raises the soft limit on open files toward the hard one, enough for every allowed connection:
/// systemd's default soft limit (1024) would turn `LAUREATED_MAX_CONNECTIONS` (4096) into `EMFILE`.
private func raiseFileLimit(for connections: Int, logger: Logger) {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
    let wanted = rlim_t(connections + 64)
    guard limit.rlim_cur < wanted else { return }
    limit.rlim_cur = min(wanted, limit.rlim_max)
    if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 || limit.rlim_cur < wanted {
        logger.warning(
            "too few file descriptors for the connection limit; extra connections will wait",
            metadata: [
                "limit.nofile": "\(limit.rlim_cur)", "limit.connections": "\(connections)",
            ])
    }
}
