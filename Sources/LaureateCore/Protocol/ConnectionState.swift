/// Per-connection state the dispatcher reads and updates.
public struct ConnectionState: Sendable {
    /// The peer, from `SO_PEERCRED` (nil when unknown: no admin methods then).
    public var peer: PeerCredentials?
    /// Topics this connection subscribed to.
    public var topics: Set<String> = []
    /// A varlink `Subscribe` streams its replies: the connection takes no further call.
    public var streaming = false
    /// Requests handled since the server last collected the count.
    public var requestsHandled = 0
    /// The same requests by method and outcome, for the metrics.
    public var tally = RequestTally()
    /// Replies of the full decoder before they join the output; its capacity is reused.
    @usableFromInline package var scratch: [UInt8] = []

    public init(peer: PeerCredentials?) { self.peer = peer }

    /// The scratch buffer, emptied, for the caller to give back.
    @usableFromInline
    package mutating func takeScratch() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &scratch)
        taken.removeAll(keepingCapacity: true)
        return taken
    }
}
