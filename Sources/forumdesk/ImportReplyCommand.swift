import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

struct ImportReply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract:
            "Record councillors' calendar replies and action owners' e-mailed updates from .ics, .eml, mbox and Maildir.",
        discussion: """
            Each reply (iCalendar METHOD:REPLY, as Outlook, Google Calendar and Thunderbird send it) is matched to the \
            notice it answers by UID, SEQUENCE and the DTSTART it quotes, and replies are applied in the order they were \
            sent (DTSTAMP). A reply counts only from its councillor: the e-mail's From: or Sender: must be the attendee's \
            directory address or a delegate recorded for them, and one reply answers for one person; a reply to another \
            organiser is refused; an .ics file given without its e-mail is recorded as unverified. A reply to a notice \
            since superseded, for a cancelled meeting, from an address not in the directory, or with an unknown PARTSTAT \
            is reported and not counted. Mailbox messages without a reply are named.

            An e-mail without a calendar reply is read for action owners' answers, one line per action, as reminders and \
            "action raised" e-mails ask: `A-2026-041 done: drain cleared on 3 Dec`, `A-2026-041 update: contractor booked`, \
            `A-2026-041 due 2027-01-31`. Only the sender's own text counts: lines quoted with `>`, and everything from \
            Outlook's "From: … Sent: …" block, "On … wrote:", "-----Original Message-----", a forwarded message or a \
            signature on, is left out; an HTML-only e-mail is read as text. The sender (From:, or Sender:) must be the \
            action's owner or a contact of the owning organisation in the directory, else the line is refused. Each line \
            is recorded on its action as a dated update with who sent it and the e-mail's Message-ID, so importing the same \
            mailbox again records nothing twice; `done` closes the action, `update` moves an open one to in progress, \
            `due` moves its due date. A line that names an action but cannot be read is listed with its text.
            Exit status: 0 every reply was recorded (or was already); 1 some reply or line was ignored, refused or not \
            read (each is named on standard error with the reason); 3 a file could not be read or holds no reply.
            """)

    @OptionGroup var options: DataOptions
    @Argument(help: "Replies: .ics files, e-mails (.eml), mbox files or Maildir folders.") var files: [String]

    func run() throws {
        let now = try options.currentTime()
        var unreadable = 0
        var ignored = 0
        var skipped: [String] = []
        var found: [ReplySource.Found] = []
        var actionMails: [ActionReplyRules.Mail] = []
        for file in files {
            for (name, data, mailbox) in contents(of: file, unreadable: &unreadable) {
                let result = ReplySource.read(data, name: name, mailbox: mailbox, now: now)
                found += result.found
                actionMails += result.actionMails
                skipped += result.skipped
                for failure in result.failures { Output.error(failure) }
                for line in result.ignored { Output.error(line) }
                unreadable += result.failures.count
                ignored += result.ignored.count
            }
        }
        // RFC 5546 §2.1.5: the latest reply wins, whatever order the files came in.
        let sent = { (f: ReplySource.Found) in f.reply.stamp ?? f.mailed ?? now }
        found = found.enumerated().sorted { (sent($0.element), $0.offset) < (sent($1.element), $1.offset) }.map(
            \.element)
        var recorded = 0
        if !found.isEmpty {
            try withCommandTurn(options) {
                // Only the files of the meetings replied to are read: the history's size does not matter.
                let (store, data0) = try options.load(meetingIDs: found.map(\.reply.meetingID))
                var data = data0
                var changed: [String: Meeting] = [:]
                for f in found {
                    guard let meeting = changed[f.reply.meetingID] ?? data.meeting(f.reply.meetingID) else {
                        if let problem = data.loadErrors.first(where: {
                            $0.path.hasSuffix("/\(f.reply.meetingID).json")
                        }) {
                            Output.error("\(f.source): its meeting's file cannot be read (\(problem)); ignored")
                        } else {
                            Output.error("\(f.source): no meeting `\(f.reply.meetingID)` in the data; ignored")
                        }
                        ignored += 1
                        continue
                    }
                    let organiser = Notifier.Organiser(
                        configuredName: data.settings.organiserName,
                        configuredEmail: data.settings.organiserEmail
                    ).email
                    let (updated, outcomes) = f.reply.apply(
                        to: meeting, directory: data.directory, sent: sent(f), from: f.sender,
                        organiser: organiser)
                    if updated != meeting { changed[meeting.id] = updated }
                    for outcome in outcomes {
                        if outcome.isIgnored {
                            Output.error("\(f.source): \(outcome.message)")
                            ignored += 1
                        } else {
                            Output.line("\(f.source): \(outcome.message)")
                            if case .recorded = outcome { recorded += 1 }
                        }
                    }
                }
                for meeting in changed.values.sorted(by: { $0.id < $1.id }) {
                    do {
                        try store.save(meeting, in: &data)
                    } catch {
                        Output.error("\(meeting.id): \(error); its replies were not recorded")
                        unreadable += 1
                    }
                }
            }
        }
        var actionUpdates = 0
        if !actionMails.isEmpty {
            let (applied, refused, failed) = try ActionReplyImport.apply(actionMails, options: options)
            actionUpdates = applied
            ignored += refused
            unreadable += failed
        }
        for message in skipped { Output.note("passed over: \(message)") }
        if !skipped.isEmpty { Output.note("\(skipped.count) message(s) without a calendar reply passed over") }
        if ignored > 0 {
            Output.note(
                "\(recorded) reply(ies) recorded"
                    + (actionMails.isEmpty ? "" : ", \(actionUpdates) action update(s) recorded")
                    + ", \(ignored) ignored")
        }
        if unreadable > 0 || found.isEmpty && actionMails.isEmpty && ignored == 0 {
            if found.isEmpty && actionMails.isEmpty && unreadable == 0 {
                Output.error("no calendar reply or answer about an action found in \(files.joined(separator: ", "))")
            }
            throw ExitStatus.dataError
        }
        if ignored > 0 { throw ExitStatus.problems }
    }

    /// The files to read for one argument: the file itself, or every message of a Maildir folder (cur/ and new/).
    func contents(of path: String, unreadable: inout Int) -> [(String, Data, Bool)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            Output.error("\(path): no such file or folder")
            unreadable += 1
            return []
        }
        guard isFolder.boolValue else {
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.error("\(path): cannot read the file")
                unreadable += 1
                return []
            }
            return [(path, data, false)]
        }
        let subfolders = ["cur", "new"].filter { FileManager.default.fileExists(atPath: path + "/" + $0) }
        guard !subfolders.isEmpty else {
            Output.error("\(path): a folder, but not a Maildir (it has no cur/ or new/)")
            unreadable += 1
            return []
        }
        var out: [(String, Data, Bool)] = []
        for sub in subfolders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? []).filter {
                !$0.hasPrefix(".")
            }.sorted()
            for name in names {
                let file = path + "/" + sub + "/" + name
                guard let data = FileManager.default.contents(atPath: file) else {
                    Output.error("\(file): cannot read the file")
                    unreadable += 1
                    continue
                }
                out.append((file, data, true))
            }
        }
        return out
    }
}
