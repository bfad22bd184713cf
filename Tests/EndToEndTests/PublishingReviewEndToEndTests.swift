import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 36 in a real terminal: the Reports screen's review before publishing lists a passage that names someone,
/// and `c` records it checked on the meeting's file.
@Suite(.serialized) struct PublishingReviewEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_reviewScreen_marksAPassageChecked_onDisk() throws {
        let data = try SampleCopy()
        let id = "2026-10-15-sandy-biggleswade-ltt"
        let path = "\(data.path)/meetings/2026/\(id).json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"title\": \"Minutes of the previous meeting\",",
            with:
                "\"title\": \"Minutes of the previous meeting\",\n      \"discussion\": \"Mrs Dan Reed asked about the car park\","
        )
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: 120, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("5", "v")
        try tmux.wait(for: "REVIEW BEFORE PUBLISHING")
        try tmux.wait(for: "\(id), item 2 discussion  (held back)")
        try tmux.wait(for: "finds a title with a name (Mrs Dan Reed)")
        try tmux.send("c")
        try tmux.wait(for: "(checked)")
        let m = try meetingJSON(data, id)
        #expect((m["checkedForPublication"] as? [String])?.count == 1)
    }
}
