import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// The meeting's details: when, where, who chairs, the partners it needs and its warnings.
struct MeetingDetailsTab: MeetingTab {
    var title: String { "Details" }
    var keys: KeyMap<Command>.Group? { MeetingDocumentKeys.group }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .text(lines(m, c)) }

    func lines(_ m: Meeting, _ c: Context) -> [StyledLine] {
        func field(_ name: String, _ value: String, _ style: Style = .plain) -> StyledLine {
            StyledLine([Span(DisplayWidth.pad(name, to: 18), Theme.muted), Span(value, style)], hangingIndent: 18)
        }
        var lines = [
            field("Type", m.kind.label), field("Area", c.areaName(m.area)),
            field("Wards", m.wards.map(c.wardName).joined(separator: ", ")),
            field(
                "When",
                "\(MeetingDocument.longDate(m.start)), \(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))"
            ),
            field("Venue", [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", ")),
            field("Accessibility", m.venue.accessibility ?? "not recorded"),
            field("Status", m.status.label),
            field("Chair", m.chair.map { c.directory.displayName(ofPerson: $0) } ?? "not set"),
            field("Calendar sequence", String(m.sequence)),
            field("Residents present", m.residentsPresent.map(String.init) ?? "not recorded"),
        ]
        if let online = m.online {
            // Under "Accessibility": only for a meeting that can be joined online.
            let extra = [
                field("Online", online.modeLabel + (online.published ? "; link public" : "; link to those invited")),
                online.url.map { field("  Joining link", $0) }, online.dialIn.map { field("  Dial-in", $0) },
            ].compactMap { $0 }
            lines.insert(contentsOf: extra, at: 6)
            if let residentsOnline = m.residentsOnline {
                lines.append(field("Residents online", String(residentsOnline)))
            }
        }
        for (category, counts) in m.equality.sorted(by: { $0.key < $1.key }) {
            lines.append(
                field(
                    "Monitoring: \(category)",
                    counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        lines.append(field("Notice languages", m.languages.map(MeetingDocument.languageName).joined(separator: ", ")))
        for (language, title) in m.noticeTitles.sorted(by: { $0.key < $1.key }) {
            lines.append(field("  " + MeetingDocument.languageName(language), title))
        }
        if let notes = m.publicNotes { lines.append(field("Public notes", notes)) }
        lines.append(.empty)
        let required = CoverageRules.requiredRoles(for: m, in: c.directory)
        let gaps = CoverageRules.gaps(for: m, in: c.directory)
        lines.append(StyledLine("Partners", Theme.header))
        lines.append(
            field(
                "Required",
                required.isEmpty ? "no coverage rule applies" : required.map(\.label).joined(separator: ", ")))
        if !gaps.isEmpty {
            lines.append(
                field(
                    m.status == .held ? "Not represented" : "Not invited", gaps.map(\.label).joined(separator: ", "),
                    Theme.warning))
        }
        for invitation in m.invitations {
            let who = invitation.person.map { " (" + c.directory.displayName(ofPerson: $0) + ")" } ?? ""
            lines.append(
                field("  Invited", c.organisationName(invitation.organisation) + who + ": " + invitation.reply.label))
        }
        let warnings =
            (c.warnings[m.id] ?? []).map(\.message)
            + TopicRules.breaches(of: m, topics: c.data.topics, now: c.now).map(\.message)
        if !warnings.isEmpty {
            lines.append(.empty)
            lines.append(StyledLine("Warnings", Theme.header))
            for warning in warnings { lines.append(StyledLine("  ⚠ " + warning, Theme.warning, hangingIndent: 4)) }
        }
        return lines
    }
}
