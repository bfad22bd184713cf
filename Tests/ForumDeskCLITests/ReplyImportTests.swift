import Foundation
import ForumDeskTestSupport
import Testing

/// `import reply` with replies shaped as Outlook, Google Calendar and Thunderbird write them (fixtures in
/// Tests/Fixtures/replies, encoded into e-mails by Python's own base64 and quoted-printable).
@Suite(.serialized) struct ReplyImportTests {
    static let clients = ["outlook", "google", "thunderbird"]
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let tamsin = (name: "Cllr Tamsin Lanternby", email: "tamsin.lanternby@councillors.example.org")
    let cyrus = (name: "Cllr Cyrus Underhill", email: "cyrus.underhill@councillors.example.org")
    let now = ["--now", "2026-11-23T12:00"]

    /// One reply as `client` writes it (`client.ics` for the bare calendar). Times are London wall-clock.
    func render(
        _ client: String, partstat: String = "ACCEPTED", sequence: Int = 0, start: String = "20261217T190000",
        end: String = "20261217T210000", stamp: String = "20261125T090000Z", comment: String = "",
        who: (name: String, email: String)? = nil, attendeeExtra: String = "", uid: String? = nil
    ) throws -> Data {
        let person = who ?? tamsin
        func utc(_ london: String) -> String {  // December: London is UTC
            london + "Z"
        }
        let escaped = comment.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ";", with: "\\;")
        let values = [
            "UID": uid ?? "\(id)@forumdesk", "SEQUENCE": String(sequence), "DTSTART_LONDON": start, "DTEND_LONDON": end,
            "DTSTART_UTC": utc(start), "DTEND_UTC": utc(end), "DTSTAMP": stamp, "PARTSTAT": partstat,
            "NAME": person.name, "EMAIL": person.email, "COMMENT": escaped,
            "COMMENT_PARAM": comment.replacingOccurrences(of: "\"", with: "'"),
            "COMMENT_TEXT": comment, "ATTENDEE_EXTRA": attendeeExtra,
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", repositoryRoot.appendingPathComponent("Tests/Fixtures/replies/render.py").path, client]
            + values.map { "\($0.key)=\($0.value)" }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = readAll(out.fileHandleForReading)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }

