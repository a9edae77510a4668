/// The requests a connection answered since the server last collected them, by method and
/// outcome: plain integers in the connection's own state (no lock, no atomic per request), folded
/// into the server's metrics once per read burst.
public struct RequestTally: Sendable {
    /// What a request was, as the metrics label it: a method, or none.
    public enum Label: Sendable, Equatable, CaseIterable {
        case method(Method)
        /// A method name the daemon does not have.
        case unknown
        /// Not a request at all (not JSON, not a request object, a bad batch).
        case invalid

        public static let allCases: [Label] = Method.allCases.map(Label.method) + [.unknown, .invalid]

        /// The `method` label's value.
        public var name: String {
            switch self {
            case .method(let method): method.rawValue
            case .unknown: "unknown"
            case .invalid: "invalid"
            }
        }

        @inlinable
        var slot: Int {
            switch self {
            case .method(let method): method.tallySlot
            case .unknown: Method.tallyCount
            case .invalid: Method.tallyCount + 1
            }
        }
    }

    @inlinable public static var labelCount: Int { Method.tallyCount + 2 }
    @usableFromInline var counts = InlineArray<32, Int>(repeating: 0)
    /// One bit per slot counted since the last reset, so that the fold and the reset visit only
    /// those (one or two slots in a burst of one-at-a-time requests, not all 28).
    @usableFromInline var touched: UInt32 = 0

    public init() {}

    /// Counts one request.
    @inlinable
    public mutating func add(_ label: Label, ok: Bool) {
        let slot = label.slot &* 2 &+ (ok ? 0 : 1)
        counts[slot] &+= 1
        touched |= 1 &<< UInt32(slot)
    }

    /// How many requests of `label` ended `ok` (or in an error).
    public func count(_ label: Label, ok: Bool) -> Int { counts[label.slot * 2 + (ok ? 0 : 1)] }

    /// Whether nothing was counted since the last reset.
    @inlinable
    public var isEmpty: Bool { touched == 0 }

    /// All the requests counted.
    @inlinable
    public var total: Int {
        var sum = 0
        forEachCounted { _, count in sum &+= count }
        return sum
    }

    /// Calls `body` with each slot counted since the last reset (`labelIndex * 2`, plus 1 for
    /// errors) and its count, in slot order: inlinable, as the fold runs in the server's module.
    @inlinable
    public func forEachCounted(_ body: (_ slot: Int, _ count: Int) -> Void) {
        Self.forEachSlot(in: touched) { body($0, counts[$0]) }
    }

    /// Forgets every count.
    @inlinable
    public mutating func reset() {
        Self.forEachSlot(in: touched) { counts[$0] = 0 }
        touched = 0
    }

    /// Calls `body` with the index of each bit set in `mask`, lowest first.
    @inlinable
    static func forEachSlot(in mask: UInt32, _ body: (Int) -> Void) {
        var remaining = mask
        while remaining != 0 {
            body(remaining.trailingZeroBitCount)
            remaining &= remaining &- 1
        }
    }
}

extension Method {
    /// How many methods there are (`Method.allCases.count`, which a test holds to it), as a
    /// constant the fold's loop can use without a lazy global.
    @inlinable static var tallyCount: Int { 12 }

    /// The method's place in a `RequestTally`, its place in `allCases` (a test holds the two
    /// together): a switch, not a search of `allCases`.
    @inlinable
    var tallySlot: Int {
        switch self {
        case .ping: 0
        case .laureateGet: 1
        case .laureateSearch: 2
        case .laureateStats: 3
        case .laureateChanges: 4
        case .sectorList: 5
        case .programInfo: 6
        case .serverStatus: 7
        case .serverReload: 8
        case .serverMetrics: 9
        case .eventsSubscribe: 10
        case .rpcDiscover: 11
        }
    }
}
