import Foundation
import ForumDeskCore
import TerminalUI

/// Issues residents raised from the floor: answered, made an action or made a topic request.
struct LiveNotesIssuesPane: LiveNotesPane {
    var keys: KeyMap<Command>.Group? {
        .init(
            "Issues",
            [
                Binding([.char("t")], "Make the selected issue a topic request for a later meeting", .issueToTopic),
                Binding(
                    [.char("y")],
                    "The resident who raised it asks to be told what happens: record their consent and address (kept on this machine only)",
                    .tellResident),
            ])
    }

    func title(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> String { "Issues (\(m.issues.count))" }

    func count(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Int { m.issues.count }

    func table(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Table {
        return Table(
            columns: [
                Column("ID", .length(10)), Column("Issue", .min(20)), Column("Status", .length(16)),
                Column("Home", .min(10)),
            ],
            rows: m.issues.map { issue in
                [
                    issue.id, ([issue.text] + issue.tags.map { "#" + $0 }).joined(separator: " "), issue.status.label,
                    issue.action ?? issue.topic ?? issue.answer ?? "",
                ]
            },
            rowStyles: m.issues.map { $0.status == .open ? Theme.warning : .plain },
            emptyMessage: "No issues raised yet: press i to record one (Enter answers, a makes an action, t a topic).")
    }

    func perform(_ command: Command, _ screen: inout LiveNotesScreen, _ m: Meeting, _ c: Context) -> [Effect]? {
        guard [.issueToTopic, .open, .add, .tellResident].contains(command) else { return nil }
        let selected = screen.selection.selected
        // a is a new action anywhere else; here, an action for the selected issue.
        if command == .add, screen.pane != .issues { return nil }
        guard screen.pane == .issues, m.issues.indices.contains(selected) else { return [] }
        let issue = m.issues[selected]
        switch command {
        case .issueToTopic: return IssueHome.toTopic(issue.id, in: m, c)
        case .tellResident: screen.begin(.tellResident(issueID: issue.id), "")
        case .add:
            if let refusal = IssueHome.alreadyHomed(issue) { return refusal }
            screen.begin(
                .action(fromIssue: issue.id),
                ([IssueHome.wording(issue.text, c)] + issue.tags.map { "#" + $0 }).joined(separator: " ") + " ")
        default:
            screen.begin(.answer(issueID: issue.id), issue.answer ?? "")
        }
        return []
    }
}
