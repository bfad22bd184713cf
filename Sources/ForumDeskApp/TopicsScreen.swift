import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Partners' topic requests: the roll-out matrix (topics × the seven areas) and the queue, with keys to put a
/// topic on the next suitable agenda of one area or of every area it wants.
struct TopicsScreen: MainScreen {
    enum Tab: Int, TabItem {
        case rollOut, queue
        var title: String { self == .rollOut ? "Roll-out" : "Queue" }
    }

    /// The status filter: open requests (the default), everything, or one status.
    enum StatusFilter: Sendable, Equatable {
        case open, all
        case only(TopicStatus)
        func admits(_ status: TopicStatus) -> Bool {
            switch self {
            case .open: !status.isClosed
            case .all: true
            case .only(let wanted): status == wanted
            }
        }
        var label: String {
            switch self {
            case .open: "open requests (f: all)"
            case .all: "all statuses"
            case .only(let s): "status: \(s.label)"
            }
        }
    }

    enum Filter: Sendable { case status, area, organisation, scheduleArea }

    var title: String { "Topics" }
    var tabs = TabBar(Tab.rollOut)
    var tab: Tab {
        get { tabs.selected }
        set { tabs.selected = newValue }
    }
    var browser = TableBrowser(sortColumn: 0)
    /// The area column of the matrix cursor.
    var column = 0
    var status = StatusFilter.open
    var areaFilter: String?
    var organisation: String?
    var picker: OpenPicker<Filter>?
    /// The topic the schedule picker is for.
    var pickingFor: String?

    init() {}
    init(tab: Tab) { self.tab = tab }

    /// Opened on one topic (from a dashboard alert), with the cursor on the first area still waiting.
    init(selecting topicID: String, _ c: Context) {
        if let index = rows(c).firstIndex(where: { $0.topic.id == topicID }) {
            browser.selection = SelectionState(selected: index)
            column = rows(c)[index].cells.firstIndex(of: .toSchedule) ?? 0
        }
    }

