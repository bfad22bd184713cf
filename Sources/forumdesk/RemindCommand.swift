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
        let (number, unit) =
            text.hasSuffix("w")
            ? (text.dropLast(), 7) : text.hasSuffix("d") ? (text.dropLast(), 1) : (Substring(text), 1)
        guard let n = Int(number), (0...366).contains(n * unit) else { return nil }
        days = n * unit
    }
    init(days: Int) { self.days = days }
    var defaultValueDescription: String { "\(days)d" }
}

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract:
            "Write a reminder e-mail to each action owner about their overdue actions and those due soon, and tell owners of new actions.",
        discussion: """
            One digest per person into outbox/reminders/, for `forumdesk send`: the owner of each open action that is \
            overdue or due within --within days, or for an action an organisation owns, its first named contact with a \
            usable e-mail address. Each action lists its meeting, due date, status and what residents were told. The \
            reminder is recorded on each action ("reminders" in its meeting file; the Actions screen's Chased column), and \
            nobody is chased about the same action again within "reminderIntervalDays" of forumdesk.json (default 7) \
            unless --force. Owners who cannot be e-mailed are listed with the reason. Exit status 1 when some owner \
            could not be reminded.

            Before the reminders, an "action raised" e-mail goes into outbox/actions/ to each person given an open action \
            at a meeting of the last 28 days who has never been written to about it (and whose reminder of this run does \
            not already carry it), recorded on the action as a reminder of "kind": "raised". Reminders and "action raised" \
            e-mails tell the owner how to answer by replying, one line per action (`A-2026-041 done: drain cleared`, \
            `A-2026-041 update: …`, `A-2026-041 due 2027-01-31`), which `forumdesk import reply` records.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(
        help: ArgumentHelp("Actions due within this many days (14d, 2w) besides the overdue ones.", valueName: "days"))
    var within = DayCount(days: 14)
    @Flag(help: "Only list who would be reminded of what; write and record nothing.") var dryRun = false
    @Flag(help: "Chase again actions chased within the interval.") var force = false

    /// Writes one e-mail into the outbox and prints where (with `--dry-run`, only what it would write). Returns false
    /// when it could not be written, having said so with `failure`.
    func write(_ mail: DigestMail.Outgoing, _ summary: String, _ store: DataStore, failure: String) -> Bool {
        if dryRun {
            Output.line("would write \(mail.path): \(summary)")
            return true
        }
        do throws(SaveError) {
            try store.writeDigest(mail.text, named: mail.file, in: mail.folder)
            Output.line("\(options.folder.path(mail.path)): \(summary)")
            return true
        } catch {
            Output.error("\(error); \(failure)")
            return false
        }
    }

    func run() throws {
        let now = try options.currentTime()
        try withCommandTurn(options) {
            let (store, data0) = try options.load()
            var data = data0
            Output.reportLoadErrors(data)
            let interval = data.settings.reminderInterval
            let plan = ReminderRules.plan(
                meetings: data.meetings, directory: data.directory, now: now, within: within.days,
                intervalDays: interval, force: force)
            let organiser = Notifier.Organiser(
                configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
            var problems = false
            // Recorded first, then written: a crash between them leaves a reminder recorded but not written (the owner
            // is not chased until the interval passes, or --force), never one written twice.
            let carried = Set(
                plan.digests.flatMap { $0.items.map(\.raised.action.id) }
                    + plan.unreachable.flatMap { $0.items.map(\.raised.action.id) })
            let raised = ActionRaisedRules.plan(
                meetings: data.meetings, directory: data.directory, now: now, excluding: carried)
            var unsaved: [String: String] = [:]
            if !dryRun {
                let reminded = ReminderRules.recorded(plan.digests, at: now, in: data.meetings)
                var changed = Dictionary(reminded.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let current = data.meetings.map { changed[$0.id] ?? $0 }
                for meeting in ActionRaisedRules.recorded(raised.notices, at: now, in: current) {
                    changed[meeting.id] = meeting
                }
                for meeting in current.compactMap({ changed[$0.id] }) {
                    do throws(SaveError) {
                        try store.save(meeting, in: &data)
                    } catch {
                        unsaved[meeting.id] = error.description
                        Output.error("\(error); its actions' reminders were not written")
                        problems = true
                    }
                }
            }
            for var notice in raised.notices {
                notice.items.removeAll { unsaved[$0.meeting.id] != nil }
                guard !notice.items.isEmpty else { continue }
                let mail = DigestMail.raised(
                    notice, directory: data.directory, organiser: organiser, council: data.settings.council, now: now)
                let summary =
                    "\(notice.person.name) <\(notice.email)>, new action(s): "
                    + notice.items.map(\.action.id).joined(separator: ", ")
                if !write(
                    mail, summary, store,
                    failure: "the e-mail telling \(notice.person.name) of new actions is recorded but not written")
                {
                    problems = true
                }
            }
            for owner in raised.unreachable {
                problems = true
                Output.line(
                    "not told of new action(s): \(owner.owner) (\(owner.reason)): "
                        + owner.items.map(\.raised.action.id).joined(separator: ", ")
                        + "; tell them by hand, or fix the directory")
            }
            for var digest in plan.digests {
                digest.items.removeAll { unsaved[$0.raised.meeting.id] != nil }
                guard !digest.items.isEmpty else { continue }
                let mail = DigestMail.reminder(
                    digest, within: within.days, directory: data.directory, organiser: organiser,
                    council: data.settings.council, now: now)
                let overdue = digest.items.filter(\.overdue).count
                let summary =
                    "\(digest.person.name) <\(digest.email)>, \(digest.items.count) action(s), \(overdue) overdue: "
                    + digest.items.map(\.raised.action.id).joined(separator: ", ")
                if !write(
                    mail, summary, store,
                    failure:
                        "the reminder to \(digest.person.name) is recorded but not written (run again with --force)")
                {
                    problems = true
                }
            }
            for owner in plan.unreachable {
                problems = true
                Output.line(
                    "not reminded: \(owner.owner) (\(owner.reason)): "
                        + owner.items.map(\.raised.action.id).joined(separator: ", ")
                        + "; chase by hand, or fix the directory")
            }
            if !plan.recentlyChased.isEmpty {
                let latest = plan.recentlyChased.map(\.at).max().map { MeetingDocument.longDate($0) } ?? ""
                Output.line(
                    "\(plan.recentlyChased.count) action(s) left out, chased within the last \(interval) day(s) (latest \(latest)): "
                        + plan.recentlyChased.map(\.item.raised.action.id).joined(separator: ", ")
                        + "; --force chases them again")
            }
            if plan.digests.isEmpty, plan.unreachable.isEmpty, plan.recentlyChased.isEmpty, raised.notices.isEmpty,
                raised.unreachable.isEmpty
            {
                Output.line("No open action is overdue or due within \(within.days) day(s): nobody to remind.")
            }
            try Output.failIfIncomplete(data, "the reminders")
            if problems { throw ExitStatus.problems }
        }
    }
}
