import Foundation
import ForumDeskCore

/// What of the record may be published to residents, decided in one place (README "Public website").
///
/// Public: councillors' names (public office holders, elected for the wards), partner organisations' names,
/// meetings' dates, venues (a public hall's name and address) and accessibility, agendas, outcomes, actions,
/// residents' issues and what became of them, and equality monitoring as counts.
/// Never: anyone's e-mail address, phone number or postal address; partner contacts' and other attendees' names
/// (they speak for their organisation, which is named instead); reasons for absence; the nature of a
/// declaration of interest (that a councillor declared one on an item is said, not why); councillors' notices and
/// replies; cancellation reasons; names removed by purge, which stay "(name removed)".
public enum PublicRecord {
    /// How a person is named on the public site: a councillor by name; anyone else by the organisation they
    /// speak for, else nil (not named at all).
    public static func name(ofPerson id: String?, organisation: String?, _ d: Directory) -> String? {
        if let id, let person = d.person(id), person.kind == .councillor { return clean(person.name) }
        let org = organisation ?? id.flatMap { d.person($0)?.organisation }
        return org.map { d.organisation($0)?.name ?? $0 }.map(clean)
    }

    /// An attendance line as published: "Cllr Ada Bellweather", "Bedfordshire Police", or "(name removed)" (and
    /// its organisation) for a line whose name was purged. Free-typed names of people outside the directory
    /// are never shown.
    public static func attendee(_ line: Attendance, _ d: Directory) -> String {
        let removed = line.name == Retention.removedName
        if let person = line.person, let named = name(ofPerson: person, organisation: line.organisation, d) {
            return named
        }
        let org = (line.organisation ?? line.person.flatMap { d.person($0)?.organisation }).map {
            clean(d.organisation($0)?.name ?? $0)
        }
        if removed { return org.map { "\(Retention.removedName), \($0)" } ?? Retention.removedName }
        return org ?? "A guest"
    }

    /// An action's owner as published: a councillor by name, else the organisation responsible.
    public static func owner(_ a: Action, _ d: Directory) -> String? {
        name(ofPerson: a.owner, organisation: a.organisation, d)
    }

    /// Any text about to be published: controls and bidi overrides removed, then e-mail addresses, phone numbers
    /// and private postal addresses replaced (`Redaction`): a resident's details written into the minutes must not
    /// reach the web. Every public path (site, feeds, `export ics`, `report`, briefings' calendars) goes through it.
    public static func clean(_ text: String) -> String {
        Redaction.redact(stripped(text))
    }

    /// A venue's address is public (a hall's): only phone numbers and e-mail addresses are taken out of it.
    public static func cleanVenue(_ text: String) -> String {
        Redaction.redact(stripped(text), addresses: false)
    }

    /// Controls and bidi embeddings, overrides and isolates removed (a reader sees nothing of them, not even a
    /// placeholder); line breaks and tabs become one space.
    static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: String.isUnsafe) else { return text }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var out = String.UnicodeScalarView()
        for s in lines.joined(separator: " ").unicodeScalars {
            if s == "\t" { out.append(" ") } else if !String.isUnsafe(s) { out.append(s) }
        }
        return String(out)
    }
}
