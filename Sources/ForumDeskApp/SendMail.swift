import Foundation
import ForumDeskCore
import ForumDeskStore

extension App {
    /// `S` on a meeting's Councillors tab: what `forumdesk send --meeting` does, for that meeting's e-mails. The
    /// footer says how many went and why any did not. Mail once sent cannot be unsent: the undo history, whose
    /// entries hold earlier versions of the record, is cleared so no undo can drop a sent notice from it.
    mutating func sendMail(_ meetingID: String) {
        guard let store, context.data.meeting(meetingID) != nil else {
            message = .error("Read-only: \(readOnlyReason ?? "no data folder"). Nothing was sent.")
            return
        }
        let program = MailProgram(command: mailCommand)
        let now = context.now
        let lines = store.sendOutbox(with: program, now: { now }, meeting: meetingID, in: &context.data)
        context.refresh(meetingID: meetingID)
        let sent = lines.filter { $0.outcome == .sent }.count
        let problems = lines.filter { $0.outcome == .failed || $0.outcome == .maybeSent }
        if sent > 0 {
            undoStack.removeAll()
            redoStack.removeAll()
        }
        if lines.isEmpty {
            message = .info("Nothing in the outbox for this meeting: n writes the notices owed")
        } else if let first = problems.first {
            message = .error("\(sent) sent, \(problems.count) not: " + first.description.split(whereSeparator: \.isNewline).joined(separator: " / "))
        } else {
            message = .info("\(sent) e-mail(s) sent with \(program.command.first ?? "the mail program"); recorded on the notices")
        }
    }
}
