import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// One meeting, in tabs: Details, Agenda, Attendance, Councillors, Actions, Issues, Minutes.
struct MeetingScreen: Screen {
    enum Tab: Int, Sendable, CaseIterable {
        case details, agenda, attendance, councillors, actions, issues, minutes
        var title: String {
            switch self {
            case .details: "Details"
            case .agenda: "Agenda"
            case .attendance: "Attendance"
            case .councillors: "Councillors"
            case .actions: "Actions"
            case .issues: "Issues"
            case .minutes: "Minutes"
            }
        }
        var isText: Bool { self == .details || self == .minutes }
    }

    let meetingID: String
    var tab: Tab
    var selections: [Tab: SelectionState] = [:]
    var offsets: [Tab: Int] = [:]

    init(meetingID: String, tab: Tab = .details) {
        self.meetingID = meetingID
        self.tab = tab
    }

    var title: String { "Meeting" }
    func meetingsInFull(_ c: Context) -> [String] { [meetingID] }

    var keyMap: KeyMap<Command> {
        var groups: [KeyMap<Command>.Group] = [
            .init("Meeting", Keys.tabs + [
                Binding([.char("L")], "Live notes: minute this meeting as it happens", .liveNotes, hint: "live"),
                Binding([.char("E")], "Edit the meeting's details", .editMeeting, hint: "edit"),
                Binding([.char("P")], "Postpone to a new date", .postpone),
                Binding([.char("X")], "Cancel the meeting", .cancelMeeting),
                Binding([.char("D")], "Delete the meeting", .deleteMeeting),
                Binding([.char("i")], "Record an issue a resident raised from the floor: text #tag", .raiseIssue, hint: "issue"),
                Binding([.char("H")], "History: who changed this meeting, and merge conflicts to resolve", .history),
            ]),
        ]
        if tab == .agenda {
            groups.append(.init("Agenda", [
                Binding([.char("a")], "Add an item", .add, hint: "add"),
                Binding([.char("e"), .enter], "Edit the selected item", .edit),
                Binding([.char("d")], "Delete the selected item", .deleteItem),
                Binding([.char("K")], "Move the item up", .moveUp),
                Binding([.char("J")], "Move the item down", .moveDown),
            ]))
        }
        if tab == .attendance {
            groups.append(.init("Attendance", [
                Binding([.char("a")], "Invite a partner (shows which required roles are still missing)", .invite, hint: "invite"),
                Binding([.char("x")], "Withdraw the selected invitation", .deleteItem),
                Binding([.char("e")], "Record attendance and declarations (live notes)", .recordAttendance, hint: "record"),
            ]))
        }
        if tab == .details || tab == .minutes {
            groups.append(.init("Documents", [
                Binding([.char("e")], "Export the minutes (or the agenda, before the meeting) to exports/ as Markdown, text and HTML",
                        .exportDocument, hint: "export"),
            ]))
        }
        if tab == .councillors {
            groups.append(.init("Councillors", [
                Binding([.char("n")], "Notify: e-mail invitations (or cancellations) to the outbox for everyone owed one", .notify, hint: "notify"),
                Binding([.char("S")], "Send this meeting's queued e-mails with the mail program (\"sendmail\" in forumdesk.json)", .sendMail),
                Binding([.char("l")], "Record a notice sent by letter to the selected councillor", .noticeByLetter, hint: "letter"),
                Binding([.char("t")], "Record a notice given by telephone to the selected councillor", .noticeByPhone),
                Binding([.char("r")], "Record the selected councillor's reply", .recordReply, hint: "reply"),
            ]))
        }
        if tab == .actions {
            groups.append(.init("Actions", [Binding([.enter, .char("e")], "Edit the selected action", .edit, hint: "edit")]))
        }
        if tab == .issues {
            groups.append(.init("Issues", [
                Binding([.enter, .char("e")], "Answer or edit the selected issue", .answerIssue, hint: "answer"),
                Binding([.char("a")], "Raise an action for it (then set the owner and due date)", .issueToAction, hint: "action"),
                Binding([.char("t")], "Make it a topic request for a later meeting of this area", .issueToTopic, hint: "topic"),
            ]))
        }
        return KeyMap(groups + [Keys.movement])
    }

    // MARK: layout

