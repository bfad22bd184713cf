import Foundation
import ForumDeskTestSupport
import Testing

/// Clash checks where meetings come in (`import csv meetings`) and where they are listed (`list meetings`,
/// `validate`): a hall double-booked, a bank holiday, the sample's pre-election period and a closed day added to
/// forumdesk.json.
@Suite struct ClashCLITests {
    static func planned(_ copy: SampleCopy) throws {
        let path = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"sampleToday\": \"2026-11-23\"",
            with: """
                "sampleToday": "2026-11-23",
                  "closedDays": [{"date": "2027-12-29", "label": "Offices closed between Christmas and New Year"}]
                """)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func test_importListAndValidate_sayEachClash() throws {
        let copy = try SampleCopy()
        try Self.planned(copy)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let sheet = copy.folder + "/meetings.csv"
        try """
        Meeting Date,Start Time,End Time,SNT Area,Ward,Venue / Location
        18/02/2027,19:00:00,21:00:00,Sandy and Biggleswade,Potton,Biggleswade Community Centre
        29/03/2027,19:00:00,21:00:00,Leighton Rural,Toddington,Toddington Village Hall
        29/12/2027,19:00:00,21:00:00,Ampthill and Flitwick,Ampthill,Ampthill Parish Rooms
        10/06/2027,19:00:00,21:00:00,Ampthill and Flitwick,Flitwick,Flitwick Rufus Centre

        """.write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = try forumdesk(["import", "csv", "meetings", sheet] + data)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The sample's 18 February meeting is in the same centre from 18:30 to 20:30, with Potton's councillors.
        #expect(
            imported.stdout.contains(
                "meetings.csv:2: clash: venue double-booked: Biggleswade Community Centre also holds "
                    + "Let's Talk Together: Sandy and Biggleswade (2027-02-18-sandy-biggleswade-ltt) 18:30-20:30"),
            "\(imported.stdout)")
        #expect(
            imported.stdout.contains("meetings.csv:3: clash: bank holiday: Easter Monday (Mon 2027-03-29)"),
            "\(imported.stdout)")
        #expect(
            imported.stdout.contains(
                "meetings.csv:3: clash: in the pre-election period (Central Bedfordshire and parish elections, 2027-03-22 to 2027-05-06)"
            ),
            "\(imported.stdout)")
        #expect(
            imported.stdout.contains(
                "meetings.csv:4: clash: council closed: Offices closed between Christmas and New Year (Wed 2027-12-29)"),
            "\(imported.stdout)")
        #expect(!imported.stdout.contains("meetings.csv:5: clash"), "\(imported.stdout)")
        // Each imported meeting starts with its kind's standing items (data/templates/lets-talk-together.json).
        let file = try String(
            contentsOfFile: copy.path + "/meetings/2027/2027-06-10-ampthill-flitwick-ltt.json", encoding: .utf8)
        #expect(file.contains("\"title\": \"Introductions and apologies\""), "\(file)")
        #expect(file.contains("\"title\": \"Minutes of the previous meeting held on "), "\(file)")
        #expect(file.contains("\"title\": \"Any other business\""), "\(file)")

        let list = try forumdesk(["list", "meetings", "--from", "2027-01-01"] + data)
        #expect(list.status == 0)
        #expect(list.stdout.contains("clashes:"), "\(list.stdout)")
        #expect(
            list.stdout.contains("Thu 2027-02-18 2027-02-18-sandy-biggleswade-ltt: clash: venue double-booked"),
            "\(list.stdout)")
        #expect(
            list.stdout.contains("Mon 2027-03-29 2027-03-29-leighton-rural-ltt: clash: bank holiday: Easter Monday"),
            "\(list.stdout)")

        let validate = try forumdesk(["validate"] + data)
        #expect(validate.status == 0, "clashes warn, they are not problems: \(validate.stdout)")
        #expect(
            validate.stdout.contains(
                "/meetings/2027/2027-12-29-ampthill-flitwick-ltt.json: warning: clash: council closed"),
            "\(validate.stdout)")
        #expect(validate.stderr.contains("clash warnings"), "\(validate.stderr)")

        let dashboard = try forumdesk(["dashboard", "--all"] + data)
        #expect(dashboard.stdout.contains("clash: bank holiday: Easter Monday"), "\(dashboard.stdout)")
    }

    @Test func test_aBadPreElectionPeriod_isAnErrorAtItsPosition() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"from\": \"2027-03-22\",\n      \"until\": \"2027-05-06\"",
            with: "\"from\": \"2027-05-06\",\n      \"until\": \"2027-03-22\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let validate = try forumdesk(["validate", "--data", copy.path])
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains(
                "forumdesk.json:25:5: a pre-election period ends (2027-03-22) before it starts (2027-05-06)"),
            "\(validate.stdout)")
    }
}
