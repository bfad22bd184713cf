import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// One meeting, in tabs (each its own type, in `MeetingTabs/`). The screen keeps the heading, the tab bar,
/// the meeting's own commands, scrolling and each tab's selection, and hands the rest to the tab in view.
struct MeetingScreen: Screen {
    let meetingID: String
    var tabs: TabBar<Tab>
    var selections: [Tab: SelectionState] = [:]
    var offsets: [Tab: Int] = [:]

    init(meetingID: String, tab: Tab = .details) {
        self.meetingID = meetingID
        tabs = TabBar(tab)
    }

    var tab: Tab {
        get { tabs.selected }
        set { tabs.selected = newValue }
    }

    var title: String { "Meeting" }
    /// The meeting, and the earlier ones its minutes and matters arising are made from (the Minutes and Actions tabs).
    func meetingsInFull(_ c: Context) -> [String] {
        guard tab == .minutes || tab == .actions, let m = c.data.meeting(meetingID) else { return [meetingID] }
        return MeetingDocument.sources(for: m, in: c.data.meetings)
    }

    var keyMap: KeyMap<Command> {
        let meeting = KeyMap<Command>.Group(
            "Meeting",
            Keys.tabs + [
                Binding([.char("L")], "Live notes: minute this meeting as it happens", .liveNotes, hint: "live"),
                Binding([.char("E")], "Edit the meeting's details", .editMeeting, hint: "edit"),
                Binding([.char("P")], "Postpone to a new date", .postpone),
                Binding([.char("X")], "Cancel the meeting", .cancelMeeting),
                Binding([.char("D")], "Delete the meeting", .deleteMeeting),
                Binding(
                    [.char("i")], "Record an issue a resident raised from the floor: text #tag", .raiseIssue,
                    hint: "issue"),
                Binding([.char("H")], "History: who changed this meeting, and merge conflicts to resolve", .history),
            ])
        return KeyMap([meeting] + [tab.content.keys].compactMap { $0 } + [Keys.movement])
    }

    // MARK: layout

    struct Areas {
        var heading: Rect
        var tabs: Rect
        var body: Rect
        var main: Rect
        var detail: Rect
    }

    func layout(_ area: Rect, hasDetail: Bool) -> Areas {
        let parts = Layout.split(area, .vertical, [.length(2), .length(1), .length(1), .fill])
        let body = parts[3].inset(horizontal: 1)
        let split = Layout.split(body, .vertical, hasDetail ? [.fill, .length(5)] : [.fill, .length(0)])
        return Areas(
            heading: parts[0].inset(horizontal: 1), tabs: parts[1].inset(horizontal: 1), body: body,
            main: split[0], detail: split[1])
    }

    /// The layout of the tab in view: tables with a detail pane leave it five rows.
    func layout(_ area: Rect) -> Areas {
        layout(area, hasDetail: tab.content.hasDetail)
    }

