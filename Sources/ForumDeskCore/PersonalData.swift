import Foundation

/// One person's data in the records: where each piece is (a subject access request, UK GDPR art. 15) and the
/// records without it (erasure, art. 17, or deleting someone from the directory). Erasure treats a person as
/// `Retention.purge` treats an old meeting: counts, outcomes and actions stay; the person's name becomes
/// "(name removed)" in attendance, their own records (declarations, notices) go, and their references go.
public enum PersonalData {
    /// Stands where the name was (the same words as retention uses).
    public static let removedName = Retention.removedName

    /// The unknown field of a meeting that records the day a person was erased from it (never who).
    public static let marker = "personErased"

    /// What identifies one person in text: id, name (also without "Cllr"), e-mail address, phone number, postal
    /// address (whole, and its first line) and any text field the model does not know, longest first. A text names the person when one of
    /// these stands in it as a whole word, any case: "Ann Smith" is not found in "Ann Smithson".
    public struct Identity: Sendable, Equatable {
        public var id: String
        public var name: String
        /// Longest first, so a replacement takes "Cllr Ann Smith" whole before "Ann Smith".
        public var texts: [String]

        public init(_ person: Person) {
            id = person.id
            name = person.name
            var texts = [person.name, person.id]
            for title in ["Cllr ", "Councillor ", "Clr "] where person.name.hasPrefix(title) {
                texts.append(String(person.name.dropFirst(title.count)))
            }
            if let email = person.email { texts.append(email) }
            if let phone = person.phone {
                texts.append(phone)
                texts.append(phone.filter { !$0.isWhitespace })
            }
            // The postal address: whole, as one line, and its first line (the house and street).
            if !person.postalAddress.isEmpty {
                texts += [
                    person.postalAddress.joined(separator: "\n"), PostalAddress.oneLine(person.postalAddress),
                    person.postalAddress[0],
                ]
            }
            // Fields a newer version (or another tool) added: a postal address, a second address.
            for value in person.extra.values {
                if case .string(let text) = value { texts.append(text) }
            }
            var seen: Set<String> = []
            self.texts = texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { $0.count >= 5 && seen.insert($0.lowercased()).inserted }
                .sorted { $0.count > $1.count }
        }

        /// Whether `text` names the person. Asked of every text field of every meeting: an ASCII text is first
        /// searched byte by byte for each ASCII needle (lower case), and only a hit goes to Foundation's
        /// case- and accent-insensitive search with its word boundaries.
        public func isNamed(in text: String) -> Bool {
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            let lower = ascii ? Self.lowercasedASCII(text) : []
            return texts.contains { needle in
                if ascii, needle.utf8.allSatisfy({ $0 < 0x80 }), !Self.contains(lower, Self.lowercasedASCII(needle)) {
                    return false
                }
                return !Self.wordRanges(of: needle, in: text).isEmpty
            }
        }

        static func lowercasedASCII(_ text: String) -> [UInt8] {
            text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        }

        static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
            var i = 0
            let last = haystack.count - needle.count
            while i <= last {
                if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
                i += 1
            }
            return false
        }

        /// `text` with every mention of the person replaced by "(name removed)".
        public func scrubbed(_ text: String) -> String {
            guard isNamed(in: text) else { return text }
            var result = text
            for needle in texts {
                for range in Self.wordRanges(of: needle, in: result).reversed() {
                    result.replaceSubrange(range, with: removedName)
                }
            }
            return result
        }

