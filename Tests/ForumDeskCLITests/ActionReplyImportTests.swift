import Foundation
import ForumDeskTestSupport
import Testing

/// `import reply` reading action owners' answers (Tests/Fixtures/action-replies: Outlook, Gmail, Thunderbird,
/// HTML-only, forwarded by a colleague, a stranger), imported twice; `remind`'s "action raised" e-mail.
@Suite(.serialized) struct ActionReplyImportTests {
    let friday = ["--now", "2026-11-27T09:00"]
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Fixtures/action-replies").path
    static let files = [
        "outlook-top.eml", "gmail-top.eml", "thunderbird-bottom.eml", "outlook-html-only.eml",
        "forwarded-colleague.eml", "stranger.eml",
    ].map { corpus + "/" + $0 }

    /// The action `id` as its meeting file holds it.
    func action(_ copy: SampleCopy, _ id: String) throws -> [String: Any] {
        let folder = copy.path + "/meetings/2026"
        for name in listing(folder) where name.hasSuffix(".json") {
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                    as? [String: Any])
            if let a = (json["actions"] as? [[String: Any]])?.first(where: { $0["id"] as? String == id }) { return a }
        }
        Issue.record("no action \(id)")
        return [:]
    }

    func meetingFiles(_ copy: SampleCopy) -> [String: Data] {
        let folder = copy.path + "/meetings/2026"
        return Dictionary(
            uniqueKeysWithValues: listing(folder).map {
                ($0, FileManager.default.contents(atPath: folder + "/" + $0) ?? Data())
            })
    }

    @Test func test_corpus_appliedWithWhoSentIt_strangerRefused_unreadLinesListed_secondImportChangesNothing() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["import", "reply", "--data", copy.path] + friday + Self.files)
        #expect(run.status == 1, "a refused and unread lines make exit status 1: \(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "outlook-top.eml: A-2026-033: done: report sent to the residents' group on 24 Nov, copy on the council website (from Nikhil Kestrel, Tue 24 Nov 2026 10:12); now done"
            ))
        #expect(
            run.stdout.contains(
                "outlook-top.eml: A-2026-038: due 2027-01-31: waiting for the survey (was 2026-07-14) (from Nikhil Kestrel"
            ))
        #expect(
            run.stdout.contains(
                "forwarded-colleague.eml: A-2026-048: update: the youth club has agreed to host the session in January (from Wilf Lanternby"
            ))
        #expect(run.stdout.split(separator: "\n").count == 8, "\(run.stdout)")
        #expect(
            run.stderr.contains(
                "stranger.eml: A-2026-059: refused, sent by pat.outsider@example.net, who is neither its owner (Nikhil Kestrel) nor a contact of the owning organisation in the directory; not recorded: “A-2026-059 done: all sorted, you can close it”"
            ))
        #expect(run.stderr.contains("gmail-top.eml: “A-2026-057 finished last week I think”: not read"))
        #expect(
            run.stderr.contains("gmail-top.eml: “A-2026-999 done: gully emptied”: no action A-2026-999 in the data"))
        #expect(run.stderr.contains("8 action update(s) recorded, 3 ignored"))

        let a033 = try action(copy, "A-2026-033")
        #expect(a033["status"] as? String == "done")
        let update = try #require((a033["updates"] as? [[String: Any]])?.last)
        #expect(update["by"] as? String == "nikhil-kestrel")
        #expect(update["messageID"] as? String == "<AM0PR10MB3346A1B2C3D4E5F6@AM0PR10MB3346.EURPRD10.PROD.OUTLOOK.COM>")
        #expect(update["at"] as? String == "2026-11-24T10:12:31+00:00")
        #expect(update["status"] as? String == "done")
        let a038 = try action(copy, "A-2026-038")
        #expect(a038["due"] as? String == "2027-01-31")
        #expect(
            (a038["updates"] as? [[String: Any]])?.last?["text"] as? String
                == "Due date moved from 2026-07-14 to 2027-01-31: waiting for the survey")
        // Carried forward stays so with an update; an open action moves to in progress.
        #expect(try action(copy, "A-2026-039")["status"] as? String == "carried-forward")
        #expect(try action(copy, "A-2026-061")["status"] as? String == "in-progress")
        #expect(
            try action(copy, "A-2026-059")["status"] as? String == "in-progress", "the stranger's line changed nothing")
        #expect(
            (try action(copy, "A-2026-059")["updates"] as? [[String: Any]])?.contains { $0["messageID"] != nil }
                == false)
        #expect(
            (try action(copy, "A-2026-048")["updates"] as? [[String: Any]])?.last?["by"] as? String == "wilf-lanternby")
        #expect(try forumdesk(["validate", "--data", copy.path] + friday).status == 0)

        // The same mailbox again: every line already recorded, no file touched.
        let before = meetingFiles(copy)
        let again = try forumdesk(["import", "reply", "--data", copy.path, "--now", "2026-11-28T09:00"] + Self.files)
        #expect(again.status == 1)
        #expect(
            again.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("(already recorded from this e-mail)") },
            "\(again.stdout)")
        #expect(again.stderr.contains("0 action update(s) recorded, 3 ignored"))
        #expect(meetingFiles(copy) == before)
    }

    @Test func test_maildir_theOwnersReplyAlone_exitsZero_recordedWithWhoSentIt() throws {
        let copy = try SampleCopy()
        let maildir = copy.folder + "/Maildir"
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(
            atPath: Self.corpus + "/thunderbird-bottom.eml", toPath: maildir + "/new/1795600000.M1P1.host")
        let run = try forumdesk(["import", "reply", "--data", copy.path, maildir] + friday)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                "A-2026-061: update: landowner's consent came through, work starts in December (from Carys Brackenbury, Wed 25 Nov 2026 08:47); now in progress"
            ))
        let update = try #require((try action(copy, "A-2026-061")["updates"] as? [[String: Any]])?.last)
        #expect(update["by"] as? String == "carys-brackenbury")
        #expect(update["messageID"] as? String == "<5d0c7a2e-3b1f-4c8e-9f61-2a7b8c9d0e1f@example.org>")
    }

    /// Who sent an update by e-mail is personal data: `person show` lists it, `person erase` takes the name off it and
    /// keeps the update (what was done).
    @Test func test_personShowAndErase_coverTheSenderOfAnEmailedUpdate() throws {
        let copy = try SampleCopy()
        #expect(
            try forumdesk(["import", "reply", Self.corpus + "/forwarded-colleague.eml", "--data", copy.path] + friday)
                .status == 0)
        let shown = try forumdesk(["person", "show", "Wilf Lanternby", "--data", copy.path] + friday)
        #expect(
            shown.stdout.contains(
                "actions[1].updates[2]  action update sent by e-mail: update on A-2026-048 by e-mail, 2026-11-26T09:30:00+00:00"
            ), "\(shown.stdout)")
        let erased = try forumdesk(["person", "erase", "Wilf Lanternby", "--yes", "--data", copy.path] + friday)
        #expect(erased.status == 0, "\(erased.stderr)")
        let update = try #require((try action(copy, "A-2026-048")["updates"] as? [[String: Any]])?.last)
        #expect(update["by"] == nil)
        #expect(update["text"] as? String == "the youth club has agreed to host the session in January")
        #expect(update["messageID"] as? String == "<CAK1wilf0fwd9x8y7z6@mail.gmail.com>")
    }

    /// ForumDesk's own reminder, saved in the same mailbox as the replies, is passed over rather than read as answers.
    @Test func test_ourOwnReminderInTheMailbox_isPassedOver() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["remind", "--data", copy.path, "--now", "2026-11-23T09:00"]).status == 0)
        let own = copy.path + "/outbox/reminders/nikhil-kestrel-reminder-20261123T090000.eml"
        let run = try forumdesk(["import", "reply", own, "--data", copy.path] + friday)
        #expect(
            run.stderr.contains(
                "passed over: \(own): sent by this council's organiser address (engagement@example.org), not an owner's answer"
            ), "\(run.stderr)")
        #expect(!run.stderr.contains("not read"))
        #expect(try action(copy, "A-2026-033")["status"] as? String == "carried-forward")
        #expect(
            (try action(copy, "A-2026-033")["updates"] as? [[String: Any]])?.contains { $0["messageID"] != nil }
                == false)
    }

    @Test func test_remind_tellsTheOwnerOfANewAction_onceWithHowToReply_validMail() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["remind", "--data", copy.path, "--now", "2026-11-23T09:00"])
        #expect(run.status == 0, "\(run.stderr)")
        // A-2026-073 (27 October, due 8 December) is new to Yasmin and not yet due within the window: told of it.
        #expect(
            run.stdout.contains(
                "outbox/actions/yasmin-bellweather-action-20261123T090000.eml: Yasmin Bellweather <yasmin.bellweather@example.org>, new action(s): A-2026-073"
            ))
        let folder = copy.path + "/outbox/actions"
        let (status, json) = try checkDigests(listing(folder).map { folder + "/" + $0 }, htmlDir: copy.folder + "/html")
        #expect(status == 0, "\(json.map { $0["problems"] ?? "" })")
        let mail = try #require(json.first)
        #expect(mail["subject"] as? String == "Action for you from a residents' meeting: A-2026-073")
        let text = try #require(mail["text"] as? String)
        #expect(text.contains("A-2026-073 done: <what was done, and when>"))
        #expect(text.contains("A-2026-073 due 2026-12-21: <why it needs longer>"))
        #expect(try html5Problems(folder: copy.folder + "/html") == "")
        let reminders = try #require(try action(copy, "A-2026-073")["reminders"] as? [[String: String]])
        #expect(reminders == [["at": "2026-11-23T09:00:00+00:00", "to": "yasmin-bellweather", "kind": "raised"]])
        // The reminders carry the same instructions.
        let (_, digests) = try checkDigests(
            [copy.path + "/outbox/reminders/nikhil-kestrel-reminder-20261123T090000.eml"],
            htmlDir: copy.folder + "/html2")
        #expect((digests.first?["text"] as? String)?.contains("A-2026-033 update: <what has happened so far>") == true)
        // Told once: the next run writes no second "action raised" e-mail.
        let next = try forumdesk(["remind", "--data", copy.path, "--now", "2026-11-24T09:00"])
        #expect(!next.stdout.contains("new action(s)"))
        #expect(listing(folder).count == 1)
    }
}
