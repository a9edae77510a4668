import LaureateClient
import LaureateCore

/// What the shell completions offer beyond option names: fixed values, and the daemon's ids.
enum Completions {
    static let sortKeys = ["relevance", "project", "jobs", "investment", "aid", "distance"].flatMap { [$0, "-" + $0] }

    static let dimensions: [String] = {
        let names = StatsDimension.allCases.map(\.rawValue)
        return names + names.flatMap { first in names.filter { $0 != first }.map { "\(first),\($0)" } }
    }()

    /// The ids starting with the word being completed, asked of the daemon named on the command
    /// line (or the default one) in pages of 1 000 ids; nothing when it cannot be reached in a
    /// second, so that a tab never hangs the shell.
    @Sendable static func ids(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var flag: String?
        for (position, word) in words.enumerated() {
            if word == "--socket", position + 1 < words.count { flag = words[position + 1] }
            if word.hasPrefix("--socket=") { flag = String(word.dropFirst("--socket=".count)) }
        }
        let path = SocketPath.resolve(flag: flag, environment: Session.environment())
        guard let connection = try? LaureateConnection(path: path, timeout: 1) else { return [] }
        var ids: [String] = []
        var offset: Int64? = 0
        while let start = offset, ids.count < 100_000 {
            let params: JSONObject = ["fields": ["id"], "limit": 1000, "offset": .number(JSONNumber(start))]
            guard case .result(let page)? = try? connection.call("laureate.search", params: params) else { break }
            for item in page.objectValue?["items"]?.arrayValue ?? [] {
                if let id = item.objectValue?["id"]?.stringValue, id.hasPrefix(prefix) { ids.append(id) }
            }
            offset = page.objectValue?["next_offset"]?.integerValue
        }
        return ids
    }
}
