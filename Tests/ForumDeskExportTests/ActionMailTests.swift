import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport

/// Reading action owners' answers out of replies as Outlook, Gmail and Thunderbird write them
/// (Tests/Fixtures/action-replies, made by make_corpus.py): only the sender's own text counts.
@Suite struct ActionMailTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/action-replies")
    static let now = Date(timeIntervalSince1970: 1_795_856_400)  // 2026-11-27

    func read(_ name: String) throws -> ActionReplyRules.Mail? {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
        return ActionMail.read(data, source: name, now: Self.now)
    }

    func answers(_ mail: ActionReplyRules.Mail?) -> [String] { mail?.reading.answers.map(\.line) ?? [] }

    @Test func test_outlook_topPosted_readsTheThreeAnswers_notTheQuotedReminderUnderItsHeaderBlock() throws {
        let mail = try #require(try read("outlook-top.eml"))
        #expect(
            answers(mail) == [
                "A-2026-033 done: report sent to the residents' group on 24 Nov, copy on the council website",
                "A-2026-039 update: contractor booked for 15 Dec",
                "A-2026-038 due 2027-01-31: waiting for the survey",
            ])
        #expect(mail.reading.unread.isEmpty)
        #expect(mail.messageID == "<AM0PR10MB3346A1B2C3D4E5F6@AM0PR10MB3346.EURPRD10.PROD.OUTLOOK.COM>")
        #expect(mail.from == "nikhil.kestrel@example.org")
        #expect(
            mail.reading.answers[2].instruction
                == .due(CalendarDate(year: 2027, month: 1, day: 31), "waiting for the survey"))
    }

    @Test func test_gmail_topPosted_quotedWithAngleBrackets_listsTheLineItCannotRead() throws {
        let mail = try #require(try read("gmail-top.eml"))
        #expect(
            answers(mail) == [
                "A-2026-032 update: resurfacing programmed for the week of 11 Jan", "A-2026-999 done: gully emptied",
            ])
        #expect(mail.reading.unread.map(\.line) == ["A-2026-057 finished last week I think"])
    }

    @Test func test_thunderbird_bottomPostedBetweenQuotedLines_flowedLinesJoined_signatureLeftOut() throws {
        let mail = try #require(try read("thunderbird-bottom.eml"))
        #expect(
            answers(mail) == [
                "A-2026-031 done: volunteers planted the 40 hedge whips on 21 Nov",
                "A-2026-061 update: landowner's consent came through, work starts in December",
            ])
        #expect(mail.reading.unread.isEmpty)
    }

    @Test func test_htmlOnly_isReadAsText_withoutOutlooksQuotedMessage() throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("outlook-html-only.eml"))
        let body = MailBody(data)
        #expect(
            body.ownText == "A-2026-040 done: new bins delivered to Flitwick Road on 20 Nov\n\nYasmin", "\(body.text)")
        let mail = try #require(try read("outlook-html-only.eml"))
        #expect(answers(mail) == ["A-2026-040 done: new bins delivered to Flitwick Road on 20 Nov"])
    }

    @Test func test_forwardedByAColleague_readsTheirAnswer_notTheForwardedReminder() throws {
        let mail = try #require(try read("forwarded-colleague.eml"))
        #expect(answers(mail) == ["A-2026-048 update: the youth club has agreed to host the session in January"])
        #expect(mail.reading.unread.isEmpty, "the owner's note below the forward line is not read")
        #expect(mail.from == "wilf.lanternby@example.org")
    }

    @Test func test_quoting_eachRule() {
        #expect(ReplyText.own("A-1 done\n> A-2026-001 done: quoted\n-- \nsig A-2026-002 done") == "A-1 done")
        #expect(ReplyText.own("ok\n-----Original Message-----\nA-2026-001 done: x") == "ok")
        #expect(ReplyText.own("ok\n*From:* Team <t@example.org>\n*Sent:* Monday\nA-2026-001 done: x") == "ok")
        #expect(ReplyText.own("ok\nOn Mon, 23 Nov 2026, Team <t@example.org> wrote:\nA-2026-001 done: x") == "ok")
        #expect(
            ReplyText.own("From: a colleague, thanks\nA-2026-001 done: x")
                == "From: a colleague, thanks\nA-2026-001 done: x")
        #expect(
            ReplyText.fromHTML(
                "<p>a &amp; b&#39;s</p><blockquote>A-2026-001 done: x<blockquote>y</blockquote></blockquote><p>c</p>")
                == "a & b's\n\nc")
    }

    @Test func test_lines_keywordsDatesAndWhatIsNotRead() {
        let today = CalendarDate(year: 2026, month: 11, day: 27)
        let r = ActionReplyText.read(
            """
            - a-2026-041 Completed - drain cleared
            *A-2026-042* in progress: survey done
            A-2026-043 due 31 Jan 2027, parts on order
            A-2026-044 due soon
            A-2026-045 update: <what has happened so far>
            A-2026-046 done
            see A-2026-047 in my last e-mail
            nothing about an action here
            """, today: today)
        #expect(r.answers.map(\.action) == ["A-2026-041", "A-2026-042", "A-2026-043", "A-2026-046"])
        #expect(r.answers[0].instruction == .done("drain cleared"))
        #expect(r.answers[1].instruction == .update("survey done"))
        #expect(r.answers[2].instruction == .due(CalendarDate(year: 2027, month: 1, day: 31), "parts on order"))
        #expect(r.answers[3].instruction == .done(nil))
        #expect(
            r.unread.map(\.line) == [
                "A-2026-044 due soon", "A-2026-045 update: <what has happened so far>",
                "see A-2026-047 in my last e-mail",
            ])
    }
}
