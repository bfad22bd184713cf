import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Every meeting in a table, with filters (area, ward, kind, status, dates), sorting and `/` search.
struct MeetingsScreen: MainScreen {
    var title: String { "Meetings" }
    var browser = TableBrowser(sortColumn: 0)
    var area: String?
    var ward: String?
    var kind: MeetingKind?
    var status: MeetingStatus?
    var dates = DateRange.all
    /// Until the officer moves, the list opens at today: the first meeting from today on, with the one before it.
    var opensAtToday = true
    var picker: OpenPicker<Filter>?
    /// Positions in `c.data.meetings` (the memo key holds the data generation, so they stay valid): a list of
    /// copies would copy every meeting of a long history on each change.
    let memo = Memo<[Int]>()
    let tableMemo = Memo<Table>()
    let haystackMemo = Memo<[[UInt8]]>()
    /// Positions of the meetings matching the search, whatever the filters.
    let searchMemo = Memo<[Int]>()

    /// Each meeting's searchable text in lower case, made at the first search after a change of the data, not
    /// per key typed.
    /// Each made once and kept until its meeting changes (`SearchTexts`), most of them made on another thread
    /// after the load (`App.prepareSearch`).
    func haystacks(_ c: Context) -> [[UInt8]] {
        haystackMemo.get("\(c.generation)") {
            c.searchTexts.texts(of: c.data.meetings) { Self.haystack($0, c) }
        }
    }

