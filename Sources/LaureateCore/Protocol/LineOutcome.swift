/// What became of a line.
public enum LineOutcome: Sendable {
    /// Every reply it needs is written.
    case done
    /// It asks for a reload: the caller reloads off the event loop, then calls `resume`.
    /// Later lines must wait, so that replies stay in request order.
    case reload(PendingReload)
}

/// A message held while the dataset reloads: the reload's id and, in a batch, the replies so far
/// and the requests after it.
public struct PendingReload: Sendable {
    let id: JSONValue?
    let batch: (replies: [[UInt8]], remaining: ArraySlice<RequestEntry>)?
}