    var textKeys: KeyHelp? { picker.pickerKeys() ?? (browser.searching ? TableBrowser.searchHelp : nil) }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Topics",
                Keys.tabs + [
                    Binding(
                        [.char("s")], "Schedule the selected topic onto the next suitable meeting of the selected area",
                        .schedule, hint: "schedule"),
                    Binding(
                        [.char("S")],
                        "Schedule it onto every wanted area still waiting (within its window, where there is room)",
                        .scheduleAll, hint: "all areas"),
                    Binding(
                        [.enter], "Roll-out: open the meeting of the selected cell · Queue: edit the request", .open,
                        hint: "open"),
                    Binding(
                        [.char("e")], "Edit the request (status, withdraw or decline with a reason)", .edit,
                        hint: "edit"),
                    Binding([.char("n")], "New topic request", .add, hint: "new"),
                    Binding([.char("D")], "Delete the request (only when no agenda carries it)", .deleteItem),
                    Binding(
                        [.char("C")], "Consultations: open now, coming and closed, with their results",
                        .showConsultations),
                    Binding([.left, .char("h")], "Roll-out: previous area", .left),
                    Binding([.right, .char("l")], "Roll-out: next area", .right),
                ]),
            .init(
                "Filter",
                [
                    Keys.search,
                    Binding(
                        [.char("f")], "Filter by status (open requests are shown at first)", .filterStatus,
                        hint: "status"),
                    Binding([.char("a")], "Filter by area wanted", .filterArea, hint: "area"),
                    Binding([.char("o")], "Filter by requesting organisation", .filterOrganisation),
                    Keys.clearFilters, Keys.sortNext, Keys.sortReverse,
                ]),
            Keys.movement,
        ])
    }

    // MARK: rows

    struct Row {
        var topic: TopicRequest
        var status: TopicStatus
        var cells: [TopicCell]
    }

    func rows(_ c: Context) -> [Row] {
        let all = c.data.topics.map { topic -> Row in
            let slots = c.slots(topic.id)
            return Row(
                topic: topic, status: TopicRules.status(topic, slots: slots, directory: c.directory, now: c.now),
                cells: c.directory.areas.map { TopicRules.cell(topic, area: $0.id, slots: slots, now: c.now) })
        }
        let filtered = all.filter { row in
            status.admits(row.status) && (areaFilter.map { row.topic.wants(area: $0) } ?? true)
                && (organisation == nil || row.topic.organisation == organisation)
                && browser.matches(
                    [
                        row.topic.title, row.topic.description ?? "", c.organisationName(row.topic.organisation),
                        row.topic.tags.joined(separator: " "), row.topic.id,
                        row.topic.notAfter.map(Format.searchable) ?? "",
                    ].joined(separator: " "))
        }
        var keys: [(Row) -> String] = [
            { $0.topic.title.lowercased() }, { c.organisationName($0.topic.organisation).lowercased() },
        ]
        if c.contentArea.width - 2 >= 100 { keys.append { $0.topic.engagementLevel?.rawValue ?? "" } }
        keys += [
            { String(format: "%04d", $0.topic.minutes) },
            { $0.topic.notAfter?.description ?? "9999" }, { String(format: "%02d", Self.progress($0).done) },
            { $0.status.rawValue },
        ]
        return browser.sorted(filtered, keys: keys)
    }

    /// The areas that want the topic and have no slot yet, while its window is open.
    static func waiting(_ row: Row, _ c: Context) -> [Area] {
        zip(c.directory.areas, row.cells).filter { $0.1 == .toSchedule }.map(\.0)
    }

    static func progress(_ row: Row) -> (done: Int, wanted: Int) {
        let wanted = row.cells.filter { $0 != .notWanted }
        let done = wanted.filter {
            if case .presented = $0 { true } else if case .scheduled = $0 { true } else { false }
        }
        return (done.count, wanted.count)
    }

    // MARK: tables

    /// "✓ 6 Oct", "→26 Nov", "to do", "missed", "·", "–": seven columns wide at most.
    static func cellText(_ cell: TopicCell) -> String {
        switch cell {
        case .notWanted: "·"
        case .toSchedule: "to do"
        case .scheduled(_, let start): "→" + shortDay(start)
        case .presented(_, let start): "✓" + shortDay(start)
        case .missed: "missed"
        case .closed: "–"
        }
    }

    static func shortDay(_ instant: Date) -> String {
        let d = LondonTime.date(instant)
        return "\(d.day < 10 ? " " : "")\(d.day) \(LondonTime.monthAbbreviation(d.month))"
    }

    static func cellStyle(_ cell: TopicCell) -> Style {
        switch cell {
        case .notWanted, .closed: Theme.muted
        case .toSchedule: Theme.warning
        case .scheduled: .bold
        case .presented: Theme.good
        case .missed: Theme.error
        }
    }

    func matrix(_ list: [Row], _ c: Context, width: Int) -> Table {
        let names = AreaInput.abbreviations(c.directory.areas)
        let showStatus = width >= 110
        var columns = [Column("Topic", .min(16))]
        if showStatus { columns += [Column("From", .min(16)), Column("Status", .length(9))] }
        columns += c.directory.areas.map { Column(names[$0.id] ?? $0.id, .length(7)) }
        let rows = list.map { row -> [String] in
            [row.topic.title] + (showStatus ? [c.organisationName(row.topic.organisation), row.status.label] : [])
                + row.cells.map(Self.cellText)
        }
        var table = Table(
            columns: columns, rows: rows, rowStyles: list.map { $0.status.isClosed ? Theme.muted : .plain },
            emptyMessage: emptyMessage(c))
        let lead = showStatus ? 3 : 1
        table.cellStyles = list.map { row in
            Array(repeating: nil, count: lead) + row.cells.map { Optional(Self.cellStyle($0)) }
        }
        table.focusColumn = lead + column
        return table
    }

    func queue(_ list: [Row], _ c: Context, width: Int) -> Table {
        // The engagement level only when there is room for it.
        let wide = width >= 100
        var columns = [Column("Topic", .min(18)), Column("From", .min(10))]
        if wide { columns.append(Column("Level", .length(11))) }
        columns += [
            Column("Mins", .length(4), alignRight: true), Column("Window", .length(15)), Column("Areas", .length(5)),
            Column("Status", .length(9)),
        ]
        return Table(
            columns: columns,
            rows: list.map { row in
                let progress = Self.progress(row)
                return [row.topic.title, c.organisationName(row.topic.organisation)]
                    + (wide ? [row.topic.engagementLevel?.label ?? ""] : [])
                    + [
                        String(row.topic.minutes), Self.window(row.topic), "\(progress.done)/\(progress.wanted)",
                        row.status.label,
                    ]
            },
            rowStyles: list.map { row in
                row.status.isClosed ? Theme.muted : (row.cells.contains(.missed) ? Theme.error : .plain)
            },
            sort: browser.sort, emptyMessage: emptyMessage(c))
    }

    func emptyMessage(_ c: Context) -> String {
        c.data.topics.isEmpty
            ? "No topic requests yet: press n to add one." : "No request matches the filters. Press c to clear them."
    }

    /// "1 Oct – 31 Jan": the window, short.
    static func window(_ topic: TopicRequest) -> String {
        func day(_ d: CalendarDate) -> String { "\(d.day) \(LondonTime.monthAbbreviation(d.month))" }
        switch (topic.notBefore, topic.notAfter) {
        case (nil, nil): return "any time"
        case (let from?, nil): return "from " + day(from)
        case (nil, let to?): return "by " + day(to)
        case (let from?, let to?): return day(from) + " – " + day(to)
        }
    }

    // MARK: layout

    struct Areas {
        var tabs: Rect
        var status: Rect
        var table: Rect
        var detail: Rect
    }

    /// The table takes the rows it needs (leaving the detail at least 7 lines); the detail gets the rest.
    func layout(_ area: Rect, rows: Int) -> Areas {
        let tableHeight = max(4, min(rows + 1, area.height - 2 - 7))
        let parts = Layout.split(area, .vertical, [.length(1), .length(1), .length(tableHeight), .fill])
        return Areas(
            tabs: parts[0].inset(horizontal: 1), status: parts[1].inset(horizontal: 1),
            table: parts[2].inset(horizontal: 1),
            detail: parts[3].inset(horizontal: 1))
    }

    func table(_ list: [Row], _ c: Context) -> Table {
        let width = c.contentArea.inset(horizontal: 1).width
        return tab == .rollOut ? matrix(list, c, width: width) : queue(list, c, width: width)
    }

    // MARK: update

    func selectedRow(_ c: Context) -> Row? {
        let list = rows(c)
        return list.indices.contains(browser.selection.selected) ? list[browser.selection.selected] : nil
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        let visible = Table.visibleRows(in: layout(c.contentArea, rows: rows(c).count).table)
        let areaCount = c.directory.areas.count
        switch command {
        case .nextTab: tabs.next()
        case .previousTab: tabs.previous()
        case .left: column = max(0, column - 1)
        case .right: column = min(max(0, areaCount - 1), column + 1)
        case .filterStatus: picker = OpenPicker(picker: pickerFor(.status, c), filter: .status)
        case .filterArea: picker = OpenPicker(picker: pickerFor(.area, c), filter: .area)
        case .filterOrganisation: picker = OpenPicker(picker: pickerFor(.organisation, c), filter: .organisation)
        case .clearFilters:
            status = .open
            areaFilter = nil
            organisation = nil
            browser = TableBrowser(sortColumn: 0)
        case .add:
            return [.push(FormScreen.topic(nil, c))]
        case .showConsultations:
            return [.push(ConsultationsScreen())]
        case .edit:
            guard let row = selectedRow(c) else { return [] }
            return [.push(FormScreen.topic(row.topic, c))]
        case .open:
            guard let row = selectedRow(c) else { return [] }
            if tab == .rollOut, row.cells.indices.contains(column) {
                switch row.cells[column] {
                case .scheduled(let id, _), .presented(let id, _):
                    guard c.data.meeting(id) != nil else {
                        return [.message(.info("That meeting is not in your wards"))]
                    }
                    return [.push(MeetingScreen(meetingID: id, tab: .agenda))]
                default: break
                }
            }
            // The councillor view shows the request and takes no typing.
            if c.browseOnly { return [.push(TopicDetailScreen(topicID: row.topic.id))] }
            return [.push(FormScreen.topic(row.topic, c))]
        case .deleteItem:
            guard let row = selectedRow(c) else { return [] }
            let carried = c.slots(row.topic.id)
            guard carried.isEmpty else {
                return [
                    .message(
                        .error(
                            "\(Format.count(carried.count, "agenda")) carry it: remove the items first, or withdraw the request (e)"
                        ))
                ]
            }
            return [
                .ask(
                    title: "Delete the request?",
                    message: "“\(row.topic.title)” will be deleted (u undoes it). "
                        + "Withdrawing or declining it keeps the record instead.",
                    choices: [
                        Choice("Keep it"),
                        Choice("Delete", [.edit(.deleteTopic(row.topic.id, label: "request \(row.topic.id) deleted"))]),
                    ])
            ]
        case .schedule:
            guard let row = selectedRow(c) else { return [] }
            if tab == .rollOut {
                guard c.directory.areas.indices.contains(column) else { return [] }
                return Self.schedule(row.topic, areas: [c.directory.areas[column]], c)
            }
            let waiting = Self.waiting(row, c)
            guard !waiting.isEmpty else {
                return [
                    .message(.info("Every area that wants “\(row.topic.title)” has a slot or its window has passed"))
                ]
            }
            pickingFor = row.topic.id
            picker = OpenPicker(
                picker: Picker(
                    title: "Schedule “\(row.topic.title)” in",
                    items: waiting.map {
                        Picker.Item(id: $0.id, label: $0.name)
                    }), filter: .scheduleArea)
        case .scheduleAll:
            guard let row = selectedRow(c) else { return [] }
            let waiting = Self.waiting(row, c)
            guard !waiting.isEmpty else {
                return [
                    .message(.info("Every area that wants “\(row.topic.title)” has a slot or its window has passed"))
                ]
            }
            return Self.schedule(row.topic, areas: waiting, c)
        default:
            _ = browser.move(
                command, count: rows(c).count, visible: visible,
                columns: tab == .queue ? table(rows(c), c).columns.count : 1)
        }
        return []
    }

    /// One edit for all the areas: each gets the topic on its next suitable agenda; those that cannot are named.
    static func schedule(_ topic: TopicRequest, areas: [Area], _ c: Context) -> [Effect] {
        var edits: [Edit] = []
        var skipped: [String] = []
        var placed: [String] = []
        let slots = c.slots(topic.id)
        let short = AreaInput.abbreviations(c.directory.areas)
        for area in areas {
            switch TopicRules.nextSuitableMeeting(
                for: topic, area: area, meetings: c.councilMeetings, slots: slots, now: c.now)
            {
            case .success(let meeting):
                let updated = TopicRules.schedule(topic, onto: meeting, directory: c.directory)
                edits.append(.saveMeeting(updated, label: "“\(topic.title)” on \(meeting.id)"))
                placed.append(
                    "\(short[area.id] ?? area.name) \(shortDay(meeting.start).trimmingCharacters(in: .whitespaces))")
            case .failure(let problem):
                skipped.append(problem.description)
            }
        }
        guard !edits.isEmpty else { return [.message(.error("Not scheduled: " + skipped.joined(separator: "; ")))] }
        // The file's status follows the agendas.
        if topic.status == .requested {
            var scheduled = topic
            scheduled.status = .scheduled
            edits.append(.saveTopic(scheduled, label: "\(topic.id) scheduled"))
        }
        var label = "“\(topic.title)” scheduled: " + placed.joined(separator: ", ")
        if !skipped.isEmpty { label += " (not: " + skipped.joined(separator: "; ") + ")" }
        return [.edit(edits.count == 1 ? edits[0] : .batch(edits, label: label))]
    }

    func pickerFor(_ filter: Filter, _ c: Context) -> Picker {
        let any = Picker.Item(id: "", label: "Any")
        switch filter {
        case .status:
            return Picker(
                title: "Status",
                items: [
                    Picker.Item(id: "", label: "Open (not withdrawn or declined)"),
                    Picker.Item(id: "all", label: "All"),
                ]
                    + TopicStatus.allCases.map { Picker.Item(id: $0.rawValue, label: $0.label) })
        case .area:
            return Picker(
                title: "Area wanted", items: [any] + c.directory.areas.map { Picker.Item(id: $0.id, label: $0.name) })
        case .organisation:
            let ids = Set(c.data.topics.compactMap(\.organisation))
            return Picker(
                title: "Requested by",
                items: [any]
                    + c.directory.organisations.filter { ids.contains($0.id) }.map {
                        Picker.Item(id: $0.id, label: $0.name)
                    })
        case .scheduleArea:
            return Picker(title: "Area", items: [])
        }
    }

    mutating func choose(_ item: Picker.Item, for filter: Filter, _ c: Context) -> [Effect] {
        let id = item.id.isEmpty ? nil : item.id
        switch filter {
        case .status:
            status = item.id == "all" ? .all : (TopicStatus(rawValue: item.id).map { .only($0) } ?? .open)
        case .area: areaFilter = id
        case .organisation: organisation = id
        case .scheduleArea:
            guard let topicID = pickingFor, let topic = c.data.topic(topicID), let area = c.directory.area(item.id)
            else { return [] }
            pickingFor = nil
            return Self.schedule(topic, areas: [area], c)
        }
        browser.selection = SelectionState()
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        let areas = layout(c.contentArea, rows: rows(c).count)
        if picker != nil {
            if let (item, filter) = picker.pick(event) { return choose(item, for: filter, c) }
            if picker == nil { pickingFor = nil }
            return []
        }
        let list = rows(c)
        if browser.handleTyping(event, count: list.count, visible: Table.visibleRows(in: areas.table)) { return [] }
        if case .mouse(let mouse) = event {
            if tabs.click(mouse, in: areas.tabs) { return [] }
            let t = table(list, c)
            // A click on a matrix cell moves the cursor to its area too.
            if tab == .rollOut, mouse.kind == .press || mouse.kind == .doubleClick, mouse.y > areas.table.y,
                let index = t.column(atX: mouse.x, in: areas.table)
            {
                let lead = t.columns.count - c.directory.areas.count
                if index >= lead { column = index - lead }
            }
            if browser.mouse(mouse, table: t, in: areas.table) == .activated { return perform(.open, c) }
        }
        return []
    }

    // MARK: view

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let list = rows(c)
        let areas = layout(area, rows: list.count)
        tabs.render(in: areas.tabs, into: &buffer)
        let alerts = c.topicAlerts.count
        if alerts > 0 {
            let text = "⚠ \(Format.count(alerts, "window")) closing within 14 days"
            buffer.put(text, x: areas.tabs.maxX - DisplayWidth.of(text), y: areas.tabs.y, style: Theme.warning)
        }
        var filters: [String] = []
        filters.append(status.label)
        if let areaFilter { filters.append("area: \(c.areaName(areaFilter))") }
        if let organisation { filters.append("from: \(c.organisationName(organisation))") }
        browser.renderStatus(
            filters: filters, count: list.count, total: c.data.topics.count, in: areas.status, into: &buffer)
        let t = table(list, c)
        var selection = browser.selection
        selection.clamp(count: list.count, visible: Table.visibleRows(in: areas.table))
        t.render(in: areas.table, into: &buffer, state: selection)
        buffer.put(
            String(repeating: "─", count: areas.detail.width), x: areas.detail.x, y: areas.detail.y, style: Theme.muted)
        if list.indices.contains(selection.selected) {
            TextView(lines: detail(list[selection.selected], c)).render(
                in: Rect(
                    x: areas.detail.x, y: areas.detail.y + 1, width: areas.detail.width, height: areas.detail.height - 1
                ),
                into: &buffer, offset: 0)
        }
        picker?.picker.render(in: area, into: &buffer)
    }

    func detail(_ row: Row, _ c: Context) -> [StyledLine] {
        let topic = row.topic
        var facts = [
            c.organisationName(topic.organisation), topic.engagementLevel?.label, "\(topic.minutes) min",
            Self.window(topic), row.status.label,
        ].compactMap { $0 }.filter { !$0.isEmpty }
        if topic.areas.isEmpty { facts.insert("every area", at: facts.count - 1) }
        var lines = [
            StyledLine(
                [Span(topic.title, .bold), Span("  " + facts.joined(separator: " · "), Theme.muted)], hangingIndent: 2)
        ]
        if topic.status.isClosed, let reason = topic.reason {
            lines.append(StyledLine("\(topic.status.label.capitalized): \(reason)", Theme.muted, hangingIndent: 2))
        }
        if tab == .rollOut, c.directory.areas.indices.contains(column) {
            let area = c.directory.areas[column]
            lines.append(
                StyledLine(
                    [
                        Span(area.name + ": ", .bold),
                        Span(cellLine(row, area: area, cell: row.cells[column], c), Self.cellStyle(row.cells[column])),
                    ],
                    hangingIndent: 2))
        } else {
            let count = { (label: String) in row.cells.filter { $0.label == label }.count }
            let parts = ["presented", "scheduled", "to schedule", "missed"].map { (count($0), $0) }.filter { $0.0 > 0 }
            lines.append(
                StyledLine(
                    "Roll-out: "
                        + (parts.isEmpty ? "no area" : parts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")),
                    hangingIndent: 2))
        }
        if let description = topic.description { lines.append(StyledLine(description, Theme.muted, hangingIndent: 2)) }
        lines.append(
            StyledLine(
                "✓ presented  → scheduled  to do: no slot yet  missed: window passed  · not wanted  – withdrawn or declined",
                Theme.muted))
        return lines
    }

    /// What one cell means, in words: where and when, what residents said, or what is in the way.
    func cellLine(_ row: Row, area: Area, cell: TopicCell, _ c: Context) -> String {
        let slots = c.slots(row.topic.id)
        func slot(_ id: String) -> TopicSlot? { slots.first { $0.meeting.id == id } }
        switch cell {
        case .notWanted: return "not wanted here"
        case .closed: return "\(row.topic.status.label); nothing scheduled"
        case .missed:
            return
                "missed: the window closed on \(row.topic.notAfter.map(Format.day)?.trimmingCharacters(in: .whitespaces) ?? "") with no slot"
        case .presented(let id, let start):
            let said = slot(id)?.item.outcome.map { ": " + $0 } ?? ": no outcome recorded yet"
            return
                "presented \(Format.day(start).trimmingCharacters(in: .whitespaces)) (item \(slot(id)?.item.number ?? 0))"
                + said
        case .scheduled(let id, let start):
            return
                "scheduled \(Format.day(start).trimmingCharacters(in: .whitespaces)) \(LondonTime.hhmm(start)), item \(slot(id)?.item.number ?? 0) "
                + "of \(slot(id)?.meeting.venue.name ?? id) (Enter opens the agenda)"
        case .toSchedule:
            switch TopicRules.nextSuitableMeeting(
                for: row.topic, area: area, meetings: c.councilMeetings, slots: slots, now: c.now)
            {
            case .success(let m):
                return
                    "to schedule: next suitable meeting \(Format.day(m.start).trimmingCharacters(in: .whitespaces)) at \(m.venue.name), "
                    + "\(m.lengthMinutes - m.agendaMinutes) min free (s schedules it)"
            case .failure(let problem):
                return "to schedule, but \(problem.description)"
            }
        }
    }
}

extension TopicsScreen {
    /// Each tab has keys of its own.
    /// Each tab, then the consultations list that `C` opens from here (its keys in the palette and the key reference).
    static func paletteScreens(_ c: Context) -> [PaletteScreen] {
        paletteScreens(onEach: \.tab) + [("Consultations", .main(ConsultationsScreen()), ConsultationsScreen().keyMap)]
    }
}
