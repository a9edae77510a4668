/// Varlink call → reply on a dataset snapshot: the varlink front end of `RequestDispatcher`, whose
/// engine (`run`), admin policy and limits it shares, so that each `io.laureated.Dataset` method
/// returns what its JSON-RPC twin does. Synchronous and free of I/O, like the JSON-RPC dispatcher.
public struct VarlinkDispatcher: Sendable {
    public let requests: RequestDispatcher
    public let service: VarlinkService

    public init(requests: RequestDispatcher) {
        self.requests = requests
        self.service = VarlinkService(
            vendor: "laureated", product: "laureated", version: requests.version,
            url: "https://www.entreprises.gouv.fr/fr/france-relance",
            interfaces: [(DatasetInterface.name, DatasetInterface.description)])
    }

    /// The methods of `io.laureated.Dataset`, each the twin of a JSON-RPC method.
    public enum Member: String, Sendable, CaseIterable {
        case ping = "Ping"
        case get = "Get"
        case search = "Search"
        case stats = "Stats"
        case changes = "Changes"
        case listSectors = "ListSectors"
        case programInfo = "ProgramInfo"
        case status = "Status"
        case metrics = "Metrics"
        case reload = "Reload"
        case subscribe = "Subscribe"

        /// The JSON-RPC twin.
        public var method: Method {
            switch self {
            case .ping: .ping
            case .get: .laureateGet
            case .search: .laureateSearch
            case .stats: .laureateStats
            case .changes: .laureateChanges
            case .listSectors: .sectorList
            case .programInfo: .programInfo
            case .status: .serverStatus
            case .metrics: .serverMetrics
            case .reload: .serverReload
            case .subscribe: .eventsSubscribe
            }
        }

        /// The reply member that holds the twin's result, when that result is not itself the reply's
        /// object of parameters (varlink replies are objects; `sector.list` returns an array).
        public var resultMember: String? {
            switch self {
            case .ping: "reply"
            case .get: "record"
            case .listSectors: "sectors"
            case .programInfo: "program"
            case .reload: "dataset"
            case .search, .stats, .changes, .status, .metrics, .subscribe: nil
            }
        }
    }

