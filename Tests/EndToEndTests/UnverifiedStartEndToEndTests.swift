import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The app starts on the index without looking at each closed meeting's file, then looks: a file changed in place
/// before the start (no inotify event for it) is shown as it is now, not as it was indexed.
@Suite(.serialized) struct UnverifiedStartEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_closedMeetingEditedInPlaceBeforeTheStart_isShownAsItIsNow() throws {
        let data = try SampleCopy()
        // the index
        _ = try spawn([TestPaths.binary, "list", "meetings", "--data", data.path, "--now", "2026-11-23T12:00"])
        #expect(FileManager.default.fileExists(atPath: data.path + "/.forumdesk-index"))
        let path = "\(data.path)/meetings/2025/2025-11-25-cranfield-marston-woburn-ltt.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(
                of: "\"name\": \"Cranfield Village Hall\"", with: "\"name\": \"Renamed In Place Hall\"")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        handle.truncateFile(atOffset: 0)
        handle.write(Data(text.utf8))
        handle.closeFile()

        let tmux = try Tmux(width: 120, height: 40, command: data.command)
        try tmux.wait(for: "What needs attention", timeout: 60)
        try tmux.send("2")
        try tmux.wait(for: "Venue")
        try tmux.send("/")
        try tmux.type("Renamed In Place")
        _ = try tmux.wait(for: "Renamed In Place Hall", timeout: 20)
    }
}
