import Foundation
import ForumDeskTestSupport
import Testing

/// Replies that do not come from the councillor they speak for: a stranger's e-mail, a display name borrowed
/// over another address, one e-mail answering for five councillors, a reply to another organiser. None counts.
@Suite(.serialized) struct ForgedReplyTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]
    let replies = ReplyImportTests()
    static let councillors = [
        "tamsin.lanternby", "cyrus.underhill", "otis.rookwood", "parveen.vantwood", "farah.greenhalgh",
    ]
    .map { "\($0)@councillors.example.org" }

    /// An e-mail as a mail program writes a calendar reply, with the calendar as plain text (7bit).
    func mail(
        from: String, sender: String? = nil, attendees: [String], partstat: String = "DECLINED",
        organizer: String = "engagement@example.org"
    ) -> Data {
        let calendar =
            [
                "BEGIN:VCALENDAR", "PRODID:-//Forged//EN", "VERSION:2.0", "METHOD:REPLY", "BEGIN:VEVENT",
                "UID:\(id)@forumdesk", "SEQUENCE:0", "DTSTART:20261217T190000Z", "DTEND:20261217T210000Z",
                "DTSTAMP:20261126T093000Z", "ORGANIZER;CN=Someone:mailto:\(organizer)",
            ]
            + attendees.map { "ATTENDEE;PARTSTAT=\(partstat):mailto:\($0)" }
            + ["SUMMARY:Declined", "END:VEVENT", "END:VCALENDAR"]
        var headers = [
            "From: \(from)", "To: engagement@example.org", "Subject: Declined", "Date: Thu, 26 Nov 2026 09:30:00 +0000",
            "MIME-Version: 1.0", "Content-Type: text/calendar; charset=UTF-8; method=REPLY",
        ]
        if let sender { headers.insert("Sender: \(sender)", at: 1) }
        return Data((headers.joined(separator: "\r\n") + "\r\n\r\n" + calendar.joined(separator: "\r\n") + "\r\n").utf8)
    }

    func replies(_ copy: SampleCopy) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: copy.path + "/meetings/2026/\(id).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var out: [String: String] = [:]
        for n in json["notifications"] as? [[String: Any]] ?? [] {
            out[n["councillor"] as? String ?? ""] = n["reply"] as? String
        }
        return out
    }

    @Test func test_forgedReplyCorpus_countsNone() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let before = try replies(copy)
        let corpus: [(String, Data)] = [
            ("stranger.eml", mail(from: "Someone <someone@elsewhere.example.com>", attendees: [Self.councillors[0]])),
            (
                "borrowed-name.eml",
                mail(
                    from: "\"Cllr Tamsin Lanternby\" <tamsin.lanternby@gmail.example.com>",
                    attendees: [Self.councillors[0]])
            ),
            (
                "five-councillors.eml",
                mail(from: "Someone <someone@elsewhere.example.com>", attendees: Self.councillors)
            ),
            ("reply-to-only.eml", mail(from: "someone@elsewhere.example.com", attendees: [Self.councillors[1]])),
            (
                "other-organiser.eml",
                mail(
                    from: "Cllr Tamsin Lanternby <\(Self.councillors[0])>", attendees: [Self.councillors[0]],
                    organizer: "events@another-council.example.gov.uk")
            ),
        ]
        var files: [String] = []
        for (name, data) in corpus {
            let file = copy.folder + "/" + name
            try data.write(to: URL(fileURLWithPath: file))
            files.append(file)
        }
        let run = try forumdesk(["import", "reply"] + files + ["--data", copy.path] + now)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains(": declined"), "counted: \(run.stdout)")
        #expect(try replies(copy) == before, "no reply was recorded")
        #expect(
            run.stderr.contains(
                "stranger.eml: Cllr Tamsin Lanternby: unverified, sent by someone@elsewhere.example.com"),
            "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "borrowed-name.eml: Cllr Tamsin Lanternby: unverified, sent by tamsin.lanternby@gmail.example.com"))
        #expect(
            run.stderr.components(separatedBy: "five-councillors.eml:").count - 1 == 5,
            "each of the five is named: \(run.stderr)")
        #expect(
            run.stderr.contains(
                "other-organiser.eml: \(Self.councillors[0]): the reply is to the organiser events@another-council.example.gov.uk"
            ))
        print(
            "forged-reply corpus: \(corpus.count) files, \(run.stdout.components(separatedBy: ": declined").count - 1) counted"
        )
    }

    @Test func test_oneReply_answersForItsSenderOnly() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let file = copy.folder + "/two.eml"
        try mail(
            from: "Cllr Tamsin Lanternby <\(Self.councillors[0])>",
            attendees: [Self.councillors[1], Self.councillors[0]]
        )
        .write(to: URL(fileURLWithPath: file))
        let run = try forumdesk(["import", "reply", file, "--data", copy.path] + now)
        #expect(run.status == 1)
        #expect(run.stdout.contains("Cllr Tamsin Lanternby: declined"), "\(run.stdout)")
        #expect(run.stderr.contains("Cllr Cyrus Underhill: unverified"), "\(run.stderr)")
        let after = try replies(copy)
        #expect(after["cllr-tamsin-lanternby"] == "declined")
        #expect(
            after["cllr-cyrus-underhill"] == "no-reply" || after["cllr-cyrus-underhill"] == nil
                || after["cllr-cyrus-underhill"] == "invited",
            "\(after)")
    }

    @Test func test_aRecordedDelegate_answersForTheCouncillor() throws {
        let copy = try SampleCopy()
        let people = copy.path + "/directory/people.json"
        let text = try String(contentsOfFile: people, encoding: .utf8)
        let withDelegate = text.replacingOccurrences(
            of: "\"email\": \"\(Self.councillors[0])\"",
            with: "\"email\": \"\(Self.councillors[0])\", \"delegates\": [\"pa.lanternby@example.org\"]")
        #expect(withDelegate != text)
        try withDelegate.write(toFile: people, atomically: true, encoding: .utf8)
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let byPA = copy.folder + "/pa.eml"
        try mail(
            from: "Tamsin's office <office@example.org>", sender: "PA <pa.lanternby@example.org>",
            attendees: [Self.councillors[0]], partstat: "ACCEPTED"
        ).write(to: URL(fileURLWithPath: byPA))
        let run = try forumdesk(["import", "reply", byPA, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try replies(copy)["cllr-tamsin-lanternby"] == "accepted")
    }

    @Test func test_anICSFileAlone_isRecordedAsUnverified() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let file = copy.folder + "/bare.ics"
        try replies.render("outlook.ics", partstat: "DECLINED").write(to: URL(fileURLWithPath: file))
        let run = try forumdesk(["import", "reply", file, "--data", copy.path] + now)
        #expect(run.stdout.contains("(unverified: an .ics file without its e-mail)"), "\(run.stdout)")
        let n = try replies.notice(copy)
        #expect(n["reply"] as? String == "declined")
        #expect(n["replyUnverified"] as? String == "from an .ics file without the e-mail it came in")
        // The same reply in its e-mail, from the councillor's address, verifies it.
        let mailFile = copy.folder + "/reply.eml"
        try replies.render("outlook", partstat: "DECLINED").write(to: URL(fileURLWithPath: mailFile))
        #expect(try forumdesk(["import", "reply", mailFile, "--data", copy.path] + now).status == 0)
        #expect(try replies.notice(copy)["replyUnverified"] == nil)
    }
}
