import Foundation
import Testing

@Suite struct HelpAndVersionTests {
    /// The argument parser wraps the discussion to the terminal: no line of a paragraph ends early (as
    /// source text hard-wrapped at 110 columns did when re-wrapped at 80), and none is longer than 80.
    @Test(arguments: [
        ["help", "notify"], ["help", "generate"], ["help", "bench"], ["help", "import", "csv"], ["help", "purge"],
    ])
    func test_help_isWrappedByTheParser_withoutRaggedLines(arguments: [String]) throws {
        let run = try forumdesk(arguments, environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\n")
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }),
            let start = lines.firstIndex(of: ""), start < usage
        else {
            Issue.record("no discussion in \(run.stdout)")
            return
        }
        let paragraph = lines[(start + 1)..<usage].filter { !$0.isEmpty }
        #expect(!paragraph.isEmpty)
        // Wrapped greedily: no line ends where the next line's first word would still have fitted.
        for (line, next) in zip(paragraph, paragraph.dropFirst()) {
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + word.count >= 80, "ragged line: \(line)")  // the parser keeps lines under 80
        }
        for line in lines where !line.hasPrefix("USAGE:") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func test_version_printsTheVersion() throws {
        let run = try forumdesk(["--version"])
        #expect(run.status == 0)
        #expect(
            run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(
                of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil,
            "\(run.stdout)\(run.stderr)")
    }
}
