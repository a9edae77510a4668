import LaureateCore

#if canImport(Glibc)
    import Glibc
#endif

/// Where the client finds the daemon, resolved as the daemon resolves it: the flag, then
/// `LAUREATED_SOCKET`, then the settings file, then the default paths.
public enum SocketPath {
    /// The settings file the packaged unit reads.
    public static let settingsFile = "/etc/laureated/laureated.defaults"

    /// The socket path to use.
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let value = environment["LAUREATED_SOCKET"], !value.isEmpty { return value }
        if let text = readSmallFile(settingsFile),
            let value = try? EnvironmentFile.parse(text, file: settingsFile)["LAUREATED_SOCKET"], !value.isEmpty
        {
            return value
        }
        let system = "/run/laureated/laureated.sock"
        if access(system, F_OK) == 0 { return system }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return runtime + "/laureated.sock" }
        return system
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else { return nil }
        return String(validating: bytes[..<count], as: UTF8.self)
    }
}
