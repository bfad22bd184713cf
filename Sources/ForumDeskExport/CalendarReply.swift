import Foundation
import ForumDeskCore

/// An iTIP REPLY (RFC 5546 §3.2.3) as Outlook, Google and Thunderbird send it: METHOD:REPLY, the event's UID,
/// the SEQUENCE and DTSTART of the notice it answers, the DTSTAMP it was sent at, and each ATTENDEE's PARTSTAT
/// with any COMMENT.
public struct CalendarReply: Sendable, Equatable {
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        /// A readable reply that is simply not for a ForumDesk meeting: ignored, not a broken file.
        public var notOurs = false
        public init(message: String, notOurs: Bool = false) {
            self.message = message
            self.notOurs = notOurs
        }
    }

    /// PARTSTAT for a VEVENT (RFC 5545 §3.2.12); anything else is kept as written, to be reported.
    public enum Participation: Sendable, Equatable {
        case accepted, declined, tentative, delegated, needsAction
        case other(String)

        init(_ raw: String?) {
            switch raw?.uppercased() {
            case nil, "NEEDS-ACTION": self = .needsAction  // the default when the parameter is absent (§3.2.12)
            case "ACCEPTED": self = .accepted
            case "DECLINED": self = .declined
            case "TENTATIVE": self = .tentative
            case "DELEGATED": self = .delegated
            case let value?: self = .other(value)
            }
        }

        var reply: Reply? {
            switch self {
            case .accepted: .accepted
            case .declined: .declined
            case .tentative: .tentative
            case .delegated: .delegated
            case .needsAction, .other: nil
            }
        }
    }

    /// One attendee's address (lower case, without `mailto:`) and answer.
    public struct Answer: Sendable, Equatable {
        public var address: String
        public var participation: Participation
        /// DELEGATED-TO addresses, without `mailto:`.
        public var delegatedTo: [String] = []
        /// Google Calendar writes the attendee's note as the `X-RESPONSE-COMMENT` parameter.
        public var comment: String?
    }

    public var meetingID: String
    /// The SEQUENCE of the notice answered (RFC 5545: 0 when absent).
    public var sequence: Int
    /// The start the answered notice announced, when the reply quotes it in a zone ForumDesk knows.
    public var start: Date?
    /// When the attendee answered (DTSTAMP): replies are applied in this order (RFC 5546 §2.1.5).
    public var stamp: Date?
    /// The event's COMMENT (Outlook, Thunderbird): what the attendee wrote with the answer.
    public var comment: String?
    /// The ORGANIZER's address (lower case): the reply must be to this council's organiser.
    public var organizer: String?
    public var answers: [Answer]

    /// Who a reply came from, as far as can be told: the e-mail's `From:` and `Sender:`, or nothing at all for
    /// an `.ics` file given without its e-mail (anyone can write one).
    public enum Sender: Sendable, Equatable {
        case mail(from: String?, sender: String?)
        case file

        var addresses: [String] {
            guard case .mail(let from, let sender) = self else { return [] }
            return [from, sender].compactMap { $0 }
        }

        var described: String {
            let list = addresses
            return list.isEmpty
                ? "an e-mail without a sender's address"
                : list.joined(separator: " (sender ") + (list.count > 1 ? ")" : "")
        }
    }

    public static func parse(_ text: String) throws(Failure) -> CalendarReply {
        let lines = ICalendar.parse(text)
        guard
            lines.first(where: { $0.name == "METHOD" && $0.component == "VCALENDAR" })?.value.trimmingCharacters(
                in: .whitespaces
            )
            .uppercased() == "REPLY"
        else {
            throw Failure(message: "not a calendar reply (METHOD:REPLY is missing)")
        }
        let event = lines.filter { $0.component == "VEVENT" }
        guard let uid = event.first(where: { $0.name == "UID" })?.value else {
            throw Failure(message: "the reply has no event UID")
        }
        guard let id = ICalendar.meetingID(fromUID: uid) else {
            throw Failure(
                message: "the reply is for `\(uid)`, not a ForumDesk meeting (UID ends in @forumdesk)", notOurs: true)
        }
        var sequence = 0
        if let raw = event.first(where: { $0.name == "SEQUENCE" })?.value {
            guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), (0...Int(Int32.max)).contains(value) else {
                throw Failure(message: "SEQUENCE `\(raw)` is not a whole number")
            }
            sequence = value
        }
        let start = event.first { $0.name == "DTSTART" }.flatMap {
            ICalendar.dateTime($0.value, zone: $0.parameters["TZID"])
        }
        let stamp = event.first { $0.name == "DTSTAMP" }.flatMap {
            ICalendar.dateTime($0.value, zone: $0.parameters["TZID"])
        }
        // Outlook ends its COMMENT with an escaped line break.
        // Google writes the note as an X-RESPONSE-COMMENT parameter of the ATTENDEE, or as a property of its own.
        let comment = event.lazy.filter { $0.name == "COMMENT" || $0.name == "X-RESPONSE-COMMENT" }.map {
            ICalendar.unescape($0.value).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        .first { !$0.isEmpty }
        let attendees = event.filter { $0.name == "ATTENDEE" }
        func plain(_ value: String) -> String {
            value.replacingOccurrences(of: "mailto:", with: "", options: [.caseInsensitive, .anchored])
                .trimmingCharacters(in: .whitespaces).lowercased()
        }
        // A delegation (RFC 5546 §4.2.5) also lists the delegate with DELEGATED-FROM: that line tells, it does not answer.
        let delegators = Set(
            attendees.filter { Participation($0.parameters["PARTSTAT"]) == .delegated }.map { plain($0.value) })
        let answers = attendees.filter { line in
            !line.list("DELEGATED-FROM").contains { delegators.contains(plain($0)) }
        }.map { line in
            Answer(
                address: plain(line.value), participation: Participation(line.parameters["PARTSTAT"]),
                delegatedTo: line.list("DELEGATED-TO").map(plain),
                comment: line.parameters["X-RESPONSE-COMMENT"].map {
                    ICalendar.unescape($0).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                .flatMap { $0.isEmpty ? nil : $0 })
        }
        guard !answers.isEmpty else { throw Failure(message: "the reply names no ATTENDEE") }
        let organizer = event.first { $0.name == "ORGANIZER" }.map { plain($0.value) }
        return CalendarReply(
            meetingID: id, sequence: sequence, start: start, stamp: stamp, comment: comment,
            organizer: organizer, answers: answers)
    }

    /// What became of one attendee's answer.
    public enum Outcome: Sendable, Equatable {
        /// Saved on the notice it answers.
        case recorded(String)
        /// Nothing to change: the same answer is already recorded, or NEEDS-ACTION beside an answer.
        case unchanged(String)
        /// Not counted, with the reason (an unknown address, a cancelled meeting, a superseded notice, …).
        case ignored(String)

        public var message: String {
            switch self {
            case .recorded(let m), .unchanged(let m), .ignored(let m): m
            }
        }
        public var isIgnored: Bool { if case .ignored = self { true } else { false } }
    }

    /// Records each answer on the notice it answers (matched by SEQUENCE and the announced DTSTART), if that is
    /// the councillor's current notice and the meeting is still as it announced. `sent` is used when the reply
    /// has no DTSTAMP (the e-mail's Date, else the time of the import).
    ///
    /// Only the councillor answers for themselves: the e-mail must come from their directory address or from a
    /// delegate recorded for them, else the answer is unverified and not counted. One reply answers for one
    /// person. A reply to another organiser than `organiser` (this council's) is refused whole. An `.ics` file
    /// without its e-mail is recorded, marked unverified.
    public func apply(
        to meeting: Meeting, directory: Directory, sent: Date, from sender: Sender = .file,
        organiser: String? = nil
    ) -> (Meeting, [Outcome]) {
        if let organizer, let organiser, organizer != organiser.lowercased() {
            return (
                meeting,
                answers.map {
                    .ignored(
                        "\($0.address): the reply is to the organiser \(organizer), not this council's "
                            + "(\(organiser.lowercased())); refused")
                }
            )
        }
        if sender == .file, answers.count > 1 {
            return (
                meeting,
                answers.map {
                    .ignored(
                        "\($0.address): an .ics file answering for \(answers.count) people; one reply "
                            + "answers for one person: not counted")
                }
            )
        }
        var meeting = meeting
        var answered: String?
        var outcomes: [Outcome] = []
        for answer in answers {
            if let answered {
                outcomes.append(
                    .ignored(
                        "\(answer.address): this reply already answers for \(answered); one reply answers for one "
                            + "person: not counted"))
                continue
            }
            let outcome = self.answer(meeting: &meeting, answer, directory: directory, sent: sent, sender: sender)
            if case .recorded = outcome { answered = answer.address }
            outcomes.append(outcome)
        }
        return (meeting, outcomes)
    }

    func answer(meeting: inout Meeting, _ answer: Answer, directory: Directory, sent: Date, sender: Sender) -> Outcome {
        guard let person = directory.people.first(where: { $0.email?.lowercased() == answer.address }) else {
            return .ignored("\(answer.address): not in the directory; ignored")
        }
        let who = person.name
        if case .mail = sender {
            let allowed = Set(([person.email] + person.delegates).compactMap { $0?.lowercased() })
            guard sender.addresses.contains(where: allowed.contains) else {
                return .ignored(
                    "\(who): unverified, sent by \(sender.described), not by their directory address or a recorded "
                        + "delegate; not counted (if it is genuine, record it by hand: r on the Councillors tab)")
            }
        }
        if meeting.status == .cancelled {
            return .ignored("\(who): \(meeting.id) is cancelled; the reply is not counted")
        }
        guard let current = NotificationRules.currentInvitationIndex(ofCouncillor: person.id, in: meeting) else {
            return .ignored("\(who): no invitation was recorded for \(meeting.id); ignored")
        }
        let notice = meeting.notifications[current]
        let stamp = self.stamp ?? sent
        // The notice answered: the SEQUENCE it carried and, when the reply quotes it, the start it announced.
        let answersCurrent =
            notice.sequence == sequence && (start == nil || notice.start == nil || notice.start == start)
        if !answersCurrent || NotificationRules.isStale(notice, for: meeting) {
            let answered = meeting.notifications.last {
                $0.councillor == person.id && $0.kind == .invitation && $0.sequence == sequence
            }
            guard let answered else {
                return .ignored("\(who): answers SEQUENCE \(sequence), which was never sent to them; not counted")
            }
            let announced = start ?? answered.start ?? meeting.start
            let since = announced == meeting.start ? "since changed" : "since moved to \(Self.day(meeting.start))"
            return .ignored(
                "\(who): answers the invitation for \(Self.day(announced)), \(since); not counted"
                    + (NotificationRules.isStale(notice, for: meeting) ? " (the update is still to send: notify)" : ""))
        }
        let reply: Reply
        switch answer.participation {
        case .other(let value):
            return .ignored(
                "\(who): PARTSTAT `\(value)` is not an answer ForumDesk knows (ACCEPTED, DECLINED, TENTATIVE, "
                    + "DELEGATED, NEEDS-ACTION); not counted")
        case .needsAction:
            guard notice.reply == .noReply else {
                return .unchanged("\(who): NEEDS-ACTION (no answer) leaves the recorded \(notice.reply.label) as it is")
            }
            return .unchanged("\(who): NEEDS-ACTION (no answer yet); nothing recorded")
        default:
            reply = answer.participation.reply ?? .noReply
        }
        let comment = answer.comment ?? self.comment
        let delegate = reply == .delegated ? answer.delegatedTo.first : nil
        if notice.reply != .noReply, let recorded = notice.repliedAt {
            if stamp < recorded {
                return .ignored(
                    "\(who): \(reply.label), sent \(LondonTime.display(stamp)), is older than the recorded "
                        + "\(notice.reply.label) (sent \(LondonTime.display(recorded))); not counted")
            }
            let unverified = sender == .file ? "from an .ics file without the e-mail it came in" : nil
            if stamp == recorded, notice.reply == reply, notice.comment == comment, notice.delegatedTo == delegate,
                unverified != nil || notice.replyUnverified == nil
            {  // an unverified copy never downgrades a verified one
                return .unchanged("\(who): \(reply.label) (already recorded)")
            }
        }
        meeting.notifications[current].reply = reply
        meeting.notifications[current].repliedAt = stamp
        meeting.notifications[current].comment = comment
        meeting.notifications[current].delegatedTo = delegate
        meeting.notifications[current].replyUnverified =
            sender == .file ? "from an .ics file without the e-mail it came in" : nil
        var line = "\(who): \(reply.label)"
        if let delegate { line += " to \(delegate)" }
        line += " (sent \(LondonTime.display(stamp)))"
        if let comment { line += ": “\(comment)”" }
        if sender == .file { line += " (unverified: an .ics file without its e-mail)" }
        return .recorded(line)
    }

    /// "Thu 14 Jan 19:00", the way the reports quote a notice.
    static func day(_ instant: Date) -> String {
        let l = LondonTime.local(instant)
        return
            "\(LondonTime.weekday(l.date)) \(l.date.day) \(LondonTime.monthAbbreviation(l.date.month)) \(LondonTime.hhmm(instant))"
    }
}

