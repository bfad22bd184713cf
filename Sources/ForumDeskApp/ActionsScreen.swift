import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The action log across all meetings: filter by area, owner, organisation, status, overdue.
struct ActionsScreen: MainScreen {
    var title: String { "Actions" }
    var browser = TableBrowser(sortColumn: 1)
    var area: String?
    var owner: String?
    var organisation: String?
    var status: ActionStatus?
    var overdueOnly = false
    var picker: OpenPicker<Filter>?
    let memo = Memo<[ActionPosition]>()
    let tableMemo = Memo<Table>()
    let totalMemo = Memo<Int>()

    /// Everything `actions(c)` reads besides the data.
    func stateKey(_ c: Context) -> String {
        "\(c.memoKey)|\(area ?? "")|\(owner ?? "")|\(organisation ?? "")|\(status?.rawValue ?? "")|\(overdueOnly)|\(browser.searchText)|\(browser.sort.column)|\(browser.sort.ascending)"
    }

    enum Filter: Sendable { case area, owner, organisation, status }

    var textKeys: KeyHelp? { picker.pickerKeys() ?? (browser.searching ? TableBrowser.searchHelp : nil) }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Actions",
                [
                    Binding(
                        [.enter], "Edit the action: status, update, owner, due date, feedback to residents", .edit,
                        hint: "edit"),
                    Binding([.char("m")], "Open the meeting that raised the action", .openMeeting, hint: "meeting"),
                    Keys.search,
                    Binding([.char("a")], "Filter by area", .filterArea, hint: "area"),
                    Binding([.char("p")], "Filter by owner (person)", .filterOwner, hint: "owner"),
                    Binding([.char("g")], "Filter by organisation", .filterOrganisation),
                    Binding([.char("s")], "Filter by status", .filterStatus),
                    Binding([.char("o")], "Show only overdue actions (again: all)", .toggleOverdue, hint: "overdue"),
                    Keys.clearFilters, Keys.sortNext, Keys.sortReverse,
                ]),
            Keys.movement,
        ])
    }

    /// The description matters most; the area column only appears when there is room (the detail pane names it).
    /// Chased: when the owner was last sent a reminder (`forumdesk remind`), "never" for an open action not yet chased;
    /// the day and month at 80 columns, with the year when there is room.
    static func columns(width: Int) -> [Column] {
        let wide = width >= 110
        return [
            Column("ID", .length(10)), Column("Due", .length(11)), Column("Status", .length(15)),
            Column("Action", .min(wide ? 24 : 18)),
            Column("Owner", wide ? .length(22) : .min(12)), Column("Chased", .length(wide ? 11 : 6)),
        ]
            + (wide ? [Column("Area", .length(32))] : [])
    }

    /// The Chased cell: the last reminder's day ("23 Nov", or "23 Nov 2026" when `wide`), "never" for an open action
    /// never chased, empty for a closed one.
    static func chased(_ a: Action, wide: Bool) -> String {
        guard let at = a.lastChased else { return a.status.isOpen ? "never" : "" }
        let d = LondonTime.date(at)
        return wide ? Format.day(d) : "\(d.day < 10 ? " " : "")\(d.day) \(LondonTime.monthAbbreviation(d.month))"
    }

    /// Positions in the data (the memo key holds the data generation, so they stay valid): a list of copies
    /// would copy every action of a long history on each change.
    func actions(_ c: Context) -> [ActionPosition] { memo.get(stateKey(c)) { filteredActions(c) } }

    /// The action at a position, with what it shows of its meeting.
    func raised(_ position: ActionPosition, _ c: Context) -> RaisedAction {
        RaisedAction(meeting: c.data.meetings[position.meeting], action: c.data.meetings[position])
    }

    func filteredActions(_ c: Context) -> [ActionPosition] {
        let meetings = c.data.meetings
        // Without a search, no action's text is put together.
        let searching = !browser.searchText.isEmpty
        let list = ActionRules.positions(in: meetings, where: { _ in true }).filter { p in
            let a = meetings[p], meetingArea = meetings[p.meeting].area
            return (area == nil || meetingArea == area) && (owner == nil || a.owner == owner)
                && (organisation == nil || a.organisation == organisation) && (status == nil || a.status == status)
                && (!overdueOnly || ActionRules.isOverdue(a, today: c.today))
                && (!searching
                    || browser.matches(
                        [
                            a.id, a.description, c.directory.ownerName(person: a.owner, organisation: a.organisation),
                            c.organisationName(a.organisation), c.areaName(meetingArea),
                            a.due.map(Format.searchable) ?? "", a.status.label,
                            a.tags.joined(separator: " "),
                        ].joined(separator: " ")))
        }
        let keys: [(ActionPosition) -> String] = [
            { meetings[$0].id }, { meetings[$0].due?.description ?? "9999" }, { meetings[$0].status.rawValue },
            { meetings[$0].description },
            { c.directory.ownerName(person: meetings[$0].owner, organisation: meetings[$0].organisation) },
            { meetings[$0].lastChased.map(LondonTime.iso) ?? "" }, { c.areaName(meetings[$0.meeting].area) },
        ]
        // Open actions first, whichever column sorts them: the log is worked from what is still to do.
        let sorted = browser.sorted(list, keys: keys)
        return sorted.filter { meetings[$0].status.isOpen } + sorted.filter { !meetings[$0].status.isOpen }
    }

    func table(_ c: Context) -> Table { tableMemo.get(stateKey(c)) { makeTable(c) } }

    func makeTable(_ c: Context) -> Table {
        let list = actions(c), meetings = c.data.meetings
        return Table(
            columns: Self.columns(width: c.width), count: list.count,
            row: { row in
                let a = meetings[list[row]]
                return [
                    a.id, a.due.map(Format.day) ?? "", a.status.label, a.description,
                    c.directory.ownerName(person: a.owner, organisation: a.organisation),
                    Self.chased(a, wide: c.width >= 110), c.areaName(meetings[list[row].meeting].area),
                ]
            },
            rowStyle: { row in
                let a = meetings[list[row]]
                return ActionRules.isOverdue(a, today: c.today)
                    ? Theme.warning : (a.status.isOpen ? .plain : Theme.muted)
            },
            sort: browser.sort, emptyMessage: "No action matches the filters. Press c to clear them.")
    }

    func layout(_ area: Rect) -> (status: Rect, table: Rect, detail: Rect) {
        let parts = Layout.split(area, .vertical, [.length(1), .fill, .length(5)])
        return (parts[0].inset(horizontal: 1), parts[1].inset(horizontal: 1), parts[2].inset(horizontal: 1))
    }

    func filterSummary(_ c: Context) -> [String] {
        var parts: [String] = []
        if let area { parts.append("area: \(c.areaName(area))") }
        if let owner { parts.append("owner: \(c.directory.displayName(ofPerson: owner))") }
        if let organisation { parts.append("organisation: \(c.organisationName(organisation))") }
        if let status { parts.append("status: \(status.label)") }
        if overdueOnly { parts.append("overdue only") }
        return parts
    }

    func pickerFor(_ filter: Filter, _ c: Context) -> Picker {
        let any = Picker.Item(id: "", label: "Any")
        let all = c.data.meetings.flatMap(\.actions)
        switch filter {
        case .area:
            return Picker(
                title: "Area", items: [any] + c.directory.areas.map { Picker.Item(id: $0.id, label: $0.name) })
        case .owner:
            let ids = Set(all.compactMap(\.owner))
            let people = c.directory.people.filter { ids.contains($0.id) }.sorted { $0.name < $1.name }
            return Picker(
                title: "Owner",
                items: [any]
                    + people.map {
                        Picker.Item(id: $0.id, label: $0.name, detail: c.organisationName($0.organisation))
                    })
        case .organisation:
            let ids = Set(all.compactMap(\.organisation))
            let orgs = c.directory.organisations.filter { ids.contains($0.id) }
            return Picker(title: "Organisation", items: [any] + orgs.map { Picker.Item(id: $0.id, label: $0.name) })
        case .status:
            return Picker(
                title: "Status",
                items: [any] + ActionStatus.allCases.map { Picker.Item(id: $0.rawValue, label: $0.label) })
        }
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        switch command {
        case .openMeeting:
            let list = actions(c)
            guard list.indices.contains(browser.selection.selected) else { return [] }
            return [
                .push(
                    MeetingScreen(
                        meetingID: c.data.meetings[list[browser.selection.selected].meeting].id, tab: .actions))
            ]
        case .edit, .open:
            let list = actions(c)
            guard list.indices.contains(browser.selection.selected) else { return [] }
            let position = list[browser.selection.selected]
            return [.push(FormScreen.action(c.data.meetings[position.meeting], c.data.meetings[position], c))]
        case .filterArea: picker = OpenPicker(picker: pickerFor(.area, c), filter: .area)
        case .filterOwner: picker = OpenPicker(picker: pickerFor(.owner, c), filter: .owner)
        case .filterOrganisation: picker = OpenPicker(picker: pickerFor(.organisation, c), filter: .organisation)
        case .filterStatus: picker = OpenPicker(picker: pickerFor(.status, c), filter: .status)
        case .toggleOverdue:
            overdueOnly.toggle()
            browser.selection = SelectionState()
        case .clearFilters: self = ActionsScreen()
        default:
            _ = browser.move(
                command, count: actions(c).count, visible: Table.visibleRows(in: layout(c.contentArea).table),
                columns: Self.columns(width: c.width).count)
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        let areas = layout(c.contentArea)
        if picker != nil {
            if let (item, filter) = picker.pick(event) {
                let id = item.id.isEmpty ? nil : item.id
                switch filter {
                case .area: area = id
                case .owner: owner = id
                case .organisation: organisation = id
                case .status: status = id.flatMap(ActionStatus.init(rawValue:))
                }
                browser.selection = SelectionState()
            }
            return []
        }
        if browser.handleTyping(event, count: actions(c).count, visible: Table.visibleRows(in: areas.table)) {
            return []
        }
        switch event {
        case .mouse(let mouse):
            if browser.mouse(mouse, table: table(c), in: areas.table) == .activated { return perform(.edit, c) }
        default: break
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let areas = layout(area)
        let t = table(c)
        let total = totalMemo.get(c.memoKey) { c.data.meetings.reduce(0) { $0 + $1.actions.count } }
        browser.renderStatus(
            filters: filterSummary(c), count: t.rowCount, total: total, in: areas.status, into: &buffer)
        var selection = browser.selection
        selection.clamp(count: t.rowCount, visible: Table.visibleRows(in: areas.table))
        t.render(in: areas.table, into: &buffer, state: selection)
        let list = actions(c)
        buffer.put(
            String(repeating: "─", count: areas.detail.width), x: areas.detail.x, y: areas.detail.y, style: Theme.muted)
        if list.indices.contains(selection.selected) {
            let r = raised(list[selection.selected], c)
            var lines = [
                StyledLine([Span(r.action.id + " ", .bold), Span(r.action.description)]),
                StyledLine(
                    "Raised at \(r.meeting.title), \(Format.day(r.meeting.start).trimmingCharacters(in: .whitespaces))"
                        + (r.action.organisation.map { " · " + c.organisationName($0) } ?? "")
                        + (r.action.reminders.last.map {
                            " · chased \(Format.day($0.at).trimmingCharacters(in: .whitespaces))"
                                + " (\(c.directory.displayName(ofPerson: $0.to)))"
                        } ?? ""), Theme.muted),
            ]
            // Updates that came by e-mail from the owner's side (`import reply`) say so, and who sent them: the last three.
            let emailed = r.action.updates.suffix(3).filter(\.cameByEmail)
            if let update = r.action.updates.last, !update.cameByEmail {
                lines.append(
                    StyledLine("Latest (\(Format.day(update.at).trimmingCharacters(in: .whitespaces))): \(update.text)")
                )
            }
            for update in emailed.reversed() {
                let who = update.by.map { c.directory.displayName(ofPerson: $0) } ?? "the owner's side"
                lines.append(
                    StyledLine([
                        Span(
                            "By e-mail from \(who) (\(Format.day(update.at).trimmingCharacters(in: .whitespaces))): ",
                            .bold),
                        Span(update.text),
                    ]))
            }
            if let feedback = r.action.feedback {
                lines.append(StyledLine([Span("You said, we did: ", .bold), Span(feedback)]))
            }
            TextView(lines: lines).render(
                in: Rect(
                    x: areas.detail.x, y: areas.detail.y + 1, width: areas.detail.width,
                    height: areas.detail.height - 1), into: &buffer, offset: 0)
        }
        picker?.picker.render(in: area, into: &buffer)
    }
}
