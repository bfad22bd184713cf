import Foundation
import ForumDeskCore

/// The calendar replies in one file as `import reply` is given it: an `.ics`, one e-mail (`.eml`) or an mbox
/// file, told apart by content. Each reply carries where it came from and, for a reply without DTSTAMP, when
/// its e-mail was sent.
public enum ReplySource {
    public struct Found: Sendable {
        /// `FILE`, or `FILE: message N` in an mbox.
        public var source: String
        public var reply: CalendarReply
        /// The e-mail's Date header, when there is one.
        public var mailed: Date?
        /// Who sent the e-mail it came in; `.file` for an `.ics` given on its own.
        public var sender: CalendarReply.Sender
    }

    public struct Result: Sendable {
        public var found: [Found] = []
        /// A reply that could not be read (`source: reason`).
        public var failures: [String] = []
        /// A reply for an event that is not a ForumDesk meeting (`source: reason`).
        public var ignored: [String] = []
        /// Messages in a mailbox without a calendar reply (an invitation, an ordinary e-mail), each named
        /// (`source (“subject”): why`): passed over, but never silently.
        public var skipped: [String] = []
        /// E-mails without a calendar reply whose own text answers about actions (`A-2026-041 done: …`).
        public var actionMails: [ActionReplyRules.Mail] = []
    }

    /// `mailbox` is true for a Maildir message, where an e-mail without a reply is passed over, as in an mbox.
    /// `now` dates an answer from an e-mail without a Date header and anchors a due date written without its year.
    public static func read(_ data: Data, name: String, mailbox: Bool = false, now: Date = Date()) -> Result {
        var result = Result()
        switch MailReader.kind(of: data) {
        case .calendar:
            add(
                String(decoding: data, as: UTF8.self), source: name, mailed: nil, sender: .file, mailbox: false,
                to: &result)
        case .message:
            message(data, source: name, mailbox: mailbox, now: now, to: &result)
        case .mbox:
            for (n, message) in MailReader.mbox(data).enumerated() {
                self.message(message, source: "\(name): message \(n + 1)", mailbox: true, now: now, to: &result)
            }
        }
        return result
    }

    static func message(_ data: Data, source: String, mailbox: Bool, now: Date, to result: inout Result) {
        let message = MailReader.message(data)
        let named = source + (message.subject.map { " (“\($0)”)" } ?? "")
        if message.calendars.isEmpty {
            if let mail = ActionMail.read(data, source: source, now: now) {
                result.actionMails.append(mail)
                return
            }
            if mailbox {
                result.skipped.append("\(named): no calendar part and no answer about an action")
            } else {
                result.failures.append(
                    "\(source): no text/calendar part (not a calendar reply) and no line about an action")
            }
            return
        }
        for calendar in message.calendars {
            add(
                calendar, source: source, named: named, mailed: message.date,
                sender: .mail(from: message.from, sender: message.sender), mailbox: mailbox, to: &result)
        }
    }

    static func add(
        _ text: String, source: String, named: String? = nil, mailed: Date?, sender: CalendarReply.Sender,
        mailbox: Bool,
        to result: inout Result
    ) {
        let method = ICalendar.parse(text).first { $0.name == "METHOD" }?.value.uppercased()
        if mailbox, method?.hasPrefix("REPLY") != true {
            // An invitation or update in the same mailbox: not a reply.
            result.skipped.append(
                "\(named ?? source): a calendar \(method.map { "METHOD:\($0)" } ?? "without METHOD"), not a reply")
            return
        }
        do throws(CalendarReply.Failure) {
            result.found.append(
                Found(source: source, reply: try CalendarReply.parse(text), mailed: mailed, sender: sender))
        } catch {
            if error.notOurs {
                result.ignored.append("\(source): \(error.message)")
            } else {
                result.failures.append("\(source): \(error.message)")
            }
        }
    }
}
