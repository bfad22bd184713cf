import Foundation
import ForumDeskTestSupport
import Testing

@Suite(.serialized) struct RemindCommandTests {
    let monday = ["--now", "2026-11-23T09:00"]
    /// A-2026-033 (Nikhil Kestrel, due 2 June) was raised here.
    let dunstable = "/meetings/2026/2026-05-12-dunstable-houghton-regis-ltt.json"

    @Test func test_remind_writesOneValidDigestPerOwner_recordsIt_andDoesNotChaseTwiceWithinTheInterval() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["remind", "--data", copy.path] + monday)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let folder = copy.path + "/outbox/reminders"
        let files = listing(folder)
        // Nine owners have open actions overdue or due by 7 December in the sample; one e-mail each.
        #expect(files.count == 9)
        #expect(files.contains("nikhil-kestrel-reminder-20261123T090000.eml"))
        #expect(
            run.stdout.contains(
                "nikhil-kestrel-reminder-20261123T090000.eml: Nikhil Kestrel <nikhil.kestrel@example.org>, 7 action(s), 7 overdue"
            ))

        let html = copy.folder + "/html"
        let (status, json) = try checkDigests(files.map { folder + "/" + $0 }, htmlDir: html)
        #expect(status == 0, "\(json.map { $0["problems"] ?? "" })")
        let nikhil = try #require(json.first { ($0["to"] as? String)?.contains("nikhil.kestrel@example.org") == true })
        #expect(nikhil["subject"] as? String == "Actions for you from residents' meetings: 7 overdue")
        let text = try #require(nikhil["text"] as? String)
        #expect(text.contains("A-2026-033: Report back to residents on the points raised"))
        #expect(
            text.contains(
                "Meeting: Let's Talk Together: Dunstable, Houghton Regis and Rural, Tuesday 12 May 2026, Dunstable, Houghton Regis and Rural"
            ))
        #expect(text.contains("Due: 2 Jun 2026 (174 days overdue)"))
        #expect(text.contains("Residents were told: "))
        let jasper = try #require(json.first { ($0["to"] as? String)?.contains("jasper.greenhalgh") == true })
        #expect((jasper["text"] as? String)?.contains("DUE BY 7 DEC 2026") == true)
        #expect(
            (nikhil["html"] as? String)?.contains("<h3>A-2026-033: Report back to residents on the points raised</h3>")
                == true)
        #expect(try html5Problems(folder: html) == "")

        // Recorded on each action, in its meeting file.
        #expect(
            try reminders(copy.path + dunstable, action: "A-2026-033") == [
                ["at": "2026-11-23T09:00:00+00:00", "to": "nikhil-kestrel"]
            ])
        #expect(try forumdesk(["validate", "--data", copy.path] + monday).status == 0)

        // The next day nobody is chased about the same actions; a new one coming due is (Yasmin's A-2026-073, due 8 Dec).
        let tuesday = try forumdesk(["remind", "--data", copy.path, "--now", "2026-11-24T09:00"])
        #expect(tuesday.status == 0)
        #expect(listing(folder).count == 10)
        #expect(
            tuesday.stdout.contains(
                "yasmin-bellweather-reminder-20261124T090000.eml: Yasmin Bellweather <yasmin.bellweather@example.org>, 1 action(s), 0 overdue: A-2026-073"
            ))
        #expect(tuesday.stdout.contains("22 action(s) left out, chased within the last 7 day(s)"))
        #expect(try reminders(copy.path + dunstable, action: "A-2026-033").count == 1)

        // --force chases them again.
        let forced = try forumdesk(["remind", "--data", copy.path, "--now", "2026-11-25T09:00", "--force"])
        #expect(forced.status == 0)
        #expect(listing(folder).filter { $0.contains("20261125T090000") }.count == 9)
        #expect(try reminders(copy.path + dunstable, action: "A-2026-033").count == 2)
    }

    @Test func test_remind_intervalComesFromTheSettings() throws {
        let copy = try SampleCopy()
        #expect(try forumdesk(["remind", "--data", copy.path] + monday).status == 0)
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "\"council\":", with: "\"reminderIntervalDays\": 2,\n  \"council\":")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let wednesday = try forumdesk(["remind", "--data", copy.path, "--now", "2026-11-25T10:00"])
        #expect(wednesday.status == 0, "\(wednesday.stderr)")
        #expect(!wednesday.stdout.contains("left out"))
        #expect(try reminders(copy.path + dunstable, action: "A-2026-033").count == 2)
    }

    @Test func test_remind_ownerWithoutAnAddress_isListedWithTheReason_andExits1() throws {
        let copy = try SampleCopy()
        let people = copy.path + "/directory/people.json"
        let text = try String(contentsOfFile: people, encoding: .utf8)
        try #require(text.contains("\"email\": \"esme.rushmere@example.org\","))
        try text.replacingOccurrences(of: "\"email\": \"esme.rushmere@example.org\",", with: "")
            .write(toFile: people, atomically: true, encoding: .utf8)
        let run = try forumdesk(["remind", "--data", copy.path] + monday)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "not reminded: Esme Rushmere (no e-mail address): A-2026-020; chase by hand, or fix the directory"))
        #expect(!listing(copy.path + "/outbox/reminders").contains { $0.hasPrefix("esme-rushmere") })
        #expect(listing(copy.path + "/outbox/reminders").count == 8)
        #expect(
            try reminders(copy.path + "/meetings/2026/2026-03-19-leighton-rural-ltt.json", action: "A-2026-020").isEmpty
        )
    }

    @Test func test_remind_dryRun_writesAndRecordsNothing() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["remind", "--dry-run", "--within", "2w", "--data", copy.path] + monday)
        #expect(run.status == 0)
        #expect(run.stdout.contains("would write outbox/reminders/nikhil-kestrel-reminder-20261123T090000.eml"))
        #expect(listing(copy.path + "/outbox/reminders").isEmpty)
        #expect(try reminders(copy.path + dunstable, action: "A-2026-033").isEmpty)
        #expect(try forumdesk(["remind", "--within", "soon", "--data", copy.path] + monday).status == 2)
    }

    /// `send` hands reminders and briefings to the mail program like notices, and moves them to sent/.
    @Test func test_send_deliversRemindersAndBriefings() throws {
        let copy = try SampleCopy()
        let received = copy.folder + "/received"
        try FileManager.default.createDirectory(atPath: received, withIntermediateDirectories: true)
        // A sendmail stand-in that keeps each message it is given, under a new name.
        try copy.setMailProgram(["/bin/sh", "-c", "cat > \"$0\"/$$.eml && echo accepted", received])
        #expect(try forumdesk(["remind", "--data", copy.path] + monday).status == 0)
        #expect(try forumdesk(["brief", "--councillor", "Tamsin Lanternby", "--data", copy.path] + monday).status == 0)
        let reminders = listing(copy.path + "/outbox/reminders"), briefings = listing(copy.path + "/outbox/briefings")
        // And the "action raised" e-mail to the owner of a new action (issue 41).
        let raised = listing(copy.path + "/outbox/actions")
        #expect(raised == ["yasmin-bellweather-action-20261123T090000.eml"])
        let written = Set(
            (reminders.map { "reminders/\($0)" } + briefings.map { "briefings/\($0)" } + raised.map { "actions/\($0)" })
                .compactMap { FileManager.default.contents(atPath: copy.path + "/outbox/" + $0) })
        let dry = try forumdesk(["send", "--dry-run", "--data", copy.path] + monday)
        #expect(
            dry.stdout.contains(
                "would send: briefings/cllr-tamsin-lanternby-briefing-20261123T090000.eml to Cllr Tamsin Lanternby <tamsin.lanternby@councillors.example.org>"
            ))
        let run = try forumdesk(["send", "--data", copy.path] + monday)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "sent: reminders/nikhil-kestrel-reminder-20261123T090000.eml to Nikhil Kestrel <nikhil.kestrel@example.org>: accepted"
            ))
        #expect(run.stdout.contains("11 sent, 0 not sent, 0 maybe sent"))
        #expect(!run.stdout.contains("already sent"), "each e-mail is handed over once: \(run.stdout)")
        #expect(run.stdout.split(separator: "\n").filter { $0.hasPrefix("sent: ") }.count == 11)
        let arrived = Set(listing(received).compactMap { FileManager.default.contents(atPath: received + "/" + $0) })
        #expect(arrived == written)
        #expect(listing(copy.path + "/outbox/reminders").isEmpty)
        #expect(listing(copy.path + "/sent/reminders").filter { $0.hasSuffix(".eml") } == reminders)
        #expect(
            listing(copy.path + "/sent/briefings").contains("cllr-tamsin-lanternby-briefing-20261123T090000.eml.log"))
        #expect(try forumdesk(["send", "--data", copy.path] + monday).stdout.contains("The outbox is empty"))
    }
}
