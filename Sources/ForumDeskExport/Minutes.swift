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
    /// For `.chart`: the bars, drawn with block characters in text and as SVG in HTML.
    public var bars: [Bar] = []
    public init(_ kind: Kind, _ text: String = "") {
        self.kind = kind
        self.text = text
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
            out += attendance(meeting, directory)
            out += declarations(meeting, directory)
            out += items(meeting, directory, minutes: true)
            out += issues(meeting)
            out += actions(meeting, directory)
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
                   DocumentLine(.body, "\(longDate(m.start)), \(clock(m.start)) to \(clock(m.end))"),
                   DocumentLine(.body, [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", "))]
        if let access = m.venue.accessibility { out.append(DocumentLine(.body, "Access: \(access)")) }
        for language in m.languages where language != "en" {
            if let title = m.noticeTitles[language] { out.append(DocumentLine(.body, "\(languageName(language)): \(title)")) }
        }
        if let notes = m.publicNotes { out.append(DocumentLine(.body, notes)) }
        out.append(DocumentLine(.blank))
        return out
    }

    static func who(_ person: String?, _ name: String?, _ organisation: String?, _ d: Directory) -> String {
        let personName = person.map { d.displayName(ofPerson: $0) } ?? name ?? "Unnamed"
        let org = organisation ?? person.flatMap { d.person($0)?.organisation }
        guard let org, let orgName = d.organisation(org)?.name else { return personName }
        return "\(personName) – \(orgName)"
    }

    static func attendance(_ m: Meeting, _ d: Directory) -> [DocumentLine] {
        var out = [DocumentLine(.heading, "PRESENT")]
        let present = m.attendance.filter { $0.status == .present }
        for (role, title) in [(AttendanceRole.member, "Members"), (.observer, "Observers"), (.supportOfficer, "Support officers/advisors")] {
            let people = present.filter { $0.role == role }
            guard !people.isEmpty else { continue }
            out.append(DocumentLine(.subheading, title))
            for entry in people {
                let chair = entry.person != nil && entry.person == m.chair ? " – Chair" : ""
                out.append(DocumentLine(.body, "  " + who(entry.person, entry.name, entry.organisation, d) + chair))
            }
        }
        if let residents = m.residentsPresent { out.append(DocumentLine(.subheading, "Residents: \(residents)")) }
        let substitutes = m.attendance.filter { $0.status == .substitute }
        if !substitutes.isEmpty {
            out.append(DocumentLine(.subheading, "Substitutes"))
            for entry in substitutes {
                let forWhom = entry.substituteFor.map { " for " + d.displayName(ofPerson: $0) } ?? ""
                out.append(DocumentLine(.body, "  " + who(entry.person, entry.name, entry.organisation, d) + forWhom))
            }
        }
        let apologies = m.attendance.filter { $0.status == .apologies }
        out.append(DocumentLine(.blank))
        out.append(DocumentLine(.heading, "APOLOGIES FOR ABSENCE"))
        if apologies.isEmpty { out.append(DocumentLine(.body, "  None.")) }
        for entry in apologies {
            let given = entry.reason ?? entry.person.flatMap { NotificationRules.apologyReason(ofCouncillor: $0, in: m) }
            let reason = given.map { " (\($0))" } ?? ""
            out.append(DocumentLine(.body, "  " + who(entry.person, entry.name, entry.organisation, d) + reason))
        }
        out.append(DocumentLine(.blank))
        return out
    }

    static func declarations(_ m: Meeting, _ d: Directory) -> [DocumentLine] {
        var out = [DocumentLine(.heading, "DISCLOSURES OF INTEREST")]
        if m.declarations.isEmpty { out.append(DocumentLine(.body, "  None.")) }
        for dec in m.declarations {
            out.append(DocumentLine(.body, "  \(d.displayName(ofPerson: dec.person)), item \(dec.item): \(dec.nature)"))
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
            if minutes {
                if let notes = item.notes { out.append(DocumentLine(.body, "  " + notes)) }
                if let outcome = item.outcome { out.append(DocumentLine(.resolved, "  " + outcome)) }
            }
            out.append(DocumentLine(.blank))
        }
        return out
    }

    static func actionLine(_ a: Action, _ d: Directory) -> String {
        var parts = ["\(a.id)  \(a.description)"]
        if let owner = a.owner { parts.append(who(owner, nil, a.organisation, d)) }
        if let due = a.due { parts.append("due \(shortDate(due))") }
        parts.append(a.status.label)
        return "  " + parts.joined(separator: " · ")
    }

    static func actions(_ m: Meeting, _ d: Directory) -> [DocumentLine] {
        guard !m.actions.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "ACTIONS")]
        for action in m.actions { out.append(DocumentLine(.body, actionLine(action, d))) }
        out.append(DocumentLine(.blank))
        return out
    }

    /// Issues residents raised from the floor, and what became of each ("you said, we did" starts here).
    static func issues(_ m: Meeting) -> [DocumentLine] {
        guard !m.issues.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "ISSUES RAISED BY RESIDENTS")]
        for issue in m.issues {
            let home = switch issue.status {
            case .open: "To be answered."
            case .answered: issue.answer ?? "Answered."
            case .action: "Action \(issue.action ?? "") raised."
            case .topic: "To come back to a later meeting as a topic."
            }
            out.append(DocumentLine(.body, "\(issue.id)  \(issue.text). \(home)"))
        }
        out.append(DocumentLine(.blank))
        return out
    }

    static func mattersArising(_ m: Meeting, _ d: Directory, _ all: [Meeting]) -> [DocumentLine] {
        let arising = ActionRules.mattersArising(for: m, in: all)
        guard !arising.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "MATTERS ARISING")]
        for raised in arising {
            out.append(DocumentLine(.body, actionLine(raised.action, d) + " (raised \(shortDate(LondonTime.date(raised.meeting.start))))"))
            if let last = raised.action.updates.last { out.append(DocumentLine(.body, "      Latest: \(last.text)")) }
        }
        out.append(DocumentLine(.blank))
        return out
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
