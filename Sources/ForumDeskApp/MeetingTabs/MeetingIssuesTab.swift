import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// Issues residents raised from the floor, and where each went: an answer, an action or a topic request.
struct MeetingIssuesTab: MeetingTab {
    var title: String { "Issues" }

    var keys: KeyMap<Command>.Group? {
        .init(
            "Issues",
            [
                Binding([.enter, .char("e")], "Answer or edit the selected issue", .answerIssue, hint: "answer"),
                Binding(
                    [.char("a")], "Raise an action for it (then set the owner and due date)", .issueToAction,
                    hint: "action"),
                Binding(
                    [.char("t")], "Make it a topic request for a later meeting of this area", .issueToTopic,
                    hint: "topic"),
            ])
    }

    var hasDetail: Bool { true }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .table(table(m)) }

    func table(_ m: Meeting) -> Table {
        Table(
            columns: [
                Column("ID", .length(10)), Column("Issue", .min(20)), Column("Tags", .min(10)),
                Column("Status", .length(16)),
                Column("Home", .min(10)),
            ],
            rows: m.issues.map { issue in
                [
                    issue.id, issue.text, issue.tags.map { "#" + $0 }.joined(separator: " "), issue.status.label,
                    issue.action ?? issue.topic ?? issue.answer ?? "",
                ]
            },
            rowStyles: m.issues.map { $0.status == .open ? Theme.warning : .plain },
            emptyMessage: "No issues raised from the floor. Press i to record one.")
    }

    func detail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        guard m.issues.indices.contains(selected) else { return lines }
        let issue = m.issues[selected]
        lines.append(StyledLine([Span("\(issue.id) ", .bold), Span(issue.text)], hangingIndent: 2))
        if let item = issue.item, let raised = m.agenda.first(where: { $0.number == item }) {
            lines.append(StyledLine("Raised under item \(item): \(raised.title)", Theme.muted))
        }
        switch issue.status {
        case .open:
            lines.append(StyledLine("Open: Enter answers it, a raises an action, t makes it a topic.", Theme.warning))
        case .answered: lines.append(StyledLine(issue.answer ?? "Answered.", Theme.good, hangingIndent: 2))
        case .action:
            let action = issue.action.flatMap { id in c.data.meetings.lazy.flatMap(\.actions).first { $0.id == id } }
            lines.append(
                StyledLine(
                    "Action \(issue.action ?? "?"): "
                        + (action.map { "\($0.description) (\($0.status.label))" } ?? "not found"),
                    hangingIndent: 2))
        case .topic:
            let topic = issue.topic.flatMap { c.data.topic($0) }
            lines.append(StyledLine("Topic request: " + (topic?.title ?? issue.topic ?? "?"), hangingIndent: 2))
        }
        return lines
    }

    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]? {
        guard [.answerIssue, .issueToAction, .issueToTopic].contains(command) else { return nil }
        let i = selection.selected
        guard m.issues.indices.contains(i) else { return [] }
        let id = m.issues[i].id
        switch command {
        case .issueToAction: return IssueHome.toAction(id, in: m, c)
        case .issueToTopic: return IssueHome.toTopic(id, in: m, c)
        default: return [.push(FormScreen.issue(m, m.issues[i], item: m.issues[i].item, c))]
        }
    }
}