    // MARK: update

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        switch command {
        case .history: return [.push(MeetingHistoryScreen(meetingID: meetingID))]
        case .nextTab: tabs.next()
        case .previousTab: tabs.previous()
        case .liveNotes: return [.push(LiveNotesScreen(meetingID: meetingID, context: c))]
        case .editMeeting:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.meeting(m, title: "Edit \(m.title)", c))]
        case .postpone:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.postpone(m, c))]
        case .cancelMeeting:
            guard let m = c.data.meeting(meetingID), m.status != .cancelled else { return [] }
            return [.push(FormScreen.cancel(m, c))]
        case .deleteMeeting:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [
                .ask(
                    title: "Delete the meeting?",
                    message: "\(m.title) on \(LondonTime.display(m.start)) and everything recorded "
                        + "for it will be deleted (u undoes it in this session). Cancelling keeps the record instead.",
                    choices: [
                        Choice("Keep it"),
                        Choice("Delete", [.pop, .edit(.deleteMeeting(m.id, label: "meeting \(m.id) deleted"))]),
                    ])
            ]
        case .raiseIssue:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.issue(m, nil, item: nil, c))]
        case .exportDocument:
            return [.exportDocument(meetingID: meetingID)]
        default:
            guard let m = c.data.meeting(meetingID) else { return [] }
            var selection = selections[tab] ?? SelectionState()
            if let effects = tab.content.perform(command, m, c, selection: &selection) {
                selections[tab] = selection
                return effects
            }
            scroll(command, m, c)
        }
        return []
    }

    /// Moving keys: scroll a text tab, move a table tab's selection.
    mutating func scroll(_ command: Command, _ m: Meeting, _ c: Context) {
        let areas = layout(c.contentArea)
        switch tab.content.body(m, c) {
        case .text(let lines):
            let total = TextView(lines: lines).wrapped(width: areas.body.width).count
            let maxOffset = TextView.maxOffset(lines: total, visible: areas.body.height)
            let page = max(1, areas.body.height - 1)
            var offset = offsets[tab] ?? 0
            switch command {
            case .up: offset -= 1
            case .down: offset += 1
            case .pageUp: offset -= page
            case .pageDown: offset += page
            case .top: offset = 0
            case .bottom: offset = maxOffset
            default: break
            }
            offsets[tab] = min(max(0, offset), maxOffset)
        case .table(let table):
            var browser = TableBrowser()
            browser.selection = selections[tab] ?? SelectionState()
            _ = browser.move(command, count: table.rowCount, visible: Table.visibleRows(in: areas.main))
            selections[tab] = browser.selection
        }
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        guard case .mouse(let mouse) = event, let m = c.data.meeting(meetingID) else { return [] }
        let areas = layout(c.contentArea)
        if tabs.click(mouse, in: areas.tabs) { return [] }
        switch tab.content.body(m, c) {
        case .text:
            if mouse.kind == .wheelUp { return perform(.up, c) + perform(.up, c) + perform(.up, c) }
            if mouse.kind == .wheelDown { return perform(.down, c) + perform(.down, c) + perform(.down, c) }
        case .table(let table):
            var browser = TableBrowser()
            browser.selection = selections[tab] ?? SelectionState()
            _ = browser.mouse(mouse, table: table, in: areas.main)
            selections[tab] = browser.selection
        }
        return []
    }

    // MARK: view

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        guard let m = c.data.meeting(meetingID) else {
            let heading = layout(area).heading
            buffer.put(
                "This meeting is no longer in the data (\(meetingID)).", x: heading.x, y: heading.y, style: Theme.error)
            return
        }
        let areas = layout(area)
        let status = m.status.label + ((c.warnings[m.id]?.isEmpty ?? true) ? "" : " · ⚠ \(c.warnings[m.id]!.count)")
        let statusWidth = DisplayWidth.of(status)
        buffer.put(
            m.title, x: areas.heading.x, y: areas.heading.y, maxWidth: areas.heading.width - statusWidth - 2,
            style: Theme.title)
        buffer.put(
            status, x: areas.heading.maxX - statusWidth, y: areas.heading.y,
            style: (c.warnings[m.id]?.isEmpty ?? true) ? .bold : Theme.warning)
        let when =
            "\(Format.day(m.start).trimmingCharacters(in: .whitespaces)) \(LondonTime.hhmm(m.start))–\(LondonTime.hhmm(m.end))"
        buffer.put(
            "\(when) · \(m.venue.name) · \(c.areaName(m.area))", x: areas.heading.x, y: areas.heading.y + 1,
            maxWidth: areas.heading.width, style: Theme.muted)
        tabs.render(in: areas.tabs, into: &buffer)
        switch tab.content.body(m, c) {
        case .text(let lines):
            TextView(lines: lines).render(in: areas.body, into: &buffer, offset: offsets[tab] ?? 0)
        case .table(let table):
            var selection = selections[tab] ?? SelectionState()
            selection.clamp(count: table.rowCount, visible: Table.visibleRows(in: areas.main))
            table.render(in: areas.main, into: &buffer, state: selection)
            guard areas.detail.height > 1 else { return }
            let lines = tab.content.detail(m, c, selected: selection.selected)
            buffer.put(
                String(repeating: "─", count: areas.detail.width), x: areas.detail.x, y: areas.detail.y,
                style: Theme.muted)
            TextView(lines: lines).render(
                in: Rect(
                    x: areas.detail.x, y: areas.detail.y + 1, width: areas.detail.width,
                    height: areas.detail.height - 1), into: &buffer, offset: 0)
        }
    }
}
