import Foundation

/// Applies an action owner's e-mailed answers (`ActionReplyText`) to the actions they name: each as a dated update
/// recorded with who sent it and the e-mail's Message-ID, `done` closing the action, `update` moving an open one to
/// in progress, `due` moving its due date. Pure: the caller reads the mail and saves the meetings that changed.
///
/// Only the action's own side answers: the e-mail's `From:` (or `Sender:`) must be the owner's directory address or
/// that of a contact of the owning organisation (the action's organisation, or the owner's own), as a calendar
/// reply must come from its councillor. A second import of the same e-mail changes nothing.
public enum ActionReplyRules {
    /// One e-mail's answers.
    public struct Mail: Sendable, Equatable {
        /// Where it came from: `FILE` or `FILE: message N`.
        public var source: String
        /// The e-mail's Message-ID (or, for one without, a stand-in made from its content by the caller).
        public var messageID: String
        /// When it was sent (its Date header, else the time of the import): the date of each update.
        public var sent: Date
        /// The addresses of `From:` and `Sender:`, lower case.
        public var from: String?
        public var sender: String?
        public var reading: ActionReplyText.Reading

        public init(
            source: String, messageID: String, sent: Date, from: String?, sender: String?,
            reading: ActionReplyText.Reading
        ) {
            self.source = source
            self.messageID = messageID
            self.sent = sent
            self.from = from
            self.sender = sender
            self.reading = reading
        }
    }

    /// What became of one line.
    public enum Outcome: Sendable, Equatable {
        /// Recorded on the action.
        case applied(String)
        /// Already recorded from this e-mail.
        case unchanged(String)
        /// Not recorded: the sender may not answer for the action, or the action is not in the data.
        case refused(String)
        /// A line that names an action but could not be read: for the officer, with the text as written.
        case unread(String)

        public var message: String {
            switch self {
            case .applied(let m), .unchanged(let m), .refused(let m), .unread(let m): m
            }
        }
        /// Whether the officer must look at it.
        public var needsOfficer: Bool {
            switch self {
            case .refused, .unread: true
            case .applied, .unchanged: false
            }
        }
    }

    /// Applies `mail` to the actions of `meetings`; returns the positions of the meetings it changed and one outcome
    /// per line, in the order of the e-mail.
    public static func apply(
        _ mail: Mail, to meetings: inout [Meeting], directory: Directory
    ) -> (changed: Set<Int>, outcomes: [Outcome]) {
        var changed: Set<Int> = []
        var outcomes: [Outcome] = []
        let addresses = [mail.from, mail.sender].compactMap { $0?.lowercased() }
        let senderText =
            addresses.isEmpty
            ? "an e-mail without a sender's address"
            : addresses.joined(separator: " (sender ") + (addresses.count > 1 ? ")" : "")
        for answer in mail.reading.answers {
            guard let (m, k) = position(of: answer.action, in: meetings) else {
                outcomes.append(.unread("“\(answer.line)”: no action \(answer.action) in the data; not recorded"))
                continue
            }
            let action = meetings[m].actions[k]
            let allowed = answerers(for: action, in: directory)
            // The From: address decides who sent it; Sender: (a colleague's mail program, a shared mailbox) if From: is nobody's.
            let sender = addresses.lazy.compactMap { address in allowed.first { $0.email?.lowercased() == address } }
                .first
            guard let person = sender else {
                let owner = directory.ownerName(person: action.owner, organisation: action.organisation)
                outcomes.append(
                    .refused(
                        "\(answer.action): refused, sent by \(senderText), who is neither its owner (\(owner.isEmpty ? "none" : owner)) "
                            + "nor a contact of the owning organisation in the directory; not recorded: “\(answer.line)”"
                    ))
                continue
            }
            var update: ActionUpdate
            var summary: String
            var moved = ""
            switch answer.instruction {
            case .done(let text):
                update = ActionUpdate(
                    at: mail.sent, text: text ?? "Done.", status: action.status == .done ? nil : .done)
                summary = "done" + (text.map { ": \($0)" } ?? "")
            case .update(let text):
                update = ActionUpdate(at: mail.sent, text: text, status: action.status == .open ? .inProgress : nil)
                summary = "update: \(text)"
            case .due(let day, let note):
                let was = action.due.map(\.description) ?? "no due date"
                update = ActionUpdate(
                    at: mail.sent, text: "Due date moved from \(was) to \(day)" + (note.map { ": \($0)" } ?? ""))
                update.due = day
                summary = "due \(day)" + (note.map { ": \($0)" } ?? "")
                moved = " (was \(was))"
            }
            update.by = person.id
            update.messageID = mail.messageID
            // The same e-mail's same answer: a due date by the day it gave (the text names the date it moved from).
            if action.updates.contains(where: {
                $0.messageID == mail.messageID && (update.due != nil ? $0.due == update.due : $0.text == update.text)
            }) {
                outcomes.append(.unchanged("\(answer.action): \(summary) (already recorded from this e-mail)"))
                continue
            }
            var a = action
            a.updates.append(update)
            if let status = update.status { a.status = status }
            if let due = update.due { a.due = due }
            meetings[m].actions[k] = a
            changed.insert(m)
            outcomes.append(
                .applied(
                    "\(answer.action): \(summary)\(moved) (from \(person.name), \(LondonTime.display(mail.sent)))"
                        + (update.status.map { "; now \($0.label)" } ?? "")))
        }
        for (line, reason) in mail.reading.unread {
            outcomes.append(.unread("“\(line)”: not read (\(reason)); nothing recorded"))
        }
        return (changed, outcomes)
    }

    /// The people who may answer for an action: its owner and the contacts of the owning organisation (the action's,
    /// or the owner's own).
    public static func answerers(for action: Action, in directory: Directory) -> [Person] {
        var people: [Person] = []
        var organisations: Set<String> = []
        if let owner = action.owner, let person = directory.person(owner) {
            people.append(person)
            if let organisation = person.organisation { organisations.insert(organisation) }
        }
        if let organisation = action.organisation { organisations.insert(organisation) }
        people += directory.people.filter {
            $0.kind == .contact && $0.organisation.map(organisations.contains) == true && $0.id != action.owner
        }
        return people.filter { $0.email != nil }
    }

    static func position(of id: String, in meetings: [Meeting]) -> (Int, Int)? {
        for (m, meeting) in meetings.enumerated() {
            if let k = meeting.actions.firstIndex(where: { $0.id == id }) { return (m, k) }
        }
        return nil
    }
}
