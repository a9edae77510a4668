/// Every method of the protocol: the one table that the dispatcher switches on and that
/// `rpc.discover` describes.
public enum Method: String, Sendable, CaseIterable {
    case ping
    case laureateGet = "laureate.get"
    case laureateSearch = "laureate.search"
    case laureateStats = "laureate.stats"
    case laureateChanges = "laureate.changes"
    case sectorList = "sector.list"
    case programInfo = "program.info"
    case serverStatus = "server.status"
    case serverReload = "server.reload"
    case serverMetrics = "server.metrics"
    case eventsSubscribe = "events.subscribe"
    case rpcDiscover = "rpc.discover"

    /// Whether only admins (see `AdminPolicy`) may call it.
    public var requiresAdmin: Bool { self == .serverReload }

    /// One line saying what the method does.
    public var summary: String {
        switch self {
        case .ping: "Checks that the daemon answers; returns \"pong\"."
        case .laureateGet: "Returns one laureate record by its id."
        case .laureateSearch: "Searches the laureates by words and filters, one page at a time."
        case .laureateStats: "Counts laureates and sums their figures per sector, region, department or call."
        case .laureateChanges:
            "Returns the ids added, removed and changed since a dataset generation (the last 16 are kept)."
        case .sectorList: "Lists the sectors of the call with their laureate counts."
        case .programInfo: "Returns the facts of the call for projects: envelope, sectors, announcement waves."
        case .serverStatus: "Reports the daemon's version, uptime, counters and the dataset served."
        case .serverReload: "Re-reads the dataset atomically (admins only); the old data stays on failure."
        case .serverMetrics:
            "Returns the daemon's metrics in the Prometheus text exposition format 0.0.4, with its content type."
        case .eventsSubscribe:
            "Subscribes this connection to pushed notifications (topic \"dataset\": dataset.reloaded, "
                + "dataset.reload_failed)."
        case .rpcDiscover: "Returns this OpenRPC document."
        }
    }
}
