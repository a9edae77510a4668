/// A push to the connections subscribed to the dataset, encoded once for each front end: the
/// JSON-RPC notification line and the varlink `Subscribe` reply (with `continues`).
public struct DatasetPush: Sendable {
    public let notification: [UInt8]
    public let varlinkReply: [UInt8]

    /// `event` is the JSON-RPC method's part after `dataset.` (`reloaded`, `reload_failed`).
    private init(event: String, params: JSONObject) {
        notification = MessageCodec.notification(method: "dataset." + event, params: params)
        var parameters: JSONObject = ["event": .string(event)]
        for (key, value) in params { parameters[key] = value }
        var reply: [UInt8] = []
        VarlinkReply.write(parameters, continues: true, into: &reply)
        varlinkReply = reply
    }

    /// The dataset was reloaded: `info` is the one now served.
    public static func reloaded(_ info: DatasetInfo) -> DatasetPush {
        DatasetPush(event: "reloaded", params: ["dataset": info.json])
    }

    /// A reload failed at `at`; `served` is still served. Subscribers hear of failures too: a
    /// watcher must not take silence for success.
    public static func reloadFailed(at: String, error: ProtocolError, served: DatasetInfo) -> DatasetPush {
        DatasetPush(
            event: "reload_failed", params: ["at": .string(at), "error": error.json, "dataset": served.json])
    }
}
