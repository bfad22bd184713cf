import Foundation
import ForumDeskTestSupport
import Testing

/// `validate` names a topic a postponement put outside its requester's window, with the file and the field.
@Suite struct TopicWindowCLITests {
    @Test func test_validate_reportsATopicMovedPastItsNotAfterDate() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["validate"] + data).status == 0)
        let path = copy.path + "/meetings/2026/2026-11-26-leighton-rural-ltt.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // Postponed by hand to 10 December: past the winter vaccinations' "not after" (5 December).
        text = text.replacingOccurrences(
            of: "\"start\": \"2026-11-26T18:30:00+00:00\"", with: "\"start\": \"2026-12-10T18:30:00+00:00\""
        )
        .replacingOccurrences(
            of: "\"end\": \"2026-11-26T20:30:00+00:00\"", with: "\"end\": \"2026-12-10T20:30:00+00:00\""
        )
        .replacingOccurrences(of: "\"status\": \"confirmed\"", with: "\"status\": \"postponed\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let validate = try forumdesk(["validate"] + data)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("2026-11-26-leighton-rural-ltt.json:"), "\(validate.stdout)")
        #expect(
            validate.stdout.contains(
                "“Winter vaccinations: flu and COVID-19” (item 7) is on 2026-12-10, after its requester's “not after” 2026-12-05: move it or unschedule it"
            ),
            "\(validate.stdout)")
    }
}
