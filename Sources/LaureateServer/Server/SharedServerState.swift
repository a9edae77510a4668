import LaureateCore
import Logging

/// What every connection handler shares: read-only configuration and thread-safe services.
struct SharedServerState: Sendable {
    let configuration: ServerConfiguration
    let dispatcher: RequestDispatcher
    let varlink: VarlinkDispatcher
    let store: DatasetStore
    let counters: ServerCounters
    let logger: Logger
}
