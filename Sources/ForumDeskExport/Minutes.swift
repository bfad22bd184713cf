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
            return bar.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: "█", count: cells) + " " + number
        }
    }
}

/// Minutes of a held meeting, or the agenda of one still to come, in the format of the Luton Forum's
/// papers (seed 003): heading, PRESENT, then every minute numbered at one level with the agenda item it
/// records as "(REF: n)": apologies, each item with its discussion, "Resolved:" and the actions raised under
/// it, matters arising with what was reported and what became of each action, and disclosures.
///
/// One document whichever way it is made: the app's `e` and Minutes tab, `forumdesk export` and the public
/// site all call `document` (or `lines`) with fully read meetings (`sources` names the ones it reads).
public enum MeetingDocument {
    public enum Kind: String, Sendable, CaseIterable { case agenda, minutes }

    /// Who the document is for: the council's record names everyone present; residents (the public site) get the
    /// same document as `PublicRecord` allows it: councillors by name, anyone else by organisation, no nature of
    /// an interest, contact details taken out of typed text.
    public enum Audience: String, Sendable { case record, residents }

    /// The minutes of a held meeting, else its agenda.
    public static func kind(of meeting: Meeting) -> Kind { meeting.status == .held ? .minutes : .agenda }

    /// The document as a file: the bytes every path writes.
    public static func document(
        _ kind: Kind, _ format: DocumentFormat, for meeting: Meeting, directory: Directory,
        allMeetings: [Meeting], council: String, audience: Audience = .record
    ) -> String {
        format.render(
            lines(
                kind, for: meeting, directory: directory, allMeetings: allMeetings, council: council, audience: audience
            ),
            title: "\(meeting.title): \(kind.rawValue)")
    }

    /// The meetings a document of `meeting` is made from, which must be read in full: the meeting, and the earlier
    /// meetings of its area with an action updated on or after its day. An index summary keeps an update's time,
    /// text and status but not the meeting it was reported at, which the matters arising need; an update made
    /// before the meeting's day cannot have been reported at it, so older meetings serve as summaries.
    public static func sources(for meeting: Meeting, in all: [Meeting]) -> [String] {
        let day = LondonTime.instant(date: LondonTime.date(meeting.start), hour: 0, minute: 0)
        return [meeting.id]
            + all.filter { other in
                other.area == meeting.area && other.start < meeting.start && other.id != meeting.id
                    && other.actions.contains { $0.updates.contains { $0.at >= day } }
            }.map(\.id)
    }

    /// The minutes of a held meeting, else its agenda: what the Minutes tab previews.
    public static func lines(
        for meeting: Meeting, directory: Directory, allMeetings: [Meeting], council: String
    ) -> [DocumentLine] {
        lines(kind(of: meeting), for: meeting, directory: directory, allMeetings: allMeetings, council: council)
    }

    public static func lines(
        _ kind: Kind, for meeting: Meeting, directory: Directory, allMeetings: [Meeting], council: String,
        audience: Audience = .record
    ) -> [DocumentLine] {
        var out = heading(meeting)
        let names = Names(directory: directory, council: council, residents: audience == .residents)
        switch kind {
        case .minutes:
            var minutes = Minutes(meeting: meeting, names: names, all: allMeetings)
            let body = minutes.lines()
            guard audience == .residents else { return out + body }
            // Typed text (discussion, outcomes, updates, issues) may hold a resident's e-mail address or phone number;
            // the heading's venue address is a hall's, public, so only its phone numbers and e-mail addresses go.
            func cleaned(_ lines: [DocumentLine], _ clean: (String) -> String) -> [DocumentLine] {
                lines.map { line in
                    var line = line
                    line.text = clean(line.text)
                    line.foreign = line.foreign.map(clean)
                    return line
                }
            }
            let addressLines = (meeting.venue.address ?? "").split(whereSeparator: \.isNewline).map(String.init)
            let venue = Set(
                [meeting.venue.name] + addressLines + [([meeting.venue.name] + addressLines).joined(separator: ", ")])
            return cleaned(out) { venue.contains($0) ? PublicRecord.cleanVenue($0) : PublicRecord.clean($0) }
                + cleaned(body, PublicRecord.clean)
        case .agenda:
            if meeting.status == .cancelled {
                out += [DocumentLine(.heading, "THIS MEETING IS CANCELLED"), DocumentLine(.blank)]
            }
            out.append(DocumentLine(.heading, "AGENDA"))
            out += items(meeting, directory, minutes: false)
        }
        out += mattersArising(meeting, names, allMeetings)
        return out
    }

