/// What a varlink service says about itself through the interface every service provides,
/// `org.varlink.service`: the daemon's dataset service and the certification server both answer
/// `GetInfo` and `GetInterfaceDescription` through this one type.
public struct VarlinkService: Sendable {
    public static let serviceInterface = "org.varlink.service"

    public let vendor: String
    public let product: String
    public let version: String
    public let url: String
    /// The interfaces served besides `org.varlink.service`, with their IDL text.
    public let interfaces: [(name: String, description: String)]

    public init(
        vendor: String, product: String, version: String, url: String,
        interfaces: [(name: String, description: String)]
    ) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
        self.interfaces = interfaces
    }

    /// The IDL text of `interface`, if served.
    public func description(of interface: some StringProtocol) -> String? {
        if interface == Self.serviceInterface { return Self.serviceDescription }
        return interfaces.first { $0.name == interface }?.description
    }

    /// The reply parameters of an `org.varlink.service` call, or its error.
    public func answer(_ call: VarlinkCall) -> Result<JSONObject, VarlinkError> {
        switch call.member {
        case "GetInfo":
            if let unknown = call.parameters.keys.first { return .failure(.invalidParameter(unknown)) }
            let names = [Self.serviceInterface] + interfaces.map(\.name)
            return .success([
                "vendor": .string(vendor), "product": .string(product), "version": .string(version),
                "url": .string(url), "interfaces": .array(names.map(JSONValue.string)),
            ])
        case "GetInterfaceDescription":
            guard let value = call.parameters["interface"], case .string(let name) = value,
                call.parameters.count == 1
            else {
                return .failure(.invalidParameter(call.parameters.keys.first { $0 != "interface" } ?? "interface"))
            }
            guard let description = description(of: name) else { return .failure(.interfaceNotFound(name)) }
            return .success(["description": .string(description)])
        default:
            return .failure(.methodNotFound(call.method))
        }
    }

    /// The standard interface, as the varlink specification defines it.
    public static let serviceDescription = """
        # The Varlink Service Interface is provided by every varlink service. It
        # describes the service and the interfaces it implements.
        interface org.varlink.service

        # Get a list of all the interfaces a service provides and information
        # about the implementation.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # Get the description of an interface that is implemented by this service.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # The requested interface was not found.
        error InterfaceNotFound (interface: string)

        # The requested method was not found
        error MethodNotFound (method: string)

        # The interface defines the requested method, but the service does not
        # implement it.
        error MethodNotImplemented (method: string)

        # One of the passed parameters is invalid.
        error InvalidParameter (parameter: string)

        # Client is denied access
        error PermissionDenied ()

        # Method is expected to be called with 'more' set to true, but wasn't
        error ExpectedMore ()

        """
}
