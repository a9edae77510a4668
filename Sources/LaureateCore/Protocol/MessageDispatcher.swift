/// A front end's entry: one framed message in, its replies out. The server's read loop is
/// generic over it, so that each front end gets a loop of its own, specialised, with no switch
/// per message.
///
/// The loop reads each message ahead, with `scan`, before it answers the message before it: what
/// a scan starts loading (a get's index slot) arrives while that answer is written, and what it
/// read is handed to `handle`, so nothing is read twice.
public protocol MessageDispatcher: Sendable {
    /// What `scan` read of a message.
    associatedtype Scan

    /// Reads `message` ahead of its answer, without answering it or changing anything.
    func scan(message: UnsafeRawBufferPointer, dataset: Dataset) -> Scan

    /// Answers `message`, which `scan` read on the same dataset.
    func handle(
        message: UnsafeRawBufferPointer,
        scan: Scan,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome
}

extension RequestDispatcher: MessageDispatcher {
    @inlinable
    public func scan(message: UnsafeRawBufferPointer, dataset: Dataset) -> FastPath.Scan? {
        FastPath.scan(message, dataset: dataset)
    }
}

extension VarlinkDispatcher: MessageDispatcher {
    @inlinable
    public func scan(message: UnsafeRawBufferPointer, dataset: Dataset) -> VarlinkFastPath.Scan? {
        VarlinkFastPath.scanGet(message, dataset: dataset)
    }
}
