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

    /// The dataset was reloaded: `info` is the one now served, `change` what the reload changed
    /// (its members beside `dataset`: `since`, `generation`, the id lists, counts, `truncated`).
    public static func reloaded(_ info: DatasetInfo, change: DatasetChange) -> DatasetPush {
        var params: JSONObject = ["dataset": info.json]
        for (key, value) in change.members { params[key] = value }
        return DatasetPush(event: "reloaded", params: params)
    }

    /// A reload failed at `at`; `served` is still served. Subscribers hear of failures too: a
    /// watcher must not take silence for success.
    public static func reloadFailed(at: String, error: ProtocolError, served: DatasetInfo) -> DatasetPush {
        DatasetPush(
            event: "reload_failed", params: ["at": .string(at), "error": error.json, "dataset": served.json])
    }
}
