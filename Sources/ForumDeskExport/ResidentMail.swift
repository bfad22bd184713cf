import Foundation
import ForumDeskCore

extension DigestMail {
    /// The short, plain "you said, we did" message to a resident who asked to be told what became of the issue they
    /// raised: the meeting, what they said, what was done, and that the address is used for nothing else. Into
    /// `outbox/residents/<issue>-told-<time>.eml` for `forumdesk send`.
    public static func residentMessage(
        _ owed: ResidentFeedbackRules.Owed, directory: Directory, organiser: Notifier.Organiser,
        council: String, now: Date
    ) -> Outgoing? {
        guard let email = owed.contact.email else { return nil }
        let day = MeetingDocument.longDate(owed.meeting.start)
        let subject = "What happened about the issue you raised on \(day)"
        let intro =
            "At \(owed.meeting.title) on \(day) you raised an issue and asked to be told what happened. Here it is."
        var page = Page(
            greeting: "Dear resident,", intro: intro,
            sections: [
                Section(
                    title: "You said, we did",
                    entries: [
                        Entry(
                            title: owed.issue.id,
                            lines: (owed.noticeTitle.map { [("Meeting", $0)] } ?? [])
                                + [("You said", owed.issue.text), ("We did", owed.weDid)])
                    ])
            ],
            signature: [organiser.name, council, organiser.email])
        page.instructions = [
            "You gave us this address only so that we could tell you this. We will not use it for anything else, "
                + "and we delete it once our records of the meeting are no longer kept."
        ]
        let file = NoticeOutbox.digestFileName(
            person: owed.issue.id.lowercased(), folder: NoticeOutbox.residents, at: now)
        let text = Email.message(
            from: Email.mailbox(organiser.name, organiser.email), to: Email.mailbox("Resident", email),
            subject: subject,
            date: now, messageID: "told.\(owed.issue.id.lowercased()).\(ICalendar.utcStamp(now))@forumdesk",
            text: page.text, html: page.html(title: subject))
        return Outgoing(name: "resident", email: email, folder: NoticeOutbox.residents, file: file, text: text)
    }
}
