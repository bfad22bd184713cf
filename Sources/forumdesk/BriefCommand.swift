import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract:
            "Write each councillor (or one) a briefing e-mail on their wards, with the meetings attached as a calendar.",
        discussion: """
            Into outbox/briefings/, for `forumdesk send`: their wards' meetings in the next --weeks weeks, the notices \
            awaiting their reply, and the open actions raised at meetings covering their wards; text with an HTML \
            alternative and those meetings as an iCalendar file. A briefing not yet sent is replaced by the new one \
            (moved to outbox-withdrawn/briefings/). Councillors who prefer a letter or a call, or have no usable e-mail \
            address, are listed instead. Exit status 1 when the councillor named could not be e-mailed.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(
        help: ArgumentHelp("Only this councillor (name or id; a surname or a prefix is enough).", valueName: "name"))
    var councillor: String?
    @Option(help: "How many weeks ahead to list meetings (1–52).") var weeks = 4
    @Flag(help: "Only list who would be briefed; write nothing.") var dryRun = false

    func validate() throws {
        guard (1...52).contains(weeks) else { throw ValidationError("--weeks must be from 1 to 52") }
    }

    func run() throws {
        let now = try options.currentTime()
        try withCommandTurn(options) {
            let (store, data) = try options.load()
            Output.reportLoadErrors(data)
            let councillors: [Person]
            if let councillor {
                let all = Directory(people: data.directory.people.filter { $0.kind == .councillor })
                let id: String?
                do {
                    id = try Filters.person(councillor, all)
                } catch {
                    Output.error("\(error)".replacingOccurrences(of: "person", with: "councillor"))
                    throw ExitStatus.usage
                }
                guard let id, let person = data.directory.person(id) else { throw ExitStatus.usage }
                councillors = [person]
            } else {
                councillors = data.directory.people.filter { $0.kind == .councillor }
            }
            let organiser = Notifier.Organiser(
                configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
            var problems = false, written = 0
            for person in councillors {
                if let reason = ReminderRules.unusable(person) {
                    Output.line(
                        "by hand: \(person.name) (\(reason)\(person.phone.map { ", " + $0 } ?? "")): no briefing written"
                    )
                    if self.councillor != nil { problems = true }
                    continue
                }
                let briefing = BriefingRules.briefing(for: person, meetings: data.meetings, now: now, weeks: weeks)
                let mail = DigestMail.briefing(
                    briefing, email: person.email ?? "", weeks: weeks, directory: data.directory,
                    organiser: organiser, council: data.settings.council, now: now)
                let summary =
                    "\(person.name) <\(mail.email)>, \(briefing.meetings.count) meeting(s), "
                    + "\(briefing.awaitingReply.count) awaiting reply, \(briefing.actions.count) open action(s)"
                if dryRun {
                    Output.line("would write \(mail.path): \(summary)")
                    continue
                }
                do throws(SaveError) {
                    let withdrawn = try store.writeDigest(mail.text, named: mail.file, in: mail.folder, supersede: true)
                    written += 1
                    Output.line("\(options.folder.path(mail.path)): \(summary)")
                    for file in withdrawn {
                        Output.line(
                            "withdrew the unsent \(NoticeOutbox.outbox)/\(mail.folder)/\(file) to \(NoticeOutbox.withdrawn)/\(mail.folder)/"
                        )
                    }
                } catch {
                    Output.error("\(error); no briefing was written for \(person.name)")
                    problems = true
                }
            }
            if !dryRun, councillor == nil { Output.line("\(written) briefing(s) written for `forumdesk send`.") }
            try Output.failIfIncomplete(data, "the briefing")
            if problems { throw ExitStatus.problems }
        }
    }
}