    struct Areas {
        var heading: Rect
        var tabs: Rect
        var body: Rect
        var main: Rect
        var detail: Rect
    }

    func layout(_ area: Rect) -> Areas {
        let parts = Layout.split(area, .vertical, [.length(2), .length(1), .length(1), .fill])
        let body = parts[3].inset(horizontal: 1)
        let hasDetail = tab == .agenda || tab == .actions || tab == .issues || tab == .councillors
        let split = Layout.split(body, .vertical, hasDetail ? [.fill, .length(5)] : [.fill, .length(0)])
        return Areas(heading: parts[0].inset(horizontal: 1), tabs: parts[1].inset(horizontal: 1), body: body,
                     main: split[0], detail: split[1])
    }

    // MARK: tables

    func agendaTable(_ m: Meeting, _ c: Context) -> Table {
        Table(columns: [Column("No", .length(3), alignRight: true), Column("Item", .min(22)), Column("Presenter", .min(14)),
                        Column("For", .length(13)), Column("Level", .length(11)), Column("Mins", .length(4), alignRight: true)],
              rows: m.agenda.map { item in
                  [String(item.number), item.title, item.presenter.map { c.directory.displayName(ofPerson: $0) } ?? item.presenterName ?? "",
                   item.purpose.map(Format.purpose).joined(separator: "/"), item.engagementLevel?.label ?? "",
                   item.minutes.map(String.init) ?? ""]
              },
              emptyMessage: "No agenda items yet.")
    }

    func attendanceTable(_ m: Meeting, _ c: Context) -> Table {
        let rows: [[String]] = m.attendance.map { entry in
            let name = entry.person.map { c.directory.displayName(ofPerson: $0) } ?? entry.name ?? ""
            let org = entry.organisation ?? entry.person.flatMap { c.directory.person($0)?.organisation }
            var note = entry.reason ?? ""
            if let standIn = entry.substituteFor { note = "for " + c.directory.displayName(ofPerson: standIn) }
            return [name, c.organisationName(org), entry.role.label, entry.status.label, note]
        }
        // Each invited partner's notice, on the councillors' rules: "to send" until a notice is written (n).
        let notices = Dictionary(NotificationRules.partnerStatuses(for: m, in: c.directory).map { ($0.invitation, $0.state) },
                                 uniquingKeysWith: { a, _ in a })
        let invited: [[String]] = m.attendance.isEmpty ? m.invitations.enumerated().map { index, invitation in
            let notice: String = switch notices[index] {
            case .notNotified: "to send"
            case nil: invitation.person == nil ? "no contact named" : ""
            case let state?: state.label
            }
            return [invitation.person.map { c.directory.displayName(ofPerson: $0) } ?? "", c.organisationName(invitation.organisation),
                    "invited", invitation.reply.label, notice]
        } : []
        return Table(columns: [Column("Name", .min(16)), Column("Organisation", .min(16)), Column("Role", .length(15)),
                               Column("Status", .length(10)), Column("Note", .min(10))],
                     rows: rows + invited,
                     rowStyles: m.attendance.map { $0.status.isInRoom ? .plain : Theme.muted }
                         + m.invitations.map { $0.reply == .declined ? Theme.muted : .plain },
                     emptyMessage: "No attendance or invitations recorded.")
    }

    func councillorTable(_ m: Meeting, _ c: Context) -> Table {
        let statuses = NotificationRules.statuses(for: m, in: c.directory)
        return Table(
            columns: [Column("Councillor", .min(18)), Column("Ward", .min(8)), Column("Prefers", .length(7)),
                      Column("Notice", .length(18)), Column("Announced", .length(9)), Column("Sent", .length(13))],
            rows: statuses.map { s in
                [s.councillor.name, s.councillor.wards.filter(m.wards.contains).map(c.wardName).joined(separator: ", "),
                 s.councillor.preferredContact?.label ?? "", s.state.label,
                 s.lastNotice.map(Self.announced) ?? "",
                 s.lastNotice.map(Self.sent) ?? ""]
            },
            rowStyles: statuses.map { $0.state.needsNotice ? Theme.warning : .plain },
            emptyMessage: "No councillors hold the wards this meeting covers.")
    }

