import ArgumentParser
import Foundation
import ForumDeskCore
import TerminalUI
import ForumDeskStore

/// Until the full-screen app lands this is what `forumdesk` alone shows: what needs doing.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Print what needs attention now: notices owed, replies missing, partners missing, overdue actions."
    )

    @OptionGroup var options: DataOptions
    @Flag(
        help:
            "Every problem of the whole history, meetings' own by date then overdue actions, not only the current ones."
    )
    var all = false

    func run() throws { try Self.printDashboard(options, all: all) }

    /// The current problems (upcoming meetings and the last `Attention.recentDays` days) most urgent first, as the
    /// screen's "What needs attention"; with `all`, every problem of the history in date order.
    static func printDashboard(_ options: DataOptions, all: Bool = false) throws {
        let now = try options.currentTime()
        let (store, data) = try options.load(indexed: true, viewing: true)
        Output.reportUnfinished(store)
        let everything = data.allWarnings(now: now)
        let (current, older) = all ? (everything, 0) : Attention.current(everything, now: now)
        Output.line(TerminalText.sanitized("\(data.settings.council): \(data.meetings.count) meetings"))
        let upcoming = data.meetings.filter { $0.start > now && $0.status != .cancelled }
        if let next = upcoming.first {
            Output.line("Next meeting: \(LondonTime.display(next.start))  \(TerminalText.sanitized(next.title))")
        }
        Output.line("")
        let conflicts = data.openConflicts
        if !conflicts.isEmpty {
            Output.line(
                "Merge conflicts to resolve (\(conflicts.count)): forumdesk conflicts FILE N --theirs or --ours")
            for open in conflicts { Output.line("  - " + TerminalText.sanitized(open.description)) }
            Output.line("")
        }
        var currentMeeting: String?
        for warning in current where warning.kind != .overdueAction {
            if warning.meetingID != currentMeeting, let meeting = data.meeting(warning.meetingID) {
                currentMeeting = warning.meetingID
                Output.line(
                    "\(LondonTime.display(meeting.start))  \(TerminalText.sanitized(meeting.title))  [\(meeting.id)]")
            }
            Output.line("  - " + TerminalText.sanitized(warning.message))
        }
        let overdue = current.filter { $0.kind == .overdueAction }
        if !overdue.isEmpty {
            Output.line("")
            Output.line("Overdue actions (\(overdue.count)):")
            for warning in overdue { Output.line("  - " + TerminalText.sanitized(warning.message)) }
        }
        let alerts = TopicRules.alerts(
            topics: data.topics, slots: TopicRules.slots(in: data.meetings), directory: data.directory, now: now)
        if !alerts.isEmpty {
            Output.line("")
            Output.line("Topic windows closing (\(alerts.count)):")
            for alert in alerts { Output.line("  - " + TerminalText.sanitized(alert.message)) }
        }
        let resultsDue = ConsultationRules.awaitingResults(data.consultations, today: LondonTime.date(now))
        if !resultsDue.isEmpty {
            Output.line("")
            Output.line("Consultations closed with no results recorded (\(resultsDue.count)):")
            for c in resultsDue {
                Output.line("  - " + TerminalText.sanitized(ConsultationRules.reminder(c, today: LondonTime.date(now))))
            }
        }
        if current.isEmpty, alerts.isEmpty, conflicts.isEmpty, resultsDue.isEmpty {
            Output.line("Nothing needs attention.")
        }
        if older > 0 {
            Output.line("")
            Output.line(
                "\(older) older problem(s), before the last \(Attention.recentDays) days: forumdesk dashboard --all")
        }
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty { throw ExitStatus.dataError }
    }
}
