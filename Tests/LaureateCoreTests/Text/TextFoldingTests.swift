import Testing

@testable import LaureateCore

@Suite("Text folding")
struct TextFoldingTests {
    @Test("folds case and accents", arguments: [
        ("Électronique", ["electronique"]), ("ÎLE-DE-FRANCE", ["ile", "de", "france"]), ("cœur Œuvre", ["coeur", "oeuvre"]),
        ("Provence-Alpes-Côte d'Azur", ["provence", "alpes", "cote", "d", "azur"]), ("e\u{301}te\u{301}", ["ete"]),
        ("5G : télécoms", ["5g", "telecoms"]), ("Straße", ["strasse"]), ("", []),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(TextFolding.words(text) == expected)
    }

    @Test("makes whole-value keys that ignore punctuation")
    func keys() {
        #expect(TextFolding.key("Île-de-France") == TextFolding.key("ile de france"))
        #expect(TextFolding.key("PAYS DE LA LOIRE") == "pays de la loire")
    }
}
