import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// The wards' councillors: the notice each is owed or was sent, and their reply.
struct MeetingCouncillorsTab: MeetingTab {
    var title: String { "Councillors" }

    var keys: KeyMap<Command>.Group? {
        .init(
            "Councillors",
            [
                Binding(
                    [.char("n")], "Notify: e-mail invitations (or cancellations) to the outbox for everyone owed one",
                    .notify, hint: "notify"),
                Binding(
                    [.char("S")],
                    "Send this meeting's queued e-mails with the mail program (this machine's, see forumdesk send --help)",
                    .sendMail),
                Binding(
                    [.char("l")], "Record a notice sent by letter to the selected councillor", .noticeByLetter,
                    hint: "letter"),
                Binding([.char("t")], "Record a notice given by telephone to the selected councillor", .noticeByPhone),
                Binding([.char("r")], "Record the selected councillor's reply", .recordReply, hint: "reply"),
            ])
    }

    var hasDetail: Bool { true }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .table(table(m, c)) }

    func table(_ m: Meeting, _ c: Context) -> Table {
        let statuses = NotificationRules.statuses(for: m, in: c.directory)
        return Table(
            columns: [
                Column("Councillor", .min(18)), Column("Ward", .min(8)), Column("Prefers", .length(7)),
                Column("Notice", .length(18)), Column("Announced", .length(9)), Column("Sent", .length(13)),
            ],
            rows: statuses.map { s in
                [
                    s.councillor.name,
                    s.councillor.wards.filter(m.wards.contains).map(c.wardName).joined(separator: ", "),
                    s.councillor.preferredContact?.label ?? "", s.state.label,
                    s.lastNotice.map(Self.announced) ?? "",
                    s.lastNotice.map(Self.sent) ?? "",
                ]
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
    func detail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine] {
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
            let why =
                notice.deliveryNote.map { ": " + $0.split(whereSeparator: \.isNewline).joined(separator: " / ") } ?? ""
            // The outbox is not shared: another machine's queued e-mail is sent from there.
            let elsewhere = notice.queuedOn.flatMap { $0 == ProcessOwner.machine ? nil : $0 }
            let place = notice.queuedOn.map { " on \($0)" } ?? ""
            lines.append(
                StyledLine(
                    "Notice #\(notice.sequence)\(when), e-mail \(delivery.label)\(place)\(why)"
                        + (delivery == .sending
                            ? "" : elsewhere == nil ? " (S sends it)" : " (sent from that machine)"),
                    delivery == .queued ? Theme.muted : Theme.warning, hangingIndent: 2))
        } else {
            lines.append(
                StyledLine(
                    "Notice #\(notice.sequence)\(when), sent \(Format.day(notice.sentAt ?? notice.at).trimmingCharacters(in: .whitespaces)) by \(notice.method.label)",
                    hangingIndent: 2))
        }
        // Above the reply, so the four lines under the table always show it.
        if s.state == .stale {
            lines.append(
                StyledLine(
                    "⚠ The meeting changed since this notice: n sends the update; r records a reply to the new "
                        + "details given by phone.", Theme.warning, hangingIndent: 2))
        }
        if notice.reply != .noReply {
            var text = "Reply to notice #\(notice.sequence): \(notice.reply.label)"
            if let delegate = notice.delegatedTo { text += " to \(delegate)" }
            if let at = notice.repliedAt { text += ", \(LondonTime.display(at))" }
            if let comment = notice.comment { text += ": “\(comment)”" }
            if let why = notice.replyUnverified { text += " (unverified: \(why))" }
            lines.append(StyledLine(text, notice.reply == .declined ? Theme.muted : Theme.good, hangingIndent: 2))
        }
        return lines
    }

    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]? {
        switch command {
        case .notify:
            return [.notify(meetingID: m.id)]
        case .sendMail:
            return [.sendMail(meetingID: m.id)]
        case .noticeByLetter, .noticeByPhone:
            var m = m
            let statuses = NotificationRules.statuses(for: m, in: c.directory)
            let i = selection.selected
            guard statuses.indices.contains(i) else { return [] }
            let who = statuses[i].councillor
            let method: ContactMethod = command == .noticeByLetter ? .letter : .phone
            let cancelling = m.status == .cancelled
            m.notifications.append(
                CouncillorNotification(
                    councillor: who.id, at: c.now, method: method, kind: cancelling ? .cancellation : .invitation,
                    sequence: m.sequence,
                    start: cancelling ? nil : m.start, end: cancelling ? nil : m.end,
                    venue: cancelling ? nil : m.venue.name))
            return [.edit(.saveMeeting(m, label: "\(who.name) told by \(method.label)"))]
        case .recordReply:
            let statuses = NotificationRules.statuses(for: m, in: c.directory)
            let i = selection.selected
            guard statuses.indices.contains(i) else { return [] }
            return recordReply(m, from: statuses[i].councillor, c)
        default:
            return nil
        }
    }
}
