import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// What the officer sees first: counts, the next meeting of each area, and everything that needs attention.
struct DashboardScreen: MainScreen {
    var title: String { "Dashboard" }
    var focus = Pane.attention
    var next = SelectionState()
    var attention = SelectionState()
    let rowsMemo = Memo<[AttentionRow]>()
    let nextMemo = Memo<[(area: Area, meeting: Meeting?)]>()
    let countsMemo = Memo<[String]>()

    enum Pane: Sendable { case next, attention }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Dashboard",
                [
                    Binding([.enter], "Open the meeting of the selected row", .open, hint: "open"),
                    Binding([.tab, .backTab], "Switch between next meetings and warnings", .switchFocus, hint: "pane"),
                    Binding(
                        [.char("S")], "Sync with the team through git: commit, fetch, merge, push", .sync, hint: "sync"),
                ]),
            .init(
                "Merge conflicts (rows \"Conflict\")",
                [
                    Binding([.char("t")], "Resolve the selected conflict by taking the teammate's value", .takeTheirs),
                    Binding([.char("o")], "Resolve the selected conflict by keeping this folder's value", .keepOurs),
                ]),
            Keys.movement,
        ])
    }

    /// One row of "What needs attention": a file that failed to load, or a warning.
    struct AttentionRow {
        var date: String
        var subject: String
        var message: String
        var style: Style
        var meetingID: String?
        var tab: MeetingScreen.Tab
        var topicID: String?
        /// A merge conflict of this row (`t` and `o` resolve it).
        var conflict: OpenConflict?
        /// Said on Enter by a row that opens nothing.
        var hint: String?
    }

    func nextMeetings(_ c: Context) -> [(area: Area, meeting: Meeting?)] {
        nextMemo.get(c.memoKey) {
            // Meetings are in date order: start at the first one to come rather than scan the history.
            // The whole council's in a councillor's view: an area's next meeting may be in another ward.
            let all = c.councilMeetings
            let from =
                c.wholeCouncil == nil
                ? c.data.firstIndex { $0.start > c.now } : all.firstIndex { $0.start > c.now } ?? all.endIndex
            let upcoming = all[from...]
            return c.directory.areas.map { area in
                (area, upcoming.first { $0.area == area.id && $0.status != .cancelled })
            }
        }
    }

    func attentionRows(_ c: Context) -> [AttentionRow] { rowsMemo.get(c.memoKey) { makeAttentionRows(c) } }

    /// Files that cannot be read first; then the current warnings (`Attention`: upcoming meetings and the last
    /// `Attention.recentDays` days) by urgency, topic windows closing (within 14 days) before what is further off;
    /// files misfiled last, and
    /// one line counting the older problems, which `forumdesk dashboard --all` lists.
    func makeAttentionRows(_ c: Context) -> [AttentionRow] {
        var rows = c.data.loadErrors.map {
            AttentionRow(
                date: "", subject: "Cannot read", message: $0.description, style: Theme.error, meetingID: nil,
                tab: .details)
        }
        // Conflicts a sync recorded, in any file: t takes theirs, o keeps ours.
        rows += c.data.openConflicts.map { open in
            let id =
                open.file.hasPrefix("meetings/") ? String((open.file as NSString).lastPathComponent.dropLast(5)) : nil
            return AttentionRow(
                date: "", subject: "Conflict", message: open.description + " (t theirs, o ours)", style: Theme.error,
                meetingID: id, tab: .details, conflict: open,
                hint: "t takes theirs, o keeps ours (or forumdesk conflicts \(open.file) \(open.number) --theirs)")
        }
        let topics =
            c.topicAlerts.map {
                AttentionRow(
                    date: Format.day($0.closes), subject: "Topic request", message: $0.message, style: Theme.warning,
                    meetingID: nil, tab: .agenda, topicID: $0.topicID)
            }
            + ConsultationRules.awaitingResults(c.data.consultations, today: c.today).map {
                // Closed with no results recorded: residents are owed "you said, we did".
                AttentionRow(
                    date: Format.day($0.closes), subject: "Consultation",
                    message: ConsultationRules.reminder($0, today: c.today),
                    style: Theme.warning, meetingID: nil, tab: .details,
                    hint: "6 Topics, then C: the consultations; e on it records the results and what changed")
            }
        var (current, older) = Attention.current(c.warnings.values.flatMap { $0 }, now: c.now)
        older += c.coldHistory?.warnings ?? 0
        var topicsPlaced = false
        for warning in current {
            if !topicsPlaced, Attention.band(warning, now: c.now) == 2 {
                rows += topics
                topicsPlaced = true
            }
            let meeting = c.data.meeting(warning.meetingID)
            let subject = meeting.map { c.areaName($0.area) } ?? warning.meetingID
            let tab: MeetingScreen.Tab =
                switch warning.kind {
                case .councillorNotNotified, .staleNotice, .cancellationOwed, .noReply, .notSent: .councillors
                case .partnerMissing: .attendance
                case .overdueAction: .actions
                case .noAgenda, .agendaOverrun: .agenda
                case .outcomeNotRecorded, .clash: .details
                }
            let upcoming = warning.date > c.now
            let style: Style = warning.kind == .overdueAction ? Theme.warning : (upcoming ? .plain : Theme.muted)
            rows.append(
                AttentionRow(
                    date: Format.day(warning.date), subject: subject, message: warning.message, style: style,
                    meetingID: warning.meetingID, tab: tab))
        }
        if !topicsPlaced { rows += topics }
        rows += c.data.fileProblems.map {
            AttentionRow(
                date: "", subject: "File", message: $0.description, style: Theme.warning, meetingID: nil, tab: .details)
        }
        if older > 0 {
            rows.append(
                AttentionRow(
                    date: "", subject: "Older",
                    message: Format.count(older, "problem")
                        + " before the last \(Attention.recentDays) days: forumdesk dashboard --all",
                    style: Theme.muted, meetingID: nil, tab: .details,
                    hint: "forumdesk dashboard --all lists them; overdue actions are also under 3 Actions, o"))
        }
        return rows
    }

    struct Areas {
        var counts: Rect
        var nextTitle: Rect
        var next: Rect
        var attentionTitle: Rect
        var attention: Rect
    }

    func layout(_ c: Context, _ area: Rect) -> Areas {
        let nextRows = c.directory.areas.count + 1
        let parts = Layout.split(area, .vertical, [.length(1), .length(1), .length(nextRows), .length(1), .fill])
        return Areas(
            counts: parts[0], nextTitle: parts[1], next: parts[2].inset(horizontal: 1), attentionTitle: parts[3],
            attention: parts[4].inset(horizontal: 1))
    }

    func nextTable(_ c: Context) -> Table {
        let rows = nextMeetings(c).map { area, meeting -> [String] in
            guard let meeting else { return [area.name, "none planned", "", "", ""] }
            let count = c.warnings[meeting.id]?.count ?? 0
            return [
                area.name, Format.day(meeting.start), LondonTime.hhmm(meeting.start), meeting.venue.name,
                count == 0 ? "ok" : Format.count(count, "warning"),
            ]
        }
        let styles = nextMeetings(c).map { _, meeting -> Style in
            guard let meeting else { return Theme.muted }
            return (c.warnings[meeting.id]?.isEmpty ?? true) ? .plain : Theme.warning
        }
        return Table(
            columns: [
                Column("Area", .min(20)), Column("Next meeting", .length(15)), Column("Time", .length(5)),
                Column("Venue", .min(12)), Column("Status", .length(11)),
            ],
            rows: rows, rowStyles: styles)
    }

    func attentionTable(_ c: Context) -> Table {
        let rows = attentionRows(c)
        return Table(
            columns: [Column("Date", .length(15)), Column("Area", .length(20)), Column("What", .fill)],
            rows: rows.map { [$0.date, $0.subject, $0.message] }, rowStyles: rows.map(\.style),
            emptyMessage: "Nothing needs attention.")
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        let areas = layout(c, c.contentArea)
        switch command {
        case .takeTheirs, .keepOurs:
            let rows = attentionRows(c)
            guard focus == .attention, rows.indices.contains(attention.selected),
                let open = rows[attention.selected].conflict
            else {
                return [.message(.info("Select a Conflict row under What needs attention first"))]
            }
            return [.resolveConflict(file: open.file, number: open.number, takeTheirs: command == .takeTheirs)]
        case .switchFocus:
            focus = focus == .next ? .attention : .next
        case .open:
            if focus == .next {
                let list = nextMeetings(c)
                if list.indices.contains(next.selected), let meeting = list[next.selected].meeting {
                    guard c.data.meeting(meeting.id) != nil else {
                        return [.message(.info("\(meeting.title) is not in your wards"))]
                    }
                    return [.push(MeetingScreen(meetingID: meeting.id))]
                }
            } else {
                let rows = attentionRows(c)
                guard rows.indices.contains(attention.selected) else { return [] }
                let row = rows[attention.selected]
                if let topic = row.topicID { return [.push(TopicsScreen(selecting: topic, c))] }
                guard let id = row.meetingID else {
                    if let hint = row.hint { return [.message(.info(hint))] }
                    return [.message(.error("Fix this file in an editor, then restart ForumDesk"))]
                }
                return [.push(MeetingScreen(meetingID: id, tab: row.tab))]
            }
        default:
            var browser = TableBrowser()
            if focus == .next {
                browser.selection = next
                _ = browser.move(command, count: c.directory.areas.count, visible: Table.visibleRows(in: areas.next))
                next = browser.selection
            } else {
                browser.selection = attention
                _ = browser.move(
                    command, count: attentionRows(c).count, visible: Table.visibleRows(in: areas.attention))
                attention = browser.selection
            }
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        guard case .mouse(let mouse) = event else { return [] }
        let areas = layout(c, c.contentArea)
        var browser = TableBrowser()
        if areas.next.contains(x: mouse.x, y: mouse.y) {
            focus = .next
            browser.selection = next
            let outcome = browser.mouse(mouse, table: nextTable(c), in: areas.next)
            next = browser.selection
            if outcome == .activated { return perform(.open, c) }
        } else if areas.attention.contains(x: mouse.x, y: mouse.y) {
            focus = .attention
            browser.selection = attention
            let outcome = browser.mouse(mouse, table: attentionTable(c), in: areas.attention)
            attention = browser.selection
            if outcome == .activated { return perform(.open, c) }
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let areas = layout(c, area)
        var counts = countsMemo.get(c.memoKey) {
            // Counted in one pass, without filtered copies: this runs before the first frame.
            var upcoming = 0, held = 0, open = 0
            let yearStarts = LondonTime.instant(
                date: CalendarDate(year: c.today.year, month: 1, day: 1), hour: 0, minute: 0)
            let yearEnds = LondonTime.instant(
                date: CalendarDate(year: c.today.year + 1, month: 1, day: 1), hour: 0, minute: 0)
            for m in c.data.meetings {
                if m.start > c.now, m.status != .cancelled { upcoming += 1 }
                if m.status == .held, m.start >= yearStarts, m.start < yearEnds { held += 1 }
                if let facts = m.knownFacts {
                    open += facts.openActions  // a summary's actions stay unread
                } else {
                    for action in m.actions where action.status.isOpen { open += 1 }
                }
            }
            // A start from the digest: the history it did not read counts as its sums (nothing of it is upcoming,
            // open or overdue).
            let all = c.data.meetings.count + (c.coldHistory?.meetings ?? 0)
            held += c.coldHistory?.heldByYear[c.today.year] ?? 0
            return [
                Format.count(all, "meeting"), "\(upcoming) upcoming", "\(held) held in \(c.today.year)",
                "\(open) open actions", "\(c.overdue.count) overdue",
            ]
        }
        if !c.data.loadErrors.isEmpty { counts.append(Format.count(c.data.loadErrors.count, "file") + " unreadable") }
        buffer.put(
            " " + counts.joined(separator: " · "), x: areas.counts.x, y: areas.counts.y, maxWidth: areas.counts.width,
            style: .bold)
        buffer.put(" Next meeting in each area", x: areas.nextTitle.x, y: areas.nextTitle.y, style: Theme.title)
        nextTable(c).render(in: areas.next, into: &buffer, state: next, focused: focus == .next)
        let rows = attentionRows(c).count
        buffer.put(
            " What needs attention (\(rows))", x: areas.attentionTitle.x, y: areas.attentionTitle.y, style: Theme.title)
        attentionTable(c).render(in: areas.attention, into: &buffer, state: attention, focused: focus == .attention)
    }
}

extension Rect {
    /// The same rectangle with `n` columns taken off each side.
    func inset(horizontal n: Int) -> Rect { Rect(x: x + n, y: y, width: width - 2 * n, height: height) }
}
