import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// The annual report on screen: the same text as `forumdesk report`, with block-character charts.
struct ReportsScreen: MainScreen {
    var title: String { "Reports" }
    /// The report counts attendance, issues and equality data: the shown year's meetings are read in full.
    func meetingsInFull(_ c: Context) -> [String] {
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
        KeyMap([
            .init("Reports", [
                Binding([.char("["), .left], "Previous year", .previousTab, hint: "year"),
                Binding([.char("]"), .right], "Next year", .nextTab),
                Binding([.char("a")], "One area, or the whole council", .filterArea, hint: "area"),
            ]),
            Keys.movement,
        ])
    }

    func shownYear(_ c: Context) -> Int { year ?? c.today.year }

    func lines(_ c: Context) -> [StyledLine] {
        AnnualReport.lines(year: shownYear(c), area: area, directory: c.directory, meetings: c.data.meetings, today: c.today,
                           council: c.data.settings.council).flatMap { line -> [StyledLine] in
            switch line.kind {
            case .title: [StyledLine(line.text, Theme.title)]
            case .heading: [StyledLine(line.text, Theme.header)]
            case .subheading, .chart: [StyledLine(line.text, .bold)] + line.chartLines.map { StyledLine("  " + $0, Theme.good) }
            case .resolved, .body: [StyledLine(line.text, hangingIndent: line.text.hasPrefix("  ") ? 4 : 0)]
            case .blank: [.empty]
            }
        }
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        let body = c.contentArea.inset(horizontal: 1)
        let total = TextView(lines: lines(c)).wrapped(width: body.width).count
        let maxOffset = TextView.maxOffset(lines: total, visible: body.height)
        switch command {
        case .previousTab: year = shownYear(c) - 1; offset = 0
        case .nextTab: year = shownYear(c) + 1; offset = 0
        case .filterArea:
            picker = OpenPicker(picker: Picker(title: "Report for", items: [Picker.Item(id: "", label: "The whole council")]
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
        if case .mouse(let m) = event, m.kind == .wheelDown || m.kind == .wheelUp { return perform(m.kind == .wheelDown ? .down : .up, c) }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area rect: Rect) {
        TextView(lines: lines(c)).render(in: rect.inset(horizontal: 1), into: &buffer, offset: offset)
        picker?.picker.render(in: rect, into: &buffer)
    }
}
