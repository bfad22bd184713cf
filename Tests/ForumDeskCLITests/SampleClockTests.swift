import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The sample folder says which day it was written for (`sampleToday`): without `--now` ForumDesk runs on
/// that day, so whenever the sample is opened its meetings to come are still to come.
@Suite struct SampleClockTests {
    @Test func test_sampleRunsOnItsOwnDay_withoutNow() throws {
        let pinned = try forumdesk([
            "list", "actions", "--overdue", "--data", TestPaths.sampleData, "--now", "2026-11-23",
        ])
        let unpinned = try forumdesk(["list", "actions", "--overdue", "--data", TestPaths.sampleData])
        #expect(unpinned.status == 0 && unpinned.stdout == pinned.stdout)
        let upcoming = try forumdesk([
            "list", "meetings", "--status", "confirmed", "--from", "2026-11-23", "--data", TestPaths.sampleData,
        ])
        #expect(upcoming.stdout.contains("2026-11-26"))
    }

    /// A folder without `sampleToday` (a council's own) runs on the real clock.
    @Test func test_aRealFolder_runsOnTheRealClock() throws {
        let copy = try SampleCopy()
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
            .replacingOccurrences(of: ",\n  \"sampleToday\": \"2026-11-23\"", with: "")
        try text.write(toFile: settings, atomically: true, encoding: .utf8)
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        let real = try forumdesk(["list", "actions", "--overdue", "--data", copy.path])
        let pinnedToToday = try forumdesk(["list", "actions", "--overdue", "--data", copy.path, "--now", today])
        #expect(real.status == 0 && real.stdout == pinnedToToday.stdout)
    }
}