    /// Answers one message (framed by `MessageFramer(delimiter: 0)`), writing its replies, each
    /// ended by NUL, to `output`. A plain `Get` of a known id takes the fast path.
    @inlinable
    public func handle(
        message: UnsafeRawBufferPointer,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome {
        handle(
            message: message, scan: VarlinkFastPath.scanGet(message, dataset: dataset), dataset: dataset,
            connection: &connection, server: server, into: &output)
    }

    /// `handle`, for a message that `VarlinkFastPath.scanGet` read ahead (the server's read loop).
    @inlinable
    public func handle(
        message: UnsafeRawBufferPointer,
        scan: VarlinkFastPath.Scan?,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome {
        if let scan, let record = VarlinkFastPath.matchGet(scan, message: message, dataset: dataset) {
            VarlinkFastPath.writeGet(record, dataset: dataset, into: &output)
            connection.requestsHandled += 1
            connection.tally.add(.method(.laureateGet), ok: true)
            return .done
        }
        return requests.collecting(&connection, into: &output) { connection, scratch in
            handleWithoutFastPath(
                message: message, dataset: dataset, connection: &connection, server: server, into: &scratch)
        }
    }

    /// `handle` through the full decoder only, so tests can hold the fast path to the same replies.
    @usableFromInline
    package func handleWithoutFastPath(
        message: UnsafeRawBufferPointer,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout [UInt8]
    ) -> LineOutcome {
        let call: VarlinkCall
        do {
            call = try VarlinkCall.decode(message)
        } catch {
            connection.tally.add(.invalid, ok: false)
            return .close(reason: error.reason)
        }
        connection.requestsHandled += 1
        let answer: Result<[UInt8], VarlinkError>
        if call.upgrade {
            answer = .failure(.methodNotImplemented(call.method))
        } else if call.interface == VarlinkService.serviceInterface {
            // Introspection is rpc.discover's twin.
            answer = service.answer(call).map { JSONWriter.encode(.object($0)) }
            connection.tally.add(.method(.rpcDiscover), ok: (try? answer.get()) != nil)
            return reply(answer, to: call, into: &output)
        } else if call.interface == DatasetInterface.name, let member = Member(rawValue: String(call.member)) {
            switch run(member, call, dataset: dataset, connection: &connection, server: server) {
            case .reply(let result):
                connection.tally.add(.method(member.method), ok: (try? result.get()) != nil)
                return reply(result, to: call, into: &output)
            case .reload: return .reload(.varlink(oneway: call.oneway))
            case .stream(let first):
                connection.tally.add(.method(member.method), ok: true)
                VarlinkReply.write(parameters: first, continues: true, into: &output)
                return .done
            }
        } else if call.interface == DatasetInterface.name {
            answer = .failure(.methodNotFound(call.method))
        } else {
            answer = .failure(.interfaceNotFound(call.interface))
        }
        connection.tally.add(.unknown, ok: false)
        return reply(answer, to: call, into: &output)
    }

    private func reply(
        _ answer: Result<[UInt8], VarlinkError>, to call: VarlinkCall, into output: inout [UInt8]
    )
        -> LineOutcome
    {
        guard !call.oneway else { return .done }
        switch answer {
        case .success(let parameters): VarlinkReply.write(parameters: parameters, continues: false, into: &output)
        case .failure(let error): VarlinkReply.write(error, into: &output)
        }
        return .done
    }

    private enum MemberOutcome {
        case reply(Result<[UInt8], VarlinkError>)
        /// The first reply of a call that keeps streaming (`Subscribe`).
        case stream([UInt8])
        case reload
    }

    private func run(
        _ member: Member,
        _ call: VarlinkCall,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource
    ) -> MemberOutcome {
        if member.method.requiresAdmin, !requests.adminPolicy.allows(connection.peer) {
            return .reply(.failure(.permissionDenied))
        }
        // varlink's null is "not given"; the JSON-RPC engine knows only absent members.
        let params = JSONObject(call.parameters.filter { $0.value != .null })
        switch member {
        case .reload:
            if let unknown = params.keys.first { return .reply(.failure(.invalidParameter(unknown))) }
            return .reload
        case .subscribe:
            guard call.more else { return .reply(.failure(.expectedMore)) }
            if let unknown = params.keys.first { return .reply(.failure(.invalidParameter(unknown))) }
            connection.topics.insert("dataset")
            connection.streaming = true
            var parameters: [UInt8] = []
            JSONWriter.write(["event": "current", "dataset": dataset.info.json], into: &parameters)
            return .stream(parameters)
        default:
            var result: [UInt8] = []
            do throws(QueryError) {
                try requests.run(
                    member.method, params, dataset: dataset, connection: &connection, server: server,
                    into: &result)
            } catch {
                return .reply(.failure(error.protocolError.varlinkError))
            }
            guard let name = member.resultMember else { return .reply(.success(result)) }
            var parameters: [UInt8] = []
            parameters.append(UInt8(ascii: "{"))
            JSONWriter.writeString(name, into: &parameters)
            parameters.append(UInt8(ascii: ":"))
            parameters.append(contentsOf: result)
            parameters.append(UInt8(ascii: "}"))
            return .reply(.success(parameters))
        }
    }

    /// The reply to a `Reload` once the reload is over.
    static func writeReload(_ result: Result<DatasetInfo, ProtocolError>, into output: inout [UInt8]) {
        switch result {
        case .success(let info): VarlinkReply.write(["dataset": info.json], into: &output)
        case .failure(let error): VarlinkReply.write(error.varlinkError, into: &output)
        }
    }
}
