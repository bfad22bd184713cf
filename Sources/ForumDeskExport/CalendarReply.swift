import Foundation
import ForumDeskCore

/// An iTIP REPLY (RFC 5546 §3.2.3) as Outlook, Google and Thunderbird send it: METHOD:REPLY, the event's
/// UID, and each ATTENDEE's PARTSTAT.
public struct CalendarReply: Sendable, Equatable {
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public init(message: String) { self.message = message }
    }

    /// One attendee's address (lower case, without `mailto:`) and answer.
    public struct Answer: Sendable, Equatable {
        public var address: String
        public var reply: Reply
    }

    public var meetingID: String
    public var answers: [Answer]

    public static func parse(_ text: String) throws(Failure) -> CalendarReply {
        let lines = ICalendar.parse(text)
        guard lines.first(where: { $0.name == "METHOD" })?.value.uppercased() == "REPLY" else {
            throw Failure(message: "not a calendar reply (METHOD:REPLY is missing)")
        }
        guard let uid = lines.first(where: { $0.name == "UID" })?.value, let id = ICalendar.meetingID(fromUID: uid) else {
            throw Failure(message: "the reply is not for a ForumDesk meeting (UID ends in @forumdesk)")
        }
        let answers = lines.filter { $0.name == "ATTENDEE" }.map { attendee in
            let address = attendee.value.replacingOccurrences(of: "mailto:", with: "", options: .caseInsensitive).lowercased()
            let reply: Reply = switch attendee.parameters["PARTSTAT"]?.uppercased() {
            case "ACCEPTED": .accepted
            case "DECLINED": .declined
            case "TENTATIVE": .tentative
            default: .noReply
            }
            return Answer(address: address, reply: reply)
        }
        return CalendarReply(meetingID: id, answers: answers)
    }

    /// Records each answer on the councillor's latest invitation; one line per attendee says what happened.
    public func apply(to meeting: Meeting, directory: Directory, now: Date) -> (Meeting, [String]) {
        var meeting = meeting
        var results: [String] = []
        for answer in answers {
            guard let person = directory.people.first(where: { $0.email?.lowercased() == answer.address }) else {
                results.append("\(answer.address): not in the directory; ignored")
                continue
            }
            guard let index = meeting.notifications.lastIndex(where: { $0.councillor == person.id && $0.kind == .invitation }) else {
                results.append("\(person.name): no invitation was recorded for this meeting; ignored")
                continue
            }
            meeting.notifications[index].reply = answer.reply
            meeting.notifications[index].repliedAt = now
            results.append("\(person.name): \(answer.reply.label)")
        }
        return (meeting, results)
    }
}
