import Foundation
import ForumDeskTestSupport
import Testing

/// `forumdesk programme`: the sample's seven rules previewed and created for 2027 with their agenda templates, a
/// second run creating nothing, and a changed rule moving only the planned meetings nobody was told of.
@Suite struct ProgrammeCLITests {
    @Test func test_theYearsProgramme_forTheSevenAreas() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2027").count
        let preview = try forumdesk(["programme", "--from", "2027-01-01", "--preview"] + data)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("Mon 2027-06-07  18:30  Leighton Rural"), "\(preview.stdout)")
        #expect(
            preview.stdout.contains("new (moved from Mon 2027-05-31: bank holiday: Spring bank holiday)"),
            "\(preview.stdout)")
        #expect(
            preview.stdout.contains("38 new, 0 to move, 0 left as they are, 0 skipped, 2 moved a week"),
            "\(preview.stdout)")
        #expect(
            preview.stdout.contains("Thu 28 Jan 2027 18:30 2027-01-28-leighton-rural-ltt"),
            "a planned meeting no rule gives: \(preview.stdout)")
        #expect(preview.stdout.contains("6 clashes:"), "\(preview.stdout)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2027").count == before,
            "a preview writes nothing")

        let made = try forumdesk(["programme", "--from", "2027-01-01"] + data)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("created 38 meetings, moved 0, left 0 as they were"), "\(made.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2027").count == before + 38)
        let one = try String(
            contentsOfFile: copy.path + "/meetings/2027/2027-06-10-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(one.contains("\"start\": \"2027-06-10T18:30:00+01:00\""), "BST in June: \(one)")
        #expect(one.contains("\"title\": \"Minutes of the previous meeting held on 15 October 2026\""), "\(one)")
        #expect(one.contains("\"status\": \"planned\""))
        #expect(try forumdesk(["validate"] + data).status == 0)

        let again = try forumdesk(["programme", "--from", "2027-01-01"] + data)
        #expect(again.stdout.contains("created 0 meetings, moved 0, left 0 as they were"), "\(again.stdout)")

        // The Sandy rule moves to 19:00: the planned meetings move, a notified one stays and is listed.
        let notified = copy.path + "/meetings/2027/2027-04-15-sandy-biggleswade-ltt.json"
        let text = try String(contentsOfFile: notified, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"notifications\": []",
            with: """
                "notifications": [
                    {"councillor": "cllr-saoirse-merriweather", "at": "2027-03-01T10:00:00+00:00", "method": "email", "sequence": 0,
                     "start": "2027-04-15T18:30:00+01:00", "end": "2027-04-15T20:30:00+01:00", "venue": "Biggleswade Community Centre", "reply": "no-reply"}
                  ]
                """
        ).write(toFile: notified, atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: notified, encoding: .utf8).contains("cllr-saoirse-merriweather"))
        let programme = copy.path + "/programme.json"
        let rules = try String(contentsOfFile: programme, encoding: .utf8)
        try rules.replacingOccurrences(
            of:
                "\"first\": \"2027-02-18\",\n      \"everyWeeks\": 8,\n      \"weekday\": \"thursday\",\n      \"time\": \"18:30\"",
            with:
                "\"first\": \"2027-02-18\",\n      \"everyWeeks\": 8,\n      \"weekday\": \"thursday\",\n      \"time\": \"19:00\""
        )
        .write(toFile: programme, atomically: true, encoding: .utf8)
        let changed = try forumdesk(["programme", "--from", "2027-03-01"] + data)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("created 0 meetings, moved 4, left 1 as it was"), "\(changed.stdout)")
        #expect(
            changed.stdout.contains("Thu 15 Apr 2027 18:30 2027-04-15-sandy-biggleswade-ltt (notified)"),
            "\(changed.stdout)")
        #expect(
            try String(contentsOfFile: notified, encoding: .utf8).contains("\"start\": \"2027-04-15T18:30:00+01:00\""))
        let moved = try String(
            contentsOfFile: copy.path + "/meetings/2027/2027-06-10-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(moved.contains("\"start\": \"2027-06-10T19:00:00+01:00\""), "\(moved)")
    }

    @Test func test_aMissingOrBrokenProgramme_isADataError() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        try FileManager.default.removeItem(atPath: copy.path + "/programme.json")
        let missing = try forumdesk(["programme", "--preview"] + data)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("programme.json: no programme yet"), "\(missing.stderr)")
        try
            "{\"schema\": 1, \"rules\": [{\"area\": \"sandy-biggleswade\", \"first\": \"2027-01-07\", \"time\": \"19:00\", \"venue\": {\"name\": \"Hall\"}}]}\n"
            .write(toFile: copy.path + "/programme.json", atomically: true, encoding: .utf8)
        let broken = try forumdesk(["programme", "--preview"] + data)
        #expect(broken.status == 3)
        #expect(
            broken.stderr.contains("programme.json:1:25: a programme rule needs either `everyWeeks`"),
            "\(broken.stderr)")
        let dates = try forumdesk(["programme", "--preview", "--from", "2027-12-01", "--until", "2027-01-01"] + data)
        #expect(dates.status == 2)
    }
}
