public import LaureateCore
public import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Every setting of the daemon: one table giving each its variable name, default and meaning.
/// Command-line flags win over the environment, which wins over the `--config` file.
public enum DaemonSetting: String, CaseIterable, Sendable {
    case socket = "LAUREATED_SOCKET"
    case varlinkSocket = "LAUREATED_VARLINK_SOCKET"
    case dataset = "LAUREATED_DATASET"
    case refreshedDataset = "LAUREATED_REFRESHED_DATASET"
    case logLevel = "LAUREATED_LOG_LEVEL"
    case allowUnknownSector = "LAUREATED_ALLOW_UNKNOWN_SECTOR"
    case maxLineBytes = "LAUREATED_MAX_LINE_BYTES"
    case maxBatch = "LAUREATED_MAX_BATCH"
    case maxConnections = "LAUREATED_MAX_CONNECTIONS"
    case maxConnectionsPerUID = "LAUREATED_MAX_CONNECTIONS_PER_UID"
    case idleTimeout = "LAUREATED_IDLE_TIMEOUT_S"
    case outputHighWater = "LAUREATED_OUTPUT_HIGH_WATER_BYTES"
    case outputStallTimeout = "LAUREATED_OUTPUT_STALL_TIMEOUT_S"
    case adminUIDs = "LAUREATED_ADMIN_UIDS"
    case adminGroups = "LAUREATED_ADMIN_GROUPS"
    case socketMode = "LAUREATED_SOCKET_MODE"
    case socketGroup = "LAUREATED_SOCKET_GROUP"
    case threads = "LAUREATED_THREADS"

    /// The built-in default, as written in the defaults file ("" when unset).
    public var defaultValue: String {
        switch self {
        case .socket, .varlinkSocket, .dataset, .refreshedDataset, .adminUIDs, .adminGroups, .socketGroup: ""
        case .logLevel: "info"
        case .allowUnknownSector: "no"
        case .maxLineBytes: String(Self.limits.maximumLineBytes)
        case .maxBatch: String(Self.limits.maximumBatch)
        case .maxConnections: String(Self.limits.maximumConnections)
        case .maxConnectionsPerUID: String(Self.limits.maximumConnectionsPerUID)
        case .idleTimeout: Self.seconds(Self.limits.idleTimeout)
        case .outputHighWater: String(Self.limits.outputHighWaterBytes)
        case .outputStallTimeout: Self.seconds(Self.limits.outputStallTimeout)
        case .socketMode: "0" + String(ServerConfiguration.defaultSocketMode, radix: 8)
        case .threads: String(ServerConfiguration.defaultThreads)
        }
    }

    private static let limits = ServerLimits()

    /// A timeout as the settings write it: whole seconds, 0 for none.
    private static func seconds(_ duration: Duration?) -> String {
        String(duration?.components.seconds ?? 0)
    }

    /// What the setting does, for the defaults file and the man page.
    public var help: String {
        switch self {
        case .socket:
            "Socket path. Empty: /run/laureated/laureated.sock when /run/laureated is writable, else "
                + "$XDG_RUNTIME_DIR/laureated.sock. Ignored under socket activation."
        case .varlinkSocket:
            "Socket path of the varlink front end (io.laureated.Dataset). Empty: none, unless systemd passes a "
                + "socket named io.laureated.Dataset. Ignored under socket activation."
        case .dataset:
            "Dataset files (JSON array, JSON Lines or CSV, including the official export), separated by spaces, "
                + "merged in order. Empty: the embedded default."
        case .refreshedDataset:
            "A file laureated-refresh fills (laureated.service: /var/lib/laureated/plan-de-relance.csv): once it "
                + "exists, each load serves it instead of LAUREATED_DATASET's files or the embedded default."
        case .logLevel: "Lowest level logged: trace, debug, info, notice, warning, error, critical."
        case .allowUnknownSector:
            "yes: keep official-export rows whose filiere maps to no sector (without a sector) instead of "
                + "refusing the file."
        case .maxLineBytes:
            "Longest request line; a longer one gets -32600 \"request too large\" and the connection is closed."
        case .maxBatch: "Most requests in one batch."
        case .maxConnections: "Most connections open at once; past it, -32003 and close."
        case .maxConnectionsPerUID: "Most connections one uid may hold open."
        case .idleTimeout: "Seconds without traffic before a connection is closed; 0: never."
        case .outputHighWater: "Reply bytes queued for one connection before its requests stop being read."
        case .outputStallTimeout:
            "Seconds a connection may leave its replies unread (queued past the high-water mark) before it is "
                + "closed; 0: never."
        case .adminUIDs: "Uids allowed to call server.reload besides root and the daemon's own uid, comma-separated."
        case .adminGroups: "Groups (names or gids) whose members may call server.reload, comma-separated."
        case .socketMode: "Permission bits of the socket file the daemon creates (octal)."
        case .socketGroup: "Group (name or gid) of the socket file the daemon creates. Empty: the daemon's."
        case .threads: "Event-loop threads; 1 is fastest on small machines."
        }
    }
}

/// The daemon's settings, resolved from flags, environment and config file.
public struct DaemonSettings: Sendable {
    public var socketPath: String?
    public var varlinkSocketPath: String?
    public var datasetPaths: [String]
    public var refreshedDatasetPath: String?
    public var logLevel: Logger.Level
    public var datasetOptions: DatasetOptions
    public var limits: ServerLimits
    public var adminUIDs: Set<UInt32>
    public var adminGIDs: Set<UInt32>
    public var socketMode: UInt32
    public var socketGroup: UInt32?
    public var threads: Int

