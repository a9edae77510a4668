/// A varlink call: one JSON object per message, framed by a NUL byte (`MessageFramer(delimiter: 0)`).
/// Replies carry no id: they come in the order of the calls.
public struct VarlinkCall: Sendable, Equatable {
    /// The qualified method, `interface.Method`.
    public var method: String
    public var parameters: JSONObject
    /// No reply is wanted.
    public var oneway: Bool
    /// Replies may follow with `continues: true` until a last one.
    public var more: Bool
    /// The connection would carry another protocol after the reply (no method here offers it).
    public var upgrade: Bool

    public init(method: String, parameters: JSONObject = [:], oneway: Bool = false, more: Bool = false) {
        self.method = method
        self.parameters = parameters
        self.oneway = oneway
        self.more = more
        self.upgrade = false
    }

    /// The interface part of `method` (before its last dot).
    public var interface: Substring { method[..<(method.lastIndex(of: ".") ?? method.startIndex)] }

    /// The member part of `method` (after its last dot).
    public var member: Substring {
        guard let dot = method.lastIndex(of: ".") else { return method[...] }
        return method[method.index(after: dot)...]
    }

    /// Decodes one message (without its NUL).
    /// - Throws: `VarlinkViolation` for anything that is not a call: the connection is closed then,
    ///   as sd-varlink does, since a peer that breaks the framing cannot be answered in order.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(VarlinkViolation) -> VarlinkCall {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw VarlinkViolation(reason: "not JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw VarlinkViolation(reason: "expected a call object, got \(value.typeName)")
        }
        var call = VarlinkCall(method: "")
        var sawMethod = false
        for (key, member) in object {
            switch key {
            case "method":
                guard case .string(let method) = member, Self.isQualifiedName(method) else {
                    throw VarlinkViolation(reason: "method must be interface.Method, got \(JSONWriter.string(member))")
                }
                call.method = method
                sawMethod = true
            case "parameters":
                switch member {
                case .object(let parameters): call.parameters = parameters
                case .null: break
                default: throw VarlinkViolation(reason: "parameters must be an object, got \(member.typeName)")
                }
            case "oneway", "more", "upgrade":
                guard case .bool(let flag) = member else {
                    throw VarlinkViolation(reason: "\(key) must be a boolean, got \(member.typeName)")
                }
                switch key {
                case "oneway": call.oneway = flag
                case "more": call.more = flag
                default: call.upgrade = flag
                }
            default:
                throw VarlinkViolation(reason: "unknown member \(JSONWriter.string(.string(key))) in a call")
            }
        }
        guard sawMethod else { throw VarlinkViolation(reason: "a call needs a method") }
        guard !(call.oneway && call.more) else { throw VarlinkViolation(reason: "a call cannot be oneway and more") }
        return call
    }

    /// `interface.Method`: a dotted interface name, then a member name starting with a capital.
    private static func isQualifiedName(_ text: String) -> Bool {
        guard let dot = text.utf8.lastIndex(of: UInt8(ascii: ".")), dot != text.utf8.startIndex else { return false }
        let member = text.utf8[text.utf8.index(after: dot)...]
        guard let first = member.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
        return member.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }
}

/// A message that is not a varlink call: the connection is closed (the reason is logged).
public struct VarlinkViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// A varlink error reply: a qualified error name and its parameters.
public struct VarlinkError: Error, Sendable, Equatable {
    public var name: String
    public var parameters: JSONObject

    public init(_ name: String, _ parameters: JSONObject = [:]) {
        self.name = name
        self.parameters = parameters
    }

    public static func interfaceNotFound(_ interface: some StringProtocol) -> VarlinkError {
        VarlinkError("org.varlink.service.InterfaceNotFound", ["interface": .string(String(interface))])
    }

    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError("org.varlink.service.MethodNotFound", ["method": .string(method)])
    }

    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError("org.varlink.service.MethodNotImplemented", ["method": .string(method)])
    }

    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError("org.varlink.service.InvalidParameter", ["parameter": .string(parameter)])
    }

    public static let permissionDenied = VarlinkError("org.varlink.service.PermissionDenied")
    public static let expectedMore = VarlinkError("org.varlink.service.ExpectedMore")
}

/// Writes varlink replies, each ended by its NUL: the only writer of varlink's wire format.
public enum VarlinkReply {
    /// The most bytes one message may take, as sd-varlink allows: past it the connection is closed.
    public static let maximumMessageBytes = 16 << 20

    /// A reply whose `parameters` object is `parameters`, already encoded.
    public static func write(parameters: some Collection<UInt8>, continues: Bool = false, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"parameters":"#.utf8)
        output.append(contentsOf: parameters)
        if continues { output.append(contentsOf: #","continues":true"#.utf8) }
        output.append(contentsOf: [UInt8(ascii: "}"), 0])
    }

    /// A reply of `parameters`.
    public static func write(_ parameters: JSONObject, continues: Bool = false, into output: inout [UInt8]) {
        write(parameters: JSONWriter.encode(.object(parameters)), continues: continues, into: &output)
    }

    /// An error reply.
    public static func write(_ error: VarlinkError, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"error":"#.utf8)
        JSONWriter.writeString(error.name, into: &output)
        output.append(contentsOf: #","parameters":"#.utf8)
        JSONWriter.write(.object(error.parameters), into: &output)
        output.append(contentsOf: [UInt8(ascii: "}"), 0])
    }
}

extension ProtocolError {
    /// The varlink twin of this error: the one place where the error table meets varlink. Errors of
    /// the message itself (`parseError`, `invalidRequest`) never get here: varlink closes the
    /// connection instead.
    public var varlinkError: VarlinkError {
        func member(_ name: String) -> JSONValue { data[name] ?? .null }
        switch code {
        case .invalidParams:
            // The standard error names the parameter; why it is wrong rides along (clients that
            // type errors by the IDL ignore members they do not know).
            var error = VarlinkError.invalidParameter(member("param").stringValue ?? "")
            error.parameters["reason"] = member("reason")
            return error
        case .methodNotFound: return .methodNotFound(member("method").stringValue ?? "")
        case .forbidden: return .permissionDenied
        case .notFound: return VarlinkError(DatasetInterface.name + ".NotFound", ["id": member("id")])
        case .reloadFailed:
            var parameters: JSONObject = ["reason": .string(message)]
            for name in ["path", "line", "field"] where data[name] != nil { parameters[name] = data[name] }
            return VarlinkError(DatasetInterface.name + ".ReloadFailed", parameters)
        case .overloaded: return VarlinkError(DatasetInterface.name + ".Overloaded", ["reason": .string(message)])
        case .parseError, .invalidRequest, .internalError:
            return VarlinkError(DatasetInterface.name + ".InternalError", ["message": .string(message)])
        }
    }
}
