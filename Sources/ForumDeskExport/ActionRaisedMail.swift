import Foundation
import ForumDeskCore

extension DigestMail {
    /// The "action raised" e-mail: the actions newly given to one person (each with its meeting, due date and what
    /// it is about) and how to answer by replying, one line per action. Into `outbox/actions/` for `forumdesk send`.
    public static func raised(
        _ notice: ActionRaisedRules.Notice, directory: Directory, organiser: Notifier.Organiser,
        council: String, now: Date
    ) -> Outgoing {
        let today = LondonTime.date(now)
        let count = notice.items.count
        let subject =
            count == 1
            ? "Action for you from a residents' meeting: \(notice.items[0].action.id)"
            : "\(count) actions for you from residents' meetings"
        let behalf = notice.organisations.map { directory.organisation($0)?.name ?? $0 }
        let intro =
            (count == 1 ? "This action was" : "These actions were") + " agreed at a community meeting and given to you"
            + (behalf.isEmpty ? "" : " (on behalf of \(behalf.joined(separator: ", ")))")
            + ". Residents will be told what happens: please reply when there is news, and when it is done."
        let entries = notice.items.map { raised in
            entry(ReminderRules.Item(raised: raised, overdue: false), today: today, directory: directory)
        }
        var page = Page(
            greeting: "Dear \(notice.person.name),", intro: intro,
            sections: [Section(title: count == 1 ? "Your new action" : "Your new actions", entries: entries)],
            signature: [organiser.name, council, organiser.email])
        page.instructions = ActionReplyText.instructions(for: notice.items.map(\.action.id), today: today)
        let file = NoticeOutbox.digestFileName(person: notice.person.id, folder: NoticeOutbox.raised, at: now)
        let text = Email.message(
            from: Email.mailbox(organiser.name, organiser.email), to: Email.mailbox(notice.person.name, notice.email),
            subject: subject, date: now, messageID: "action.\(notice.person.id).\(ICalendar.utcStamp(now))@forumdesk",
            text: page.text, html: page.html(title: subject))
        return Outgoing(
            name: notice.person.name, email: notice.email, folder: NoticeOutbox.raised, file: file, text: text)
    }
}
