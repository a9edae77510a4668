/// A well-formed JSON-RPC request.
public struct Request: Sendable, Equatable {
    /// The id to echo; nil for a notification, which gets no reply.
    public var id: JSONValue?
    public var method: String
    /// Params by name (`{}` when omitted).
    public var params: JSONObject

    public init(id: JSONValue?, method: String, params: JSONObject = JSONObject()) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// One element of a message: a request, or the error to answer instead: with its id (`null` when
/// none could be read), or with no reply at all (`nil`) for a notification, which is never answered.
public enum RequestEntry: Sendable, Equatable {
    case request(Request)
    case invalid(id: JSONValue?, ProtocolError)
}

/// A decoded line: one entry, or a batch of them.
public enum DecodedMessage: Sendable, Equatable {
    case single(RequestEntry)
    case batch([RequestEntry])
}

/// Who is at the other end of a connection (`SO_PEERCRED`).
public struct PeerCredentials: Sendable, Hashable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}

/// Who may call admin methods: uid 0, the daemon's own uid, and the uids and groups configured.
public struct AdminPolicy: Sendable, Equatable {
    public var daemonUID: UInt32
    public var uids: Set<UInt32>
    public var gids: Set<UInt32>

    public init(daemonUID: UInt32, uids: Set<UInt32> = [], gids: Set<UInt32> = []) {
        self.daemonUID = daemonUID
        self.uids = uids
        self.gids = gids
    }

    /// Whether `peer` may call admin methods; an unknown peer may not.
    public func allows(_ peer: PeerCredentials?) -> Bool {
        guard let peer else { return false }
        return peer.uid == 0 || peer.uid == daemonUID || uids.contains(peer.uid) || gids.contains(peer.gid)
    }
}
