import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport

@Suite struct ICalendarWriterTests {
    /// RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space, never splitting a character.
    @Test func test_fold_at75Octets_withoutSplittingUTF8() {
        let long = "DESCRIPTION:" + String(repeating: "আসুন একসাথে কথা বলি ", count: 8)
        // Octets, not Characters: a space followed by a combining vowel sign is one Swift Character.
        let bytes = Array(ICalendar.fold(long).utf8)
        var lines: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { lines.append([]); i += 2; continue }
            lines[lines.count - 1].append(bytes[i])
            i += 1
        }
        #expect(lines.count > 1)
        for line in lines {
            #expect(line.count <= 75, "\(line.count)")
            #expect(String(validating: line, as: UTF8.self) != nil, "a line ends inside a character")
        }
        #expect(lines.dropFirst().allSatisfy { $0.first == 32 })
        // Unfolding (dropping CRLF and the following space) gives the original back.
        #expect(
            lines.enumerated().flatMap { $0.offset == 0 ? $0.element : Array($0.element.dropFirst()) }
                == Array(long.utf8))
        #expect(ICalendar.fold("SHORT:line") == "SHORT:line")
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
    @Test func test_escape_text() {
        #expect(ICalendar.escape("Hall, Room 1; back\\door\nnext") == "Hall\\, Room 1\\; back\\\\door\\nnext")
    }

    /// A meeting id with a line break added an ATTENDEE and an X- property to every invitation and to the feed.
    @Test(arguments: [
        "x\nATTENDEE:mailto:evil@example.org", "x\r\nX-EVIL:1", "x\rX-EVIL:1", "x\u{85}X-EVIL:1", "x;X-EVIL=1:y,z\\",
    ])
    func test_meetingIDWithLineBreak_addsNoProperty(id: String) {
        var m = meeting()
        m.id = id
        m.title = "Title\nX-TITLE:1"
        m.venue = Venue(name: "Hall\r\nX-VENUE:1", address: "1 Road\nX-ADDRESS:1")
        let raw = ICalendar.calendar(
            method: .publish,
            events: [
                ICalendar.event(
                    m, directory: Directory(), method: .publish, sequence: 0,
                    stamp: Date(), organiser: nil, attendee: nil,
                    description: "a\nX-DESCRIPTION:1")
            ],
            name: "Feed\nX-NAME:1")
        let lines = raw.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(
            !lines.contains {
                $0.hasPrefix("ATTENDEE") || $0.hasPrefix("X-EVIL") || $0.hasPrefix("X-TITLE") || $0.hasPrefix("X-VENUE")
                    || $0.hasPrefix("X-ADDRESS") || $0.hasPrefix("X-DESCRIPTION") || $0.hasPrefix("X-NAME")
            }, "\(lines)")
        #expect(
            !raw.unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
                || !raw.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.contains {
                    $0 == "\r" || $0 == "\n" || $0 == "\u{85}"
                })
        #expect(lines.filter { $0.hasPrefix("UID:") }.count == 1)
        // A reply naming such a UID names no meeting.
        #expect(ICalendar.meetingID(fromUID: "\(id)@forumdesk") == nil)
    }

    @Test func test_calendar_hasCRLFEverywhere_aTimeZone_andLondonTimes() {
        let m = meeting()
        let raw = ICalendar.calendar(
            method: .request,
            events: [
                ICalendar.event(
                    m, directory: Directory(), method: .request, sequence: 2,
                    stamp: LondonTime.parse("2026-11-02T10:15:00Z")!,
                    organiser: .init(name: "Team", email: "t@example.org"),
                    attendee: .init(name: "Cllr A, B", email: "a@example.org"),
                    description: "Agenda")
            ])
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(raw.hasSuffix("END:VCALENDAR\r\n"))
        let text = raw.replacingOccurrences(of: "\r\n ", with: "")  // unfolded
        #expect(text.contains("TZID:Europe/London"))
        #expect(text.contains("DTSTART;TZID=Europe/London:20260610T190000"))  // BST written as wall-clock time
        #expect(text.contains("DTSTAMP:20261102T101500Z"))
        #expect(text.contains("SEQUENCE:2"))
        #expect(text.contains("UID:2026-06-10-sandy-ltt@forumdesk"))
        #expect(
            text.contains(
                "ATTENDEE;CN=\"Cllr A, B\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:a@example.org"))
        #expect(text.contains("METHOD:REQUEST"))
    }

    @Test func test_parse_unfoldsAndReadsParameters() {
        let reply =
            "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:2026-06-10-sandy-ltt@forumdesk\r\nATTENDEE;CN=\"Cllr A\r\n , B\";PARTSTAT=ACCEPTED:mailto:a@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let lines = ICalendar.parse(reply)
        let attendee = lines.first { $0.name == "ATTENDEE" }
        #expect(attendee?.parameters["PARTSTAT"] == "ACCEPTED")
        #expect(attendee?.parameters["CN"] == "Cllr A, B")
        #expect(attendee?.value == "mailto:a@example.org")
        #expect(ICalendar.meetingID(fromUID: "2026-06-10-sandy-ltt@forumdesk") == "2026-06-10-sandy-ltt")
    }

    @Test func test_email_encodesNonASCIIHeaders_andIsCRLF() {
        let text = Email.message(
            from: Email.mailbox("Team", "t@example.org"), to: Email.mailbox("রহিম আলী", "r@example.org"),
            subject: "Invitation: আসুন", date: LondonTime.parse("2026-11-23T12:00")!, messageID: "x@forumdesk",
            body: "Hello\nthere", calendar: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", method: "REQUEST")
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("To: =?UTF-8?B?"))
        #expect(text.contains("Content-Type: text/calendar; charset=UTF-8; method=REQUEST"))
        #expect(text.contains("Date: Mon, 23 Nov 2026 12:00:00 +0000"))
        #expect(text.allSatisfy { $0.isASCII })
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 998 })
    }

    /// RFC 2047 §2 (encoded-words at most 75 characters, each decoding to whole UTF-8 characters), RFC 5322 §2.1.1
    /// (header lines at most 78), RFC 2046 §5.1.1 (boundary at most 70), for subjects and names of every shape.
    @Test(arguments: [
        String(repeating: "আসুন একসাথে কথা বলি ", count: 12),  // Bengali, 240 characters
        "Let's Talk Together: " + String(repeating: "Biggleswade ", count: 200),  // a long plain title: 2,400 octets
        String(repeating: "x", count: 2000),  // one word too long to fold
        "Café 👩🏽‍💻 meeting =?UTF-8?B?aGk=?= \r\nBcc: victim@example.org",  // emoji, a fake encoded-word, injection
    ])
    func test_email_headersWithinRFCLimits(subject: String) throws {
        let text = Email.message(
            from: Email.mailbox("Community Engagement Team", "t@example.org"),
            to: Email.mailbox("Cllr " + String(subject.prefix(60)), "r@example.org"), subject: subject,
            date: LondonTime.parse("2026-11-23T12:00")!, messageID: String(repeating: "m", count: 300) + "@forumdesk",
            body: subject, calendar: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", method: "REQUEST")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        var decoded = ""
        var inSubject = false
        for line in head.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
            if line.hasPrefix("Subject:") { inSubject = true } else if !line.hasPrefix(" ") { inSubject = false }
            let words = line.split(separator: " ").filter { $0.hasPrefix("=?") && $0.hasSuffix("?=") }
            for word in words {
                #expect(word.count <= 75, "\(word)")
                let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
                let bytes = try #require(Data(base64Encoded: String(payload)))
                #expect(String(validating: Array(bytes), as: UTF8.self) != nil, "an encoded-word splits a character")
                if inSubject { decoded += String(decoding: bytes, as: UTF8.self) }
            }
            if inSubject, words.isEmpty { decoded += line.hasPrefix("Subject: ") ? String(line.dropFirst(9)) : line }
        }
        #expect(!head.contains("\r\nBcc:"))
        #expect(decoded == subject, "the subject decodes to what was written")
        let boundary = try #require(head.range(of: "boundary=\"").map { head[$0.upperBound...].prefix { $0 != "\"" } })
        #expect(boundary.count <= 70)
    }

    func meeting() -> Meeting {
        let start = LondonTime.parse("2026-06-10T19:00")!
        return Meeting(
            id: "2026-06-10-sandy-ltt", kind: .letsTalkTogether, title: "Let's Talk Together: Sandy", area: "sandy",
            wards: ["sandy"], start: start, end: start.addingTimeInterval(7200),
            venue: Venue(name: "Sandy Village Hall", address: "Bedford Road, Sandy"), status: .confirmed)
    }
}
