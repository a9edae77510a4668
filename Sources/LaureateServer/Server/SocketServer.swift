public import LaureateCore
public import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
public import ServiceLifecycle
import Synchronization
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's server: listens on the Unix socket, serves each connection with a
/// `ConnectionHandler` on the event loop, reloads on SIGHUP, and talks to systemd: the one owner
/// of the notify socket (readiness, reloads through `DatasetStore.observeReloads`, watchdog, stop).
///
/// Async/await runs the lifecycle (bind, readiness, signals, shutdown); the per-request path stays
/// on the event loop (docs/hotpath.md: `NIOAsyncChannel` cost 4× the instructions per round trip).
public final class SocketServer: Service {
    /// Where the server is in its life. It drives what happens to a connection accepted on the
    /// way down (told to quiesce at once), and a transition out of order is a bug, logged as one.
    private enum State: Sendable, Equatable {
        case initial, starting, running, quiescing, stopped
    }

    private let configuration: ServerConfiguration
    private let store: DatasetStore
    private let logger: Logger
    private let notifier = SystemdNotifier()
    private let onReady: @Sendable (String) async -> Void
    private let statusOnReady: @Sendable (Dataset, String) -> String
    private let state = NIOLockedValueBox(State.initial)
    /// Open connections, each told to finish its replies and close at shutdown.
    private let connections = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])
    private let nextConnectionID = NIOLockedValueBox(0)

    /// Makes a server.
    /// - Parameter onReady: called with the listening address once the socket accepts and
    ///   `READY=1` is sent (tests wait on it).
    /// - Parameter statusOnReady: the `STATUS=` text sent with `READY=1`.
    public init(
        configuration: ServerConfiguration,
        store: DatasetStore,
        logger: Logger,
        statusOnReady: @escaping @Sendable (Dataset, String) -> String = { dataset, address in
            "Serving \(dataset.count) laureate records on \(address)"
        },
        onReady: @escaping @Sendable (String) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.statusOnReady = statusOnReady
        self.onReady = onReady
    }

    /// Moves from `expected` to `next`; anything else is a bug, logged as one.
    private func transition(from expected: State, to next: State) {
        let previous = state.withLockedValue { current -> State in
            defer { if current == expected { current = next } }
            return current
        }
        guard previous == expected else {
            logger.critical(
                "server state out of order", metadata: ["server.state": "\(previous)", "wanted": "\(next)"])
            return
        }
        logger.debug("server state changed", metadata: ["server.state": "\(next)"])
    }

    public func run() async throws {
        transition(from: .initial, to: .starting)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        let counters = ServerCounters(version: configuration.version, store: store)
        let dispatcher = RequestDispatcher(
            version: configuration.version, adminPolicy: configuration.adminPolicy,
            maximumBatch: configuration.limits.maximumBatch)
        let shared = SharedServerState(
            configuration: configuration,
            dispatcher: dispatcher,
            varlink: VarlinkDispatcher(requests: dispatcher),
            store: store,
            counters: counters,
            logger: logger
        )
        var listening: [Listening] = []
        do {
            listening.append(try await listen(configuration.listener, .jsonRPC, group: group, shared: shared))
            if let varlink = configuration.varlinkListener {
                listening.append(try await listen(varlink, .varlink, group: group, shared: shared))
            }
        } catch {
            for listener in listening { try? await listener.channel.close() }
            try? await group.shutdownGracefully()
            throw error
        }

        // Trap SIGHUP before READY=1: a reload asked right after readiness must not meet the
        // default action, which ends the process.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let address = listening.map { Self.describe($0) }.joined(separator: " and ")
        transition(from: .starting, to: .running)
        let loaded = store.current
        let notifier = self.notifier
        store.observeReloads { event in
            switch event {
            case .began: notifier.notifyReloading()
            case .ended(let status): notifier.notify([.ready, .status(status)])
            }
        }
        notifier.notify([.ready, .status(statusOnReady(loaded, address))])
        logger.notice("ready", metadata: ["socket.path": "\(address)", "dataset.records": "\(loaded.count)"])
        let channels = listening.map(\.channel)
        let watchdog = startWatchdog(on: group.next())
        await onReady(address)

        await withDiscardingTaskGroup { tasks in
            tasks.addTask { await self.reload(on: hangups) }
            await withGracefulShutdownHandler {
                // Cancellation (a ServiceGroup tearing down after another service failed) stops
                // the server too: a future's get() alone would wait for ever.
                await withTaskCancellationHandler {
                    for channel in channels { try? await channel.closeFuture.get() }
                } onCancel: {
                    for channel in channels { channel.close(promise: nil) }
                }
            } onGracefulShutdown: {
                self.notifier.notify([.stopping, .status("Shutting down")])
                for channel in channels { channel.close(promise: nil) }
            }
            tasks.cancelAll()
        }

        transition(from: .running, to: .quiescing)
        logger.notice("stopping", metadata: ["connections.open": "\(counters.connections.load(ordering: .relaxed))"])
        watchdog?.cancel()
        await closeConnections()
        for case (let path, let identity?)? in listening.map(\.ownedSocket) {
            if let now = SocketFile.identity(path), now == identity { unlink(path) }
        }
        try? await group.shutdownGracefully()
        transition(from: .quiescing, to: .stopped)
        logger.notice("stopped")
    }

    /// A listening socket and the wire it speaks.
    private struct Listening {
        var listener: ServerConfiguration.Listener
        var frontEnd: FrontEnd
        var channel: any Channel
        /// The socket file we created, and its identity, to unlink at exit if it is still ours.
        var ownedSocket: (path: String, identity: (device: UInt64, inode: UInt64)?)?
    }

    private static func describe(_ listening: Listening) -> String {
        let place =
            switch listening.listener {
            case .path(let path): path
            case .activated(let fd): "inherited fd \(fd)"
            }
        return listening.frontEnd == .jsonRPC ? place : "\(place) (\(listening.frontEnd.rawValue))"
    }

    /// Binds `listener` (or takes the inherited socket) for `frontEnd`.
    private func listen(
        _ listener: ServerConfiguration.Listener, _ frontEnd: FrontEnd, group: MultiThreadedEventLoopGroup,
        shared: SharedServerState
    ) async throws -> Listening {
        let bootstrap = makeBootstrap(group: group, frontEnd: frontEnd, shared: shared)
        switch listener {
        case .path(let path):
            try SocketFile.prepare(path)
            let channel: any Channel
            do {
                channel = try await bootstrap.bind(unixDomainSocketPath: path).get()
            } catch let error as IOError {
                // The system's words, not NIO's (`bind(descriptor:ptr:bytes:): … (errno: 2)`).
                throw ServerError.socketUnusable(path: path, reason: String(cString: strerror(error.errnoCode)))
            } catch {
                throw ServerError.socketUnusable(path: path, reason: "\(error)")
            }
            let listening = Listening(
                listener: listener, frontEnd: frontEnd, channel: channel, ownedSocket: (path, SocketFile.identity(path))
            )
            do {
                try SocketFile.applyPermissions(path, mode: configuration.socketMode, group: configuration.socketGroup)
            } catch {
                try? await channel.close()
                throw error
            }
            return listening
        case .activated(let fd):
            guard SocketActivation.isListeningUnixStream(fd) else {
                throw ServerError.badActivation("fd \(fd) is not a listening AF_UNIX stream socket")
            }
            return Listening(
                listener: listener, frontEnd: frontEnd, channel: try await bootstrap.withBoundSocket(fd).get(),
                ownedSocket: nil)
        }
    }

    /// The kernel send buffer each connection asks for: as much as NIO's high-water mark holds in
    /// the process (1 MiB), so that the replies to a pipelined burst (~790 KB for 1 000 gets)
    /// leave in one write instead of four rounds of partial writes and waits for the socket to
    /// drain (the default is `net.core.wmem_default`, 208 KiB). The kernel caps it at
    /// `net.core.wmem_max`, which is 208 KiB on a stock Debian: there the request changes little.
    /// Public for the benchmark's floor server, which asks for the same.
    public static let sendBufferBytes = 1 << 20

    private func makeBootstrap(
        group: MultiThreadedEventLoopGroup, frontEnd: FrontEnd, shared: SharedServerState
    ) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 1024)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelOption(ChannelOptions.socketOption(.so_sndbuf), value: Self.sendBufferBytes)
            .childChannelOption(ChannelOptions.writeBufferWaterMark, value: .init(low: 256 * 1024, high: 1024 * 1024))
            .childChannelInitializer { channel in
                self.initialize(channel, frontEnd: frontEnd, shared: shared)
            }
    }

    /// Admits a connection (or refuses it: with `-32003` on JSON-RPC, by closing it on varlink,
    /// which has no reply without a call) and installs its handlers.
    private func initialize(
        _ channel: any Channel, frontEnd: FrontEnd, shared: SharedServerState
    ) -> EventLoopFuture<Void> {
        let limits = shared.configuration.limits
        return Self.peerCredentials(channel).flatMap { peer in
            let id = self.nextConnectionID.withLockedValue {
                $0 += 1
                return $0
            }
            let open = shared.counters.connections.wrappingAdd(1, ordering: .relaxed).newValue
            let uid = peer?.uid ?? UInt32.max
            var refusal: String?
            if open > limits.maximumConnections {
                refusal = "too many connections (limit \(limits.maximumConnections))"
                shared.counters.refusedOverLimit.add(1, ordering: .relaxed)
            } else if !shared.counters.admit(uid: uid, limit: limits.maximumConnectionsPerUID) {
                refusal = "too many connections for uid \(uid) (limit \(limits.maximumConnectionsPerUID))"
                shared.counters.refusedOverUIDLimit.add(1, ordering: .relaxed)
            }
            let admitted = refusal == nil
            channel.closeFuture.whenComplete { _ in
                shared.counters.connections.wrappingSubtract(1, ordering: .relaxed)
                if admitted { shared.counters.release(uid: uid) }
                self.connections.withLockedValue { _ = $0.removeValue(forKey: ObjectIdentifier(channel)) }
                self.logger.debug("connection closed", metadata: ["connection.id": "\(id)"])
            }
            if let refusal {
                self.logger.warning(
                    "connection refused",
                    metadata: [
                        "connection.id": "\(id)", "peer.uid": "\(uid)", "error.reason": "\(refusal)",
                        "front_end": "\(frontEnd.rawValue)",
                    ])
                let reply = frontEnd == .jsonRPC ? MessageCodec.overloadedReply(reason: refusal) : []
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RefusingHandler(reply: reply))
                }
            }
            self.logger.debug(
                "connection opened",
                metadata: [
                    "connection.id": "\(id)", "peer.uid": "\(peer.map { "\($0.uid)" } ?? "unknown")",
                    "peer.pid": "\(peer.map { "\($0.pid)" } ?? "unknown")",
                ])
            return channel.eventLoop.makeCompletedFuture {
                let handler = ConnectionHandler(
                    shared: shared, frontEnd: frontEnd, peer: peer, connectionID: id, allocator: channel.allocator)
                try channel.pipeline.syncOperations.addHandler(handler)
                let stopping = self.connections.withLockedValue { connections in
                    connections[ObjectIdentifier(channel)] = channel
                    return self.state.withLockedValue { $0 } != .running
                }
                // Accepted while the server began quiescing: it missed the event sent to the others.
                if stopping { channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent()) }
            }
        }
    }

    /// The peer's pid, uid and gid from `SO_PEERCRED`, or nil when the kernel does not say.
    private static func peerCredentials(_ channel: any Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let future: EventLoopFuture<UnixCredentials> = provider.unsafeGetSocketOption(
            level: .socket, name: .init(rawValue: SO_PEERCRED))
        return future.map { Optional(PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid)) }.recover { _ in nil }
    }

    /// Lets every connection finish the replies it owes, then waits (at most 5 s) for them to close.
    private func closeConnections() async {
        let open = connections.withLockedValue { Array($0.values) }
        // What NIO's ServerQuiescingHelper sends each child channel; the handler finishes and closes.
        for channel in open { channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent()) }
        await withTaskGroup(of: Void.self) { group in
            for channel in open {
                group.addTask {
                    let deadline = channel.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
                    try? await channel.closeFuture.get()
                    deadline.cancel()
                }
            }
        }
    }

    /// Reloads the dataset on each SIGHUP, as `server.reload` does.
    private func reload(on signals: UnixSignalsSequence) async {
        for await _ in signals {
            _ = await store.reload(trigger: "SIGHUP")
        }
    }

    /// Sends `WATCHDOG=1` at half the interval systemd asked for, from the event loop that serves
    /// requests, so a wedged loop stops the pings and systemd restarts us.
    private func startWatchdog(on eventLoop: any EventLoop) -> RepeatedTask? {
        guard let interval = notifier.watchdogPingInterval() else { return nil }
        let notifier = self.notifier
        let amount = TimeAmount(interval)
        logger.info("watchdog enabled", metadata: ["watchdog.ping_ms": "\(amount.nanoseconds / 1_000_000)"])
        notifier.notify([.watchdog])
        return eventLoop.scheduleRepeatedTask(initialDelay: amount, delay: amount) { _ in
            notifier.notify([.watchdog])
        }
    }
}

/// `struct ucred` of `<sys/socket.h>`, which Swift's Glibc module does not export.
private struct UnixCredentials {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

/// Answers a refused connection with one `-32003` line (nothing on varlink), then closes it.
private final class RefusingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private let reply: [UInt8]

    init(reply: [UInt8]) { self.reply = reply }

    func handlerAdded(context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        send(context: context)
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context: context)
    }

    private var sent = false

    private func send(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: reply))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
