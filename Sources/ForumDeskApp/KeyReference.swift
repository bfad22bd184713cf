import Foundation
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// The key reference (`forumdesk keys`, docs/keys.md): every screen's keys as its `?` help lists them, made from the
/// same key maps the screens, the footer and the `:` palette read, so it cannot drift from the program.
public enum KeyReference {
    /// The reference in CommonMark: a `##` section per screen (each tab of a screen with tabs of its own), then the
    /// keys of what takes typed text (forms, search, pickers, live notes' entry line) and of questions and help.
    public static func markdown() -> String {
        let app = App(
            data: .empty(council: "Key reference"), now: Date(timeIntervalSince1970: 0), width: 120, height: 40)
        var sections: [(title: String, help: KeyHelp)] = [
            ("Everywhere", app.globalKeyMap.keyHelp),
            ("Moving in a list", KeyMap([Keys.movement]).keyHelp),
        ]
        // The moving keys mean the same on every screen: listed once, above.
        for screen in app.paletteScreens {
            let title =
                switch screen.place {
                case .main(let directory as DirectoryScreen): "\(screen.group) · \(directory.tab.title)"
                case .main(let topics as TopicsScreen): "\(screen.group) · \(topics.tab.title)"
                default: screen.group
                }
            sections.append((title, KeyMap(screen.keyMap.groups.filter { $0.title != Keys.movement.title }).keyHelp))
        }
        sections += [
            ("While typing (a form, a search, an entry line, a picker)", Keys.whileTyping.keyHelp),
            ("In a form", Form.keyMap.keyHelp + Form.choiceKeys.keyHelp + TextField.keyHelp),
            ("Searching a list (/)", TableBrowser.searchHelp),
            ("Choosing from a list (pickers, the : palette)", Picker.keyHelp),
            (
                "Live notes: the entry line",
                LiveNotesScreen.entryKeys(.action(fromIssue: nil)).keyHelp + TextField.keyHelp
            ),
            ("A question", Dialog.keyHelp),
            ("Help and read-only text", HelpOverlay.keyHelp),
        ]
        var lines = [
            "# ForumDesk keys", "",
            "Generated from the key maps by `forumdesk keys` (scripts/generate-docs); `?` or F1 on any screen shows the same",
            "for that screen, and `:` runs any of them by name.", "",
        ]
        for section in sections where !section.help.groups.isEmpty {
            lines += ["## " + DocumentFormat.escapeMarkdown(section.title), ""]
            for group in section.help.groups where !group.rows.isEmpty {
                if group.title != section.title { lines += ["**\(DocumentFormat.escapeMarkdown(group.title))**", ""] }
                lines += ["| Keys | What it does |", "|---|---|"]
                lines += group.rows.map {
                    "| \(DocumentFormat.escapeMarkdown($0.keys)) | \(DocumentFormat.escapeMarkdown($0.help)) |"
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }
}
