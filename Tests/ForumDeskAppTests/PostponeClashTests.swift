import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Postponing checks the new date: the sample's 17 December Sandy meeting postponed onto the evening of the
/// 18 February one, in the same hall with the same ward councillors, is warned of in the form, saved, and then
/// carried by both meetings' warnings on the dashboard.
@Suite struct PostponeClashTests {
    @Test func test_postponingOntoAnotherMeeting_isAClash_onBothMeetings() throws {
        let w = try Workspace()
        let open: [Key] = [.char("2"), .char("/")] + typing("2026-12-17") + [.enter, .enter, .char("P")]
        let asked = w.app(width: 160, height: 48, keys: open + typing("2027-02-18 19:00"))
        #expect(
            asked.screenText.contains("⚠ venue double-booked (2027-02-18-sandy-biggleswade-ltt)"), "\(asked.screenText)"
        )
        var a = w.app(width: 160, height: 48, keys: open + typing("2027-02-18 19:00") + [.ctrl("s")])
        #expect(a.screenText.contains("2 clashes"), "\(a.screenText)")
        let moved = try #require(w.meetingOnDisk("2026-12-17-sandy-biggleswade-ltt"))
        #expect(moved.status == .postponed && LondonTime.iso(moved.start) == "2027-02-18T19:00:00+00:00")
        let warnings = a.context.warnings
        #expect(
            warnings["2026-12-17-sandy-biggleswade-ltt"]?.contains {
                $0.kind == .clash && $0.message.contains("2027-02-18-sandy-biggleswade-ltt")
            } == true)
        #expect(
            warnings["2027-02-18-sandy-biggleswade-ltt"]?.contains {
                $0.kind == .clash && $0.message.contains("2026-12-17-sandy-biggleswade-ltt")
            } == true)
        a.handle(.key(.escape))
        a.handle(.key(.escape))
        a.handle(.key(.char("1")))
        #expect(a.screenText.contains("clash: venue double-booked"), "\(a.screenText)")
    }
}
