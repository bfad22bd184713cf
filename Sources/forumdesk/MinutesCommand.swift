import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// Draft and approved minutes (issue 36): the site publishes a held meeting's minutes marked DRAFT until they
/// are approved, here or by the next meeting's "Minutes of the previous meeting" item.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "Approve a meeting's minutes, or list which are drafts.",
        subcommands: [MinutesApprove.self, MinutesList.self])
}

struct MinutesApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record that a held meeting's minutes were approved as a correct record: who and when.",
        discussion: """
            Publish then shows them as approved rather than DRAFT. Use it when the minutes were agreed other than by the \
            next meeting's "Minutes of the previous meeting" item (which approves them without this command), e.g. by the \
            chair between meetings.
            """)

    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id.") var meeting: String
    @Option(
        help: ArgumentHelp(
            "Who approved them: a person in the directory (the chair), by name or id.", valueName: "name"))
    var by: String
    @Option(help: ArgumentHelp("The meeting that agreed them, by id.", valueName: "meeting-id")) var atMeeting: String?

    func run() throws {
        let now = try options.currentTime()
        try withCommandTurn(options) {
            let (store, data0) = try options.load()
            var data = data0
            guard var m = data.meeting(meeting) else {
                Output.error("no meeting `\(meeting)` in \(options.folder.root) (see `forumdesk list meetings`)")
                throw ExitStatus.usage
            }
            guard m.status == .held else {
                Output.error("\(m.id): the meeting is \(m.status.rawValue), not held: it has no minutes to approve")
                throw ExitStatus.usage
            }
            guard let person = try Filters.person(by, data.directory) else { throw ExitStatus.usage }
            if let atMeeting, data.meeting(atMeeting) == nil {
                Output.error("no meeting `\(atMeeting)` in \(options.folder.root) (see `forumdesk list meetings`)")
                throw ExitStatus.usage
            }
            m.minutesApproved = MinutesApproval(by: person, at: now, meeting: atMeeting)
            do throws(SaveError) { try store.save(m, in: &data) } catch {
                Output.error("\(m.id): not saved: \(error.description)")
                throw ExitStatus.dataError
            }
            let name = data.directory.person(person)?.name ?? person
            Output.line("\(m.id): minutes approved by \(name), \(MeetingDocument.longDate(now))")
        }
    }
}

struct MinutesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List held meetings' minutes: approved (who, when) or draft.")
    @OptionGroup var options: DataOptions
    @Flag(help: "Only the drafts.") var drafts = false

    func run() throws {
        let (_, data) = try options.load()
        let approvals = MinutesRules.approvals(in: data.meetings)
        for m in data.meetings where m.status == .held {
            if let a = approvals[m.id] {
                guard !drafts else { continue }
                let who = data.directory.person(a.by)?.name ?? a.by
                Output.line(
                    "\(m.id)  approved  \(MeetingDocument.shortDate(LondonTime.date(a.at)))  \(who)"
                        + (a.meeting.map { "  at \($0)" } ?? ""))
            } else {
                Output.line("\(m.id)  DRAFT")
            }
        }
    }
}
