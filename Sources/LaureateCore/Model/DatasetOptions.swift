/// Choices an admin makes about what a dataset may hold.
public struct DatasetOptions: Sendable {
    /// Keep official-export rows whose `filiere` maps to no sector (without a sector) instead of failing.
    public var allowUnknownSector: Bool

    public init(allowUnknownSector: Bool = false) {
        self.allowUnknownSector = allowUnknownSector
    }
}
