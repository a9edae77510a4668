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
}

extension VarlinkDispatcher: MessageDispatcher {}
