import Foundation
import ForumDeskCore
import ForumDeskStore

/// What `forumdesk programme` does with each date its rules give: a new planned meeting, a planned one moved to the
/// rule's time or venue, or a meeting left as it is (held, notified, confirmed, cancelled), and what it skips.
struct ProgrammePlan {
    struct Line {
        var occurrence: Programme.Occurrence
        var meetingID: String?
        var action: String
    }
    var lines: [Line] = []
    var created: [Meeting] = []
    var changed: [Meeting] = []
    /// Meetings the rules would change but that are left as they are, with why.
    var kept: [(meeting: Meeting, why: String)] = []
    /// Planned meetings of a rule's area and kind in the period that no rule gives any more.
    var strays: [Meeting] = []
    var clashes: [String: [Clash]] = [:]

    static func make(
        _ rules: [ProgrammeRule], data: DataSet, from: CalendarDate, until: CalendarDate, now: Date
    ) -> ProgrammePlan {
        var plan = ProgrammePlan()
        let occurrences = Programme.occurrences(rules, from: from, until: until, calendar: data.settings.planning)
        var byDay: [String: [Meeting]] = [:]
        func key(_ area: String, _ kind: MeetingKind, _ day: CalendarDate) -> String {
            "\(area)|\(kind.rawValue)|\(day)"
        }
        for m in data.meetings { byDay[key(m.area, m.kind, LondonTime.date(m.start)), default: []].append(m) }
        var matched = Set<String>()
        var taken = Set(data.meetings.map(\.id))
        var heldByArea: [String: [Meeting]] = [:]
        for m in data.meetings where m.status == .held { heldByArea[m.area, default: []].append(m) }
        for occurrence in occurrences {
            let rule = occurrence.rule
            if case .skipped = occurrence.fate {
                plan.lines.append(Line(occurrence: occurrence, meetingID: nil, action: occurrence.said))
                continue
            }
            let moved = occurrence.said.isEmpty ? "" : " (\(occurrence.said))"
            if let existing = byDay[key(rule.area, rule.kind, occurrence.date)]?.first {
                matched.insert(existing.id)
                let same =
                    existing.start == occurrence.start && existing.end == occurrence.end
                    && existing.venue.name == rule.venue.name
                if same {
                    plan.lines.append(
                        Line(occurrence: occurrence, meetingID: existing.id, action: "already planned" + moved))
                } else if existing.status == .planned, !existing.hasBeenAnnounced {
                    var m = existing
                    m.start = occurrence.start
                    m.end = occurrence.end
                    m.venue = rule.venue
                    plan.changed.append(m)
                    plan.lines.append(
                        Line(
                            occurrence: occurrence, meetingID: m.id,
                            action: "moved to the rule's time and venue" + moved))
                } else {
                    let why = existing.hasBeenAnnounced ? "notified" : existing.status.rawValue
                    plan.kept.append((existing, why))
                    plan.lines.append(
                        Line(
                            occurrence: occurrence, meetingID: existing.id,
                            action: "left as it is (\(why)): differs from the rule"))
                }
                continue
            }
            let id = Identifier.meetingID(day: occurrence.date, area: rule.area, kind: rule.kind) { taken.contains($0) }
            taken.insert(id)
            var m = Programme.meeting(occurrence, id: id, directory: data.directory)
            if let template = data.templates[m.kind] {
                m = template.applied(to: m, lastHeld: heldByArea[m.area]?.last { $0.start < m.start })
            }
            plan.created.append(m)
            plan.lines.append(Line(occurrence: occurrence, meetingID: id, action: "new" + moved))
        }
        // Planned meetings of the rules' areas and kinds in the period that no date matched: left, and said.
        let ruled = Set(rules.map { "\($0.area)|\($0.kind.rawValue)" })
        for m in data.meetings
        where m.status == .planned && !matched.contains(m.id) && ruled.contains("\(m.area)|\(m.kind.rawValue)") {
            let day = LondonTime.date(m.start)
            if day >= from, day <= until { plan.strays.append(m) }
        }
        let touched = Set((plan.created + plan.changed).map(\.id))
        let among = data.meetingsToCome(now: now).filter { !touched.contains($0.id) } + plan.created + plan.changed
        plan.clashes = ClashRules.clashes(
            in: among, directory: data.directory, calendar: data.settings.planning, from: now
        )
        .filter { touched.contains($0.key) }
        return plan
    }

    func print(data: DataSet, from: CalendarDate, until: CalendarDate, preview: Bool) {
        Output.line("\(preview ? "Preview of the" : "The") programme from \(from) to \(until):")
        var table = TextTable(headers: ["DATE", "TIME", "AREA", "VENUE", "WHAT", "ID"])
        for line in lines {
            let o = line.occurrence
            table.add([
                "\(LondonTime.weekday(o.date)) \(o.date)", LondonTime.hhmm(o.start),
                data.directory.area(o.rule.area)?.name ?? o.rule.area,
                o.rule.venue.name, line.action, line.meetingID ?? "",
            ])
        }
        Output.line(table.render())
        let skipped = lines.filter { if case .skipped = $0.occurrence.fate { return true } else { return false } }.count
        let moved = lines.filter { if case .moved = $0.occurrence.fate { return true } else { return false } }.count
        Output.line(
            "\(created.count) new, \(changed.count) to move, \(kept.count) left as they are, \(skipped) skipped, \(moved) moved a week"
        )
        if !kept.isEmpty {
            Output.line("")
            Output.line(
                "Left as they are (held, notified, confirmed or cancelled): change them by hand if the rule should apply:"
            )
            for (m, why) in kept { Output.line("  \(LondonTime.display(m.start)) \(m.id) (\(why))") }
        }
        if !strays.isEmpty {
            Output.line("")
            Output.line(
                "Planned meetings no rule gives any more (left as they are; cancel or delete them if they are not wanted):"
            )
            for m in strays { Output.line("  \(LondonTime.display(m.start)) \(m.id)") }
        }
        let all = (created + changed).sorted { $0.start < $1.start }
        ClashListing.show(all.compactMap { m in clashes[m.id].map { (m, ClashRules.warnings($0, meeting: m)) } })
    }
}