extension ICalendar {
    /// Windows names Outlook writes as TZID, for the zones a UK council's correspondents use.
    static let windowsZones = [
        "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "UTC", "UTC": "UTC",
        "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest", "Eastern Standard Time": "America/New_York",
    ]

    /// A DATE-TIME (or DATE) value (RFC 5545 §3.3.5): UTC with `Z`, in the zone TZID names (an IANA name, or a
    /// Windows one as Outlook writes), or floating (read as London time). Nil for a zone that cannot be known.
    public static func dateTime(_ value: String, zone tzid: String?) -> Date? {
        let b = Array(value.trimmingCharacters(in: .whitespaces).utf8)
        guard b.count >= 8, b[0..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let date = CalendarDate(
                iso: "\(String(decoding: b[0..<4], as: UTF8.self))-\(String(decoding: b[4..<6], as: UTF8.self))-"
                    + String(decoding: b[6..<8], as: UTF8.self))
        else { return nil }
        var hour = 0, minute = 0, second = 0, utc = false
        if b.count > 8 {
            guard b.count >= 15, b[8] == UInt8(ascii: "T"), let h = Digits.value(b[9..<11]),
                let m = Digits.value(b[11..<13]),
                let s = Digits.value(b[13..<15]), h < 24, m < 60, s < 61
            else { return nil }
            hour = h; minute = m; second = min(s, 59)
            utc = b.count == 16 && b[15] == UInt8(ascii: "Z")
            guard b.count == 15 || utc else { return nil }
        }
        if utc { return LondonTime.instant(date: date, hour: hour, minute: minute, second: second, offsetSeconds: 0) }
        guard let tzid = tzid?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")), !tzid.isEmpty,
            !tzid.hasSuffix("Europe/London"), !tzid.contains("London")
        else {
            return LondonTime.instant(date: date, hour: hour, minute: minute, second: second)
        }
        guard let zone = TimeZone(identifier: windowsZones[tzid] ?? tzid) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second))
    }
}
