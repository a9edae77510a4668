/// Request → reply on a dataset snapshot: the protocol's one boundary where domain errors become
/// wire errors. Synchronous and free of I/O, so the server calls it straight from its handler.
public struct RequestDispatcher: Sendable {
    /// The daemon's version, for `server.status` and `rpc.discover`.
    public let version: String
    public let adminPolicy: AdminPolicy
    public let maximumBatch: Int
    private let discoverDocument: [UInt8]
    private let pong = Array(#""pong""#.utf8)
    /// What `server.metrics` says its text is: Prometheus's text exposition format.
    public static let metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

    public init(version: String, adminPolicy: AdminPolicy, maximumBatch: Int = MessageCodec.defaultMaximumBatch) {
        self.version = version
        self.adminPolicy = adminPolicy
        self.maximumBatch = maximumBatch
        self.discoverDocument = JSONWriter.encode(OpenRPCDocument.document(version: version))
    }

    /// Answers one message (framed by `MessageFramer`; blank ones are skipped before), writing
    /// each reply line to `output`: the one entry the server, the tests and the fuzzer call.
    /// `laureate.get` of a known id and `ping` take the fast path; everything else the full
    /// decoder, whose replies are collected in the connection's scratch buffer first.
    @inlinable
    public func handle(
        line: UnsafeRawBufferPointer,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome {
        handle(
            message: line, scan: FastPath.scan(line, dataset: dataset), dataset: dataset, connection: &connection,
            server: server, into: &output)
    }

    /// `handle`, for a line that `FastPath.scan` read ahead (the server's read loop).
    @inlinable
    public func handle(
        message line: UnsafeRawBufferPointer,
        scan: FastPath.Scan?,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome {
        if let scan, let match = FastPath.match(scan, line: line, dataset: dataset) {
            FastPath.write(match, line: line, dataset: dataset, into: &output)
            connection.requestsHandled += 1
            if case .ping = match {
                connection.tally.add(.method(.ping), ok: true)
            } else {
                connection.tally.add(.method(.laureateGet), ok: true)
            }
            return .done
        }
        return collecting(&connection, into: &output) { connection, scratch in
            handleWithoutFastPath(line: line, dataset: dataset, connection: &connection, server: server, into: &scratch)
        }
    }

    /// Finishes a message held by `LineOutcome.reload`, writing the replies to `output`.
    @inlinable
    public func resume(
        _ pending: PendingReload,
        reloadResult: Result<DatasetInfo, ProtocolError>,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout some ReplyWriter
    ) -> LineOutcome {
        return collecting(&connection, into: &output) { connection, scratch in
            resumeCollecting(
                pending, reloadResult: reloadResult, dataset: dataset, connection: &connection, server: server,
                into: &scratch)
        }
    }

    /// Runs `body` with the connection's scratch buffer, then moves what it wrote to `output`.
    @inlinable
    func collecting(
        _ connection: inout ConnectionState,
        into output: inout some ReplyWriter,
        _ body: (inout ConnectionState, inout [UInt8]) -> LineOutcome
    ) -> LineOutcome {
        var scratch = connection.takeScratch()
        defer { connection.scratch = scratch }
        let outcome = body(&connection, &scratch)
        scratch.withUnsafeBytes { output.writeBytes($0) }
        return outcome
    }

    /// `handle` through the full decoder only, so tests can hold the fast path to the same replies.
    @usableFromInline
    package func handleWithoutFastPath(
        line: UnsafeRawBufferPointer,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout [UInt8]
    ) -> LineOutcome {
        let message: DecodedMessage
        do {
            message = try MessageCodec.decode(line, maximumBatch: maximumBatch)
        } catch {
            connection.tally.add(.invalid, ok: false)
            MessageCodec.writeError(id: .null, error, into: &output)
            output.append(0x0A)
            return .done
        }
        switch message {
        case .single(let entry):
            var reply: [UInt8] = []
            if case .reload(let id) = answer(
                entry, dataset: dataset, connection: &connection, server: server, into: &reply)
            {
                return .reload(.jsonRPC(id: id, batch: nil))
            }
            if !reply.isEmpty {
                output.append(contentsOf: reply)
                output.append(0x0A)
            }
            return .done
        case .batch(let entries):
            return continueBatch(
                replies: [], remaining: entries[...], dataset: dataset, connection: &connection, server: server,
                into: &output)
        }
    }

    /// `resume`, into an array.
    @usableFromInline
    package func resumeCollecting(
        _ pending: PendingReload,
        reloadResult: Result<DatasetInfo, ProtocolError>,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout [UInt8]
    ) -> LineOutcome {
        if case .success = reloadResult {
            connection.tally.add(.method(.serverReload), ok: true)
        } else {
            connection.tally.add(.method(.serverReload), ok: false)
        }
        let (id, batch): (JSONValue?, (replies: [[UInt8]], remaining: ArraySlice<RequestEntry>)?)
        switch pending {
        case .jsonRPC(let pendingID, let pendingBatch): (id, batch) = (pendingID, pendingBatch)
        case .varlink(let oneway):
            if !oneway { VarlinkDispatcher.writeReload(reloadResult, into: &output) }
            return .done
        }
        var reply: [UInt8] = []
        if let id {
            switch reloadResult {
            case .success(let info): MessageCodec.writeResult(id: id, result: info.json, into: &reply)
            case .failure(let error): MessageCodec.writeError(id: id, error, into: &reply)
            }
        }
        guard let batch else {
            if !reply.isEmpty {
                output.append(contentsOf: reply)
                output.append(0x0A)
            }
            return .done
        }
        var replies = batch.replies
        if !reply.isEmpty { replies.append(reply) }
        return continueBatch(
            replies: replies, remaining: batch.remaining, dataset: dataset, connection: &connection, server: server,
            into: &output)
    }

    private func continueBatch(
        replies: [[UInt8]],
        remaining: ArraySlice<RequestEntry>,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into output: inout [UInt8]
    ) -> LineOutcome {
        var replies = replies
        var remaining = remaining
        while let entry = remaining.popFirst() {
            var reply: [UInt8] = []
            if case .reload(let id) = answer(
                entry, dataset: dataset, connection: &connection, server: server, into: &reply)
            {
                return .reload(.jsonRPC(id: id, batch: (replies, remaining)))
            }
            if !reply.isEmpty { replies.append(reply) }
        }
        guard !replies.isEmpty else { return .done }
        output.append(UInt8(ascii: "["))
        for (position, reply) in replies.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: reply)
        }
        output.append(contentsOf: [UInt8(ascii: "]"), 0x0A])
        return .done
    }

    private enum EntryOutcome {
        case written
        case reload(id: JSONValue?)
    }

    /// Answers one entry into `reply` (nothing for a notification).
    private func answer(
        _ entry: RequestEntry,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into reply: inout [UInt8]
    ) -> EntryOutcome {
        let request: Request
        switch entry {
        case .invalid(let id, let error):
            connection.tally.add(.invalid, ok: false)
            if let id { MessageCodec.writeError(id: id, error, into: &reply) }
            return .written
        case .request(let valid):
            request = valid
        }
        connection.requestsHandled += 1
        guard let method = Method(rawValue: request.method) else {
            connection.tally.add(.unknown, ok: false)
            if let id = request.id {
                let error = ProtocolError(
                    .methodNotFound, message: "method not found: \(request.method)",
                    data: ["method": .string(request.method)])
                MessageCodec.writeError(id: id, error, into: &reply)
            }
            return .written
        }
        if method.requiresAdmin, !adminPolicy.allows(connection.peer) {
            connection.tally.add(.method(method), ok: false)
            if let id = request.id {
                var data: JSONObject = ["method": .string(method.rawValue)]
                data["uid"] = connection.peer.map { .number(JSONNumber(Int64($0.uid))) } ?? .null
                let error = ProtocolError(
                    .forbidden,
                    message:
                        "forbidden: \(method.rawValue) is for admins (uid 0, the daemon's uid, or configured "
                        + "uids and groups)",
                    data: data)
                MessageCodec.writeError(id: id, error, into: &reply)
            }
            return .written
        }
        if method == .serverReload {
            if let unknown = request.params.keys.first {
                connection.tally.add(.method(method), ok: false)
                if let id = request.id {
                    MessageCodec.writeError(
                        id: id, QueryError.invalidParam(name: unknown, reason: "unknown parameter").protocolError,
                        into: &reply)
                }
                return .written
            }
            return .reload(id: request.id)
        }
        var result: [UInt8] = []
        do throws(QueryError) {
            try run(method, request.params, dataset: dataset, connection: &connection, server: server, into: &result)
        } catch {
            connection.tally.add(.method(method), ok: false)
            if let id = request.id { MessageCodec.writeError(id: id, ProtocolError(wrapping: error), into: &reply) }
            return .written
        }
        connection.tally.add(.method(method), ok: true)
        if let id = request.id {
            MessageCodec.writeResultPrefix(id: id, into: &reply)
            reply.append(contentsOf: result)
            reply.append(UInt8(ascii: "}"))
        }
        return .written
    }

    /// Runs a method, appending its result JSON: the JSON-RPC and varlink front ends' one engine.
    func run(
        _ method: Method,
        _ params: JSONObject,
        dataset: Dataset,
        connection: inout ConnectionState,
        server: any ServerStatusSource,
        into result: inout [UInt8]
    ) throws(QueryError) {
        switch method {
        case .ping:
            try rejectUnknown(params, allowed: [])
            result.append(contentsOf: pong)
        case .laureateGet:
            try rejectUnknown(params, allowed: ["id", "fields"])
            guard let value = params["id"] else { throw .invalidParam(name: "id", reason: "missing") }
            guard let id = value.stringValue else {
                throw .invalidParam(name: "id", reason: "expected a string, got \(value.typeName)")
            }
            let fields = try FieldSelection(params: params, known: dataset.fieldNames)
            guard let index = dataset.recordIndex(id: id) else { throw .notFound(id: id) }
            appendRecord(index, of: dataset, fields: fields, to: &result)
        case .laureateSearch:
            let query = try SearchQuery(params: params)
            let fields = try FieldSelection(params: params, known: dataset.fieldNames)
            let page = QueryEngine.search(query, in: dataset)
            result.append(contentsOf: #"{"total":"#.utf8)
            result.append(contentsOf: String(page.total).utf8)
            result.append(contentsOf: #","items":["#.utf8)
            for (position, index) in page.items.enumerated() {
                if position > 0 { result.append(UInt8(ascii: ",")) }
                appendRecord(index, of: dataset, fields: fields, to: &result)
                SearchReply.appendExtras(of: page, item: position, to: &result)
            }
            result.append(contentsOf: #"],"offset":"#.utf8)
            result.append(contentsOf: String(page.offset).utf8)
            result.append(contentsOf: #","next_offset":"#.utf8)
            result.append(contentsOf: (page.nextOffset.map { String($0) } ?? "null").utf8)
            SearchReply.appendFacetsAndSuggestions(of: page, to: &result)
            result.append(UInt8(ascii: "}"))
        case .laureateStats:
            JSONWriter.write(QueryEngine.stats(try StatsQuery(params: params), in: dataset).json, into: &result)
        case .laureateChanges:
            try rejectUnknown(params, allowed: ["since"])
            guard let value = params["since"] else {
                throw .invalidParam(
                    name: "since", reason: "missing; give a generation (server.status says the current one)")
            }
            guard let since = value.integerValue, since >= 0, since <= Int64(Int.max) else {
                throw .invalidParam(
                    name: "since", reason: "expected a generation, a whole number ≥ 0, got \(JSONWriter.string(value))")
            }
            JSONWriter.write(.object(try dataset.lineage.changes(since: Int(since)).members), into: &result)
        case .sectorList:
            try rejectUnknown(params, allowed: [])
            let sectors: [JSONValue] = dataset.sectorCounts.map { entry in
                [
                    "id": .string(entry.sector.rawValue),
                    "label": .string(dataset.program.sectorLabels[entry.sector] ?? entry.sector.defaultLabel),
                    "count": .number(JSONNumber(Int64(entry.count))),
                ]
            }
            JSONWriter.write(.array(sectors), into: &result)
        case .programInfo:
            try rejectUnknown(params, allowed: [])
            result.append(contentsOf: dataset.program.encoded)
        case .serverStatus:
            try rejectUnknown(params, allowed: [])
            let status = server.currentStatus()
            var object: JSONObject = [
                "version": .string(status.version),
                "started_at": .string(status.startedAt),
                "uptime_s": .number(JSONNumber((status.uptimeSeconds * 1000).rounded() / 1000)),
                "connections": .number(JSONNumber(Int64(status.connections))),
                "requests_total": .number(JSONNumber(Int64(status.requestsTotal))),
                "dataset": dataset.info.json,
            ]
            if let lastReload = status.lastReload { object["last_reload"] = lastReload }
            JSONWriter.write(.object(object), into: &result)
        case .eventsSubscribe:
            try rejectUnknown(params, allowed: ["topics"])
            guard let value = params["topics"] else {
                throw .invalidParam(name: "topics", reason: "missing; v1 knows [\"dataset\"]")
            }
            guard let topics = value.arrayValue, !topics.isEmpty else {
                throw .invalidParam(
                    name: "topics", reason: "expected a non-empty array of topics, got \(JSONWriter.string(value))")
            }
            var names: [String] = []
            for topic in topics {
                guard let name = topic.stringValue, name == "dataset" else {
                    throw .invalidParam(
                        name: "topics", reason: "unknown topic \(JSONWriter.string(topic)); v1 knows \"dataset\"")
                }
                if !names.contains(name) { names.append(name) }
            }
            connection.topics.formUnion(names)
            JSONWriter.write(["topics": .array(names.map(JSONValue.string))], into: &result)
        case .rpcDiscover:
            try rejectUnknown(params, allowed: [])
            result.append(contentsOf: discoverDocument)
        case .serverMetrics:
            try rejectUnknown(params, allowed: [])
            JSONWriter.write(
                [
                    "content_type": .string(Self.metricsContentType),
                    "text": .string(server.metricsText(dataset: dataset)),
                ],
                into: &result)
        case .serverReload:
            preconditionFailure("server.reload is answered through LineOutcome.reload")
        }
    }

    /// A record as stored, or only its selected members.
    private func appendRecord(_ index: Int, of dataset: Dataset, fields: FieldSelection?, to result: inout [UInt8]) {
        if let fields {
            fields.appendRecordJSON(index, of: dataset, to: &result)
        } else {
            dataset.appendRecordJSON(index, to: &result)
        }
    }
}
