/// The five critical sectors of the call, by their wire ids.
public enum Sector: String, CaseIterable, Sendable {
    case sante
    case agroalimentaire
    case electronique
    case intrants
    case fiveG = "5g"

    /// The label used when the programme facts give none.
    public var defaultLabel: String {
        switch self {
        case .sante: "Santé"
        case .agroalimentaire: "Agroalimentaire"
        case .electronique: "Électronique"
        case .intrants: "Intrants essentiels de l'industrie"
        case .fiveG: "5G"
        }
    }

    /// The ids in protocol order, for error messages.
    public static let idList = allCases.map(\.rawValue).joined(separator: ", ")
}
