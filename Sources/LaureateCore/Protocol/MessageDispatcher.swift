/// A front end's entry: one framed message in, its replies out. The server's read loop is
/// generic over it, so that each front end gets a loop of its own, specialised, with no switch
/// per message.
public protocol MessageDispatcher: Sendable {
    func handle(
        message: UnsafeRawBufferPointer,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome

    /// Called with the bytes after the message about to be handled: starts loading what the
    /// next message, if it is a plain get, will look up (a cache hint, no effect on replies).
    func prefetchNext(in rest: UnsafeRawBufferPointer, dataset: Dataset)
}

extension RequestDispatcher: MessageDispatcher {
    @inlinable
    public func handle(
        message: UnsafeRawBufferPointer,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome {
        handle(line: message, dataset: dataset, connection: &connection, server: server, into: &output)
    }

    @inlinable
    public func prefetchNext(in rest: UnsafeRawBufferPointer, dataset: Dataset) {
        FastPath.prefetchNextGet(in: rest, delimiter: 0x0A, dataset: dataset)
    }
}

extension VarlinkDispatcher: MessageDispatcher {
    @inlinable
    public func prefetchNext(in rest: UnsafeRawBufferPointer, dataset: Dataset) {
        FastPath.prefetchNextGet(in: rest, delimiter: 0, dataset: dataset)
    }
}
