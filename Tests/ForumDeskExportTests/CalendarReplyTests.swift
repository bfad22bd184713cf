import Foundation
import ForumDeskTestSupport
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport

/// Reading replies: the announced DTSTART in each client's zone form, and the MIME shapes they arrive in.
@Suite struct CalendarReplyTests {
    func reply(start: String, stamp: String = "DTSTAMP:20260601T090000Z", extra: String = "") -> String {
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VTIMEZONE\r\nTZID:GMT Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\n"
            + "TZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:2026-06-10-sandy-ltt@forumdesk\r\nSEQUENCE:2\r\n"
            + "\(start)\r\n\(stamp)\r\n\(extra)ATTENDEE;CN=\"Cllr A; Sandy\";PARTSTAT=ACCEPTED:mailto:A@Example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    /// 19:00 on 10 June in London is 18:00 UTC (BST): Outlook's Windows zone name, Google's UTC and Thunderbird's
    /// Europe/London all name the same instant, and a time zone's own DTSTART is never taken for the event's.
    @Test(arguments: [
        "DTSTART;TZID=GMT Standard Time:20260610T190000", "DTSTART:20260610T180000Z",
        "DTSTART;TZID=Europe/London:20260610T190000",
        "DTSTART;TZID=\"/mozilla.org/20050126_1/Europe/London\":20260610T190000",
        "DTSTART;TZID=W. Europe Standard Time:20260610T200000",
    ])
    func test_announcedStart_inEveryZoneForm(line: String) throws {
        let parsed = try CalendarReply.parse(reply(start: line))
        #expect(parsed.start == LondonTime.parse("2026-06-10T19:00"))
        #expect(parsed.sequence == 2)
        #expect(parsed.stamp == LondonTime.parse("2026-06-01T09:00:00Z"))
        #expect(parsed.answers == [CalendarReply.Answer(address: "a@example.org", participation: .accepted)])
    }

    /// Saved by a Windows tool with a byte-order mark: still a reply.
    @Test func test_byteOrderMark_isNotPartOfTheFirstLine() throws {
        #expect(try CalendarReply.parse("\u{FEFF}" + reply(start: "DTSTART:20260610T180000Z")).sequence == 2)
    }

    /// A zone that cannot be known leaves the start unchecked rather than wrongly "moved".
    @Test func test_unknownZone_leavesTheStartUnknown() throws {
        #expect(try CalendarReply.parse(reply(start: "DTSTART;TZID=Custom Zone 7:20260610T190000")).start == nil)
    }

    /// A delegation lists the delegate too (with DELEGATED-FROM): that line informs, it is not a second answer.
    @Test func test_delegation_listsTheDelegate_withoutAnsweringForThem() throws {
        let text =
            "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:m@forumdesk\r\n"
            + "ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO=\"mailto:deputy@example.org\":mailto:a@example.org\r\n"
            + "ATTENDEE;PARTSTAT=NEEDS-ACTION;DELEGATED-FROM=\"mailto:a@example.org\":mailto:deputy@example.org\r\n"
            + "COMMENT:away that week\\, my deputy will come\\n\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let parsed = try CalendarReply.parse(text)
        #expect(
            parsed.answers == [
                CalendarReply.Answer(
                    address: "a@example.org", participation: .delegated, delegatedTo: ["deputy@example.org"])
            ])
        #expect(parsed.comment == "away that week, my deputy will come")
    }

    /// Quoted-printable with soft line breaks and =3D, inside multipart/mixed inside multipart/alternative.
    @Test func test_quotedPrintableCalendar_inNestedMultipart() {
        let mail =
            "Date: Thu, 26 Nov 2026 09:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\npreamble\r\n--outer\r\n"
            + "Content-Type: multipart/alternative;\r\n boundary=inner\r\n\r\n--inner\r\nContent-Type: text/plain\r\n\r\nhi\r\n--inner\r\n"
            + "Content-Type: text/calendar; method=REPLY; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nATTENDEE;PARTSTAT=3DDECLINED;CN=3DR=C3=B6se:mailto:r@exa=\r\nmple.org\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n--inner--\r\n--outer--\r\nepilogue\r\n"
        let message = MailReader.message(Data(mail.utf8))
        #expect(message.calendars.count == 1)
        #expect(message.calendars.first?.contains("ATTENDEE;PARTSTAT=DECLINED;CN=Röse:mailto:r@example.org") == true)
        #expect(message.date == LondonTime.parse("2026-11-26T09:00:00Z"))
    }

    /// A SEQUENCE the councillor was never sent (a forwarded or forged reply) is reported, not counted.
    @Test func test_replyToASequenceNeverSent_isIgnored() throws {
        let start = LondonTime.parse("2026-06-10T19:00")!
        var m = Meeting(
            id: "2026-06-10-sandy-ltt", kind: .letsTalkTogether, title: "T", area: "sandy", wards: ["sandy"],
            start: start,
            end: start.addingTimeInterval(7200), venue: Venue(name: "Hall"), status: .confirmed)
        m.sequence = 2
        m.notifications = [
            CouncillorNotification(
                councillor: "cllr-a", at: start.addingTimeInterval(-20 * 86_400), method: .email,
                sequence: 2, start: start, end: m.end, venue: "Hall")
        ]
        let directory = Directory(
            areas: [Area(id: "sandy", name: "Sandy", wards: [Ward(id: "sandy", name: "Sandy")])],
            people: [
                Person(
                    id: "cllr-a", name: "Cllr Ada Ashgrove", kind: .councillor, wards: ["sandy"], email: "a@example.org"
                )
            ])
        let counted = try CalendarReply.parse(reply(start: "DTSTART;TZID=Europe/London:20260610T190000"))
        let (saved, outcomes) = counted.apply(to: m, directory: directory, sent: start)
        #expect(outcomes.map(\.isIgnored) == [false])
        #expect(
            saved.notifications[0].reply == .accepted
                && saved.notifications[0].repliedAt == LondonTime.parse("2026-06-01T09:00:00Z"))
        var forged = counted
        forged.sequence = 5
        let (unchanged, ignored) = forged.apply(to: m, directory: directory, sent: start)
        #expect(
            ignored == [.ignored("Cllr Ada Ashgrove: answers SEQUENCE 5, which was never sent to them; not counted")])
        #expect(unchanged == m)
    }

    /// The comment a councillor sent with a decline is personal: the minutes list the apology, name and council only.
    @Test func test_declineComment_isNotPrintedInTheMinutes() {
        let start = LondonTime.parse("2026-10-15T19:00")!
        var m = Meeting(
            id: "m", kind: .letsTalkTogether, title: "T", area: "sandy", wards: ["sandy"], start: start,
            end: start.addingTimeInterval(7200), venue: Venue(name: "Hall"), status: .held)
        m.notifications = [
            CouncillorNotification(
                councillor: "cllr-a", at: start.addingTimeInterval(-20 * 86_400), method: .email,
                start: start, reply: .declined, comment: "planning committee that evening")
        ]
        m.attendance = [Attendance(person: "cllr-a", status: .apologies)]
        let directory = Directory(
            areas: [Area(id: "sandy", name: "Sandy", wards: [Ward(id: "sandy", name: "Sandy")])],
            people: [Person(id: "cllr-a", name: "Cllr Ada Ashgrove", kind: .councillor, wards: ["sandy"])])
        let text = MeetingDocument.plainText(
            for: m, directory: directory, allMeetings: [m], council: "Central Bedfordshire Council")
        #expect(text.contains("  Councillor Ada Ashgrove – Central Bedfordshire Council\n"))
        #expect(!text.contains("planning committee"))
    }
}
