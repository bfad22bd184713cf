import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// Commands that change the data run while others edit the same folder (the app open all day, other
/// commands): no folder-wide lock, each save is checked against what was read. Before writing, temp files of
/// processes that are gone are removed and notice transactions a crash interrupted are finished or rolled back
/// (a transaction whose process is still running is left to it). Commands take turns among themselves through
/// flock(2) on `.forumdesk-commands.lock` (released by the kernel when a command ends, however it ends), so
/// scripts may run several imports at once; the app never takes it.
func withCommandTurn<T>(_ options: DataOptions, _ body: () throws -> T) throws -> T {
    if let reason = DataStore.unwritableReason(options.folder) {
        Output.error("\(options.folder.root) cannot be written: \(reason)")
        throw ExitStatus.dataError
    }
    // Read-only is enough for flock(2), so colleagues sharing the folder (its files 0640) can take a turn too.
    let lockPath = options.folder.path(".forumdesk-commands.lock")
    let mode = DataStore(folder: options.folder).modes.file
    let turn = open(lockPath, O_RDONLY | O_CREAT | O_CLOEXEC, mode)
    guard turn >= 0 else {
        Output.error("\(lockPath): cannot take a turn among forumdesk commands: \(String(cString: strerror(errno)))")
        throw ExitStatus.dataError
    }
    defer { close(turn) }
    var info = stat()
    if fstat(turn, &info) == 0, info.st_uid == getuid(), info.st_mode & 0o777 != mode { fchmod(turn, mode) }
    if flock(turn, LOCK_EX | LOCK_NB) != 0 {
        Output.note("waiting for another forumdesk command to finish with \(options.folder.root)")
        let deadline = Date().addingTimeInterval(lockWait)
        while flock(turn, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                Output.error(
                    "another forumdesk command has been writing \(options.folder.root) for \(String(format: "%g", lockWait)) s; try again"
                )
                throw ExitStatus.dataError
            }
            usleep(20_000)
        }
    }
    let store = DataStore(folder: options.folder)
    _ = store.removeAbandonedTempFiles()
    for line in store.recoverNotices() { Output.note(TerminalText.sanitized("repaired: " + line)) }
    return try body()
}

/// How long a command waits for another command's turn: 60 s, or FORUMDESK_LOCK_WAIT seconds.
let lockWait: TimeInterval = ProcessInfo.processInfo.environment["FORUMDESK_LOCK_WAIT"].flatMap(TimeInterval.init) ?? 60

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Write invitation (or cancellation) e-mails with calendar invites for councillors owed a notice.",
        discussion: """
            For every councillor of the meeting's wards who has not been notified, whose notice is stale (the date, \
            time or venue changed since), or who is owed a cancellation, writes an e-mail with a text/calendar \
            REQUEST or CANCEL into outbox/<meeting-id>/ and records the notice in the meeting. `forumdesk send` then \
            hands the outbox to the council's mail program.
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id (see `forumdesk list meetings`).") var meeting: String
    @Flag(help: "Also invite the invited partners' contacts not yet sent an invitation.") var partners = false

    func run() throws {
        let now = try options.currentTime()
        try withCommandTurn(options) {
            // Only the meeting's own file is read: notifying costs the same whatever the size of the history.
            let (store, data0) = try options.load(meetingIDs: [meeting])
            var data = data0
            guard let m = data.meeting(meeting) else {
                if let problem = data.loadErrors.first(where: { $0.path.hasSuffix("/\(meeting).json") }) {
                    Output.error("\(problem)")
                    Output.error(
                        "\(meeting) cannot be read, so nothing was written or recorded (`forumdesk validate` shows every problem)"
                    )
                    throw ExitStatus.dataError
                }
                Output.error("no meeting `\(meeting)` in \(options.folder.root) (see `forumdesk list meetings`)")
                throw ExitStatus.usage
            }
            let organiser = Notifier.Organiser(
                configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
            let plan = Notifier.plan(
                for: m, directory: data.directory, organiser: organiser, council: data.settings.council,
                now: now, partners: partners)
            let mails = Dictionary(
                plan.outgoing.map { (($0.path as NSString).lastPathComponent, $0.text) },
                uniquingKeysWith: { a, _ in a })
            // One transaction in the store: the e-mails and the record agree whatever happens (see NoticeTransaction).
            if !plan.outgoing.isEmpty {
                do throws(SaveError) {
                    try store.save(plan.meeting, in: &data, mails: mails)
                } catch {
                    switch error {
                    case .outboxNotUpdated:
                        Output.error("\(error)")  // recorded; the outbox move finishes at the next start
                    case .failed(_, let cause) where cause.replaced:
                        Output.error("\(error)")  // recorded and in the outbox; only the folder sync failed
                    case .changedOnDisk, .unreadableOnDisk, .incomplete, .noticeNotWritten, .refused, .failed:
                        Output.error("\(error); no notice was written or recorded")
                        throw ExitStatus.dataError
                    }
                }
            }
            for mail in plan.outgoing {
                Output.line(
                    TerminalText.sanitized(
                        "\(options.folder.path(mail.path)): \(mail.name) <\(mail.email)>, \(mail.kind.label), SEQUENCE \(mail.sequence)"
                    ))
            }
            let withdrawn =
                (data.meeting(m.id)?.notifications ?? []).filter { $0.withdrawn != nil }.count
                - m.notifications.filter { $0.withdrawn != nil }.count
            if withdrawn > 0 {
                Output.line(
                    "withdrew \(withdrawn) superseded e-mail(s) from the outbox to \(NoticeOutbox.withdrawn)/\(m.id)/")
            }
            for (person, state) in plan.byHand {
                let how =
                    person.email.flatMap(EmailAddress.problem).map { "e-mail address not usable: \($0)" }
                    ?? person.preferredContact.map { "prefers \($0.label)" } ?? "no e-mail address"
                let next =
                    person.preferredContact == .letter
                    ? "`forumdesk letters \(m.id)` writes the letter" : "record it on the Councillors tab"
                Output.line(
                    TerminalText.sanitized(
                        "by hand: \(person.name) (\(how)\(person.phone.map { ", " + $0 } ?? "")): \(state.label); \(next)"
                    ))
            }
            if plan.outgoing.isEmpty, plan.byHand.isEmpty {
                Output.line("Every councillor of \(m.wards.count) ward(s) has an up-to-date notice for \(m.id).")
            }
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read replies and files from elsewhere.",
        subcommands: [ImportReply.self, ImportCSV.self])
}