    public static func plainText(
        for meeting: Meeting, directory: Directory, allMeetings: [Meeting], council: String
    ) -> String {
        document(
            kind(of: meeting), .text, for: meeting, directory: directory, allMeetings: allMeetings, council: council)
    }

    // MARK: parts

    static func heading(_ m: Meeting) -> [DocumentLine] {
        var out = [
            DocumentLine(.title, m.title.uppercased()),
            DocumentLine(.body, "\(longDate(m.start)), \(clock(m.start)) to \(clock(m.end))"),
        ]
        // An address pasted from a spreadsheet cell keeps its line breaks: one line each, as on an envelope.
        let addressLines = (m.venue.address ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if addressLines.count > 1 {
            out += ([m.venue.name] + addressLines).map { DocumentLine(.body, $0) }
        } else {
            out.append(DocumentLine(.body, ([m.venue.name] + addressLines).joined(separator: ", ")))
        }
        if let access = m.venue.accessibility { out.append(DocumentLine(.body, "Access: \(access)")) }
        // That it can be joined online, never the link itself: the papers are published, the link may not be.
        if let online = m.online { out.append(DocumentLine(.body, online.modeLabel)) }
        for language in m.languages where language != "en" {
            if let title = m.noticeTitles[language] {
                out.append(DocumentLine(.body, "\(languageName(language)): ", foreign: title, language: language))
            }
        }
        if let notes = m.publicNotes { out.append(DocumentLine(.body, notes)) }
        out.append(DocumentLine(.blank))
        return out
    }

    /// How people and organisations are named in the papers, as in the seed: "Councillor Hazel Simmons – Luton
    /// Borough Council", "Peter Adams – Luton Assembly".
    struct Names {
        var directory: Directory
        var council: String
        /// For residents: only councillors are named, anyone else by organisation (`PublicRecord`).
        var residents = false

        func organisation(_ id: String) -> String { directory.organisation(id)?.name ?? id }

        func isCouncillor(_ id: String?) -> Bool { id.flatMap { directory.person($0) }?.kind == .councillor }

        /// A councillor's name with "Councillor" written out, as minutes write it; for residents, anyone else by
        /// their organisation ("a member" when none is known).
        func name(ofPerson id: String) -> String {
            if residents, !isCouncillor(id) {
                return directory.person(id)?.organisation.map(organisation) ?? "a member"
            }
            guard let person = directory.person(id) else { return id }
            guard person.kind == .councillor else { return person.name }
            for short in ["Cllr. ", "Cllr ", "Councillor "] where person.name.hasPrefix(short) {
                return "Councillor " + person.name.dropFirst(short.count)
            }
            return "Councillor " + person.name
        }

        /// "Name – Organisation": a councillor's organisation is their council unless the directory says otherwise.
        func who(_ person: String?, _ name: String?, _ organisation: String?) -> String {
            if residents, !isCouncillor(person) {
                let org = (organisation ?? person.flatMap { directory.person($0)?.organisation }).map(self.organisation)
                if name == Retention.removedName {
                    return org.map { "\(Retention.removedName) – \($0)" } ?? Retention.removedName
                }
                return org ?? "A guest"
            }
            let personName = person.map(self.name(ofPerson:)) ?? name ?? "Unnamed"
            let councillor = person.flatMap { directory.person($0) }?.kind == .councillor
            let org = organisation ?? person.flatMap { directory.person($0)?.organisation }
            if let org { return "\(personName) – \(self.organisation(org))" }
            return councillor && !council.isEmpty ? "\(personName) – \(council)" : personName
        }

        /// "Sandy Town Council" for an action owned by an organisation, "Jo Bloggs – Sandy Town Council" for a person.
        func owner(_ a: Action) -> String? {
            if let owner = a.owner { return who(owner, nil, a.organisation) }
            return a.organisation.map(organisation)
        }
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

    /// The minutes proper, numbered as they are written.
    struct Minutes {
        var meeting: Meeting
        var names: Names
        var all: [Meeting]
        var number = 0

        init(meeting: Meeting, names: Names, all: [Meeting]) {
            self.meeting = meeting
            self.names = names
            self.all = all
        }

        /// A minute's heading: the next number, its title, and the agenda item it records.
        mutating func heading(_ title: String, ref item: Int?) -> DocumentLine {
            number += 1
            return DocumentLine(.heading, "\(number)  \(title.uppercased())\(MeetingDocument.ref(item))")
        }

        /// PRESENT by role, then one minute per agenda item in order; a standing section (apologies, matters
        /// arising, disclosures) is minuted under its agenda item, or first (apologies, disclosures) or after
        /// the items (matters arising) when the agenda has none. Residents' issues and the time it ended close.
        mutating func lines() -> [DocumentLine] {
            let m = meeting
            let standing = StandingItems(m)
            var out = present()
            var apologiesDone = false, disclosuresDone = false, arisingDone = false
            if standing.apologies == nil {
                out += [heading("Apologies for absence", ref: nil)] + apologies() + [DocumentLine(.blank)]
            }
            if standing.disclosures == nil {
                out += [heading("Disclosures of interest", ref: nil)] + declarations() + [DocumentLine(.blank)]
            }
            for item in m.agenda {
                switch item.number {
                case standing.apologies where !apologiesDone:
                    apologiesDone = true
                    out += [heading("Apologies for absence", ref: item.number)] + apologies()
                    out += itemBody(item, standing: true)
                case standing.disclosures where !disclosuresDone:
                    disclosuresDone = true
                    out += [heading("Disclosures of interest", ref: item.number)] + declarations()
                    out += itemBody(item, standing: true)
                case standing.arising where !arisingDone:
                    arisingDone = true
                    out += [heading("Matters arising", ref: item.number)] + mattersArising()
                    out += itemBody(item, standing: true)
                default:
                    out.append(heading(item.title, ref: item.number))
                    out += itemBody(item, standing: false)
                }
            }
            if m.agenda.isEmpty { out += [DocumentLine(.body, "No items were minuted."), DocumentLine(.blank)] }
            let unfiled = m.actions.filter { a in a.item.map { n in !m.agenda.contains { $0.number == n } } ?? true }
            if !unfiled.isEmpty {
                out.append(heading("Other actions", ref: nil))
                out += unfiled.map { DocumentLine(.body, "  " + actionLine($0, names, status: false)) }
                out.append(DocumentLine(.blank))
            }
            if !arisingDone {
                let arising = mattersArising()
                if !arising.isEmpty { out += [heading("Matters arising", ref: nil)] + arising + [DocumentLine(.blank)] }
            }
            if !m.issues.isEmpty {
                out += [heading("Issues raised by residents", ref: nil)] + MeetingDocument.issues(m)
            }
            if let ended = m.ended {
                out.append(DocumentLine(.body, "(Note: the meeting ended at \(clock(ended)))"))
            }
            return out
        }

        /// Who presented an item: the substitute who stood in for a presenter who sent apologies, nobody when the
        /// presenter sent apologies and nobody stood in, else the presenter named on the agenda.
        func presenter(_ item: AgendaItem) -> String? {
            if names.residents, !names.isCouncillor(item.presenter) {
                // Partners present as their organisation, whoever stood in.
                let org = item.organisation ?? item.presenter.flatMap { names.directory.person($0)?.organisation }
                return org.map(names.organisation)
            }
            guard let id = item.presenter else {
                return item.presenterName.map { name in
                    ([name] + [item.organisation.map(names.organisation)].compactMap { $0 }).joined(separator: ", ")
                }
            }
            if let sub = meeting.attendance.first(where: { $0.status == .substitute && $0.substituteFor == id }) {
                let org =
                    sub.organisation ?? sub.person.flatMap { names.directory.person($0)?.organisation }
                    ?? item.organisation
                let name = sub.person.map(names.name(ofPerson:)) ?? sub.name ?? "Unnamed"
                return ([name] + [org.map(names.organisation)].compactMap { $0 }).joined(separator: ", ")
                    + " (substitute for \(names.name(ofPerson: id)))"
            }
            if meeting.attendance.contains(where: {
                $0.person == id && ($0.status == .apologies || $0.status == .absent)
            }) {
                return nil
            }
            let org = item.organisation ?? names.directory.person(id)?.organisation
            return ([names.name(ofPerson: id)] + [org.map(names.organisation)].compactMap { $0 }).joined(
                separator: ", ")
        }

        /// An item's presenter, notes, discussion, outcome and the actions raised under it. A standing item's
        /// agenda notes (the reminder about interests) are not minuted.
        func itemBody(_ item: AgendaItem, standing: Bool) -> [DocumentLine] {
            // A standing item's own minute (the list of apologies, the report) stands apart from what follows.
            var out: [DocumentLine] = standing ? [DocumentLine(.blank)] : []
            if !standing, let presenter = presenter(item) {
                out.append(DocumentLine(.body, "Presented by \(presenter)."))
            }
            if !standing, let notes = item.notes { out.append(DocumentLine(.body, notes)) }
            // The discussion minuted live: its own paragraphs, as in the seed's minutes.
            for paragraph in paragraphs(item.discussion ?? "") {
                out += [DocumentLine(.blank), DocumentLine(.body, paragraph)]
            }
            // Every outcome reads "Resolved: …" in every format (Markdown and HTML always put the word in front).
            if let outcome = item.outcome.map(Outcome.joined).map({ $0.hasPrefix("Resolved:") ? $0 : "Resolved: " + $0 }
            ) {
                // "(i) That … (ii) That …": each resolution its own paragraph, as in the seed.
                let parts = Outcome.resolutions(outcome)
                out.append(DocumentLine(.resolved, parts[0]))
                out += parts.dropFirst().map { DocumentLine(.body, $0) }
            }
            let raised = meeting.actions.filter { $0.item == item.number }
            if !raised.isEmpty {
                out.append(DocumentLine(.body, "Actions:"))
                out += raised.map { DocumentLine(.body, "  " + actionLine($0, names, status: false)) }
            }
            if out != [DocumentLine(.blank)] { out.append(DocumentLine(.blank)) }
            return out
        }

        /// PRESENT by role, with each person's organisation (a councillor's council), the chair, and substitutes
        /// "X – Org (substitute for Y)".
        func present() -> [DocumentLine] {
            let m = meeting
            var out = [DocumentLine(.heading, "PRESENT:")]
            let present = m.attendance.filter { $0.status.isInRoom }
            for (role, title) in [
                (AttendanceRole.member, "MEMBERS"), (.observer, "OBSERVERS"),
                (.supportOfficer, "SUPPORT OFFICERS/ADVISORS"),
            ] {
                let people = present.filter { $0.role == role }
                guard !people.isEmpty else { continue }
                out.append(DocumentLine(.subheading, title))
                // For residents two officers of one partner are one organisation represented: listed once.
                var listed = Set<String>()
                for entry in people {
                    let chair = entry.person != nil && entry.person == m.chair ? " – Chair" : ""
                    // For residents a partner stands in for someone they do not name: "(substitute)".
                    let forWhom =
                        entry.status != .substitute
                        ? ""
                        : entry.substituteFor.flatMap {
                            names.residents && !names.isCouncillor($0)
                                ? nil : " (substitute for \(names.name(ofPerson: $0)))"
                        }
                            ?? " (substitute)"
                    let line =
                        "  " + names.who(entry.person, entry.name, entry.organisation) + chair + forWhom
                        + (entry.online ? " (online)" : "")
                    if names.residents, !listed.insert(line).inserted { continue }
                    out.append(DocumentLine(.body, line))
                }
            }
            if present.isEmpty { out.append(DocumentLine(.body, "  Attendance was not recorded.")) }
            if let residents = m.residentsPresent { out.append(DocumentLine(.body, "Residents present: \(residents)")) }
            // A hybrid meeting counts who joined online apart from who was in the room.
            if m.online != nil {
                let online = present.filter(\.online).count
                if online > 0 {
                    out.append(DocumentLine(.body, "Present online (listed above): \(online) of \(present.count)"))
                }
                if let residentsOnline = m.residentsOnline {
                    out.append(
                        DocumentLine(
                            .body,
                            "Residents online: \(residentsOnline); in the room: \(max(0, (m.residentsPresent ?? 0) - residentsOnline))"
                        ))
                }
            }
            out.append(DocumentLine(.blank))
            return out
        }

        /// Name and organisation only: a reason for absence is personal and never minuted.
        func apologies() -> [DocumentLine] {
            let apologies = meeting.attendance.filter { $0.status == .apologies }
            guard !apologies.isEmpty else { return [DocumentLine(.body, "There were no apologies for absence.")] }
            return [DocumentLine(.body, "Apologies for absence from the meeting were received on behalf of:")]
                + apologies.map { DocumentLine(.body, "  " + names.who($0.person, $0.name, $0.organisation)) }
        }

        func declarations() -> [DocumentLine] {
            let m = meeting
            guard !m.declarations.isEmpty else {
                return [DocumentLine(.body, "There were no disclosures of interest.")]
            }
            return m.declarations.map { dec in
                let title = m.agenda.first { $0.number == dec.item }.map { " (\($0.title))" } ?? ""
                // That a member declared an interest is public; its nature is not published.
                let nature = names.residents ? "." : ": " + sentence(dec.nature)
                return DocumentLine(.body, "  \(names.name(ofPerson: dec.person)), item \(dec.item)\(title)\(nature)")
            }
        }

        /// The matters-arising report, as the seed's: each earlier action open when the meeting began or reported
        /// on at it, what was reported, and what became of it (closed, carried forward to a date, still open).
        /// Only what happened up to this meeting: a later meeting's updates belong to that meeting's minutes.
        func mattersArising() -> [DocumentLine] {
            let m = meeting
            let earlier = all.filter { $0.area == m.area && $0.start < m.start && $0.id != m.id }.sorted {
                $0.start < $1.start
            }
            var out: [DocumentLine] = []
            for raisedAt in earlier {
                for action in raisedAt.actions {
                    let reported = action.updates.filter { $0.meeting == m.id }
                    guard !reported.isEmpty || ActionHistory.status(of: action, before: m).isOpen else { continue }
                    var a = action
                    a.status = ActionHistory.status(of: action, after: m)
                    var line = "\(a.id)  \(sentence(a.description))"
                    if let owner = names.owner(a) { line += " \(owner)." }
                    line += " Raised \(shortDate(LondonTime.date(raisedAt.start)))."
                    // What was said, then what became of it; the live notes' own "Done (reported at …)" says nothing more.
                    let said = reported.map(\.text).filter { !ActionHistory.isGenerated($0) }
                    if !said.isEmpty { line += " Reported: " + said.map(sentence).joined(separator: " ") }
                    line += " " + fate(a, reported: !reported.isEmpty)
                    out.append(DocumentLine(.body, "  " + line))
                }
            }
            if out.isEmpty { return [DocumentLine(.body, "There were no matters arising.")] }
            return out
        }

        func fate(_ a: Action, reported: Bool) -> String {
            let due = a.due.map { ", due \(shortDate($0))" } ?? ""
            switch a.status {
            case .done: return reported ? "Closed at this meeting." : "Closed."
            case .carriedForward:
                return reported
                    ? "Carried forward" + (a.due.map { " to \(shortDate($0))." } ?? ".")
                    : "Still open (carried forward\(due))."
            case .dropped: return "Dropped."
            default:
                return (reported ? "Still \(a.status.label)" : "No update at this meeting; still \(a.status.label)")
                    + due + "."
            }
        }
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

    /// "A-2026-041  Clear the drain · Jo Bloggs – Sandy Town Council · due 10 Dec 2026", and the status where it
    /// is news (the agenda's follow-up list); minutes leave it out, as a later change must not rewrite them.
    static func actionLine(_ a: Action, _ names: Names, status: Bool) -> String {
        var parts = ["\(a.id)  \(a.description)"]
        if let owner = names.owner(a) { parts.append(owner) }
        if let due = a.due { parts.append("due \(shortDate(due))") }
        if status { parts.append(a.status.label) }
        return parts.joined(separator: " · ")
    }

    /// Issues residents raised from the floor, and what became of each ("you said, we did" starts here).
    static func issues(_ m: Meeting) -> [DocumentLine] {
        guard !m.issues.isEmpty else { return [] }
        var out: [DocumentLine] = []
        for issue in m.issues {
            let home =
                switch issue.status {
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
    static func mattersArising(_ m: Meeting, _ names: Names, _ all: [Meeting]) -> [DocumentLine] {
        let arising = ActionRules.mattersArising(for: m, in: all)
        guard !arising.isEmpty else { return [] }
        var out = [DocumentLine(.heading, "MATTERS ARISING")]
        for raised in arising {
            out.append(
                DocumentLine(
                    .body,
                    "  " + actionLine(raised.action, names, status: true)
                        + " (raised \(shortDate(LondonTime.date(raised.meeting.start))))"))
            if let last = raised.action.updates.last { out.append(DocumentLine(.body, "      Latest: \(last.text)")) }
        }
        out.append(DocumentLine(.blank))
        return out
    }

    /// Paragraphs of a typed text: a blank line (or a line break) starts a new one.
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Text as a sentence: a full stop added only when it does not already end in one (no "cut?." ).
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last(where: { !"\"'”’)]".contains($0) }) else { return trimmed }
        // The Bengali and Urdu full stops end a sentence too.
        return ".?!…।۔".contains(last) ? trimmed : trimmed + "."
    }

    /// Text inside brackets: no full stop of its own at the end.
    static func clause(_ text: String) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix(".") && !trimmed.hasSuffix("...") { trimmed.removeLast() }
        return trimmed
    }

    // MARK: words

    static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

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
        ["en": "English", "bn": "Bengali", "ur": "Urdu", "gu": "Gujarati", "pa": "Punjabi", "pl": "Polish"][code]
            ?? code
    }
}
