/// One dataset file's name (as the admin gave it, for messages) and contents.
public struct DatasetSource: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
