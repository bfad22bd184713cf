import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
import ForumDeskExport

/// Live notes of a hybrid meeting: `O` marks someone present as joined online, saved at once; the minutes list them
/// "(online)" and count them apart; a meeting with no joining link refuses it.
@Suite(.serialized) struct OnlineAttendanceTests {
    @Test func test_O_marksPresentOnline_andTheMinutesCountIt() throws {
        let w = try Workspace()
        let id = "2026-12-08-cranfield-marston-woburn-ltt"
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-08 cranfield") + [.enter, .enter, .char("L")])
        #expect(a.screenText.contains("Attendance"), "\(a.screenText)")
        a.handle(.key(.char("O")))
        #expect(a.screenText.contains("present first (p)"), "\(a.screenText)")
        for key in [Key.char("p"), .char("k"), .char("O")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk(id))
        let entry = try #require(m.attendance.first)
        #expect(entry.status == .present && entry.online, "\(m.attendance)")
        #expect(a.screenText.contains("online"))
        let minutes = MeetingDocument.document(
            .minutes, .text, for: m, directory: w.store.load().directory, allMeetings: [m],
            council: "Council", audience: .record)
        #expect(
            minutes.contains(" (online)\n") && minutes.contains("Present online (listed above): 1 of 1"), "\(minutes)")
        a.handle(.key(.char("O")))
        #expect(w.meetingOnDisk(id)?.attendance.first?.online == false)
        // Residents: "30 6 online" is 30 in all, 6 of them online.
        for key in [Key.char("r"), .ctrl("u")] + typing("30 6 online") + [.enter] { a.handle(.key(key)) }
        let counted = try #require(w.meetingOnDisk(id))
        #expect(counted.residentsPresent == 30 && counted.residentsOnline == 6, "\(a.screenText)")
        for key in [Key.char("r"), .ctrl("u")] + typing("5 6 online") + [.enter] { a.handle(.key(key)) }
        #expect(a.screenText.contains("or 34 6 online"), "more online than in all is refused")
        #expect(w.meetingOnDisk(id)?.residentsPresent == 30)
    }

    @Test func test_O_onAMeetingWithNoJoiningLink_isRefused() throws {
        let w = try Workspace()
        var a = w.app(
            keys: [.char("2"), .char("/")] + typing("2026-11-26 leighton rural") + [
                .enter, .enter, .char("L"), .char("p"), .char("k"),
            ])
        a.handle(.key(.char("O")))
        #expect(a.screenText.contains("no joining link"), "\(a.screenText)")
        #expect(w.meetingOnDisk("2026-11-26-leighton-rural-ltt")?.attendance.contains(where: \.online) == false)
    }
}
