/// What the server layer reports about itself for `server.status`.
public struct ServerStatus: Sendable {
    public var version: String
    public var startedAt: String
    public var uptimeSeconds: Double
    public var connections: Int
    public var requestsTotal: Int
    /// The outcome of the last reload, if there was one.
    public var lastReload: JSONValue?

    public init(
        version: String, startedAt: String, uptimeSeconds: Double, connections: Int, requestsTotal: Int,
        lastReload: JSONValue? = nil
    ) {
        self.version = version
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.connections = connections
        self.requestsTotal = requestsTotal
        self.lastReload = lastReload
    }
}

/// The server-side facts a request may need beyond the dataset.
public protocol ServerStatusSource: Sendable {
    /// The live counters, read only for `server.status`.
    func currentStatus() -> ServerStatus
    /// The metrics in the Prometheus text exposition format 0.0.4, for `server.metrics`.
    func metricsText(dataset: Dataset) -> String
}
