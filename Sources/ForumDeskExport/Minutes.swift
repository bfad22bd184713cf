import Foundation
import ForumDeskCore

/// A line of a generated document, with what it is, so a screen can style it and a writer can format it.
public struct DocumentLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case title, heading, subheading, body, resolved, blank, chart }
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }
    public var kind: Kind
    public var text: String
    /// The end of `text` that is in another language (a notice title in Urdu), and that language's code:
    /// HTML marks it with `lang` and `dir`.
    public var foreign: String?
    public var language: String?
    /// For `.chart`: the bars, drawn with block characters in text and as SVG in HTML.
    public var bars: [Bar] = []
    public init(_ kind: Kind, _ text: String = "") {
        self.kind = kind
        self.text = text
    }
    /// A line ending in text of another language: `lead` in English, then `foreign` in `language`.
    public init(_ kind: Kind, _ lead: String, foreign: String, language: String) {
        self.kind = kind
        self.text = lead + foreign
        self.foreign = foreign
        self.language = language
    }
    public static func chart(_ title: String, _ bars: [Bar]) -> DocumentLine {
        var line = DocumentLine(.chart, title)
        line.bars = bars
        return line
    }

    /// A chart as text: one line per bar, "Q1 2026  ██████████ 52".
    public var chartLines: [String] {
        let width = 30.0
        let top = max(1, bars.map(\.value).max() ?? 1)
        let labelWidth = bars.map { $0.label.count }.max() ?? 0
        return bars.map { bar in
            let cells = Int((bar.value / top * width).rounded())
            let number = bar.value == bar.value.rounded() ? String(Int(bar.value)) : String(format: "%.1f", bar.value)
            return bar.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + String(repeating: "█", count: cells) + " " + number
        }
    }
}

/// Minutes of a held meeting, or the agenda of one still to come, in the format of the Luton Forum's
/// papers (seed 003): heading, PRESENT, APOLOGIES, declarations, numbered items with "Resolved:",
/// actions raised, and matters arising.
public enum MeetingDocument {
    public enum Kind: String, Sendable, CaseIterable { case agenda, minutes }

    /// The minutes of a held meeting, else its agenda: what the Minutes tab previews.
    public static func lines(for meeting: Meeting, directory: Directory, allMeetings: [Meeting]) -> [DocumentLine] {
        lines(meeting.status == .held ? .minutes : .agenda, for: meeting, directory: directory, allMeetings: allMeetings)
    }

    public static func lines(_ kind: Kind, for meeting: Meeting, directory: Directory, allMeetings: [Meeting]) -> [DocumentLine] {
        var out = heading(meeting)
        switch kind {
        case .minutes:
            return out + minutes(meeting, directory, allMeetings)
        case .agenda:
            if meeting.status == .cancelled { out += [DocumentLine(.heading, "THIS MEETING IS CANCELLED"), DocumentLine(.blank)] }
            out.append(DocumentLine(.heading, "AGENDA"))
            out += items(meeting, directory, minutes: false)
        }
        out += mattersArising(meeting, directory, allMeetings)
        return out
    }

    public static func plainText(for meeting: Meeting, directory: Directory, allMeetings: [Meeting]) -> String {
        lines(for: meeting, directory: directory, allMeetings: allMeetings).map(\.text).joined(separator: "\n") + "\n"
    }

    // MARK: parts

