#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// Sending the outbox (`forumdesk send`, and `S` on a meeting's Councillors tab): each e-mail goes through a small
/// state machine whose state is the folder it is in, moved by durable renames:
///
///     outbox/<m>/<f>  ──(1)──▶  outbox-sending/<m>/<f>  ──(2) program ──▶  (3) sent/<m>/<f> + sent/<m>/<f>.log
///          ▲                              │ exit ≠ 0, or not started
///          └──────────────(failed)────────┘
///
/// 1. Before the program sees a message, it is renamed into `outbox-sending/` and the folder synced.
/// 2. The program gets the file on standard input.
/// 3. On exit 0 the log (time, program, answer) is written durably first, then the message renamed into `sent/`;
///    then the notice is recorded as sent in its meeting file (the usual checked, durable save).
///
/// **At most once.** A message is handed to the program only from `outbox/`, after it has left it. A run that was
/// killed leaves it in `outbox-sending/`: the next run never hands it over again by itself. If the log is in `sent/`
/// the program had accepted it and the move is finished; otherwise it may or may not have gone (the program may
/// have been half-way through, or may finish after we died), so it is reported as *maybe sent* and waits for the
/// officer: `send --confirm-sent` (it arrived) or `send --resend` (back to the outbox). Nothing is ever sent twice
/// by ForumDesk; the price is that a crash in that window needs a person to look. (A server that accepts a
/// message and then drops the connection before msmtp hears its "250 OK" makes msmtp report a failure; that
/// message is then sent again on the next run. This is SMTP's own known duplicate, RFC 5321 §4.1.1.4 and
/// RFC 1047: no client can rule it out.)
///
/// **Every delivered one recorded.** The record follows the folders: each run first records as sent every message
/// in `sent/` whose notice does not say so yet, and as maybe-sent every message left in `outbox-sending/`.
extension DataStore {
    /// One message's outcome, as `send` prints it and the app shows it.
    public struct DeliveryLine: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            case sent, failed, maybeSent, wouldSend, alreadySent
        }
        public var outcome: Outcome
        /// `<meeting>/<file>`.
        public var message: String
        public var recipient: String
        /// The program's answer, the reason it failed, or what to do.
        public var detail: String

        public var description: String {
            let head: String =
                switch outcome {
                case .sent: "sent"
                case .failed: "not sent"
                case .maybeSent: "maybe sent"
                case .wouldSend: "would send"
                case .alreadySent: "already sent"
                }
            return "\(head): \(message)" + (recipient.isEmpty ? "" : " to \(recipient)")
                + (detail.isEmpty ? "" : ": \(detail)")
        }
    }

    static let sentLogSuffix = ".log"

    func sendingFolder(_ id: String) -> String { folder.path("\(NoticeOutbox.sending)/\(id)") }
    func sentFolder(_ id: String) -> String { folder.path("\(NoticeOutbox.sent)/\(id)") }

    /// The e-mails in one state's folder, as (meeting, file) in name order; only valid meeting ids and notice-like
    /// names (anything else in these folders is left alone).
    /// The digest folders (reminders, briefings) come after the meetings', and only when no one meeting is asked for
    /// (their names are valid meeting ids, so they are left out of the meetings' first).
    func messages(in root: String, meeting only: String? = nil) -> [(meeting: String, file: String)] {
        let meetings =
            ((try? fs.list(folder.path(root))) ?? [])
            .filter { MeetingID($0) != nil && !NoticeOutbox.digestFolders.contains($0) && (only == nil || $0 == only) }
            .sorted()
            + (only == nil ? NoticeOutbox.digestFolders : [])
        return meetings.flatMap { id in
            ((try? fs.list(folder.path("\(root)/\(id)"))) ?? []).filter { NoticeOutbox.isMessage($0, in: id) }.sorted()
                .map { (id, $0) }
        }
    }

    /// The e-mails waiting in `outbox/` (all meetings, or one).
    public func queuedMessages(meeting: String? = nil) -> [(meeting: String, file: String)] {
        messages(in: NoticeOutbox.outbox, meeting: meeting)
    }

    /// Hands every e-mail in the outbox (of one meeting, or all) to `program`, one at a time, and records each
    /// outcome on its notice. `dryRun`: only says what would be sent, and changes nothing. `report` is called
    /// after each message (the command prints as it goes). Call with the editing lock held.
    @discardableResult
    public func sendOutbox(
        with program: MailProgram, now: () -> Date, dryRun: Bool = false, meeting only: String? = nil,
        in data: inout DataSet, report: (DeliveryLine) -> Void = { _ in }
    ) -> [DeliveryLine] {
        var lines: [DeliveryLine] = []
        func tell(_ line: DeliveryLine) {
            lines.append(line)
            report(line)
        }
        if !dryRun {
            for line in recoverDeliveries(only: only, now: now(), in: &data) { tell(line) }
        } else {
            for (id, file) in messages(in: NoticeOutbox.sending, meeting: only) {
                tell(
                    DeliveryLine(
                        outcome: .maybeSent, message: "\(id)/\(file)", recipient: recipient(id, file, data),
                        detail: Self.maybeSentAdvice(id, file)))
            }
        }
        for (id, file) in queuedMessages(meeting: only) {
            let name = "\(id)/\(file)"
            let to = recipient(id, file, data)
            if dryRun {
                tell(DeliveryLine(outcome: .wouldSend, message: name, recipient: to, detail: ""))
                continue
            }
            tell(send(id, file, to: to, with: program, now: now, in: &data))
        }
        return lines
    }

    /// One message through the state machine (see the type's comment).
    func send(
        _ id: String, _ file: String, to: String, with program: MailProgram, now: () -> Date, in data: inout DataSet
    ) -> DeliveryLine {
        let name = "\(id)/\(file)"
        let queued = "\(outboxFolder(id))/\(file)", sending = "\(sendingFolder(id))/\(file)",
            sent = "\(sentFolder(id))/\(file)"
        // Sent already (an undo and redo put the same notice back in the outbox): never again.
        if (try? fs.status(sent)) != nil || (try? fs.status(sending)) != nil {
            let alreadySent = (try? fs.status(sent)) != nil
            fs.remove(queued)
            try? fs.fsyncDirectory(outboxFolder(id))
            return DeliveryLine(
                outcome: alreadySent ? .alreadySent : .maybeSent, message: name, recipient: to,
                detail: alreadySent
                    ? "the copy in the outbox was removed, not sent again" : Self.maybeSentAdvice(id, file))
        }
        if let problem = linkProblem([queued, sending, sent]) {
            return DeliveryLine(
                outcome: .failed, message: name, recipient: to, detail: "not sent: \(problem.path) \(problem.reason)")
        }
        // (1) Out of the outbox before the program sees it.
        do {
            try DurableFile.makeFolders(sendingFolder(id), fs: fs, mode: modes.folder)
            try fs.rename(queued, sending)
            try fs.fsyncDirectory(sendingFolder(id))
            try fs.fsyncDirectory(outboxFolder(id))
        } catch {
            if (try? fs.status(sending)) != nil, (try? fs.status(queued)) == nil { try? fs.rename(sending, queued) }
            return DeliveryLine(
                outcome: .failed, message: name, recipient: to, detail: "left in the outbox: \(Self.reason(error))")
        }
        // (2) The program.
        let answer = program.run(input: sending)
        switch answer {
        case .accepted(let output):
            // (3) The log first: with it in sent/, the program's acceptance is on disk whatever happens next.
            let at = now()
            let log =
                "sent: \(LondonTime.iso(at))\nprogram: \(program.display)\nexit: 0\nanswer: \(output.isEmpty ? "(none)" : output)\n"
            do {
                try DurableFile.write(Array(log.utf8), to: sent + Self.sentLogSuffix, fs: fs, modes: modes)
                try fs.rename(sending, sent)
                try fs.fsyncDirectory(sentFolder(id))
                try fs.fsyncDirectory(sendingFolder(id))
            } catch {
                let problem = recordDelivery(id, file, in: &data) {
                    $0.delivery = .sent; $0.sentAt = at; $0.deliveryNote = output.isEmpty ? nil : output
                }
                let detail =
                    "accepted, but not moved to \(NoticeOutbox.sent)/ (\(Self.reason(error))); the next run finishes it"
                return DeliveryLine(
                    outcome: .sent, message: name, recipient: to, detail: detail + (problem.map { "; \($0)" } ?? ""))
            }
            let problem = recordDelivery(id, file, in: &data) {
                $0.delivery = .sent; $0.sentAt = at; $0.deliveryNote = output.isEmpty ? nil : output
            }
            return DeliveryLine(
                outcome: .sent, message: name, recipient: to,
                detail: (output.isEmpty ? "" : output) + (problem.map { (output.isEmpty ? "" : "; ") + $0 } ?? ""))
        case .refused, .notStarted:
            let reason: String =
                switch answer {
                case .refused(let status, let output):
                    "\(program.command.first ?? "the mail program") exited \(status)"
                        + (output.isEmpty ? "" : ": \(output)")
                case .notStarted(let why): why
                default: ""
                }
            try? fs.rename(sending, queued)
            try? fs.fsyncDirectory(outboxFolder(id))
            try? fs.fsyncDirectory(sendingFolder(id))
            let problem = recordDelivery(id, file, in: &data) {
                $0.delivery = .failed; $0.deliveryNote = reason
            }
            return DeliveryLine(
                outcome: .failed, message: name, recipient: to,
                detail: "left in the outbox: " + reason + (problem.map { "; \($0)" } ?? ""))
        case .interrupted(let reason, let output):
            let note = reason + (output.isEmpty ? "" : ": \(output)")
            _ = recordDelivery(id, file, in: &data) {
                $0.delivery = .sending; $0.deliveryNote = note
            }
            return DeliveryLine(
                outcome: .maybeSent, message: name, recipient: to, detail: note + "; " + Self.maybeSentAdvice(id, file))
        }
    }

    /// A failed file operation in words.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let e as DurableWriteError: e.cause.description
        case let e as SystemCallError: e.description
        default: "\(error)"
        }
    }

    static func maybeSentAdvice(_ id: String, _ file: String) -> String {
        "it may have reached the recipient; check, then run `forumdesk send --confirm-sent \(id)/\(file)` or `--resend \(id)/\(file)`"
    }

    /// Brings the record in line with the folders after a run that was killed: messages whose log is in `sent/` are
    /// moved there and recorded; the others left in `outbox-sending/` are recorded and reported as maybe sent.
    func recoverDeliveries(only: String?, now: Date, in data: inout DataSet) -> [DeliveryLine] {
        var lines: [DeliveryLine] = []
        for (id, file) in messages(in: NoticeOutbox.sending, meeting: only) {
            let sending = "\(sendingFolder(id))/\(file)", sent = "\(sentFolder(id))/\(file)"
            if (try? fs.status(sent + Self.sentLogSuffix)) != nil {
                // The program had accepted it: only the move to sent/ was lost.
                if (try? fs.status(sent)) == nil {
                    try? fs.rename(sending, sent)
                } else {
                    fs.remove(sending)
                }
                try? fs.fsyncDirectory(sentFolder(id))
                try? fs.fsyncDirectory(sendingFolder(id))
            } else {
                let note = "a send was interrupted while the mail program had it"
                let notice = self.notice(id, file, in: data)
                if notice?.delivery != .sending {
                    _ = recordDelivery(id, file, in: &data) {
                        $0.delivery = .sending; $0.deliveryNote = note
                    }
                }
                lines.append(
                    DeliveryLine(
                        outcome: .maybeSent, message: "\(id)/\(file)", recipient: recipient(id, file, data),
                        detail: Self.maybeSentAdvice(id, file)))
            }
        }
        for (id, file) in messages(in: NoticeOutbox.sent, meeting: only) {
            guard let notice = notice(id, file, in: data), notice.delivery != .sent else { continue }
            let log = Self.sentLog(at: "\(sentFolder(id))/\(file)\(Self.sentLogSuffix)", fs: fs)
            _ = recordDelivery(id, file, in: &data) {
                $0.delivery = .sent
                $0.sentAt = log.at ?? now
                $0.deliveryNote = log.answer
            }
        }
        return lines
    }

    /// The time and answer in a `sent/` log.
    static func sentLog(at path: String, fs: FileSystem) -> (at: Date?, answer: String?) {
        guard let bytes = try? fs.read(path) else { return (nil, nil) }
        var at: Date?, answer: String?
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("sent: ") { at = LondonTime.parse(String(line.dropFirst(6))) }
            if line.hasPrefix("answer: "), line != "answer: (none)" { answer = String(line.dropFirst(8)) }
        }
        return (at, answer)
    }

    /// Settles a maybe-sent message (`<meeting>/<file>` in `outbox-sending/`): `sent` true moves it to `sent/` as
    /// confirmed by the officer; false puts it back in the outbox, to go with the next send.
    public func settleMaybeSent(
        _ message: String, sent confirmed: Bool, now: Date, in data: inout DataSet
    ) throws(PathError) -> String {
        let parts = message.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, MeetingID(parts[0]) != nil || NoticeOutbox.digestFolders.contains(parts[0]),
            NoticeOutbox.isMessage(parts[1], in: parts[0])
        else {
            throw PathError(path: message, reason: "not a message name like <meeting-id>/<file>.eml")
        }
        let (id, file) = (parts[0], parts[1])
        let sending = try folder.inside([NoticeOutbox.sending, id, file])
        guard (try? fs.status(sending)) != nil else {
            throw PathError(
                path: "\(NoticeOutbox.sending)/\(message)",
                reason: "no such message is waiting to be settled (see `forumdesk send --dry-run`)")
        }
        do {
            if confirmed {
                let sent = "\(sentFolder(id))/\(file)"
                try DurableFile.write(
                    Array(
                        "sent: \(LondonTime.iso(now))\nprogram: (confirmed by the officer after an interrupted send)\nexit: unknown\nanswer: (none)\n"
                            .utf8),
                    to: sent + Self.sentLogSuffix, fs: fs, modes: modes)
                try fs.rename(sending, sent)
                try fs.fsyncDirectory(sentFolder(id))
            } else {
                try DurableFile.makeFolders(outboxFolder(id), fs: fs, mode: modes.folder)
                try fs.rename(sending, "\(outboxFolder(id))/\(file)")
                try fs.fsyncDirectory(outboxFolder(id))
            }
            try fs.fsyncDirectory(sendingFolder(id))
        } catch {
            throw PathError(path: sending, reason: Self.reason(error))
        }
        let problem = recordDelivery(id, file, in: &data) {
            if confirmed {
                $0.delivery = .sent
                $0.sentAt = now
                $0.deliveryNote = "confirmed as sent by the officer after an interrupted send"
            } else {
                $0.delivery = .queued
                $0.deliveryNote = nil
            }
        }
        return (confirmed ? "recorded as sent: \(message)" : "back in the outbox: \(message)")
            + (problem.map { "; \($0)" } ?? "")
    }

    /// The notice an e-mail carries, from its meeting's record.
    func notice(_ id: String, _ file: String, in data: DataSet) -> CouncillorNotification? {
        guard let name = NoticeOutbox.noticeName(ofFile: file) else { return nil }
        return data.meeting(id)?.notifications.last { NoticeOutbox.fileName(of: $0) == name && $0.method == .email }
    }

    /// "Name <address>" of the person a message is to, from the record and the directory.
    func recipient(_ id: String, _ file: String, _ data: DataSet) -> String {
        if let digestTo = NoticeOutbox.digestPerson(ofFile: file, in: id) {
            guard let person = data.directory.person(digestTo) else { return digestTo }
            return person.email.map { "\(person.name) <\($0)>" } ?? person.name
        }
        guard let person = notice(id, file, in: data).flatMap({ data.directory.person($0.councillor) }) else {
            return ""
        }
        return person.email.map { "\(person.name) <\($0)>" } ?? person.name
    }

    /// Changes the notice an e-mail carries and saves its meeting. Returns why the record could not be written, if
    /// it could not (the folders still say what happened, and the next run records it).
    func recordDelivery(
        _ id: String, _ file: String, in data: inout DataSet, _ change: (inout CouncillorNotification) -> Void
    ) -> String? {
        guard let name = NoticeOutbox.noticeName(ofFile: file) else { return nil }
        if data.meeting(id)?.isSummary == true { _ = hydrate(meetingID: id, in: &data) }
        // Someone may save the meeting while the mail program runs (the app sends off its key loop, an officer edits
        // on): the delivery is then recorded on the version they saved, read again, rather than lost.
        for attempt in 0..<3 {
            guard var meeting = data.meeting(id),
                let index = meeting.notifications.lastIndex(where: {
                    NoticeOutbox.fileName(of: $0) == name && $0.method == .email
                })
                // an e-mail the record does not hold (written by hand, or by an older ForumDesk): nothing to record
            else { return nil }
            let before = meeting.notifications[index]
            change(&meeting.notifications[index])
            guard meeting.notifications[index] != before else { return nil }
            do throws(SaveError) {
                try save(meeting, in: &data)
                return nil
            } catch {
                if case .changedOnDisk = error, attempt < 2, reload(meetingID: id, in: &data) == nil { continue }
                return "the notice could not be recorded: \(error.description)"
            }
        }
        return nil
    }
}
