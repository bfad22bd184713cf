import Foundation
import ForumDeskCore

/// The annual report to residents (strategy item 35) and the participation monitoring of item 30: per year,
/// for the whole council or one area. Figures only from the data; equality monitoring as counts, never names;
/// every text cleaned by `PublicRecord.clean`, as everything public is.
public enum AnnualReport {
    public static func lines(
        year: Int, area: String?, directory: Directory, meetings allMeetings: [Meeting], today: CalendarDate,
        council: String, consultations: [Consultation] = []
    ) -> [DocumentLine] {
        let inYear = allMeetings.filter { LondonTime.date($0.start).year == year && (area == nil || $0.area == area) }
        let held = inYear.filter { $0.status == .held }
        let areaName = area.flatMap { directory.area($0)?.name }
        var out = [
            DocumentLine(
                .title,
                "\(council.uppercased()): COMMUNITY MEETINGS \(year)" + (areaName.map { " — \($0.uppercased())" } ?? "")
            ),
            DocumentLine(
                .body,
                "Let's Talk Together meetings, ward forums and area committees: what happened, who came, and what was done."
            ),
            DocumentLine(.blank),
        ]

        // Meetings
        out.append(DocumentLine(.heading, "MEETINGS"))
        let areas = area == nil ? directory.areas : directory.areas.filter { $0.id == area }
        for a in areas {
            let mine = inYear.filter { $0.area == a.id }
            guard !mine.isEmpty else { continue }
            let count = { (s: MeetingStatus) in mine.filter { $0.status == s }.count }
            let toCome = mine.count - count(.held) - count(.cancelled)
            out.append(
                DocumentLine(
                    .body,
                    "  \(a.name): \(mine.count) meetings: \(count(.held)) held, \(count(.cancelled)) cancelled"
                        + (toCome > 0 ? ", \(toCome) to come or not yet recorded" : "")))
        }
        out.append(
            DocumentLine(
                .body,
                "Total: \(inYear.count) meetings, \(held.count) held, \(inYear.filter { $0.status == .cancelled }.count) cancelled."
            ))
        out.append(DocumentLine(.blank))

        // Residents
        out.append(DocumentLine(.heading, "RESIDENTS TAKING PART"))
        let counted = held.compactMap(\.residentsPresent)
        let total = counted.reduce(0, +)
        let mean = counted.isEmpty ? 0 : Double(total) / Double(counted.count)
        out.append(
            DocumentLine(
                .body,
                "\(total) residents at \(counted.count) meetings with a head count: \(String(format: "%.1f", mean)) a meeting on average."
            ))
        let quarters = (1...4).map { q -> DocumentLine.Bar in
            let values = held.filter { (LondonTime.date($0.start).month - 1) / 3 + 1 == q }.compactMap(
                \.residentsPresent)
            return .init("Q\(q) \(year)", values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count))
        }
        out.append(.chart("Residents a meeting, by quarter", quarters))
        out.append(DocumentLine(.blank))

        // Equality monitoring
        out.append(DocumentLine(.heading, "WHO TOOK PART (EQUALITY MONITORING, ANONYMOUS COUNTS)"))
        var tallies: [String: [String: Int]] = [:]
        for m in held {
            for (category, counts) in m.equality {
                for (group, n) in counts { tallies[category, default: [:]][group, default: 0] += n }
            }
        }
        if tallies.isEmpty { out.append(DocumentLine(.body, "No monitoring forms were recorded.")) }
        for (category, counts) in tallies.sorted(by: { $0.key < $1.key }) {
            out.append(DocumentLine(.subheading, category.capitalized))
            for (group, n) in counts.sorted(by: { $0.key < $1.key }) {
                out.append(DocumentLine(.body, "  \(group): \(n)"))
            }
        }
        out.append(DocumentLine(.blank))

        // Partner coverage
        out.append(DocumentLine(.heading, "PARTNERS IN THE ROOM"))
        var required: [PartnerRole: (met: Int, of: Int)] = [:]
        var gaps: [String] = []
        for m in held {
            let roles = CoverageRules.requiredRoles(for: m, in: directory)
            let missing = Set(CoverageRules.gaps(for: m, in: directory))
            for role in roles {
                required[role, default: (0, 0)].of += 1;
                if !missing.contains(role) { required[role, default: (0, 0)].met += 1 }
            }
            if !missing.isEmpty {
                gaps.append(
                    "  \(MeetingDocument.shortDate(LondonTime.date(m.start))) \(m.title): missing \(missing.map(\.label).sorted().joined(separator: ", "))"
                )
            }
        }
        out.append(
            .chart(
                "Share of held meetings each required partner attended (%)",
                PartnerRole.allCases.compactMap { role in
                    required[role].map { .init(role.label, Double($0.met * 100 / max(1, $0.of))) }
                }))
        if !gaps.isEmpty {
            out.append(DocumentLine(.subheading, "Meetings missing a required partner"));
            out += gaps.map { DocumentLine(.body, $0) }
        }
        out.append(DocumentLine(.blank))

