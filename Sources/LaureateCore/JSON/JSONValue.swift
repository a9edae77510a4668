/// A parsed JSON value that keeps object members in source order, so that a record is served with
/// its fields in the order its source gave them.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The members, when this value is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, when this value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The integer, when this value is a number without fraction or exponent that fits in 64 bits.
    public var integerValue: Int64? {
        if case .number(let n) = self { return n.integerValue }
        return nil
    }

    /// The number as a double, when this value is a finite number.
    public var doubleValue: Double? {
        if case .number(let n) = self, let value = n.doubleValue, value.isFinite { return value }
        return nil
    }

    /// The JSON type name used in error messages ("string", "number", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON number kept as its source text, so that a request id like `1.50` is echoed unchanged.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as it appeared in the source (already validated against the JSON grammar).
    public let text: String

    /// Wraps text that is known to be a valid JSON number.
    public init(validatedText: String) { self.text = validatedText }

    /// Makes the number for an integer.
    public init(_ value: Int64) { self.text = String(value) }

    /// Makes the number for a finite double.
    public init(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// The integer value when the text has no fraction or exponent and fits in `Int64`.
    public var integerValue: Int64? { Int64(text) }

    /// The value as a double.
    public var doubleValue: Double? { Double(text) }

    public var description: String { text }
}

/// A JSON object: members in source order, with a lookup by key.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The members in source order.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// Makes an object from members in order.
    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// The member names in order.
    public var keys: [String] { members.map(\.key) }

    /// The number of members.
    public var count: Int { members.count }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}
