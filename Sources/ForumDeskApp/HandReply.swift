import Foundation
import ForumDeskCore
import TerminalUI

extension MeetingCouncillorsTab {
    /// `r` on the Councillors tab. A reply answers the notice it refers to (RFC 5546): one recorded by hand answers
    /// the councillor's current notice. If that notice is stale (the meeting changed since), an answer for the
    /// new details means the councillor was told of them, so the reply is saved with a phone notice of the meeting
    /// as it is now: the row is no longer stale because they were re-notified, and the record says how.
    func recordReply(_ m: Meeting, from who: Person, _ c: Context) -> [Effect] {
        guard m.status != .cancelled else {
            return [.message(.error("\(m.title) is cancelled: replies no longer count"))]
        }
        guard let current = NotificationRules.currentInvitationIndex(ofCouncillor: who.id, in: m) else {
            return [.message(.error("\(who.name) has not been sent a notice yet: n, l or t first"))]
        }
        let notice = m.notifications[current]
        let stale = NotificationRules.isStale(notice, for: m)
        let answers: [Reply] =
            stale ? [.accepted, .declined, .tentative] : [.accepted, .declined, .tentative, .noReply]
        let choices = answers.map { reply in
            var updated = m
            var index = current
            if stale {
                updated.notifications.append(
                    CouncillorNotification(
                        councillor: who.id, at: c.now, method: .phone, kind: .invitation, sequence: m.sequence,
                        start: m.start, end: m.end, venue: m.venue.name))
                index = updated.notifications.count - 1
            }
            // A new answer replaces the old one whole: a comment or delegate belonged to the earlier answer.
            updated.notifications[index].reply = reply
            updated.notifications[index].repliedAt = reply == .noReply ? nil : c.now
            updated.notifications[index].comment = nil
            updated.notifications[index].delegatedTo = nil
            updated.notifications[index].replyUnverified = nil
            let label =
                stale
                ? "\(who.name) told of the change by phone: \(reply.label)"
                : "\(who.name): \(reply.label) (notice #\(notice.sequence))"
            return Choice(reply.label.capitalized, [.edit(.saveMeeting(updated, label: label))])
        }
        let announced = notice.start.map { LondonTime.display($0) } ?? "the earlier details"
        let message =
            stale
            ? "\(who.name)'s notice #\(notice.sequence) announced \(announced); the meeting is now \(LondonTime.display(m.start)) "
                + "at \(m.venue.name). A reply recorded now is for the new details, and records that \(who.name) was told of them by phone."
            : "What did \(who.name) reply to notice #\(notice.sequence) (\(announced))?"
        return [
            .ask(
                title: "Reply from \(who.name)", message: message,
                choices: stale ? [Choice("Keep it")] + choices : choices)
        ]
    }
}