        // Councillor notification
        out.append(DocumentLine(.heading, "COUNCILLORS NOTIFIED"))
        var pairs = 0, early = 0
        for m in inYear where m.status != .cancelled {
            for councillor in directory.councillors(ofWards: m.wards) {
                pairs += 1
                let first = m.notifications.filter { $0.councillor == councillor.id && $0.kind == .invitation }.map(
                    \.at
                ).min()
                if let first, m.start.timeIntervalSince(first) >= 7 * 86_400 { early += 1 }
            }
        }
        out.append(
            DocumentLine(
                .body,
                "\(early) of \(pairs) councillor invitations (\(pairs == 0 ? 0 : early * 100 / pairs)%) went out at least 7 days before the meeting."
            ))
        out.append(DocumentLine(.blank))

        // Actions
        out.append(DocumentLine(.heading, "ACTIONS: YOU SAID, WE DID"))
        let actions = ActionRules.allActions(in: inYear)
        let closed = actions.filter { !$0.action.status.isOpen }
        let overdue = actions.filter { ActionRules.isOverdue($0.action, today: today) }
        let days = closed.compactMap { r -> Int? in
            guard let end = r.action.updates.last(where: { $0.status == .done || $0.status == .dropped })?.at else {
                return nil
            }
            return LondonTime.date(end).daysSinceEpoch - LondonTime.date(r.meeting.start).daysSinceEpoch
        }.sorted()
        let median = days.isEmpty ? "–" : String(days[days.count / 2])
        out.append(
            DocumentLine(
                .body,
                "\(actions.count) actions raised, \(closed.count) closed, \(actions.count - closed.count) still open, \(overdue.count) overdue; median \(median) days from the meeting to closing."
            ))
        for r in actions where r.action.feedback != nil {
            out.append(DocumentLine(.body, "  \(r.action.id) \(r.action.description): \(r.action.feedback!)"))
        }
        out.append(DocumentLine(.blank))

        // Issues from the floor
        out.append(DocumentLine(.heading, "ISSUES RESIDENTS RAISED FROM THE FLOOR"))
        let issues = held.flatMap(\.issues)
        if issues.isEmpty {
            out.append(DocumentLine(.body, "No issues were recorded from the floor."))
        } else {
            let count = { (s: IssueStatus) in issues.filter { $0.status == s }.count }
            out.append(
                DocumentLine(
                    .body,
                    "\(issues.count) issues raised: \(count(.answered)) answered at or after the meeting, "
                        + "\(count(.action)) became actions, \(count(.topic)) became topics for a later meeting, \(count(.open)) still open."
                ))
            for a in areas {
                let mine = held.filter { $0.area == a.id }.flatMap(\.issues)
                guard !mine.isEmpty else { continue }
                let answered = mine.filter { $0.status != .open }.count
                out.append(DocumentLine(.body, "  \(a.name): \(mine.count) raised, \(answered) given a home"))
            }
        }
        out.append(DocumentLine(.blank))

        // Topics: agenda items' tags and the tags of issues raised from the floor
        out.append(DocumentLine(.heading, "WHAT RESIDENTS RAISED MOST"))
        for a in areas {
            var counts: [String: Int] = [:]
            for m in held where m.area == a.id {
                for item in m.agenda {
                    for tag in item.tags where tag != "open-session" { counts[tag, default: 0] += 1 }
                }
                for issue in m.issues { for tag in issue.tags { counts[tag, default: 0] += 1 } }
            }
            guard !counts.isEmpty else { continue }
            let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map {
                "\($0.key) (\($0.value))"
            }
            out.append(DocumentLine(.body, "  \(a.name): \(top.joined(separator: ", "))"))
        }
        out += consultationSection(
            year: year, area: area, directory: directory, consultations: consultations, today: today)
        // A report to residents is public wherever it is written (`report`, the site): the one cleaning of everything public.
        return out.map { line in
            var line = line
            line.text = PublicRecord.clean(line.text)
            line.foreign = line.foreign.map(PublicRecord.clean)
            line.bars = line.bars.map { DocumentLine.Bar(PublicRecord.clean($0.label), $0.value) }
            return line
        }
    }
}
