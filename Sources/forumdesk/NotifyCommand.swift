import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// Commands that change the data take the editing lock for the moment they write, so they never race an
/// officer's open ForumDesk. Another command's lock is held for well under a second, so a command waits a
/// while for it (this is what lets scripts run several imports at once) before giving up with who holds it.
func withEditLock<T>(_ options: DataOptions, _ body: () throws -> T) throws -> T {
    let lock = EditLock(folder: options.folder)
    let deadline = Date().addingTimeInterval(lockWait)
    var told = false
    while true {
        switch lock.acquireReclaimingOwn(now: Date()) {
        case (.acquired, let reclaimed):
            defer { lock.release() }
            if let reclaimed { Output.note("took back the lock left by \(reclaimed.description), which is no longer running") }
            // Holding the lock, nobody is mid-save here: temp files of dead processes can go (outbox/ included).
            _ = DataStore(folder: options.folder).removeAbandonedTempFiles()
            // Notices a crash interrupted are finished or rolled back before anything else is written.
            for line in DataStore(folder: options.folder).recoverNotices() { Output.note(TerminalText.sanitized("repaired: " + line)) }
            return try body()
        case (.heldBy(let owner, let stale), _):
            if !stale, Date() < deadline {
                if !told {
                    Output.note("waiting up to \(String(format: "%g", lockWait)) s for \(owner.description) to finish with \(options.folder.root)")
                    told = true
                }
                usleep(UInt32.random(in: 20_000...80_000))
                continue
            }
            Output.error("\(options.folder.root) is being edited by \(owner.description)"
                         + (stale ? " (that process is gone: open ForumDesk to take the lock over)" : "; try again when they have finished"))
            throw ExitStatus.dataError
        case (.readOnly(let reason), _):
            Output.error("\(options.folder.root) cannot be written: \(reason)")
            throw ExitStatus.dataError
        }
    }
}

/// How long a command waits for another's editing lock: 10 s, or FORUMDESK_LOCK_WAIT seconds.
let lockWait: TimeInterval = ProcessInfo.processInfo.environment["FORUMDESK_LOCK_WAIT"].flatMap(TimeInterval.init) ?? 10

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Write invitation (or cancellation) e-mails with calendar invites for councillors owed a notice.",
        discussion: """
        For every councillor of the meeting's wards who has not been notified, whose notice is stale (the date, \
        time or venue changed since), or who is owed a cancellation, writes an e-mail with a text/calendar \
        REQUEST or CANCEL into outbox/<meeting-id>/ and records the notice in the meeting. ForumDesk never sends \
        mail: the council's mail system sends what is in the outbox.
        """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id (see `forumdesk list meetings`).") var meeting: String
    @Flag(help: "Also invite the invited partners' contacts not yet sent an invitation.") var partners = false

    func run() throws {
        let now = try options.currentTime()
        try withEditLock(options) {
            let (store, data0) = try options.load()
            var data = data0
            guard let m = data.meeting(meeting) else {
                Output.error("no meeting `\(meeting)` in \(options.folder.root) (see `forumdesk list meetings`)")
                throw ExitStatus.usage
            }
            let organiser = Notifier.Organiser(configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
            let plan = Notifier.plan(for: m, directory: data.directory, organiser: organiser, council: data.settings.council,
                                     now: now, partners: partners)
            let mails = Dictionary(plan.outgoing.map { (($0.path as NSString).lastPathComponent, $0.text) }, uniquingKeysWith: { a, _ in a })
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
                Output.line(TerminalText.sanitized("\(options.folder.path(mail.path)): \(mail.name) <\(mail.email)>, \(mail.kind.label), SEQUENCE \(mail.sequence)"))
            }
            let withdrawn = (data.meeting(m.id)?.notifications ?? []).filter { $0.withdrawn != nil }.count
                - m.notifications.filter { $0.withdrawn != nil }.count
            if withdrawn > 0 {
                Output.line("withdrew \(withdrawn) superseded e-mail(s) from the outbox to \(NoticeOutbox.withdrawn)/\(m.id)/")
            }
            for (person, state) in plan.byHand {
                let how = person.email.flatMap(EmailAddress.problem).map { "e-mail address not usable: \($0)" }
                    ?? person.preferredContact.map { "prefers \($0.label)" } ?? "no e-mail address"
                Output.line(TerminalText.sanitized("by hand: \(person.name) (\(how)\(person.phone.map { ", " + $0 } ?? "")): \(state.label); record it on the Councillors tab"))
            }
            if plan.outgoing.isEmpty, plan.byHand.isEmpty {
                Output.line("Every councillor of \(m.wards.count) ward(s) has an up-to-date notice for \(m.id).")
            }
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Read replies and files from elsewhere.",
                                                    subcommands: [ImportReply.self, ImportCSV.self])
}
