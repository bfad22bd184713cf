import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// The annual report on screen: the same text as `forumdesk report`, with block-character charts. And the review
/// before publishing (`v`, as `forumdesk publish --review`): every passage the site would publish that names someone
/// without public office, a title with a name or an address; `c` marks the selected one checked.
struct ReportsScreen: MainScreen {
    var title: String { reviewing ? "Reports: review before publishing" : "Reports" }
    var reviewing = false
    var selected = 0
    /// The report counts attendance, issues and equality data: the shown year's meetings are read in full; the
    /// review reads every meeting's texts.
    func meetingsInFull(_ c: Context) -> [String] {
        if reviewing { return c.data.meetings.map(\.id) }
        // The year's meetings lie between two points of the date order: no scan of the history per key press.
        let year = shownYear(c)
        let from = LondonTime.instant(date: CalendarDate(year: year, month: 1, day: 1), hour: 0, minute: 0)
        let to = LondonTime.instant(date: CalendarDate(year: year + 1, month: 1, day: 1), hour: 0, minute: 0)
        return c.data.meetings[c.data.firstIndex { $0.start >= from }..<c.data.firstIndex { $0.start >= to }].map(\.id)
    }
    var year: Int?
    var area: String?
    var offset = 0
    var picker: OpenPicker<Bool>?

    var textKeys: KeyHelp? { picker.pickerKeys() }

    var keyMap: KeyMap<Command> {
        if reviewing {
            return KeyMap([
                .init(
                    "Review before publishing",
                    [
                        Binding(
                            [.char("c")], "Mark the selected passage checked: publish prints it as it is", .markChecked,
                            hint: "checked"),
                        Binding([.char("v")], "Back to the report", .reviewPublication, hint: "report"),
                    ]),
                Keys.movement,
            ])
        }
        return KeyMap([
            .init(
                "Reports",
                [
                    Binding([.char("["), .left], "Previous year", .previousTab, hint: "year"),
                    Binding([.char("]"), .right], "Next year", .nextTab),
                    Binding([.char("a")], "One area, or the whole council", .filterArea, hint: "area"),
                    Binding(
                        [.char("v")], "Review before publishing: passages naming someone or an address",
                        .reviewPublication, hint: "review"),
                ]),
            Keys.movement,
        ])
    }

    /// The passages to review, those not yet checked first.
    func passages(_ c: Context) -> [PublicReview.Passage] {
        let all = PublicReview.passages(c.data.meetings, c.directory)
        return all.filter { !$0.checked } + all.filter(\.checked)
    }

    func reviewLines(_ c: Context) -> (lines: [StyledLine], starts: [Int]) {
        let list = passages(c)
        let waiting = list.filter { !$0.checked }.count
        var lines = [
            StyledLine("REVIEW BEFORE PUBLISHING", Theme.title),
            StyledLine(
                "\(list.count) passage(s) name someone without public office, a title with a name or an address: "
                    + "\(waiting) held back from the site, \(list.count - waiting) checked. Edit the wording on the meeting, or press c "
                    + "to mark the selected one checked."), .empty,
        ]
        var starts: [Int] = []
        for (i, p) in list.enumerated() {
            starts.append(lines.count)
            let mark = i == selected ? "▸ " : "  "
            lines.append(
                StyledLine(
                    mark + "\(p.meeting), \(p.field)" + (p.checked ? "  (checked)" : "  (held back)"),
                    i == selected ? Theme.header : .bold))
            lines += p.reasons.map { StyledLine("    finds " + $0, Theme.muted) }
            lines.append(StyledLine("    “\(p.text)”", hangingIndent: 5))
        }
        if list.isEmpty { lines.append(StyledLine("Nothing to review: no passage names anyone or an address.")) }
        return (lines, starts)
    }

    func shownYear(_ c: Context) -> Int { year ?? c.today.year }

    func lines(_ c: Context) -> [StyledLine] {
        AnnualReport.lines(
            year: shownYear(c), area: area, directory: c.directory, meetings: c.data.meetings, today: c.today,
            council: c.data.settings.council, consultations: c.data.consultations
        ).flatMap { line -> [StyledLine] in
            switch line.kind {
            case .title: [StyledLine(line.text, Theme.title)]
            case .heading: [StyledLine(line.text, Theme.header)]
            case .subheading, .chart:
                [StyledLine(line.text, .bold)] + line.chartLines.map { StyledLine("  " + $0, Theme.good) }
            case .resolved, .body: [StyledLine(line.text, hangingIndent: line.text.hasPrefix("  ") ? 4 : 0)]
            case .blank: [.empty]
            }
        }
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        if command == .reviewPublication {
            reviewing.toggle()
            offset = 0
            selected = 0
            return []
        }
        if reviewing { return performReview(command, c) }
        let body = c.contentArea.inset(horizontal: 1)
        let total = TextView(lines: lines(c)).wrapped(width: body.width).count
        let maxOffset = TextView.maxOffset(lines: total, visible: body.height)
        switch command {
        case .previousTab: year = shownYear(c) - 1; offset = 0
        case .nextTab: year = shownYear(c) + 1; offset = 0
        case .filterArea:
            picker = OpenPicker(
                picker: Picker(
                    title: "Report for",
                    items: [Picker.Item(id: "", label: "The whole council")]
                        + c.directory.areas.map { Picker.Item(id: $0.id, label: $0.name) }), filter: true)
        case .up: offset = max(0, offset - 1)
        case .down: offset = min(maxOffset, offset + 1)
        case .pageUp: offset = max(0, offset - body.height + 1)
        case .pageDown: offset = min(maxOffset, offset + body.height - 1)
        case .top: offset = 0
        case .bottom: offset = maxOffset
        default: break
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        if picker != nil {
            if let (item, _) = picker.pick(event) {
                area = item.id.isEmpty ? nil : item.id
                offset = 0
            }
            return []
        }
        if case .mouse(let m) = event, m.kind == .wheelDown || m.kind == .wheelUp {
            return perform(m.kind == .wheelDown ? .down : .up, c)
        }
        return []
    }

    /// Moves the selection (the view follows it) and marks the selected passage checked, saved on its meeting.
    mutating func performReview(_ command: Command, _ c: Context) -> [Effect] {
        let list = passages(c)
        switch command {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, list.count - 1), selected + 1)
        case .top: selected = 0
        case .bottom: selected = max(0, list.count - 1)
        case .pageUp: selected = max(0, selected - 5)
        case .pageDown: selected = min(max(0, list.count - 1), selected + 5)
        case .markChecked:
            guard list.indices.contains(selected), !list[selected].checked,
                var m = c.data.meeting(list[selected].meeting)
            else { return [] }
            m.checkedForPublication.append(list[selected].fingerprint)
            return [.edit(.saveMeeting(m, label: "checked for publishing: \(list[selected].field)"))]
        default: break
        }
        let (lines, starts) = reviewLines(c)
        let body = c.contentArea.inset(horizontal: 1)
        if starts.indices.contains(selected) {
            let wrapped = TextView(lines: Array(lines[..<starts[selected]])).wrapped(width: body.width).count
            if wrapped < offset || wrapped > offset + body.height - 4 { offset = max(0, wrapped - 2) }
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area rect: Rect) {
        if reviewing {
            TextView(lines: reviewLines(c).lines).render(in: rect.inset(horizontal: 1), into: &buffer, offset: offset)
            return
        }
        TextView(lines: lines(c)).render(in: rect.inset(horizontal: 1), into: &buffer, offset: offset)
        picker?.picker.render(in: rect, into: &buffer)
    }
}