        /// Where `needle` stands in `text` as a whole word (any case): the characters either side are not
        /// letters, digits, `-`, `.` or `@`, so an id, an address or a name is never found inside a longer one.
        public static func wordRanges(of needle: String, in text: String) -> [Range<String.Index>] {
            var ranges: [Range<String.Index>] = []
            var from = text.startIndex
            func joins(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "@" || c == "_" }
            while let range = text.range(
                of: needle, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex)
            {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                // A full stop ends a sentence after a name, but continues an address or a domain.
                let afterJoins =
                    after.map {
                        joins($0)
                            || ($0 == "." && range.upperBound < text.index(before: text.endIndex)
                                && text[text.index(after: range.upperBound)].isLetter)
                    } ?? false
                if !(before.map { joins($0) || $0 == "." } ?? false) && !afterJoins { ranges.append(range) }
                from = range.upperBound
            }
            return ranges
        }
    }

    /// What kind of record names the person.
    public enum Kind: String, Sendable, CaseIterable {
        case directory = "directory entry"
        case chair
        case minutesApproval = "approved the minutes"
        case presenter = "presenter"
        case invitation
        case attendance
        case apologies
        case substitute = "substitute"
        case substitutedFor = "stood in for"
        case declaration = "declaration of interest"
        case notice = "councillor notice"
        case action = "action owned"
        case reminder = "action reminder"
        case emailedUpdate = "action update sent by e-mail"
        case topicContact = "topic contact"
        case consultationContact = "consultation contact"
        case mention = "named in text"
    }

    /// One record that names the person: its kind, where it is in its file and what it says.
    public struct Finding: Sendable, Equatable {
        public var kind: Kind
        public var path: FieldPath
        public var text: String
        public init(kind: Kind, path: FieldPath, text: String) {
            self.kind = kind
            self.path = path
            self.text = text
        }
    }

    /// The records of one meeting that name the person, in file order (agenda, invitations, attendance…).
    /// Free text that names them is found by the store, which sees every field (`mention`).
    public static func findings(_ who: Identity, in m: Meeting, directory: Directory) -> [Finding] {
        var out: [Finding] = []
        let folded = NameMatch.folded(who.name)
        func named(_ name: String?) -> Bool { name.map { NameMatch.folded($0) == folded } ?? false }
        if m.chair == who.id { out.append(Finding(kind: .chair, path: [.key("chair")], text: "chaired \(m.title)")) }
        if let approval = m.minutesApproved, approval.by == who.id || named(approval.by) {
            out.append(
                Finding(
                    kind: .minutesApproval, path: [.key("minutesApproved")], text: "approved the minutes of \(m.title)")
            )
        }
        for (i, item) in m.agenda.enumerated() where item.presenter == who.id || named(item.presenterName) {
            out.append(
                Finding(
                    kind: .presenter, path: [.key("agenda"), .index(i)], text: "item \(item.number): \(item.title)"))
        }
        for (i, invitation) in m.invitations.enumerated() where invitation.person == who.id {
            let org = directory.organisation(invitation.organisation)?.name ?? invitation.organisation
            out.append(
                Finding(
                    kind: .invitation, path: [.key("invitations"), .index(i)],
                    text: "invited for \(org), reply: \(invitation.reply.rawValue)"))
        }
        for (i, line) in m.attendance.enumerated() {
            let path: FieldPath = [.key("attendance"), .index(i)]
            if line.person == who.id || named(line.name) {
                let kind: Kind =
                    line.status == .apologies ? .apologies : line.status == .substitute ? .substitute : .attendance
                var text = "\(line.status.rawValue), \(line.role.rawValue)"
                if let reason = line.reason { text += "; reason: \(reason)" }
                if let other = line.substituteFor { text += "; for \(directory.displayName(ofPerson: other))" }
                out.append(Finding(kind: kind, path: path, text: text))
            } else if line.substituteFor == who.id {
                let by = line.person.map { directory.displayName(ofPerson: $0) } ?? line.name ?? ""
                out.append(Finding(kind: .substitutedFor, path: path, text: "\(by) stood in for them"))
            }
        }
        for (i, d) in m.declarations.enumerated() where d.person == who.id {
            out.append(
                Finding(
                    kind: .declaration, path: [.key("declarations"), .index(i)], text: "item \(d.item): \(d.nature)"))
        }
        for (i, n) in m.notifications.enumerated() where n.councillor == who.id {
            var text =
                "\(n.kind.rawValue) by \(n.method.rawValue), \(LondonTime.iso(n.at)), sequence \(n.sequence), reply: \(n.reply.rawValue)"
            if let comment = n.comment { text += " (\(comment))" }
            if n.withdrawn != nil { text += ", withdrawn unsent" }
            out.append(Finding(kind: .notice, path: [.key("notifications"), .index(i)], text: text))
        }
        for (i, a) in m.actions.enumerated() where a.owner == who.id {
            out.append(
                Finding(
                    kind: .action, path: [.key("actions"), .index(i)],
                    text: "\(a.id): \(a.description) (\(a.status.rawValue))"))
        }
        for (i, a) in m.actions.enumerated() {
            for (k, reminder) in a.reminders.enumerated() where reminder.to == who.id {
                out.append(
                    Finding(
                        kind: .reminder, path: [.key("actions"), .index(i), .key("reminders"), .index(k)],
                        text: "reminder about \(a.id), \(LondonTime.iso(reminder.at))"))
            }
            for (k, update) in a.updates.enumerated() where update.by == who.id {
                out.append(
                    Finding(
                        kind: .emailedUpdate, path: [.key("actions"), .index(i), .key("updates"), .index(k)],
                        text: "update on \(a.id) by e-mail, \(LondonTime.iso(update.at)): \(update.text)"))
            }
        }
        return out
    }

    /// The topic request's record of the person: its contact.
    public static func findings(_ who: Identity, in topic: TopicRequest) -> [Finding] {
        topic.contact == who.id ? [Finding(kind: .topicContact, path: [.key("contact")], text: topic.title)] : []
    }

    /// What erasure took out of one meeting, by kind.
    public struct Erased: Sendable, Equatable {
        public var counts: [Kind: Int] = [:]
        public init() {}
        public var isEmpty: Bool { counts.values.allSatisfy { $0 == 0 } }
        public var description: String {
            // "chair, attendance, councillor notice ×2": each kind once, with how many when more than one.
            Kind.allCases.compactMap { kind in
                counts[kind].flatMap { $0 == 0 ? nil : $0 == 1 ? kind.rawValue : "\(kind.rawValue) ×\($0)" }
            }
            .joined(separator: ", ")
        }
        public mutating func add(_ other: Erased) { for (k, n) in other.counts { counts[k, default: 0] += n } }
    }

    /// Actions the person owns that would be left with no owner and no organisation: erasure needs a new owner.
    public static func ownerless(_ who: Identity, personOrganisation: String?, in m: Meeting) -> [String] {
        m.actions.filter { $0.owner == who.id && $0.organisation == nil && personOrganisation == nil }.map(\.id)
    }

    /// The meeting without the person's references. Attendance lines stay, named "(name removed)", keeping their
    /// organisation (the person's, from the directory), role and status, so every count stays; a reason for
    /// absence goes. Their declarations and the notices sent to them go; invitations stay, to the organisation.
    /// Actions they owned pass to `newOwner` when given, else stay with the action's (or the person's)
    /// organisation. Text fields are not touched here: the store scrubs every field it writes.
    public static func erase(
        _ who: Identity, personOrganisation: String?, newOwner: String?, from meeting: Meeting,
        directory: Directory, today: CalendarDate
    ) -> (Meeting, Erased) {
        var m = meeting
        var erased = Erased()
        let folded = NameMatch.folded(who.name)
        func named(_ name: String?) -> Bool { name.map { NameMatch.folded($0) == folded } ?? false }
        for found in findings(who, in: meeting, directory: directory) where found.kind != .mention {
            erased.counts[found.kind, default: 0] += 1
        }
        if m.chair == who.id { m.chair = nil }
        if let approval = m.minutesApproved, approval.by == who.id || named(approval.by) {
            m.minutesApproved?.by = removedName
        }
        for i in m.agenda.indices where m.agenda[i].presenter == who.id || named(m.agenda[i].presenterName) {
            m.agenda[i].presenter = nil
            m.agenda[i].presenterName = nil
        }
        for i in m.invitations.indices where m.invitations[i].person == who.id { m.invitations[i].person = nil }
        m.attendance = m.attendance.map { line in
            var line = line
            if line.person == who.id || named(line.name) {
                line.organisation = line.organisation ?? (line.person == nil ? nil : personOrganisation)
                line.person = nil
                line.name = removedName
                line.reason = nil
            }
            if line.substituteFor == who.id { line.substituteFor = removedName }
            return line
        }
        m.declarations.removeAll { $0.person == who.id }
        m.notifications.removeAll { $0.councillor == who.id }
        // A reminder names whom it went to: that record of them goes, as a notice to them does.
        for i in m.actions.indices { m.actions[i].reminders.removeAll { $0.to == who.id } }
        // An update they sent by e-mail stays (what was done), without who sent it.
        for i in m.actions.indices {
            for k in m.actions[i].updates.indices where m.actions[i].updates[k].by == who.id {
                m.actions[i].updates[k].by = nil
            }
        }
        for i in m.actions.indices where m.actions[i].owner == who.id {
            m.actions[i].owner = newOwner
            if newOwner == nil, m.actions[i].organisation == nil { m.actions[i].organisation = personOrganisation }
        }
        if !erased.isEmpty { m.extra[marker] = .string(today.description) }
        return (m, erased)
    }

    /// The consultation's record of the person: its contact (its counts name nobody).
    public static func findings(_ who: Identity, in consultation: Consultation) -> [Finding] {
        consultation.contact == who.id
            ? [Finding(kind: .consultationContact, path: [.key("contact")], text: consultation.title)] : []
    }

    /// The consultation without the person as its contact.
    public static func erase(_ who: Identity, from consultation: Consultation) -> Consultation {
        var c = consultation
        if c.contact == who.id { c.contact = nil }
        return c
    }

    /// The topic request without the person as its contact.
    public static func erase(_ who: Identity, from topic: TopicRequest) -> TopicRequest {
        var t = topic
        if t.contact == who.id { t.contact = nil }
        return t
    }

    /// The directory without the person; another record's e-mail address or phone number that was theirs goes too.
    public static func erase(_ who: Identity, from directory: Directory) -> Directory {
        var d = directory
        let person = directory.person(who.id)
        d.people.removeAll { $0.id == who.id }
        func same(_ a: String?, _ b: String?) -> Bool { a != nil && a?.lowercased() == b?.lowercased() }
        for i in d.people.indices {
            if same(d.people[i].email, person?.email) { d.people[i].email = nil }
            if same(d.people[i].phone, person?.phone) { d.people[i].phone = nil }
        }
        for i in d.organisations.indices {
            if same(d.organisations[i].email, person?.email) { d.organisations[i].email = nil }
            if same(d.organisations[i].phone, person?.phone) { d.organisations[i].phone = nil }
        }
        return d
    }
}