    /// Resolves every setting.
    /// - Parameters:
    ///   - flags: values given on the command line, by setting.
    ///   - environment: the process environment.
    ///   - configFile: the `--config` file's path, if given.
    /// - Throws: `ConfigurationError` naming the setting (and file line) that is wrong.
    public static func resolve(
        flags: [DaemonSetting: String],
        environment: [String: String],
        configFile: String?
    ) throws(ConfigurationError) -> DaemonSettings {
        var fileValues: [String: String] = [:]
        if let configFile {
            let bytes: [UInt8]
            do {
                bytes = try DatasetLoader.readFile(configFile)
            } catch {
                throw ConfigurationError(file: configFile, line: nil, reason: error.first.reason)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ConfigurationError(file: configFile, line: nil, reason: "not UTF-8 text")
            }
            fileValues = try EnvironmentFile.parse(text, file: configFile)
            for key in fileValues.keys where key.hasPrefix("LAUREATED_") && DaemonSetting(rawValue: key) == nil {
                throw ConfigurationError(file: configFile, line: nil, reason: "unknown setting \(key)")
            }
        }
        func value(_ setting: DaemonSetting) -> String {
            flags[setting] ?? environment[setting.rawValue] ?? fileValues[setting.rawValue] ?? setting.defaultValue
        }
        func fail(_ setting: DaemonSetting, _ reason: String) -> ConfigurationError {
            ConfigurationError(
                file: configFile ?? "settings", line: nil, reason: "\(setting.rawValue)=\(value(setting)): \(reason)")
        }
        func integer(_ setting: DaemonSetting, minimum: Int) throws(ConfigurationError) -> Int {
            guard let number = Int(value(setting)), number >= minimum else {
                throw fail(setting, "expected a whole number ≥ \(minimum)")
            }
            return number
        }
        var settings = DaemonSettings(
            socketPath: value(.socket).isEmpty ? nil : value(.socket),
            varlinkSocketPath: value(.varlinkSocket).isEmpty ? nil : value(.varlinkSocket),
            datasetPaths: value(.dataset).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init),
            refreshedDatasetPath: value(.refreshedDataset).isEmpty ? nil : value(.refreshedDataset),
            logLevel: .info, datasetOptions: DatasetOptions(),
            limits: ServerLimits(), adminUIDs: [], adminGIDs: [],
            socketMode: 0, socketGroup: nil, threads: 1
        )
        guard let level = Logger.Level(rawValue: value(.logLevel).lowercased()) else {
            throw fail(.logLevel, "expected trace, debug, info, notice, warning, error or critical")
        }
        settings.logLevel = level
        switch value(.allowUnknownSector).lowercased() {
        case "yes", "true", "1", "on": settings.datasetOptions.allowUnknownSector = true
        case "no", "false", "0", "off", "": settings.datasetOptions.allowUnknownSector = false
        default: throw fail(.allowUnknownSector, "expected yes or no")
        }
        settings.limits.maximumLineBytes = try integer(.maxLineBytes, minimum: 64)
        settings.limits.maximumBatch = try integer(.maxBatch, minimum: 1)
        settings.limits.maximumConnections = try integer(.maxConnections, minimum: 1)
        settings.limits.maximumConnectionsPerUID = try integer(.maxConnectionsPerUID, minimum: 1)
        let idle = try integer(.idleTimeout, minimum: 0)
        settings.limits.idleTimeout = idle == 0 ? nil : .seconds(idle)
        settings.limits.outputHighWaterBytes = try integer(.outputHighWater, minimum: 1024)
        let stall = try integer(.outputStallTimeout, minimum: 0)
        settings.limits.outputStallTimeout = stall == 0 ? nil : .seconds(stall)
        settings.threads = try integer(.threads, minimum: 1)
        for uid in value(.adminUIDs).split(separator: ",") {
            guard let number = UInt32(uid.trimmingCharacters()) else {
                throw fail(.adminUIDs, "\"\(uid)\" is not a uid")
            }
            settings.adminUIDs.insert(number)
        }
        for group in value(.adminGroups).split(separator: ",") {
            guard let gid = groupID(String(group.trimmingCharacters())) else {
                throw fail(.adminGroups, "no group \"\(group)\"")
            }
            settings.adminGIDs.insert(gid)
        }
        guard let mode = UInt32(value(.socketMode), radix: 8), mode <= 0o777 else {
            throw fail(.socketMode, "expected octal permission bits such as 0660")
        }
        settings.socketMode = mode
        if !value(.socketGroup).isEmpty {
            guard let gid = groupID(value(.socketGroup)) else { throw fail(.socketGroup, "no such group") }
            settings.socketGroup = gid
        }
        return settings
    }

    /// A gid, or the gid of a group name (`getgrnam(3)`).
    private static func groupID(_ text: String) -> UInt32? {
        if let number = UInt32(text) { return number }
        guard let entry = getgrnam(text) else { return nil }
        return entry.pointee.gr_gid
    }

    /// The socket path when none is configured: `/run/laureated/laureated.sock` when that directory
    /// is writable (root, or systemd's `RuntimeDirectory=`), else `$XDG_RUNTIME_DIR/laureated.sock`.
    public static func defaultSocketPath(environment: [String: String]) -> String? {
        if access("/run/laureated", W_OK) == 0 { return "/run/laureated/laureated.sock" }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return runtime + "/laureated.sock" }
        return nil
    }

    /// The `Config/laureated.defaults` text: every setting, commented out at its default.
    public static func defaultsFile() -> String {
        var text = """
            # laureated settings, read by laureated.service (EnvironmentFile=) and by laureated --config.
            # Entries in this file show the built-in defaults: uncomment a line to change it.
            # Command-line flags override the environment, which overrides this file.

            """
        for setting in DaemonSetting.allCases {
            text += "\n# \(setting.help)\n#\(setting.rawValue)=\(setting.defaultValue)\n"
        }
        return text
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
