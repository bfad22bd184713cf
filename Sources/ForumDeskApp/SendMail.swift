import Foundation
import ForumDeskCore
import ForumDeskStore

extension App {
    /// `S` on a meeting's Councillors tab: what `forumdesk send --meeting` does, for that meeting's e-mails, off the key
    /// loop (a slow mail server does not freeze the screen). The footer says it runs, then how many went and why any
    /// did not (`sendFinished`).
    mutating func sendMail(_ meetingID: String) {
        guard let store, context.data.meeting(meetingID) != nil else {
            message = .error("Read-only: \(readOnlyReason ?? "no data folder"). Nothing was sent.")
            return
        }
        let program = MailProgram(command: mailCommand)
        let now = context.now
        let data = context.data
        let name = program.command.first ?? "the mail program"
        if start(
            BackgroundWork("Sending \(meetingID)'s e-mails with \(name)", meetingID: meetingID) {
                var copy = data
                return .sent(
                    meetingID: meetingID,
                    lines: store.sendOutbox(with: program, now: { now }, meeting: meetingID, in: &copy), program: name)
            }, kind: "Sending", meetingID: meetingID)
        {
            message = .info("Sending \(meetingID)'s e-mails with \(name)… (keep working)")
        }
    }

    /// A send's result: the meeting's record (the notices' delivery, written by the send) is read again, and the
    /// footer says how many went and why any did not. Mail once sent cannot be unsent: the undo history, whose
    /// entries hold earlier versions of the record, is cleared so no undo can drop a sent notice from it.
    mutating func sendFinished(_ meetingID: String, _ lines: [DataStore.DeliveryLine], program: String) {
        if let path = context.data.path(ofMeeting: meetingID) { _ = filesChanged([path]) }
        let sent = lines.filter { $0.outcome == .sent }.count
        let problems = lines.filter { $0.outcome == .failed || $0.outcome == .maybeSent }
        if sent > 0 {
            undoStack.removeAll()
            redoStack.removeAll()
        }
        if lines.isEmpty {
            message = .info("Nothing in the outbox for this meeting: n writes the notices owed")
        } else if let first = problems.first {
            message = .error(
                "\(sent) sent, \(problems.count) not: "
                    + first.description.split(whereSeparator: \.isNewline).joined(separator: " / "))
        } else {
            message = .info("\(sent) e-mail(s) sent with \(program); recorded on the notices")
        }
    }
}
