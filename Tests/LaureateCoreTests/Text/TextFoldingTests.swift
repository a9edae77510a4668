import Testing

@testable import LaureateCore

@Suite("Text folding")
struct TextFoldingTests {
    @Test(
        "folds case and accents",
        arguments: [
            ("Électronique", ["electronique"]), ("ÎLE-DE-FRANCE", ["ile", "de", "france"]),
            ("cœur Œuvre", ["coeur", "oeuvre"]),
            ("Provence-Alpes-Côte d'Azur", ["provence", "alpes", "cote", "d", "azur"]), ("e\u{301}te\u{301}", ["ete"]),
            ("5G : télécoms", ["5g", "telecoms"]), ("Straße", ["strasse"]), ("", []),
            ("usine ligne", ["usine", "ligne"]), ("abcDef x9y", ["abcdef", "x9y"]),
            ("été-2 créé", ["ete", "2", "cree"]),
            ("ve\u{301}ge\u{301}tal", ["vegetal"]), (" a  b ", ["a", "b"]), ("fin.", ["fin"]), ("mÉtal", ["metal"]),
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
