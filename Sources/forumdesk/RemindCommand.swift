import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// A number of days as typed: `14d`, `2w`, or `14`.
struct DayCount: ExpressibleByArgument {
    var days: Int
    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let (number, unit) = text.hasSuffix("w") ? (text.dropLast(), 7) : text.hasSuffix("d") ? (text.dropLast(), 1) : (Substring(text), 1)
        guard let n = Int(number), (0...366).contains(n * unit) else { return nil }
        days = n * unit
    }
    init(days: Int) { self.days = days }
    var defaultValueDescription: String { "\(days)d" }
}

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Write a reminder e-mail to each action owner about their overdue actions and those due soon.",
        discussion: """
        One digest per person into outbox/reminders/, for `forumdesk send`: the owner of each open action that is \
        overdue or due within --within days, or for an action an organisation owns, its first named contact with a \
        usable e-mail address. Each action lists its meeting, due date, status and what residents were told. The \
        reminder is recorded on each action ("reminders" in its meeting file; the Actions screen's Chased column), and \
        nobody is chased about the same action again within "reminderIntervalDays" of forumdesk.json (default 7) \
        unless --force. Owners who cannot be e-mailed are listed with the reason. Exit status 1 when some owner \
        could not be reminded.
        """
    )

    @OptionGroup var options: DataOptions
    @Option(help: ArgumentHelp("Actions due within this many days (14d, 2w) besides the overdue ones.", valueName: "days"))
    var within = DayCount(days: 14)
    @Flag(help: "Only list who would be reminded of what; write and record nothing.") var dryRun = false
    @Flag(help: "Chase again actions chased within the interval.") var force = false

    func run() throws {
        let now = try options.currentTime()
        try withCommandTurn(options) {
            let (store, data0) = try options.load()
            var data = data0
            Output.reportLoadErrors(data)
            let interval = data.settings.reminderInterval
            let plan = ReminderRules.plan(meetings: data.meetings, directory: data.directory, now: now, within: within.days,
                                          intervalDays: interval, force: force)
            let organiser = Notifier.Organiser(configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
            var problems = false
            // Recorded first, then written: a crash between them leaves a reminder recorded but not written (the owner
            // is not chased until the interval passes, or --force), never one written twice.
            var unsaved: [String: String] = [:]
            if !dryRun {
                for meeting in ReminderRules.recorded(plan.digests, at: now, in: data.meetings) {
                    do throws(SaveError) {
                        try store.save(meeting, in: &data)
                    } catch {
                        unsaved[meeting.id] = error.description
                        Output.error("\(error); its actions' reminders were not written")
                        problems = true
                    }
                }
            }
            for var digest in plan.digests {
                digest.items.removeAll { unsaved[$0.raised.meeting.id] != nil }
                guard !digest.items.isEmpty else { continue }
                let mail = DigestMail.reminder(digest, within: within.days, directory: data.directory, organiser: organiser,
                                               council: data.settings.council, now: now)
                let overdue = digest.items.filter(\.overdue).count
                let summary = "\(digest.person.name) <\(digest.email)>, \(digest.items.count) action(s), \(overdue) overdue: "
                    + digest.items.map(\.raised.action.id).joined(separator: ", ")
                if dryRun {
                    Output.line("would write \(mail.path): \(summary)")
                    continue
                }
                do throws(SaveError) {
                    try store.writeDigest(mail.text, named: mail.file, in: mail.folder)
                    Output.line("\(options.folder.path(mail.path)): \(summary)")
                } catch {
                    Output.error("\(error); the reminder to \(digest.person.name) is recorded but not written (run again with --force)")
                    problems = true
                }
            }
            for owner in plan.unreachable {
                problems = true
                Output.line("not reminded: \(owner.owner) (\(owner.reason)): " + owner.items.map(\.raised.action.id).joined(separator: ", ")
                            + "; chase by hand, or fix the directory")
            }
            if !plan.recentlyChased.isEmpty {
                let latest = plan.recentlyChased.map(\.at).max().map { MeetingDocument.longDate($0) } ?? ""
                Output.line("\(plan.recentlyChased.count) action(s) left out, chased within the last \(interval) day(s) (latest \(latest)): "
                            + plan.recentlyChased.map(\.item.raised.action.id).joined(separator: ", ") + "; --force chases them again")
            }
            if plan.digests.isEmpty, plan.unreachable.isEmpty, plan.recentlyChased.isEmpty {
                Output.line("No open action is overdue or due within \(within.days) day(s): nobody to remind.")
            }
            try Output.failIfIncomplete(data, "the reminders")
            if problems { throw ExitStatus.problems }
        }
    }
}