    /// One meeting's searchable text in lower case.
    static func haystack(_ m: Meeting, _ c: Context) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(256)
        for part in searchParts(m, c) {
            TableBrowser.appendLowercased(part.text, to: &text)
            text.append(0x20)
        }
        return text
    }

    /// What a search looks in, each part with where it is, to say where a match was found: what the row shows
    /// (the date in its displayed forms, time, area, type, venue, status), the title, wards, agenda titles and
    /// outcomes, and residents' issues. (A closed meeting known from the index carries its agenda titles but
    /// not the text of its issues or of most outcomes; those are searched once the meeting is read in full.)
    static func searchParts(_ m: Meeting, _ c: Context) -> [(place: String, text: String)] {
        var parts: [(place: String, text: String)] = [
            ("date", Format.searchable(LondonTime.date(m.start)) + " " + LondonTime.hhmm(m.start)), ("title", m.title),
            ("venue", m.venue.name), ("area", c.areaName(m.area)), ("type", Format.kind(m.kind) + " " + m.kind.label),
            ("status", m.status.rawValue), ("id", m.id), ("wards", m.wards.map(c.wardName).joined(separator: " ")),
        ]
        for item in m.agenda {
            parts.append(("agenda item \(item.number)", item.title))
            if let outcome = item.outcome, !outcome.isEmpty {
                parts.append(("outcome of item \(item.number)", outcome))
            }
        }
        for issue in m.issues where !issue.text.isEmpty { parts.append(("residents' issue \(issue.id)", issue.text)) }
        return parts
    }

    /// Where the selected meeting matches the search, when that is not in a column the row shows: "agenda
    /// item 2: Winter gritting routes".
    func matchNote(_ c: Context) -> String? {
        let words = browser.searchText.split(separator: " ").map(String.init)
        let list = meetings(c)
        guard !words.isEmpty, list.indices.contains(browser.selection.selected) else { return nil }
        let shown: Set<String> = ["date", "venue", "area", "type", "status"]
        var places: [String] = []
        for word in words {
            let parts = Self.searchParts(c.data.meetings[list[browser.selection.selected]], c)
            guard let part = parts.first(where: { $0.text.lowercased().contains(word) }), !shown.contains(part.place)
            else { continue }
            let note = part.place + ": " + part.text
            if !places.contains(note) { places.append(note) }
        }
        return places.isEmpty ? nil : "found in " + places.joined(separator: " · ")
    }

    /// Everything `meetings(c)` reads besides the data.
    func stateKey(_ c: Context) -> String {
        "\(c.memoKey)|\(area ?? "")|\(ward ?? "")|\(kind?.rawValue ?? "")|\(status?.rawValue ?? "")|\(dates)|\(browser.searchText)|\(browser.sort.column)|\(browser.sort.ascending)"
    }

    enum Filter: Sendable { case area, ward, kind, status, dates }

    enum DateRange: String, Sendable, CaseIterable {
        case all = "All dates"
        case upcoming = "Upcoming"
        case next30 = "Next 30 days"
        case past = "Past"
        case last12 = "Last 12 months"
        case thisYear = "This year"

        func contains(_ meeting: Meeting, now: Date) -> Bool {
            if self == .all { return true }
            let day = LondonTime.date(meeting.start), today = LondonTime.date(now)
            switch self {
            case .all: return true
            case .upcoming: return meeting.start > now
            case .next30: return meeting.start > now && day <= today.adding(days: 30)
            case .past: return meeting.start <= now
            case .last12: return meeting.start <= now && day > today.adding(days: -365)
            case .thisYear: return day.year == today.year
            }
        }
    }

    var textKeys: KeyHelp? { picker.pickerKeys() ?? (browser.searching ? TableBrowser.searchHelp : nil) }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Meetings",
                [
                    Keys.open, Keys.search,
                    Binding([.char("n")], "New meeting", .newMeeting, hint: "new"),
                    Binding([.char("a")], "Filter by area", .filterArea, hint: "area"),
                    Binding([.char("w")], "Filter by ward", .filterWard, hint: "ward"),
                    Binding([.char("t")], "Filter by type of meeting", .filterKind),
                    Binding([.char("s")], "Filter by status", .filterStatus, hint: "status"),
                    Binding(
                        [.char("d")], "Filter by dates: upcoming, past, next 30 days…", .filterDates, hint: "dates"),
                    Binding(
                        [.char("T")], "Agenda templates: standing items of each kind",
                        .showTemplates),
                    Keys.clearFilters, Keys.sortNext, Keys.sortReverse,
                ]),
            Keys.movement,
        ])
    }

    static let columns = [
        Column("Date", .length(15)), Column("Time", .length(5)), Column("Area", .min(14)),
        Column("Type", .length(10)), Column("Venue", .min(12)), Column("Status", .length(9)),
        Column("Warnings", .length(10)),
    ]

    static let sortKeys: [@Sendable (Meeting, Context) -> String] = [
        { m, _ in LondonTime.iso(m.start) }, { m, _ in LondonTime.hhmm(m.start) }, { m, c in c.areaName(m.area) },
        { m, _ in m.kind.rawValue }, { m, _ in m.venue.name }, { m, _ in m.status.rawValue },
        { m, c in String(format: "%05d", c.warnings[m.id]?.count ?? 0) },
    ]

    func meetings(_ c: Context) -> [Int] { memo.get(stateKey(c)) { filteredMeetings(c) } }

    /// The meetings matching the search. Typing one more letter can only narrow the matches, so then only
    /// the last matches are searched again (the search text holds agendas and issues too, so this matters).
    func searchMatches(_ c: Context) -> [Int] {
        let text = browser.searchText
        let key = "\(c.generation)|\(text)"
        let previous = searchMemo.last()
        return searchMemo.get(key) {
            let texts = haystacks(c), words = browser.searchWords
            var candidates: [Int]?
            if let previous, let bar = previous.key.firstIndex(of: "|"), previous.key[..<bar] == "\(c.generation)" {
                let before = previous.key[previous.key.index(after: bar)...]
                if !before.isEmpty, text.hasPrefix(before) { candidates = previous.value }
            }
            return (candidates ?? Array(texts.indices)).filter {
                TableBrowser.matches(lowercased: texts[$0], words: words)
            }
        }
    }

    /// Whether every searched word is part of the meeting's date as shown: a number is a whole day or year, a
    /// word the start of its weekday or month ("Tue", "Dec", "December").
    static func isOnTheDate(_ m: Meeting, _ words: [String]) -> Bool {
        let day = LondonTime.date(m.start)
        let parts = Format.searchable(day).lowercased().split(separator: " ").map(String.init)
        return !words.isEmpty
            && words.allSatisfy { word in
                if word.allSatisfy(\.isNumber) {
                    return parts.contains(word) || parts.contains { $0 == "\(Int(word) ?? -1)" }
                }
                return word.count >= 3 && parts.contains { $0.hasPrefix(word) }
            }
    }

    /// Every weekday and month as the list writes them (lower case): what a word must begin, unless it is a number
    /// or begins like one (`2026-12`), to be part of a date (`isOnTheDate`).
    static let dateWords: [String] = {
        var words = Format.monthNames.map { $0.lowercased() }
        for month in 1...12 { words.append(LondonTime.monthAbbreviation(month).lowercased()) }
        for day in 23...29 {
            words.append(LondonTime.weekday(CalendarDate(year: 2026, month: 11, day: day)).lowercased())
        }
        return words
    }()

    /// Whether some meeting's date could hold every word (`isOnTheDate`): when not ("biggleswade"), no date is
    /// worked out for each match at each letter typed.
    static func mayBeOnADate(_ words: [String]) -> Bool {
        !words.isEmpty
            && words.allSatisfy { word in
                word.allSatisfy(\.isNumber)
                    || (word.count >= 3 && (word.first?.isNumber == true || dateWords.contains { $0.hasPrefix(word) }))
            }
    }

    func filteredMeetings(_ c: Context) -> [Int] {
        let searching = !browser.searchWords.isEmpty
        let meetings = c.data.meetings
        let filtered = (searching ? searchMatches(c) : Array(meetings.indices)).filter { i in
            let m = meetings[i]
            return (area == nil || m.area == area) && (ward == nil || m.wards.contains(ward!))
                && (kind == nil || m.kind == kind)
                && (status == nil || m.status == status) && dates.contains(m, now: c.now)
        }
        // The data is kept in date order already: the default sort needs no work. A search for a date as the
        // list shows it ("Dec 2026", "Tue 1 Dec") puts the meetings on that date first, before loose matches
        // ("dec" in "decide").
        if browser.sort.column == 0, browser.sort.ascending {
            guard searching else { return filtered }
            let words = browser.searchText.lowercased().split(separator: " ").map(String.init)
            guard Self.mayBeOnADate(words) else { return filtered }
            let onTheDate = filtered.filter { Self.isOnTheDate(meetings[$0], words) }
            guard !onTheDate.isEmpty else { return filtered }
            let first = Set(onTheDate)
            return onTheDate + filtered.filter { !first.contains($0) }
        }
        return browser.sorted(filtered, keys: Self.sortKeys.map { key in { key(meetings[$0], c) } })
    }

    func table(_ c: Context) -> Table { tableMemo.get(stateKey(c)) { makeTable(c) } }

    func makeTable(_ c: Context) -> Table {
        let list = meetings(c), all = c.data.meetings
        return Table(
            columns: Self.columns, count: list.count,
            row: { row in
                let m = all[list[row]]
                let count = c.warnings[m.id]?.count ?? 0
                // Someone else with the meeting open comes first: "✎ ana ⚠ 2".
                let open = c.othersEditing[m.id]?.first.map { "✎ " + $0.user }
                return [
                    Format.day(m.start), LondonTime.hhmm(m.start), c.areaName(m.area), Format.kind(m.kind),
                    m.venue.name,
                    m.status.rawValue,
                    [open, count == 0 ? nil : "⚠ \(count)"].compactMap { $0 }.joined(separator: " "),
                ]
            },
            rowStyle: { row in
                let m = all[list[row]]
                if m.status == .cancelled { return Theme.muted }
                return (c.warnings[m.id]?.isEmpty ?? true) ? .plain : Theme.warning
            },
            sort: browser.sort, emptyMessage: "No meeting matches the filters. Press c to clear them.")
    }

    func layout(_ area: Rect) -> (status: Rect, table: Rect) {
        let parts = Layout.split(area, .vertical, [.length(1), .fill])
        return (parts[0].inset(horizontal: 1), parts[1].inset(horizontal: 1))
    }

    func filterSummary(_ c: Context) -> [String] {
        var parts: [String] = []
        if let area { parts.append("area: \(c.areaName(area))") }
        if let ward { parts.append("ward: \(c.wardName(ward))") }
        if let kind { parts.append("type: \(kind.label)") }
        if let status { parts.append("status: \(status.rawValue)") }
        if dates != .all { parts.append(dates.rawValue.lowercased()) }
        return parts
    }

    func pickerFor(_ filter: Filter, _ c: Context) -> Picker {
        let any = Picker.Item(id: "", label: "Any")
        switch filter {
        case .area:
            return Picker(
                title: "Area", items: [any] + c.directory.areas.map { Picker.Item(id: $0.id, label: $0.name) })
        case .ward:
            let wards = c.directory.areas.flatMap { a in
                a.wards.map { Picker.Item(id: $0.id, label: $0.name, detail: a.name) }
            }
            return Picker(title: "Ward", items: [any] + wards)
        case .kind:
            return Picker(
                title: "Type of meeting",
                items: [any] + MeetingKind.allCases.map { Picker.Item(id: $0.rawValue, label: $0.label) })
        case .status:
            return Picker(
                title: "Status",
                items: [any] + MeetingStatus.allCases.map { Picker.Item(id: $0.rawValue, label: $0.label) })
        case .dates:
            return Picker(
                title: "Dates", items: DateRange.allCases.map { Picker.Item(id: $0.rawValue, label: $0.rawValue) })
        }
    }

    mutating func choose(_ item: Picker.Item, for filter: Filter) {
        let id = item.id.isEmpty ? nil : item.id
        switch filter {
        case .area: area = id
        case .ward: ward = id
        case .kind: kind = id.flatMap(MeetingKind.init(rawValue:))
        case .status: status = id.flatMap(MeetingStatus.init(rawValue:))
        case .dates: dates = DateRange(rawValue: item.id) ?? .all
        }
        browser.selection = SelectionState()
    }

    /// The row of the first meeting from today on in the list as sorted (the last row when all are past).
    func todayRow(_ c: Context) -> Int {
        let list = meetings(c), all = c.data.meetings
        let startOfToday = LondonTime.instant(date: c.today, hour: 0, minute: 0)
        let ascending = browser.sort.column == 0 && browser.sort.ascending
        guard ascending else { return 0 }
        return list.firstIndex { all[$0].start >= startOfToday } ?? max(0, list.count - 1)
    }

    /// The selection as shown: at today until the officer moves it.
    func shownSelection(_ c: Context, visible: Int) -> SelectionState {
        guard opensAtToday else { return browser.selection }
        let row = todayRow(c)
        return SelectionState(selected: row, offset: max(0, row - 1))
    }

    /// The first key that acts on the list takes the selection from where it was shown.
    mutating func settle(_ c: Context, visible: Int) {
        guard opensAtToday else { return }
        browser.selection = shownSelection(c, visible: visible)
        opensAtToday = false
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        let visible = Table.visibleRows(in: layout(c.contentArea).table)
        settle(c, visible: visible)
        switch command {
        case .open:
            let list = meetings(c)
            guard list.indices.contains(browser.selection.selected) else { return [] }
            return [.push(MeetingScreen(meetingID: c.data.meetings[list[browser.selection.selected]].id))]
        case .filterArea: picker = OpenPicker(picker: pickerFor(.area, c), filter: .area)
        case .filterWard: picker = OpenPicker(picker: pickerFor(.ward, c), filter: .ward)
        case .filterKind: picker = OpenPicker(picker: pickerFor(.kind, c), filter: .kind)
        case .filterStatus: picker = OpenPicker(picker: pickerFor(.status, c), filter: .status)
        case .filterDates: picker = OpenPicker(picker: pickerFor(.dates, c), filter: .dates)
        case .clearFilters: self = MeetingsScreen()
        case .newMeeting: return [.push(FormScreen.meeting(nil, title: "New meeting", c))]
        case .showTemplates: return [.push(TemplatesScreen())]
        default:
            _ = browser.move(command, count: meetings(c).count, visible: visible, columns: Self.columns.count)
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        let areas = layout(c.contentArea)
        settle(c, visible: Table.visibleRows(in: areas.table))
        if picker != nil {
            if let (item, filter) = picker.pick(event) { choose(item, for: filter) }
            return []
        }
        if browser.handleTyping(event, count: meetings(c).count, visible: Table.visibleRows(in: areas.table)) {
            return []
        }
        switch event {
        case .mouse(let mouse):
            if browser.mouse(mouse, table: table(c), in: areas.table) == .activated { return perform(.open, c) }
        case .resize:
            browser.selection.clamp(count: meetings(c).count, visible: Table.visibleRows(in: areas.table))
        default: break
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let areas = layout(area)
        let t = table(c)
        var selection = shownSelection(c, visible: Table.visibleRows(in: areas.table))
        var shown = browser
        shown.selection = selection
        shown.renderStatus(
            filters: filterSummary(c), count: t.rowCount, total: c.data.meetings.count, in: areas.status,
            into: &buffer, note: matchNote(c))
        selection.clamp(count: t.rowCount, visible: Table.visibleRows(in: areas.table))
        t.render(in: areas.table, into: &buffer, state: selection)
        picker?.picker.render(in: area, into: &buffer)
    }
}

extension MeetingsScreen {
    /// The list, then a meeting's commands tab by tab and live notes: they run on the meeting in view or selected.
    static func paletteScreens(_ c: Context) -> [PaletteScreen] {
        var screens: [PaletteScreen] = [
            ("Meetings", .main(MeetingsScreen()), MeetingsScreen().keyMap),
            ("Agenda templates", .main(TemplatesScreen()), TemplatesScreen().keyMap),
        ]
        for tab in MeetingScreen.Tab.allCases {
            screens.append(("Meeting · \(tab.title)", .meeting(tab), MeetingScreen(meetingID: "", tab: tab).keyMap))
        }
        screens.append(("Live notes", .liveNotes, LiveNotesScreen(meetingID: "", context: c).keyMap))
        return screens
    }
}
