import Foundation
import ForumDeskTestSupport
import Testing

/// A venue record's public fields reach the public site: a meeting linked to the record shows its seats; a meeting
/// with only a typed venue shows none (issue 40: venues as records, public fields marked).
@Suite struct VenueSeatsPublishTests {
    @Test func test_publish_showsTheSeatsOfALinkedVenue_only() throws {
        let copy = try SampleCopy()
        let linked = "2026-12-17-sandy-biggleswade-ltt"
        let path = copy.path + "/meetings/2026/\(linked).json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let typed = "\"venue\": {\n    \"name\": \"Biggleswade Community Centre\","
        #expect(text.contains(typed))
        try text.replacingOccurrences(
            of: typed,
            with:
                "\"venue\": {\n    \"id\": \"biggleswade-community-centre\",\n    \"name\": \"Biggleswade Community Centre\","
        )
        .write(toFile: path, atomically: true, encoding: .utf8)
        let out = copy.folder + "/site"
        let run = try forumdesk(["publish", "--data", copy.path, "--out", out, "--now", "2026-11-23T12:00"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let page = try String(contentsOfFile: out + "/meetings/2026/\(linked).html", encoding: .utf8)
        #expect(page.contains("Seats"), "the linked meeting's page")
        #expect(page.contains("120 for the public"))
        let other = try String(
            contentsOfFile: out + "/meetings/2026/2026-11-26-leighton-rural-ltt.html", encoding: .utf8)
        #expect(!other.contains("for the public</"))
        #expect(try html5Problems(out + "/meetings/2026/\(linked).html").isEmpty)
    }
}