    /// The Sent column: when and how, or where its e-mail is while `send` has not handed it over (queued, failed…).
    static func sent(_ notice: CouncillorNotification) -> String {
        if NoticeOutbox.isWaiting(notice), let delivery = notice.delivery { return delivery.label }
        return shortDay(notice.sentAt ?? notice.at) + " " + notice.method.label
    }

    /// Which notice a row's reply belongs to: its calendar SEQUENCE and the date it announced ("#1 22 Dec").
    static func announced(_ notice: CouncillorNotification) -> String {
        "#\(notice.sequence)" + (notice.start.map { " " + shortDay($0) } ?? "")
    }

    static func shortDay(_ instant: Date) -> String {
        let d = LondonTime.date(instant)
        return "\(d.day) \(LondonTime.monthAbbreviation(d.month))"
    }

    /// Under the Councillors table: the selected councillor's notice and reply in words.
    func councillorDetail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine] {
        let statuses = NotificationRules.statuses(for: m, in: c.directory)
        guard statuses.indices.contains(selected) else { return [] }
        let s = statuses[selected]
        var lines = [StyledLine([Span(s.councillor.name, .bold), Span("  " + s.state.label)])]
        guard let notice = s.lastNotice else {
            lines.append(StyledLine("No notice yet: n e-mails one, l or t records a letter or a call.", Theme.muted))
            return lines
        }
        let when = notice.start.map { " for " + LondonTime.display($0) } ?? ""
        if NoticeOutbox.isWaiting(notice), let delivery = notice.delivery {
            // Written to the outbox, not yet accepted by the mail program: S sends it.
            // The program's answer may run to several lines: one line here.
            let why = notice.deliveryNote.map { ": " + $0.split(whereSeparator: \.isNewline).joined(separator: " / ") } ?? ""
            lines.append(StyledLine("Notice #\(notice.sequence)\(when), e-mail \(delivery.label)\(why)" + (delivery == .sending ? "" : " (S sends it)"),
                                    delivery == .queued ? Theme.muted : Theme.warning, hangingIndent: 2))
        } else {
            lines.append(StyledLine("Notice #\(notice.sequence)\(when), sent \(Format.day(notice.sentAt ?? notice.at).trimmingCharacters(in: .whitespaces)) by \(notice.method.label)",
                                    hangingIndent: 2))
        }
        // Above the reply, so the four lines under the table always show it.
        if s.state == .stale {
            lines.append(StyledLine("⚠ The meeting changed since this notice: n sends the update; r records a reply to the new "
                                    + "details given by phone.", Theme.warning, hangingIndent: 2))
        }
        if notice.reply != .noReply {
            var text = "Reply to notice #\(notice.sequence): \(notice.reply.label)"
            if let delegate = notice.delegatedTo { text += " to \(delegate)" }
            if let at = notice.repliedAt { text += ", \(LondonTime.display(at))" }
            if let comment = notice.comment { text += ": “\(comment)”" }
            lines.append(StyledLine(text, notice.reply == .declined ? Theme.muted : Theme.good, hangingIndent: 2))
        }
        return lines
    }

    func actionRows(_ m: Meeting, _ c: Context) -> [RaisedAction] {
        m.actions.map { RaisedAction(meeting: m, action: $0) } + ActionRules.mattersArising(for: m, in: c.data.meetings)
    }

    func actionTable(_ m: Meeting, _ c: Context) -> Table {
        let rows = actionRows(m, c)
        return Table(
            columns: [Column("ID", .length(10)), Column("Raised", .length(11)), Column("Action", .min(20)), Column("Owner", .min(12)),
                      Column("Due", .length(11)), Column("Status", .length(15))],
            rows: rows.map { r in
                [r.action.id, r.meeting.id == m.id ? "here" : Format.day(LondonTime.date(r.meeting.start)), r.action.description,
                 c.directory.ownerName(person: r.action.owner, organisation: r.action.organisation), r.action.due.map(Format.day) ?? "", r.action.status.label]
            },
            rowStyles: rows.map { ActionRules.isOverdue($0.action, today: c.today) ? Theme.warning : ($0.action.status.isOpen ? .plain : Theme.muted) },
            emptyMessage: "No actions raised here and none outstanding from earlier meetings.")
    }

    func issueTable(_ m: Meeting) -> Table {
        Table(columns: [Column("ID", .length(10)), Column("Issue", .min(20)), Column("Tags", .min(10)), Column("Status", .length(16)),
                        Column("Home", .min(10))],
              rows: m.issues.map { issue in
                  [issue.id, issue.text, issue.tags.map { "#" + $0 }.joined(separator: " "), issue.status.label,
                   issue.action ?? issue.topic ?? issue.answer ?? ""]
              },
              rowStyles: m.issues.map { $0.status == .open ? Theme.warning : .plain },
              emptyMessage: "No issues raised from the floor. Press i to record one.")
    }

    func table(for tab: Tab, _ m: Meeting, _ c: Context) -> Table? {
        switch tab {
        case .issues: issueTable(m)
        case .agenda: agendaTable(m, c)
        case .attendance: attendanceTable(m, c)
        case .councillors: councillorTable(m, c)
        case .actions: actionTable(m, c)
        case .details, .minutes: nil
        }
    }

    // MARK: text tabs

    func detailLines(_ m: Meeting, _ c: Context) -> [StyledLine] {
        func field(_ name: String, _ value: String, _ style: Style = .plain) -> StyledLine {
            StyledLine([Span(DisplayWidth.pad(name, to: 18), Theme.muted), Span(value, style)], hangingIndent: 18)
        }
        var lines = [
            field("Type", m.kind.label), field("Area", c.areaName(m.area)),
            field("Wards", m.wards.map(c.wardName).joined(separator: ", ")),
            field("When", "\(MeetingDocument.longDate(m.start)), \(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))"),
            field("Venue", [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", ")),
            field("Accessibility", m.venue.accessibility ?? "not recorded"),
            field("Status", m.status.label), field("Chair", m.chair.map { c.directory.displayName(ofPerson: $0) } ?? "not set"),
            field("Calendar sequence", String(m.sequence)),
            field("Residents present", m.residentsPresent.map(String.init) ?? "not recorded"),
        ]
        for (category, counts) in m.equality.sorted(by: { $0.key < $1.key }) {
            lines.append(field("Monitoring: \(category)", counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
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
        lines.append(field("Required", required.isEmpty ? "no coverage rule applies" : required.map(\.label).joined(separator: ", ")))
        if !gaps.isEmpty {
            lines.append(field(m.status == .held ? "Not represented" : "Not invited", gaps.map(\.label).joined(separator: ", "), Theme.warning))
        }
        for invitation in m.invitations {
            let who = invitation.person.map { " (" + c.directory.displayName(ofPerson: $0) + ")" } ?? ""
            lines.append(field("  Invited", c.organisationName(invitation.organisation) + who + ": " + invitation.reply.label))
        }
        let warnings = c.warnings[m.id] ?? []
        if !warnings.isEmpty {
            lines.append(.empty)
            lines.append(StyledLine("Warnings", Theme.header))
            for warning in warnings { lines.append(StyledLine("  ⚠ " + warning.message, Theme.warning, hangingIndent: 4)) }
        }
        return lines
    }

    func minutesLines(_ m: Meeting, _ c: Context) -> [StyledLine] {
        MeetingDocument.lines(for: m, directory: c.directory, allMeetings: c.data.meetings).flatMap { line -> [StyledLine] in
            switch line.kind {
            case .title: [StyledLine(line.text, Theme.title)]
            case .heading: [StyledLine(line.text, .bold)]
            case .subheading: [StyledLine(line.text, .bold)]
            case .resolved: [StyledLine(line.text, Theme.good)]
            case .body: [StyledLine(line.text)]
            case .blank: [.empty]
            case .chart: [StyledLine(line.text, .bold)] + line.chartLines.map { StyledLine($0) }
            }
        }
    }

    func textLines(_ m: Meeting, _ c: Context) -> [StyledLine] {
        tab == .minutes ? minutesLines(m, c) : detailLines(m, c)
    }

    // MARK: update

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        switch command {
        case .history: return [.push(MeetingHistoryScreen(meetingID: meetingID))]
        case .nextTab: tab = Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!
        case .previousTab: tab = Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
        case .liveNotes: return [.push(LiveNotesScreen(meetingID: meetingID, context: c))]
        case .editMeeting:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.meeting(m, title: "Edit \(m.title)", c))]
        case .postpone:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.postpone(m, c))]
        case .cancelMeeting:
            guard var m = c.data.meeting(meetingID), m.status != .cancelled else { return [] }
            m.status = .cancelled
            if !m.notifications.isEmpty { m.sequence += 1 }
            return [.ask(title: "Cancel the meeting?", message: "\(m.title) on \(LondonTime.display(m.start)) will be marked cancelled. "
                            + "Councillors already notified will be owed a cancellation notice.",
                         choices: [Choice("Keep it"), Choice("Cancel the meeting", [.edit(.saveMeeting(m, label: "meeting cancelled"))])])]
        case .deleteMeeting:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.ask(title: "Delete the meeting?", message: "\(m.title) on \(LondonTime.display(m.start)) and everything recorded "
                            + "for it will be deleted (u undoes it in this session). Cancelling keeps the record instead.",
                         choices: [Choice("Keep it"), Choice("Delete", [.pop, .edit(.deleteMeeting(m.id, label: "meeting \(m.id) deleted"))])])]
        case .notify:
            return [.notify(meetingID: meetingID)]
        case .sendMail:
            return [.sendMail(meetingID: meetingID)]
        case .exportDocument:
            return [.exportDocument(meetingID: meetingID)]
        case .noticeByLetter, .noticeByPhone:
            guard var m = c.data.meeting(meetingID) else { return [] }
            let statuses = NotificationRules.statuses(for: m, in: c.directory)
            let i = selections[.councillors]?.selected ?? 0
            guard statuses.indices.contains(i) else { return [] }
            let who = statuses[i].councillor
            let method: ContactMethod = command == .noticeByLetter ? .letter : .phone
            let cancelling = m.status == .cancelled
            m.notifications.append(CouncillorNotification(
                councillor: who.id, at: c.now, method: method, kind: cancelling ? .cancellation : .invitation, sequence: m.sequence,
                start: cancelling ? nil : m.start, end: cancelling ? nil : m.end, venue: cancelling ? nil : m.venue.name))
            return [.edit(.saveMeeting(m, label: "\(who.name) told by \(method.label)"))]
        case .recordReply:
            guard let m = c.data.meeting(meetingID) else { return [] }
            let statuses = NotificationRules.statuses(for: m, in: c.directory)
            let i = selections[.councillors]?.selected ?? 0
            guard statuses.indices.contains(i) else { return [] }
            return recordReply(m, from: statuses[i].councillor, c)
        case .invite:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.invitation(m, c))]
        case .recordAttendance:
            var live = LiveNotesScreen(meetingID: meetingID, context: c)
            live.pane = .attendance
            return [.push(live)]
        case .deleteItem where tab == .attendance:
            guard var m = c.data.meeting(meetingID), m.attendance.isEmpty else {
                return [.message(.error("Attendance is recorded: invitations are kept as the record"))]
            }
            let i = selections[.attendance]?.selected ?? 0
            guard m.invitations.indices.contains(i) else { return [] }
            let removed = m.invitations.remove(at: i)
            return [.edit(.saveMeeting(m, label: "invitation to \(c.organisationName(removed.organisation)) withdrawn"))]
        case .add where tab == .agenda:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.agendaItem(m, index: nil, c))]
        case .edit where tab == .agenda:
            guard let m = c.data.meeting(meetingID) else { return [] }
            let i = selections[.agenda]?.selected ?? 0
            guard m.agenda.indices.contains(i) else { return [] }
            return [.push(FormScreen.agendaItem(m, index: i, c))]
        case .raiseIssue:
            guard let m = c.data.meeting(meetingID) else { return [] }
            return [.push(FormScreen.issue(m, nil, item: nil, c))]
        case .answerIssue, .issueToAction, .issueToTopic:
            guard let m = c.data.meeting(meetingID), tab == .issues else { return [] }
            let i = selections[.issues]?.selected ?? 0
            guard m.issues.indices.contains(i) else { return [] }
            let id = m.issues[i].id
            switch command {
            case .issueToAction: return IssueHome.toAction(id, in: m, c)
            case .issueToTopic: return IssueHome.toTopic(id, in: m, c)
            default: return [.push(FormScreen.issue(m, m.issues[i], item: m.issues[i].item, c))]
            }
        case .edit where tab == .actions:
            guard let m = c.data.meeting(meetingID) else { return [] }
            let rows = actionRows(m, c)
            let i = selections[.actions]?.selected ?? 0
            guard rows.indices.contains(i), let raisedAt = c.data.meeting(rows[i].meeting.id) else { return [] }
            return [.push(FormScreen.action(raisedAt, rows[i].action, c))]
        case .deleteItem where tab == .agenda:
            guard var m = c.data.meeting(meetingID) else { return [] }
            let i = selections[.agenda]?.selected ?? 0
            guard m.agenda.indices.contains(i) else { return [] }
            let removed = m.agenda.remove(at: i)
            AgendaRules.renumber(&m)
            return [.ask(title: "Delete agenda item?", message: "\(removed.number). \(removed.title)",
                         choices: [Choice("Keep it"), Choice("Delete", [.edit(.saveMeeting(m, label: "agenda item \(removed.number) deleted"))])])]
        case .moveUp where tab == .agenda, .moveDown where tab == .agenda:
            guard var m = c.data.meeting(meetingID) else { return [] }
            let i = selections[.agenda]?.selected ?? 0
            let j = command == .moveUp ? i - 1 : i + 1
            guard m.agenda.indices.contains(i), m.agenda.indices.contains(j) else { return [] }
            m.agenda.swapAt(i, j)
            AgendaRules.renumber(&m)
            selections[.agenda] = SelectionState(selected: j, offset: selections[.agenda]?.offset ?? 0)
            return [.edit(.saveMeeting(m, label: "agenda item moved to \(j + 1)"))]
        default:
            guard let m = c.data.meeting(meetingID) else { return [] }
            let areas = layout(c.contentArea)
            if tab.isText {
                let total = TextView(lines: textLines(m, c)).wrapped(width: areas.body.width).count
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
            } else if let table = table(for: tab, m, c) {
                var browser = TableBrowser()
                browser.selection = selections[tab] ?? SelectionState()
                _ = browser.move(command, count: table.rowCount, visible: Table.visibleRows(in: areas.main))
                selections[tab] = browser.selection
            }
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        guard case .mouse(let mouse) = event, let m = c.data.meeting(meetingID) else { return [] }
        let areas = layout(c.contentArea)
        if mouse.y == areas.tabs.y, mouse.kind == .press {
            if let index = Tabs(titles: Tab.allCases.map(\.title), selected: tab.rawValue).tab(atX: mouse.x, in: areas.tabs) {
                tab = Tab(rawValue: index)!
            }
            return []
        }
        if tab.isText {
            if mouse.kind == .wheelUp { return perform(.up, c) + perform(.up, c) + perform(.up, c) }
            if mouse.kind == .wheelDown { return perform(.down, c) + perform(.down, c) + perform(.down, c) }
        } else if let table = table(for: tab, m, c) {
            var browser = TableBrowser()
            browser.selection = selections[tab] ?? SelectionState()
            _ = browser.mouse(mouse, table: table, in: areas.main)
            selections[tab] = browser.selection
        }
        return []
    }

    // MARK: view

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let areas = layout(area)
        guard let m = c.data.meeting(meetingID) else {
            buffer.put("This meeting is no longer in the data (\(meetingID)).", x: areas.heading.x, y: areas.heading.y, style: Theme.error)
            return
        }
        let status = m.status.label + ((c.warnings[m.id]?.isEmpty ?? true) ? "" : " · ⚠ \(c.warnings[m.id]!.count)")
        let statusWidth = DisplayWidth.of(status)
        buffer.put(m.title, x: areas.heading.x, y: areas.heading.y, maxWidth: areas.heading.width - statusWidth - 2, style: Theme.title)
        buffer.put(status, x: areas.heading.maxX - statusWidth, y: areas.heading.y,
                   style: (c.warnings[m.id]?.isEmpty ?? true) ? .bold : Theme.warning)
        let when = "\(Format.day(m.start).trimmingCharacters(in: .whitespaces)) \(LondonTime.hhmm(m.start))–\(LondonTime.hhmm(m.end))"
        buffer.put("\(when) · \(m.venue.name) · \(c.areaName(m.area))", x: areas.heading.x, y: areas.heading.y + 1,
                   maxWidth: areas.heading.width, style: Theme.muted)
        Tabs(titles: Tab.allCases.map(\.title), selected: tab.rawValue).render(in: areas.tabs, into: &buffer)
        if tab.isText {
            TextView(lines: textLines(m, c)).render(in: areas.body, into: &buffer, offset: offsets[tab] ?? 0)
            return
        }
        guard let table = table(for: tab, m, c) else { return }
        var selection = selections[tab] ?? SelectionState()
        selection.clamp(count: table.rowCount, visible: Table.visibleRows(in: areas.main))
        table.render(in: areas.main, into: &buffer, state: selection)
        detail(m, c, selected: selection.selected, into: &buffer, area: areas.detail)
    }

    /// Under the agenda and the actions: the selected row in full.
    func detail(_ m: Meeting, _ c: Context, selected: Int, into buffer: inout Buffer, area: Rect) {
        guard area.height > 1 else { return }
        var lines: [StyledLine] = []
        switch tab {
        case .agenda where m.agenda.indices.contains(selected):
            let item = m.agenda[selected]
            let org = item.organisation.map { " (" + c.organisationName($0) + ")" } ?? ""
            let presenter = item.presenter.map { c.directory.displayName(ofPerson: $0) } ?? item.presenterName
            lines.append(StyledLine([Span("\(item.number). \(item.title)", .bold), Span(presenter.map { "  " + $0 + org } ?? "")]))
            if let notes = item.notes { lines.append(StyledLine(notes)) }
            lines.append(StyledLine(item.outcome ?? (m.status == .held ? "No outcome recorded." : ""), item.outcome == nil ? Theme.muted : Theme.good))
            if let topic = item.topic {
                lines.append(StyledLine("Topic request: " + (c.data.topic(topic)?.title ?? "\(topic) (not found in topics/)"), Theme.muted))
            }
            let over = AgendaRules.overrun(m)
            lines.append(over > 0
                ? StyledLine("⚠ Agenda time: \(m.agendaMinutes) minutes; the meeting runs \(m.lengthMinutes): \(over) over. Trim or move an item.", Theme.warning)
                : StyledLine("Agenda time: \(m.agendaMinutes) minutes; the meeting runs \(m.lengthMinutes) (\(m.lengthMinutes - m.agendaMinutes) free).", Theme.muted))
        case .actions:
            let rows = actionRows(m, c)
            guard rows.indices.contains(selected) else { break }
            let a = rows[selected].action
            lines.append(StyledLine([Span("\(a.id) ", .bold), Span(a.description)]))
            for update in a.updates.suffix(2) {
                lines.append(StyledLine("  \(Format.day(update.at).trimmingCharacters(in: .whitespaces)): \(update.text)", Theme.muted))
            }
            if let feedback = a.feedback { lines.append(StyledLine([Span("You said, we did: ", .bold), Span(feedback)])) }
        case .councillors:
            lines = councillorDetail(m, c, selected: selected)
        case .issues where m.issues.indices.contains(selected):
            let issue = m.issues[selected]
            lines.append(StyledLine([Span("\(issue.id) ", .bold), Span(issue.text)], hangingIndent: 2))
            if let item = issue.item, let raised = m.agenda.first(where: { $0.number == item }) {
                lines.append(StyledLine("Raised under item \(item): \(raised.title)", Theme.muted))
            }
            switch issue.status {
            case .open: lines.append(StyledLine("Open: Enter answers it, a raises an action, t makes it a topic.", Theme.warning))
            case .answered: lines.append(StyledLine(issue.answer ?? "Answered.", Theme.good, hangingIndent: 2))
            case .action:
                let action = issue.action.flatMap { id in c.data.meetings.lazy.flatMap(\.actions).first { $0.id == id } }
                lines.append(StyledLine("Action \(issue.action ?? "?"): " + (action.map { "\($0.description) (\($0.status.label))" } ?? "not found"),
                                        hangingIndent: 2))
            case .topic:
                let topic = issue.topic.flatMap { c.data.topic($0) }
                lines.append(StyledLine("Topic request: " + (topic?.title ?? issue.topic ?? "?"), hangingIndent: 2))
            }
        default: break
        }
        buffer.put(String(repeating: "─", count: area.width), x: area.x, y: area.y, style: Theme.muted)
        TextView(lines: lines).render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                                      into: &buffer, offset: 0)
    }
}
