import ArgumentParser
import Foundation
import ForumDeskCore
import TerminalUI
import ForumDeskStore

/// Until the full-screen app lands this is what `forumdesk` alone shows: what needs doing.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Print what needs attention: notices owed, partners missing, overdue actions."
    )

    @OptionGroup var options: DataOptions

    func run() throws { try Self.printDashboard(options) }

    static func printDashboard(_ options: DataOptions) throws {
        let now = try options.currentTime()
        let (store, data) = try options.load(indexed: true)
        Output.reportUnfinished(store)
        let warnings = Warnings.all(directory: data.directory, meetings: data.meetings, now: now)
        let titles = Dictionary(data.meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        Output.line(TerminalText.sanitized("\(data.settings.council): \(data.meetings.count) meetings"))
        let upcoming = data.meetings.filter { $0.start > now && $0.status != .cancelled }
        if let next = upcoming.first {
            Output.line("Next meeting: \(LondonTime.display(next.start))  \(TerminalText.sanitized(next.title))")
        }
        Output.line("")
        var currentMeeting: String?
        for warning in warnings where warning.kind != .overdueAction {
            if warning.meetingID != currentMeeting, let meeting = titles[warning.meetingID] {
                currentMeeting = warning.meetingID
                Output.line("\(LondonTime.display(meeting.start))  \(TerminalText.sanitized(meeting.title))  [\(meeting.id)]")
            }
            Output.line("  - " + TerminalText.sanitized(warning.message))
        }
        let overdue = warnings.filter { $0.kind == .overdueAction }
        if !overdue.isEmpty {
            Output.line("")
            Output.line("Overdue actions (\(overdue.count)):")
            for warning in overdue { Output.line("  - " + TerminalText.sanitized(warning.message)) }
        }
        let alerts = TopicRules.alerts(topics: data.topics, slots: TopicRules.slots(in: data.meetings), directory: data.directory, now: now)
        if !alerts.isEmpty {
            Output.line("")
            Output.line("Topic windows closing (\(alerts.count)):")
            for alert in alerts { Output.line("  - " + TerminalText.sanitized(alert.message)) }
        }
        if warnings.isEmpty, alerts.isEmpty { Output.line("Nothing needs attention.") }
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty { throw ExitStatus.dataError }
    }
}
