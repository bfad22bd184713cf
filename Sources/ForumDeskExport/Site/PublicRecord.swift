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
        if let person = line.person, let named = name(ofPerson: person, organisation: line.organisation, d) { return named }
        let org = (line.organisation ?? line.person.flatMap { d.person($0)?.organisation }).map { clean(d.organisation($0)?.name ?? $0) }
        if removed { return org.map { "\(Retention.removedName), \($0)" } ?? Retention.removedName }
        return org ?? "A guest"
    }

    /// An action's owner as published: a councillor by name, else the organisation responsible.
    public static func owner(_ a: Action, _ d: Directory) -> String? {
        name(ofPerson: a.owner, organisation: a.organisation, d)
    }

    /// Free text typed by officers (notes, outcomes, answers), with any e-mail address or phone number in it
    /// replaced: a resident's contact details written into the minutes must not reach the web.
    public static func clean(_ text: String) -> String {
        var out = text.withoutControls
        // Most text has neither an "@" nor nine digits: it skips the regular expressions (a site has ~100 texts a page).
        var at = false, digits = 0
        for b in out.utf8 {
            if b == UInt8(ascii: "@") { at = true } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { digits += 1 }
        }
        for (pattern, needed) in [(emailPattern, at), (phonePattern, digits >= 9)] where needed {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "[contact details removed]")
        }
        return out
    }

    /// Anything shaped like an e-mail address.
    static let emailPattern = try! NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
    /// A UK-style phone number: 10 or 11 digits (or +44 and 9 or 10), with spaces, dots, dashes or brackets between.
    static let phonePattern = try! NSRegularExpression(pattern: "(\\+44[\\s().-]*|\\b0)\\d([\\s().-]?\\d){8,9}\\b")
}
