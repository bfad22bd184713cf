import Foundation
import ForumDeskTestSupport
import Testing

/// The man pages in docs/man (made by `scripts/generate-docs` from the command definitions) say what the
/// commands' definitions say: a page for every command, with its abstract and every option shown in its help
/// (issue 38). The definitions are read from `forumdesk --experimental-dump-help`, swift-argument-parser's own
/// description of the command tree, which is also what its manual generator reads.
@Suite struct DocsDriftTests {
    static let manFolder = repositoryRoot.path + "/docs/man"

    struct Command {
        var path: [String]
        var abstract: String
        var options: Set<String>
        var page: String { (["forumdesk"] + path).joined(separator: ".") + ".1" }
    }

    static func commands() throws -> [Command] {
        let dump = try forumdesk(["--experimental-dump-help"]).stdout
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        var found: [Command] = []
        func walk(_ node: [String: Any], _ path: [String]) {
            let options = (node["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool != false }
                .flatMap {
                    ($0["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }.compactMap {
                        $0["name"] as? String
                    }
                }
            found.append(
                Command(
                    path: path, abstract: node["abstract"] as? String ?? "",
                    options: Set(options).subtracting(["help", "version"])))
            for sub in node["subcommands"] as? [[String: Any]] ?? [] where sub["shouldDisplay"] as? Bool != false {
                walk(sub, path + [sub["commandName"] as? String ?? ""])
            }
        }
        walk(try #require(json["command"] as? [String: Any]), [])
        return found
    }

    @Test func test_everyCommand_hasAPage_thatSaysWhatItsDefinitionSays() throws {
        let commands = try Self.commands()
        #expect(commands.count > 20)
        for command in commands {
            let path = Self.manFolder + "/" + command.page
            guard let roff = try? String(contentsOfFile: path, encoding: .utf8) else {
                Issue.record(
                    "no man page \(command.page) for `forumdesk \(command.path.joined(separator: " "))`: run scripts/generate-docs"
                )
                continue
            }
            // roff writes `"` as `\(dq` and the generator leaves out what is not ASCII (…).
            let page = roff.replacingOccurrences(of: "\\(dq", with: "\"")
            let ascii = String(String.UnicodeScalarView(command.abstract.unicodeScalars.filter(\.isASCII)))
            #expect(
                page.contains(".Nd \"\(ascii)\""), "\(command.page): the abstract changed: run scripts/generate-docs")
            var inPage = Set<String>()
            for match in roff.matches(of: /Fl -([a-z][a-z0-9-]+)/) { inPage.insert(String(match.output.1)) }
            inPage.subtract(["help", "version"])
            #expect(
                inPage == command.options,
                "\(command.page): options differ (definition \(command.options.sorted()), page \(inPage.sorted())): run scripts/generate-docs"
            )
        }
        // No page for a command that is gone.
        let pages = Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: Self.manFolder)) ?? []).filter { $0.hasSuffix(".1") }
        )
        let expected = Set(commands.map(\.page)).union(["forumdesk.help.1"])
        #expect(pages.subtracting(expected).isEmpty, "pages of no command: \(pages.subtracting(expected).sorted())")
    }

    /// docs/keys.md is `forumdesk keys`: the key reference made from the key maps the screens run on, so a key
    /// added, moved or reworded on a screen shows here until the reference is made again.
    @Test func test_keyReference_isWhatTheKeyMapsSay_andReadsAsCommonMark() throws {
        let made = try forumdesk(["keys"])
        #expect(made.status == 0, "\(made.stderr)")
        let written = try String(contentsOfFile: repositoryRoot.path + "/docs/keys.md", encoding: .utf8)
        #expect(written == made.stdout, "docs/keys.md differs from `forumdesk keys`: run scripts/generate-docs")
        // Every screen of the top bar, every meeting tab and live notes have a section; tables render as tables.
        for title in [
            "## Dashboard", "## Meetings", "## Meeting · Agenda", "## Live notes", "## Directory · Councillors",
            "## Topics · Queue", "## In a form",
        ] {
            #expect(written.contains("\n\(title)\n"), "\(title) missing")
        }
        let html = try commonMarkHTML(written, tables: true)
        #expect(html.components(separatedBy: "<table>").count > 20)
        #expect(html.contains("<td>Ctrl-S</td>"))
    }
}
