import Foundation
import TestSupport
import Testing

/// The man pages and completions in Packaging/ are generated from the argument-parser definitions
/// (Scripts/generate-docs); these tests regenerate them from the built binaries and diff.
@Suite("Generated man pages and completions")
struct GeneratedDocsTests {
    static let packaging = TestPaths.inRepository("Packaging")
    static let manualTool = Harness.productsDirectory.appendingPathComponent("generate-manual-tool")

    /// laureated's zsh script is hand-written (its header says why): it must name every option.
    @Test("the hand-written zsh completion of laureated names every option laureated --help lists")
    func handWrittenZsh() throws {
        let help = try Harness.run(try Harness.binary("laureated"), ["--help"]).stdout
        let script = try String(
            contentsOf: Self.packaging.appendingPathComponent("completions/laureated.zsh"), encoding: .utf8)
        let options = help.split(separator: "\n").compactMap { line -> String? in
            let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            // An option's own line, not a wrapped help line that happens to start with one.
            let isOption = word.hasPrefix("--") && word.dropFirst(2).allSatisfy { $0.isLetter || $0 == "-" }
            return isOption ? word : nil
        }
        #expect(options.count >= 8)
        for option in options { #expect(script.contains("\(option)["), "\(option)") }
    }

    /// laureated's zsh script is hand-written (`handWrittenZsh`).
    @Test(
        "completion scripts match the binaries' options",
        arguments: [
            ("laureatectl", "bash"), ("laureatectl", "zsh"), ("laureatectl", "fish"), ("laureated", "bash"),
            ("laureated", "fish"),
        ])
    func completions(_ tool: String, _ shell: String) throws {
        let generated = try Harness.run(try Harness.binary(tool), ["--generate-completion-script", shell])
        let shipped = try String(
            contentsOf: Self.packaging.appendingPathComponent("completions/\(tool).\(shell)"), encoding: .utf8)
        #expect(generated.stdout == shipped, "run Scripts/generate-docs")
    }

    @Test(
        "man pages match the options",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: manualTool.path),
            "generate-manual-tool not built (Scripts/manual-tool)"),
        arguments: [("laureated", "8"), ("laureatectl", "1")])
    func manPages(_ tool: String, _ section: String) throws {
        let directory = try Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Harness.run(
            Self.manualTool,
            [
                try Harness.binary(tool).path, "--section", section, "--date", "2026-11-26", "--output-directory",
                directory.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let finished = try Harness.run(
            TestPaths.inRepository("Scripts/man-page"),
            [
                directory.appendingPathComponent("\(tool).\(section)").path, try Harness.binary(tool).path,
                Self.packaging.appendingPathComponent("man/extra/\(tool).\(section).mdoc").path,
            ])
        #expect(finished.status == 0, "\(finished.stderr)")
        let generated = finished.stdout
        let shipped = try String(
            contentsOf: Self.packaging.appendingPathComponent("man/\(tool).\(section)"), encoding: .utf8)
        #expect(generated == shipped, "run Scripts/generate-docs")
        // What the generator alone lost: non-ASCII text, and the sections a Debian man page has.
        for section in ["ENVIRONMENT", "FILES", "\"EXIT STATUS\"", "EXAMPLES", "SEE ALSO"] {
            #expect(shipped.contains("\n.Sh \(section)\n"), "\(tool).\(section) has no \(section)")
        }
        if tool == "laureatectl" {
            #expect(shipped.contains(#"D\[u00E9]partement"#) && shipped.contains(#"1\[u2026]1000"#))
        }
    }
}