    func write(_ data: Data, _ copy: SampleCopy, _ name: String) throws -> String {
        let file = copy.folder + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    func notice(_ copy: SampleCopy, _ councillor: String = "cllr-tamsin-lanternby") throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: copy.path + "/meetings/2026/\(id).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let notices = (json["notifications"] as? [[String: Any]] ?? []).filter {
            $0["councillor"] as? String == councillor
        }
        return try #require(notices.last)
    }

    func importing(_ files: [String], _ copy: SampleCopy) throws -> Run {
        try forumdesk(["import", "reply"] + files + ["--data", copy.path] + now)
    }

    /// The reply's own DTSTAMP is when it was answered, not the import time; its COMMENT is kept.
    @Test(arguments: clients)
    func test_reply_isRecordedWithItsDTSTAMP_andComment(client: String) throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let file = try write(
            try render(
                client, partstat: "DECLINED", stamp: "20261126T093000Z",
                comment: "sorry, I have planning committee that evening"), copy, "\(client).eml")
        let run = try importing([file], copy)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                "Cllr Tamsin Lanternby: declined (sent Thu 26 Nov 2026 09:30): “sorry, I have planning committee that evening”"
            ),
            "\(run.stdout)")
        let n = try notice(copy)
        #expect(n["reply"] as? String == "declined")
        #expect(n["repliedAt"] as? String == "2026-11-26T09:30:00+00:00")
        #expect(n["comment"] as? String == "sorry, I have planning committee that evening")
        // The bare calendar reads the same; importing it again changes nothing and says so.
        let again = try importing(
            [
                try write(
                    try render(
                        client + ".ics", partstat: "DECLINED", stamp: "20261126T093000Z",
                        comment: "sorry, I have planning committee that evening"), copy, "\(client).ics")
            ], copy)
        #expect(again.status == 0)
        #expect(again.stdout.contains("declined (already recorded)"), "\(again.stdout)")
    }

    /// Invite (SEQUENCE 0), postpone, re-invite (SEQUENCE 1): an accept of the old invitation is reported, not counted.
    @Test(arguments: clients)
    func test_replyToASupersededNotice_isReportedAndNotCounted(client: String) throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let path = copy.path + "/meetings/2026/\(id).json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "\"start\": \"2026-12-17T19:00:00+00:00\""))
        text.replaceSubrange(start, with: "\"start\": \"2026-12-22T19:00:00+00:00\"")
        let end = try #require(text.range(of: "\"end\": \"2026-12-17T21:00:00+00:00\""))
        text.replaceSubrange(end, with: "\"end\": \"2026-12-22T21:00:00+00:00\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // Before the update goes out, the old notice is answered: still not counted.
        let early = try importing([try write(try render(client), copy, "early.eml")], copy)
        #expect(early.status == 1)
        #expect(
            early.stderr.contains(
                "answers the invitation for Thu 17 Dec 19:00, since moved to Tue 22 Dec 19:00; not counted"),
            "\(early.stderr)")
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let stale = try importing([try write(try render(client, stamp: "20261124T090000Z"), copy, "old.eml")], copy)
        #expect(stale.status == 1)
        #expect(
            stale.stderr.contains(
                "Cllr Tamsin Lanternby: answers the invitation for Thu 17 Dec 19:00, since moved to Tue 22 Dec 19:00; not counted"
            ),
            "\(stale.stderr)")
        #expect(try notice(copy)["reply"] as? String == "no-reply")
        #expect(try notice(copy)["sequence"] as? Int == 1)
        // The same client answering the update is counted.
        let current = try importing(
            [
                try write(
                    try render(
                        client, sequence: 1, start: "20261222T190000", end: "20261222T210000",
                        stamp: "20261124T100000Z"), copy, "new.eml")
            ], copy)
        #expect(current.status == 0, "\(current.stderr)")
        #expect(try notice(copy)["reply"] as? String == "accepted")
    }

    /// A decline sent on 26 Nov imported before an accept sent on 25 Nov ends "declined", in one run or two.
    @Test(arguments: clients)
    func test_replies_areAppliedInDTSTAMPOrder(client: String) throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let decline = try write(
            try render(client, partstat: "DECLINED", stamp: "20261126T090000Z"), copy, "decline.eml")
        let accept = try write(try render(client, partstat: "ACCEPTED", stamp: "20261125T090000Z"), copy, "accept.eml")
        let together = try importing([decline, accept], copy)
        #expect(together.status == 0, "\(together.stderr)")
        #expect(try notice(copy)["reply"] as? String == "declined")
        #expect(try notice(copy)["repliedAt"] as? String == "2026-11-26T09:00:00+00:00")

        let copy2 = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy2.path] + now).status == 0)
        #expect(try importing([decline], copy2).status == 0)
        let late = try importing([accept], copy2)
        #expect(late.status == 1)
        #expect(
            late.stderr.contains(
                "accepted, sent Wed 25 Nov 2026 09:00, is older than the recorded declined (sent Thu 26 Nov 2026 09:00)"
            ),
            "\(late.stderr)")
        #expect(try notice(copy2)["reply"] as? String == "declined")
    }

    /// Every PARTSTAT: DELEGATED records the delegate, NEEDS-ACTION keeps the earlier answer, an x-value is reported.
    @Test(arguments: clients)
    func test_everyPARTSTAT(client: String) throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        #expect(
            try importing(
                [try write(try render(client, partstat: "TENTATIVE", stamp: "20261124T090000Z"), copy, "t.eml")], copy
            ).status == 0)
        #expect(try notice(copy)["reply"] as? String == "tentative")
        let wipe = try importing(
            [try write(try render(client, partstat: "NEEDS-ACTION", stamp: "20261125T090000Z"), copy, "n.eml")], copy)
        #expect(wipe.status == 0)
        #expect(
            wipe.stdout.contains("NEEDS-ACTION (no answer) leaves the recorded tentative as it is"), "\(wipe.stdout)")
        #expect(try notice(copy)["reply"] as? String == "tentative")
        let odd = try importing(
            [try write(try render(client, partstat: "X-MAYBE-LATER", stamp: "20261125T100000Z"), copy, "x.eml")], copy)
        #expect(odd.status == 1)
        #expect(odd.stderr.contains("PARTSTAT `X-MAYBE-LATER` is not an answer ForumDesk knows"), "\(odd.stderr)")
        #expect(try notice(copy)["reply"] as? String == "tentative")
        let delegated = try importing(
            [
                try write(
                    try render(
                        client, partstat: "DELEGATED", stamp: "20261126T090000Z",
                        attendeeExtra: ";DELEGATED-TO=\"mailto:deputy@councillors.example.org\""),
                    copy, "d.eml")
            ], copy)
        #expect(delegated.status == 0, "\(delegated.stderr)")
        #expect(delegated.stdout.contains("delegated to deputy@councillors.example.org"), "\(delegated.stdout)")
        #expect(try notice(copy)["reply"] as? String == "delegated")
        #expect(try notice(copy)["delegatedTo"] as? String == "deputy@councillors.example.org")
    }

    /// Unknown address, unknown meeting, cancelled meeting: each reported, and the exit status says so.
    @Test func test_ignoredReplies_setTheExitStatus() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let stranger = try importing(
            [try write(try render("outlook", who: ("Someone Else", "someone@elsewhere.example.com")), copy, "s.eml")],
            copy)
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("someone@elsewhere.example.com: not in the directory; ignored"))
        let unknown = try importing(
            [try write(try render("google", uid: "2026-12-18-nowhere-ltt@forumdesk"), copy, "u.eml")], copy)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no meeting `2026-12-18-nowhere-ltt` in the data; ignored"))
        let foreign = try importing([try write(try render("google", uid: "abc123@google.com"), copy, "f.eml")], copy)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("not a ForumDesk meeting"))
        // A cancelled meeting: the sample's Flitwick forum was notified and then cancelled.
        let flitwick = "2026-12-10-flitwick-ward-forum"
        let cancelledCalendar = String(decoding: try render("thunderbird.ics"), as: UTF8.self).replacingOccurrences(
            of: "\(id)@forumdesk", with: "\(flitwick)@forumdesk")
        let cancelled = try importing([try write(Data(cancelledCalendar.utf8), copy, "c.ics")], copy)
        #expect(cancelled.status == 1)
        #expect(
            cancelled.stderr.contains("is cancelled; the reply is not counted")
                || cancelled.stderr.contains("no invitation was recorded"), "\(cancelled.stderr)")
        // A file that holds no reply at all is a data error.
        let plain = copy.folder + "/note.eml"
        try "From: a@example.org\r\nSubject: hello\r\n\r\nJust a note.\r\n".write(
            toFile: plain, atomically: true, encoding: .utf8)
        #expect(try importing([plain], copy).status == 3)
    }

    /// An mbox file and a Maildir folder, with replies of all three clients, an invitation and an ordinary e-mail.
    @Test func test_mboxAndMaildir() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let messages = [
            try render("outlook", partstat: "ACCEPTED", stamp: "20261124T090000Z"),
            Data("From: a@example.org\r\nSubject: hello\r\n\r\nFrom the desk of nobody.\r\n".utf8),
            try render(
                "google", partstat: "DECLINED", stamp: "20261125T090000Z",
                comment: "sorry, I have planning committee that evening"),
            try render("thunderbird", partstat: "TENTATIVE", stamp: "20261126T090000Z", who: cyrus),
        ]
        var mbox = Data()
        for message in messages {
            mbox.append(Data("From MAILER-DAEMON Thu Nov 26 09:00:00 2026\n".utf8))
            let text = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\nFrom ", with: "\n>From ")
            mbox.append(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            mbox.append(Data("\n".utf8))
        }
        let file = try write(mbox, copy, "replies.mbox")
        let run = try importing([file], copy)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 message(s) without a calendar reply passed over"))
        #expect(try notice(copy)["reply"] as? String == "declined")
        #expect(try notice(copy, "cllr-cyrus-underhill")["reply"] as? String == "tentative")

        let copy2 = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy2.path] + now).status == 0)
        let maildir = copy2.folder + "/Maildir"
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        for (n, message) in messages.enumerated() {
            try message.write(
                to: URL(fileURLWithPath: maildir + (n % 2 == 0 ? "/cur/" : "/new/") + "17640\(n).M1P1.host:2,S"))
        }
        let folderRun = try importing([maildir], copy2)
        #expect(folderRun.status == 0, "\(folderRun.stderr)")
        #expect(try notice(copy2)["reply"] as? String == "declined")
        #expect(try notice(copy2)["comment"] as? String == "sorry, I have planning committee that evening")
        #expect(try notice(copy2, "cllr-cyrus-underhill")["reply"] as? String == "tentative")
    }
}
