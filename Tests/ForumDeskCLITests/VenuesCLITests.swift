import Foundation
import ForumDeskTestSupport
import Testing

/// Venue records: `venues match` links every meeting's free-text venue to a record, making the missing ones from
/// the latest meeting's address and accessibility, and a second run has nothing to do; the records round-trip.
@Suite struct VenuesCLITests {
    @Test func test_match_linksEveryMeeting_onceAndForAll() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let before = try String(contentsOfFile: copy.path + "/venues/biggleswade-community-centre.json", encoding: .utf8)
        let dry = try forumdesk(["venues", "match", "--dry-run"] + data)
        #expect(dry.stdout.contains("would make 12 venue records and link 58 meetings"), "\(dry.stdout)")
        let made = try forumdesk(["venues", "match"] + data)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("biggleswade-community-centre: 4 meetings (Biggleswade Community Centre)\n"), "an existing record is used: \(made.stdout)")
        #expect(made.stdout.contains("grove-house: 6 meetings (Grove House), new record"), "\(made.stdout)")
        #expect(made.stdout.contains("made 12 venue records and linked 58 meetings"), "\(made.stdout)")
        #expect(try String(contentsOfFile: copy.path + "/venues/biggleswade-community-centre.json", encoding: .utf8) == before)
        let grove = try String(contentsOfFile: copy.path + "/venues/grove-house.json", encoding: .utf8)
        #expect(grove.contains("\"name\": \"Grove House\"") && grove.contains("\"address\": "), "\(grove)")
        let meeting = try String(contentsOfFile: copy.path + "/meetings/2027/2027-02-18-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(meeting.contains("\"venue\": {\n    \"id\": \"biggleswade-community-centre\",\n    \"name\": \"Biggleswade Community Centre\""), "\(meeting)")
        let again = try forumdesk(["venues", "match"] + data)
        #expect(again.stdout.contains("made 0 venue records and linked 0 meetings"), "\(again.stdout)")
        let list = try forumdesk(["venues", "list"] + data)
        #expect(list.stdout.contains("biggleswade-community-centre      Biggleswade Community Centre      120"), "\(list.stdout)")
        #expect(try forumdesk(["validate"] + data).status == 0)
    }

    @Test func test_aVenueFileNamedUnlikeItsId_isReportedAndLeftOut() throws {
        let copy = try SampleCopy()
        try FileManager.default.moveItem(atPath: copy.path + "/venues/sandy-village-hall.json", toPath: copy.path + "/venues/sandy-hall.json")
        let validate = try forumdesk(["validate", "--data", copy.path])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("venues/sandy-hall.json:1:1: the file is named `sandy-hall.json` but its id is `sandy-village-hall`"), "\(validate.stdout)")
    }
}