    static func heading(_ m: Meeting) -> [DocumentLine] {
        var out = [DocumentLine(.title, m.title.uppercased()),
                   DocumentLine(.body, "\(longDate(m.start)), \(clock(m.start)) to \(clock(m.end))")]
        // An address pasted from a spreadsheet cell keeps its line breaks: one line each, as on an envelope.
        let addressLines = (m.venue.address ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if addressLines.count > 1 {
            out += ([m.venue.name] + addressLines).map { DocumentLine(.body, $0) }
        } else {
            out.append(DocumentLine(.body, ([m.venue.name] + addressLines).joined(separator: ", ")))
        }
        if let access = m.venue.accessibility { out.append(DocumentLine(.body, "Access: \(access)")) }
        for language in m.languages where language != "en" {
            if let title = m.noticeTitles[language] {
                out.append(DocumentLine(.body, "\(languageName(language)): ", foreign: title, language: language))
            }
        }
        if let notes = m.publicNotes { out.append(DocumentLine(.body, notes)) }
        out.append(DocumentLine(.blank))
        return out
    }

    static func who(_ person: String?, _ name: String?, _ organisation: String?, _ d: Directory) -> String {
        let personName = person.map { d.displayName(ofPerson: $0) } ?? name ?? "Unnamed"
        let org = organisation ?? person.flatMap { d.person($0)?.organisation }
        guard let org else { return personName }
        return "\(personName) – \(d.organisation(org)?.name ?? org)"
    }

    /// "Sandy Town Council" for an action owned by an organisation, "Jo Bloggs – Sandy Town Council" for a person.
    static func owner(_ a: Action, _ d: Directory) -> String? {
        if let owner = a.owner { return who(owner, nil, a.organisation, d) }
        return a.organisation.map { d.organisation($0)?.name ?? $0 }
    }

    /// The agenda items that the minutes' standing sections belong to, found by their titles as in the seed's
    /// agenda: "Introductions and Apologies" (REF: 1), "Matters Arising" (REF: 3), "Disclosures of Interests" (REF: 4).
    struct StandingItems {
        var apologies: Int?
        var arising: Int?
        var disclosures: Int?
        init(_ m: Meeting) {
            func find(_ words: [String]) -> Int? {
                m.agenda.first { item in words.contains { item.title.lowercased().contains($0) } }?.number
            }
            apologies = find(["apolog"])
            arising = find(["matters arising"])
            disclosures = find(["disclosure", "declarations of interest", "interests"])
        }
    }

    static func ref(_ number: Int?) -> String { number.map { " (REF: \($0))" } ?? "" }

    /// The minutes in the seed's order: PRESENT by role, APOLOGIES, SUBSTITUTES, DISCLOSURES, then the
    /// numbered items (each with its discussion, "Resolved:" and the actions raised under it), matters
    /// arising (what is still open and what was closed at this meeting), residents' issues, and the time
    /// the meeting ended. A standing section is minuted under its agenda item when the agenda has one.
    static func minutes(_ m: Meeting, _ d: Directory, _ all: [Meeting]) -> [DocumentLine] {
        let standing = StandingItems(m)
        var out = present(m, d)
        var apologiesDone = false, disclosuresDone = false, arisingDone = false
        func apologiesSection() -> [DocumentLine] {
            apologiesDone = true
            return apologies(m, d, ref: standing.apologies)
        }
        func disclosuresSection() -> [DocumentLine] {
            disclosuresDone = true
            return declarations(m, d, ref: standing.disclosures)
        }
        func arisingSection() -> [DocumentLine] {
            arisingDone = true
            return mattersArising(m, d, all, ref: standing.arising, always: standing.arising != nil)
        }
        if standing.apologies == nil { out += apologiesSection() }
        if standing.disclosures == nil { out += disclosuresSection() }
        for item in m.agenda {
            switch item.number {
            case standing.apologies where !apologiesDone:
                out += apologiesSection()
                out += itemBody(item, m, d, alreadyHeaded: true)
            case standing.disclosures where !disclosuresDone:
                out += disclosuresSection()
                out += itemBody(item, m, d, alreadyHeaded: true)
            case standing.arising where !arisingDone:
                out += arisingSection()
                out += itemBody(item, m, d, alreadyHeaded: true)
            default:
                out.append(DocumentLine(.subheading, "\(item.number)  \(item.title.uppercased())\(ref(item.number))"))
                out += itemBody(item, m, d, alreadyHeaded: false)
            }
        }
        if m.agenda.isEmpty { out += [DocumentLine(.body, "No items were minuted."), DocumentLine(.blank)] }
        let unfiled = m.actions.filter { a in a.item.map { n in !m.agenda.contains { $0.number == n } } ?? true }
        if !unfiled.isEmpty {
            out.append(DocumentLine(.heading, "OTHER ACTIONS"))
            out += unfiled.map { DocumentLine(.body, "  " + actionLine($0, d)) }
            out.append(DocumentLine(.blank))
        }
        if !arisingDone { out += arisingSection() }
        out += issues(m)
        if let ended = m.ended {
            out.append(DocumentLine(.body, "(Note: the meeting ended at \(clock(ended)))"))
        }
        return out
    }

    /// An item's discussion, outcome and the actions raised under it.
    static func itemBody(_ item: AgendaItem, _ m: Meeting, _ d: Directory, alreadyHeaded: Bool) -> [DocumentLine] {
        var out: [DocumentLine] = []
        if !alreadyHeaded, let presenter = item.presenter.map({ d.displayName(ofPerson: $0) }) ?? item.presenterName {
            let org = item.organisation.flatMap { d.organisation($0)?.name }
            out.append(DocumentLine(.body, "Presented by " + ([presenter] + [org].compactMap { $0 }).joined(separator: ", ") + "."))
        }
        if !alreadyHeaded, let notes = item.notes { out.append(DocumentLine(.body, notes)) }
        // The discussion minuted live: its own paragraphs, as in the seed's minutes.
        if let discussion = item.discussion {
            for paragraph in paragraphs(discussion) { out += [DocumentLine(.blank), DocumentLine(.body, paragraph)] }
        }
        if let outcome = item.outcome { out.append(DocumentLine(.resolved, outcome)) }
        let raised = m.actions.filter { $0.item == item.number }
        if !raised.isEmpty {
            out.append(DocumentLine(.body, "Actions:"))
            out += raised.map { DocumentLine(.body, "  " + actionLine($0, d)) }
        }
        if !alreadyHeaded || !out.isEmpty { out.append(DocumentLine(.blank)) }
        return out
    }

    /// Paragraphs of a typed text: a blank line (or a line break) starts a new one.
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func present(_ m: Meeting, _ d: Directory) -> [DocumentLine] {
        var out = [DocumentLine(.heading, "PRESENT:")]
        let present = m.attendance.filter { $0.status == .present }
        for (role, title) in [(AttendanceRole.member, "MEMBERS"), (.observer, "OBSERVERS"), (.supportOfficer, "SUPPORT OFFICERS/ADVISORS")] {
            let people = present.filter { $0.role == role }
            guard !people.isEmpty else { continue }
            out.append(DocumentLine(.subheading, title))
            for entry in people {
                let chair = entry.person != nil && entry.person == m.chair ? " – Chair" : ""
                out.append(DocumentLine(.body, "  " + who(entry.person, entry.name, entry.organisation, d) + chair))
            }
        }
        if present.isEmpty { out.append(DocumentLine(.body, "  Attendance was not recorded.")) }
        if let residents = m.residentsPresent { out.append(DocumentLine(.body, "Residents present: \(residents)")) }
        out.append(DocumentLine(.blank))
        return out
    }

    static func apologies(_ m: Meeting, _ d: Directory, ref number: Int?) -> [DocumentLine] {
        var out = [DocumentLine(.heading, "APOLOGIES FOR ABSENCE" + ref(number))]
        let apologies = m.attendance.filter { $0.status == .apologies }
        if apologies.isEmpty {
            out.append(DocumentLine(.body, "There were no apologies for absence."))
        } else {
            out.append(DocumentLine(.body, "Apologies for absence from the meeting were received on behalf of:"))
        }
        for entry in apologies {
            // A reason given at the meeting, else the comment on the councillor's calendar decline.
            let given = entry.reason ?? entry.person.flatMap { NotificationRules.apologyReason(ofCouncillor: $0, in: m) }
            let reason = given.map { " (\(clause($0)))" } ?? ""
            out.append(DocumentLine(.body, "  " + who(entry.person, entry.name, entry.organisation, d) + reason))
        }
        out.append(DocumentLine(.blank))
        let substitutes = m.attendance.filter { $0.status == .substitute }
        if !substitutes.isEmpty {
            out.append(DocumentLine(.heading, "SUBSTITUTES"))
            for entry in substitutes {
                let forWhom = entry.substituteFor.map { " for " + d.displayName(ofPerson: $0) } ?? ""
                out.append(DocumentLine(.body, "  " + who(entry.person, entry.name, entry.organisation, d) + forWhom))
            }
            out.append(DocumentLine(.blank))
        }
        return out
    }

    static func declarations(_ m: Meeting, _ d: Directory, ref number: Int?) -> [DocumentLine] {
        var out = [DocumentLine(.heading, "DISCLOSURES OF INTEREST" + ref(number))]
        if m.declarations.isEmpty { out.append(DocumentLine(.body, "There were no disclosures of interest.")) }
        for dec in m.declarations {
            let title = m.agenda.first { $0.number == dec.item }.map { " (\($0.title))" } ?? ""
            out.append(DocumentLine(.body, "  \(who(dec.person, nil, nil, d)), item \(dec.item)\(title): \(sentence(dec.nature))"))
        }
        out.append(DocumentLine(.blank))
        return out
    }

    /// "For information and discussion."
    public static func purposeText(_ purposes: [Purpose]) -> String {
        let words = purposes.map(\.label)
        guard !words.isEmpty else { return "" }
        let list = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " and " + words.last!
        return "For \(list)."
    }

    /// The agenda's items: number, title, presenter, purpose and what the item is about.
    static func items(_ m: Meeting, _ d: Directory, minutes: Bool) -> [DocumentLine] {
        var out: [DocumentLine] = []
        if m.agenda.isEmpty { out += [DocumentLine(.body, "  No items yet."), DocumentLine(.blank)] }
        for item in m.agenda {
            out.append(DocumentLine(.subheading, "\(item.number)  \(item.title.uppercased())"))
            var lead: [String] = []
            if let presenter = item.presenter ?? item.presenterName {
                let name = item.presenter.map { d.displayName(ofPerson: $0) } ?? presenter
                let org = item.organisation.flatMap { d.organisation($0)?.name }
                lead.append(([name] + [org].compactMap { $0 }).joined(separator: ", ") + " to present.")
            }
            let purpose = purposeText(item.purpose)
            if !purpose.isEmpty { lead.append(purpose) }
            if let allowed = item.minutes, allowed > 0 { lead.append("(\(allowed) minutes)") }
            if !lead.isEmpty { out.append(DocumentLine(.body, "  " + lead.joined(separator: " "))) }
            if let notes = item.notes { out.append(DocumentLine(.body, "  " + notes)) }
            out.append(DocumentLine(.blank))
        }
        return out
    }

    static func actionLine(_ a: Action, _ d: Directory) -> String {
        var parts = ["\(a.id)  \(a.description)"]
        if let owner = owner(a, d) { parts.append(owner) }
        if let due = a.due { parts.append("due \(shortDate(due))") }
        parts.append(a.status.label)
        return parts.joined(separator: " · ")
    }

    /// Issues residents raised from the floor, and what became of each ("you said, we did" starts here).
    static func issues(_ m: Meeting) -> [DocumentLine] {
        guard !m.issues.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "ISSUES RAISED BY RESIDENTS")]
        for issue in m.issues {
            let home = switch issue.status {
            case .open: "To be answered."
            case .answered: sentence(issue.answer ?? "Answered")
            case .action: "Action \(issue.action ?? "") raised."
            case .topic: "To come back to a later meeting as a topic."
            }
            let item = issue.item.map { " (item \($0))" } ?? ""
            out.append(DocumentLine(.body, "  \(issue.id)\(item)  \(sentence(issue.text)) \(home)"))
        }
        out.append(DocumentLine(.blank))
        return out
    }

    /// The agenda's matters arising: every open action of earlier meetings of the area.
    static func mattersArising(_ m: Meeting, _ d: Directory, _ all: [Meeting]) -> [DocumentLine] {
        let arising = ActionRules.mattersArising(for: m, in: all)
        guard !arising.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "MATTERS ARISING")]
        for raised in arising {
            out.append(DocumentLine(.body, "  " + actionLine(raised.action, d) + " (raised \(shortDate(LondonTime.date(raised.meeting.start))))"))
            if let last = raised.action.updates.last { out.append(DocumentLine(.body, "      Latest: \(last.text)")) }
        }
        out.append(DocumentLine(.blank))
        return out
    }

    /// The minutes' matters arising: earlier actions still open, and those reported on at this meeting with
    /// what was said ("Done at this meeting: …").
    static func mattersArising(_ m: Meeting, _ d: Directory, _ all: [Meeting], ref number: Int?, always: Bool) -> [DocumentLine] {
        let arising = ActionRules.mattersArising(for: m, in: all)
        guard always || !arising.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "MATTERS ARISING" + ref(number))]
        if arising.isEmpty { out.append(DocumentLine(.body, "There were no matters arising.")) }
        for raised in arising {
            var a = raised.action
            let reported = ActionRules.reportedAt(m, a)
            // As the meeting left it: a later change of status belongs to a later meeting's minutes.
            if let status = reported?.status { a.status = status }
            var line = actionLine(a, d) + " (raised \(shortDate(LondonTime.date(raised.meeting.start)))). "
            if let reported {
                // What the live notes wrote themselves ("Done (reported at …)") is said once, plainly.
                switch reported.status {
                case .done?: line += "Closed at this meeting."
                case .carriedForward?: line += "Carried forward at this meeting" + (a.due.map { " to \(shortDate($0))." } ?? ".")
                case let status?: line += "\(status.label.prefix(1).uppercased() + status.label.dropFirst()) at this meeting."
                case nil: line += "Reported at this meeting: \(sentence(reported.text))"
                }
                if reported.status != nil, !reported.text.hasPrefix("Done (reported at"), !reported.text.hasPrefix("Carried forward at") {
                    line += " " + sentence(reported.text)
                }
            } else if let last = a.updates.last {
                line += "Latest: \(sentence(last.text))"
            }
            out.append(DocumentLine(.body, "  " + line.trimmingCharacters(in: .whitespaces)))
        }
        out.append(DocumentLine(.blank))
        return out
    }

    /// Text as a sentence: a full stop added only when it does not already end in one (no "cut?." ).
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last(where: { !"\"'”’)]".contains($0) }) else { return trimmed }
        return ".?!…".contains(last) ? trimmed : trimmed + "."
    }

    /// Text inside brackets: no full stop of its own at the end.
    static func clause(_ text: String) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix(".") && !trimmed.hasSuffix("...") { trimmed.removeLast() }
        return trimmed
    }

    // MARK: words

    static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// "Tuesday 24 November 2026"
    public static func longDate(_ instant: Date) -> String {
        let day = LondonTime.date(instant)
        return "\(weekdays[((day.daysSinceEpoch % 7) + 7) % 7]) \(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// "24 Nov 2026"
    public static func shortDate(_ day: CalendarDate) -> String {
        "\(day.day) \(LondonTime.monthAbbreviation(day.month)) \(day.year)"
    }

    /// "7.00 pm", as council papers write times.
    public static func clock(_ instant: Date) -> String {
        let l = LondonTime.local(instant)
        let hour12 = l.hour % 12 == 0 ? 12 : l.hour % 12
        return "\(hour12).\(l.minute < 10 ? "0" : "")\(l.minute) \(l.hour < 12 ? "am" : "pm")"
    }

    public static func languageName(_ code: String) -> String {
        ["en": "English", "bn": "Bengali", "ur": "Urdu", "gu": "Gujarati", "pa": "Punjabi", "pl": "Polish"][code] ?? code
    }
}
