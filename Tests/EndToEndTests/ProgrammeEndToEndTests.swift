import Foundation
import ForumDeskTestSupport
import Testing

/// The year planned end to end: `forumdesk programme` creates 2027's meetings for the seven areas, then in the real
/// app (tmux) a meeting postponed onto the evening of another in the same hall is warned of as it is saved.
@Suite(.serialized) struct ProgrammeEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_aYearsProgramme_thenAPostponementIntoAClash() throws {
        let data = try SampleCopy()
        let made = try runProgram(
            [TestPaths.binary, "programme", "--from", "2027-01-01", "--data", data.path, "--now", "2026-11-23T12:00"],
            environment: ["FORUMDESK_CONFIG": data.machineConfig, "SWIFT_BACKTRACE": "enable=no"])
        #expect(made.status == 0, "\(made.out)")
        #expect(made.out.contains("created 38 meetings"), "\(made.out)")
        let tmux = try Tmux(width: 120, height: 40, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("2", "/")
        try tmux.type("2027-04-15")
        try tmux.send("Enter", "Enter")
        try tmux.wait(for: "Details")
        try tmux.send("P")
        try tmux.wait(for: "New date")
        try tmux.type("2027-06-10 19:00")
        try tmux.wait(for: "venue double-booked (2027-06-10-sandy-biggleswade-ltt)")
        try tmux.send("C-s")
        try tmux.wait(for: "2 clashes")
        let moved = try meetingJSON(data, "2027-04-15-sandy-biggleswade-ltt")
        #expect(moved["start"] as? String == "2027-06-10T19:00:00+01:00")
        #expect(moved["status"] as? String == "postponed")
        let validate = try runProgram(
            [TestPaths.binary, "validate", "--data", data.path, "--now", "2026-11-23T12:00"],
            environment: ["FORUMDESK_CONFIG": data.machineConfig])
        #expect(
            validate.out.contains("2027-06-10-sandy-biggleswade-ltt.json: warning: clash: venue double-booked"),
            "\(validate.out)")
    }
}
