import Foundation
import ForumDeskCore

/// An iTIP REPLY (RFC 5546 §3.2.3) as Outlook, Google and Thunderbird send it: METHOD:REPLY, the event's
/// UID, and each ATTENDEE's PARTSTAT.
public struct CalendarReply: Sendable, Equatable {
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public init(message: String) { self.message = message }
    }

    public var meetingID: String
    /// Each attendee's address (lower case, without `mailto:`) and answer.
    public var answers: [(address: String, reply: Reply)]

    public static func == (a: CalendarReply, b: CalendarReply) -> Bool {
        a.meetingID == b.meetingID && a.answers.elementsEqual(b.answers) { $0.address == $1.address && $0.reply == $1.reply }
    }

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
            return (address, reply)
        }
        return CalendarReply(meetingID: id, answers: answers)
    }

    /// Records each answer on the councillor's latest invitation; one line per attendee says what happened.
    public func apply(to meeting: Meeting, directory: Directory, now: Date) -> (Meeting, [String]) {
        var meeting = meeting
        var results: [String] = []
        for (address, reply) in answers {
            guard let person = directory.people.first(where: { $0.email?.lowercased() == address }) else {
                results.append("\(address): not in the directory; ignored")
                continue
            }
            guard let index = meeting.notifications.lastIndex(where: { $0.councillor == person.id && $0.kind == .invitation }) else {
                results.append("\(person.name): no invitation was recorded for this meeting; ignored")
                continue
            }
            meeting.notifications[index].reply = reply
            meeting.notifications[index].repliedAt = now
            results.append("\(person.name): \(reply.label)")
        }
        return (meeting, results)
    }
}
