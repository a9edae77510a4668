/// What became of a message.
public enum LineOutcome: Sendable {
    /// Every reply it needs is written.
    case done
    /// It asks for a reload: the caller reloads off the event loop, then calls `resume`.
    /// Later messages must wait, so that replies stay in request order.
    case reload(PendingReload)
    /// It broke the varlink framing (`VarlinkViolation`): close the connection, logging `reason`.
    case close(reason: String)
}

/// A message held while the dataset reloads.
public enum PendingReload: Sendable {
    /// A JSON-RPC `server.reload`: its id (nil for a notification) and, in a batch, the replies so
    /// far and the requests after it.
    case jsonRPC(id: JSONValue?, batch: (replies: [[UInt8]], remaining: ArraySlice<RequestEntry>)?)
    /// A varlink `Reload`, which gets no reply when `oneway`.
    case varlink(oneway: Bool)
}
