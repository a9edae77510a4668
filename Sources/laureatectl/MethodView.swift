import LaureateCore

extension Cards {
    /// One method of the OpenRPC document in full, for `discover METHOD`: what the table's cut
    /// summary leaves out, each param with its type, and the errors it may answer.
    static func method(_ method: JSONObject, terminal: Terminal) -> String {
        let width = max(30, terminal.width - 16)
        var lines = [terminal.bold(method["name"]?.stringValue ?? "?")]
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("  " + terminal.dim(Format.pad(label, 12)) + Format.wrap(value, width: width, indent: 14))
        }
        add("summary", method["summary"]?.stringValue)
        add("description", method["description"]?.stringValue)
        for (index, param) in (method["params"]?.arrayValue ?? []).compactMap(\.objectValue).enumerated() {
            let name = param["name"]?.stringValue ?? "?"
            let required = param["required"] == .bool(true) ? ", required" : ""
            let type = param["schema"].map(typeName) ?? "any"
            add(index == 0 ? "params" : "", "\(name) (\(type)\(required)): \(param["description"]?.stringValue ?? "")")
        }
        for (index, error) in (method["errors"]?.arrayValue ?? []).compactMap(\.objectValue).enumerated() {
            let code = error["code"]?.integerValue.map(String.init) ?? "?"
            add(index == 0 ? "errors" : "", "\(code) \(error["message"]?.stringValue ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// A schema's type as people read it: `integer 1…1000`, `string or array`, `one of a, b`.
    private static func typeName(_ schema: JSONValue) -> String {
        guard let object = schema.objectValue else { return "any" }
        if let values = object["enum"]?.arrayValue {
            return "one of " + values.compactMap(\.stringValue).joined(separator: ", ")
        }
        if let ref = object["$ref"]?.stringValue { return String(ref.split(separator: "/").last ?? "") }
        if let branches = (object["oneOf"] ?? object["anyOf"])?.arrayValue {
            return branches.map(typeName).joined(separator: " or ")
        }
        var name = object["type"]?.stringValue ?? "any"
        if let minimum = object["minimum"]?.integerValue {
            name += object["maximum"]?.integerValue.map { " \(minimum)…\($0)" } ?? " ≥ \(minimum)"
        }
        if name == "array", let items = object["items"] { name = "array of " + typeName(items) }
        return name
    }
}
