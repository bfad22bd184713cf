import Foundation
import ForumDeskTestSupport
import Testing

/// Venue records: `venues match` links every meeting's free-text venue to a record, making the missing ones from
/// the latest meeting's address and accessibility, and a second run has nothing to do; the records round-trip.
@Suite struct VenuesCLITests {
    @Test func test_match_linksEveryMeeting_onceAndForAll() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let before = try String(
            contentsOfFile: copy.path + "/venues/biggleswade-community-centre.json", encoding: .utf8)
        let dry = try forumdesk(["venues", "match", "--dry-run"] + data)
        #expect(dry.stdout.contains("would make 12 venue records and link 58 meetings"), "\(dry.stdout)")
        let made = try forumdesk(["venues", "match"] + data)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            made.stdout.contains("biggleswade-community-centre: 4 meetings (Biggleswade Community Centre)\n"),
            "an existing record is used: \(made.stdout)")
        #expect(made.stdout.contains("grove-house: 6 meetings (Grove House), new record"), "\(made.stdout)")
        #expect(made.stdout.contains("made 12 venue records and linked 58 meetings"), "\(made.stdout)")
        #expect(
            try String(contentsOfFile: copy.path + "/venues/biggleswade-community-centre.json", encoding: .utf8)
                == before)
        let grove = try String(contentsOfFile: copy.path + "/venues/grove-house.json", encoding: .utf8)
        #expect(grove.contains("\"name\": \"Grove House\"") && grove.contains("\"address\": "), "\(grove)")
        let meeting = try String(
            contentsOfFile: copy.path + "/meetings/2027/2027-02-18-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(
            meeting.contains(
                "\"venue\": {\n    \"id\": \"biggleswade-community-centre\",\n    \"name\": \"Biggleswade Community Centre\""
            ), "\(meeting)")
        let again = try forumdesk(["venues", "match"] + data)
        #expect(again.stdout.contains("made 0 venue records and linked 0 meetings"), "\(again.stdout)")
        let list = try forumdesk(["venues", "list"] + data)
        #expect(
            list.stdout.contains("biggleswade-community-centre      Biggleswade Community Centre      120"),
            "\(list.stdout)")
        #expect(try forumdesk(["validate"] + data).status == 0)
    }

    @Test func test_validate_checksTheLettingOrganisation_andTheRecordAMeetingNames() throws {
        let copy = try SampleCopy()
        let venue = copy.path + "/venues/sandy-village-hall.json"
        try String(contentsOfFile: venue, encoding: .utf8).replacingOccurrences(
            of: "\"sandy-town-council\"", with: "\"sandy-parish-council\""
        )
        .write(toFile: venue, atomically: true, encoding: .utf8)
        let meeting = copy.path + "/meetings/2027/2027-02-18-sandy-biggleswade-ltt.json"
        try String(contentsOfFile: meeting, encoding: .utf8).replacingOccurrences(
            of: "\"venue\": {\n", with: "\"venue\": {\n    \"id\": \"old-hall\",\n"
        )
        .write(toFile: meeting, atomically: true, encoding: .utf8)
        let validate = try forumdesk(["validate", "--data", copy.path])
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains(
                "venues/sandy-village-hall.json: bookedThrough: unknown organisation `sandy-parish-council`"),
            "\(validate.stdout)")
        #expect(
            validate.stdout.contains(
                "2027-02-18-sandy-biggleswade-ltt.json: venue: no venue record `old-hall` in venues/"),
            "\(validate.stdout)")
    }

    @Test func test_aVenueFileNamedUnlikeItsId_isReportedAndLeftOut() throws {
        let copy = try SampleCopy()
        try FileManager.default.moveItem(
            atPath: copy.path + "/venues/sandy-village-hall.json", toPath: copy.path + "/venues/sandy-hall.json")
        let validate = try forumdesk(["validate", "--data", copy.path])
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains(
                "venues/sandy-hall.json:1:1: the file is named `sandy-hall.json` but its id is `sandy-village-hall`"),
            "\(validate.stdout)")
    }
}
