/// What a reload changed, by record id: the change feed's unit. A record is changed when its
/// served JSON differs; `fields` names the members that differ (added, removed or rewritten).
public struct DatasetChange: Sendable, Equatable {
    public struct ChangedRecord: Sendable, Equatable {
        public var id: String
        public var fields: [String]
    }

    /// The generation before the change, and the one it made.
    public var since: Int
    public var generation: Int
    /// In the new dataset's order; `removed` in the old one's.
    public var added: [String]
    public var removed: [String]
    public var changed: [ChangedRecord]

    /// The most ids of each kind a reply or push lists; past it, `truncated` and the counts say so.
    public static let listBound = 1000

    /// The change from `old` to `new`, which becomes `generation`: one pass over each dataset,
    /// comparing records by their stored JSON bytes (parsed only for the records that differ).
    public static func between(_ old: Dataset, _ new: Dataset, generation: Int) -> DatasetChange {
        var change = DatasetChange(since: generation - 1, generation: generation, added: [], removed: [], changed: [])
        for index in 0..<new.count {
            new.store.withID(index) { id in
                guard let previous = old.store.index(of: id) else {
                    change.added.append(String(decoding: id, as: UTF8.self))
                    return
                }
                let same = old.store.withJSON(previous) { before in
                    new.store.withJSON(index) { after in before.elementsEqual(after) }
                }
                if !same {
                    change.changed.append(
                        ChangedRecord(
                            id: String(decoding: id, as: UTF8.self),
                            fields: differingFields(old.record(previous), new.record(index))))
                }
            }
        }
        for index in 0..<old.count {
            old.store.withID(index) { id in
                if new.store.index(of: id) == nil { change.removed.append(String(decoding: id, as: UTF8.self)) }
            }
        }
        return change
    }

    /// The members of two records whose values differ: the new record's, in its (canonical)
    /// order, then those it no longer has.
    private static func differingFields(_ before: JSONValue, _ after: JSONValue) -> [String] {
        let old = before.objectValue ?? [:]
        let new = after.objectValue ?? [:]
        var names = new.keys
        for name in old.keys where !names.contains(name) { names.append(name) }
        return names.filter { old[$0] != new[$0] }
    }

    /// The net change of consecutive changes (each one's `since` the previous one's `generation`):
    /// a record added then removed is in no list; one removed then added again is changed, with
    /// no fields named (what it was before is no longer known). Linear in the ids listed.
    public static func merging(_ changes: [DatasetChange]) -> DatasetChange? {
        guard let first = changes.first, let last = changes.last else { return nil }
        enum Net {
            case added, removed
            case changed([String])
        }
        var net: [String: Net] = [:]
        var order: [String] = []
        func update(_ id: String, _ state: Net?) {
            if net[id] == nil, state != nil { order.append(id) }
            net[id] = state
        }
        for change in changes {
            for id in change.added {
                if case .removed? = net[id] { net[id] = .changed([]) } else { update(id, .added) }
            }
            for id in change.removed {
                if case .added? = net[id] { update(id, nil) } else { update(id, .removed) }
            }
            for record in change.changed {
                switch net[record.id] {
                case .added?: break
                case .changed(let known)?:
                    net[record.id] = .changed(known + record.fields.filter { !known.contains($0) })
                case .removed?, nil: update(record.id, .changed(record.fields))
                }
            }
        }
        var merged = DatasetChange(since: first.since, generation: last.generation, added: [], removed: [], changed: [])
        var listed = Set<String>()
        for id in order where listed.insert(id).inserted {
            switch net[id] {
            case .added?: merged.added.append(id)
            case .removed?: merged.removed.append(id)
            case .changed(let fields)?: merged.changed.append(ChangedRecord(id: id, fields: fields))
            case nil: break
            }
        }
        return merged
    }

    /// The change's members on the wire: `since`, `generation`, the three lists (each at most
    /// `listBound` long), `changed_fields` for the changed ids listed, `counts` and `truncated`.
    public var members: JSONObject {
        let listedChanges = changed.prefix(Self.listBound)
        var fields = JSONObject()
        for record in listedChanges { fields[record.id] = .array(record.fields.map(JSONValue.string)) }
        func count(_ value: Int) -> JSONValue { .number(JSONNumber(Int64(value))) }
        return [
            "since": count(since), "generation": count(generation),
            "added": .array(added.prefix(Self.listBound).map(JSONValue.string)),
            "removed": .array(removed.prefix(Self.listBound).map(JSONValue.string)),
            "changed": .array(listedChanges.map { .string($0.id) }),
            "changed_fields": .object(fields),
            "counts": ["added": count(added.count), "removed": count(removed.count), "changed": count(changed.count)],
            "truncated": .bool([added.count, removed.count, changed.count].contains { $0 > Self.listBound }),
        ]
    }
}

/// Where a snapshot stands among the daemon's reloads: its generation (1 for the first load, one
/// more per successful reload) and the changes of the last `kept` generations, oldest first.
public struct DatasetLineage: Sendable, Equatable {
    public static let kept = 16

    public var generation = 1
    public var changes: [DatasetChange] = []

    public init() {}

    /// The lineage of the dataset `change` leads to.
    public func next(_ change: DatasetChange) -> DatasetLineage {
        var lineage = DatasetLineage()
        lineage.generation = change.generation
        lineage.changes = Array((changes + [change]).suffix(Self.kept))
        return lineage
    }

    /// The oldest generation a client may catch up from.
    public var oldestKnown: Int { changes.first.map(\.since) ?? generation }

    /// The net change from generation `since` to this one.
    /// - Throws: `QueryError.invalidParam` when `since` is ahead of this generation, or older than
    ///   the changes kept (naming the oldest generation that can be answered from).
    public func changes(since: Int) throws(QueryError) -> DatasetChange {
        guard since <= generation else {
            throw .invalidParam(name: "since", reason: "generation \(since) is ahead of the current one, \(generation)")
        }
        guard since >= oldestKnown else {
            throw .invalidParam(
                name: "since",
                reason:
                    "generation \(since) is no longer kept; the oldest one to catch up from is \(oldestKnown) "
                    + "(re-read everything, then follow from generation \(generation))")
        }
        return DatasetChange.merging(changes.filter { $0.since >= since })
            ?? DatasetChange(since: since, generation: generation, added: [], removed: [], changed: [])
    }
}
