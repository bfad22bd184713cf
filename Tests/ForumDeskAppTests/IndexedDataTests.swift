import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
@testable import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The app on data loaded through the start-up index: closed meetings arrive as summaries and are read in
/// full before they are shown in full or changed.
@Suite struct IndexedDataTests {
    let sandyOctober = "2026-10-15-sandy-biggleswade-ltt"

    func indexedApp(_ w: Workspace, keys: [Key] = []) -> App {
        _ = w.store.loadIndexed(now: fixedNow)
        let (data, _) = w.store.loadIndexed(now: fixedNow)
        var a = App(data: data, now: fixedNow, width: 100, height: 30, store: w.store, access: .editable)
        for key in keys { a.handle(.key(key)) }
        return a
    }

    @Test func test_openingAClosedMeeting_readsItsFileInFull() throws {
        let w = try Workspace()
        let before = indexedApp(w)
        #expect(before.context.data.meeting(sandyOctober)?.isSummary == true)
        let a = indexedApp(w, keys: openSandyOctober)
        #expect(a.screenTitle == "Meeting")
        let shown = try #require(a.context.data.meeting(sandyOctober))
        #expect(!shown.isSummary)
        #expect(shown == w.meetingOnDisk(sandyOctober))
    }

    @Test func test_editMadeOnASummary_isSavedIntoTheFile_andUndoes() throws {
        let w = try Workspace()
        var a = indexedApp(w)
        var edited = try #require(a.context.data.meeting(sandyOctober))
        let original = try #require(w.meetingOnDisk(sandyOctober))
        #expect(edited.isSummary && !edited.actions.isEmpty)
        edited.actions[0].feedback = "Told residents in the newsletter"
        a.applyEdit(.saveMeeting(edited, label: "feedback"))
        let saved = try #require(w.meetingOnDisk(sandyOctober))
        #expect(saved.actions[0].feedback == "Told residents in the newsletter")
        #expect(saved.attendance == original.attendance && saved.notifications == original.notifications)
        #expect(a.context.data.meeting(sandyOctober)?.isSummary == false)
        a.handle(.key(.char("u")))
        #expect(w.meetingOnDisk(sandyOctober) == original)
    }

    @Test func test_reportsScreen_readsTheShownYearInFull() throws {
        let w = try Workspace()
        let a = indexedApp(w, keys: [.char("5")])
        let year = a.context.data.meetings.filter { LondonTime.date($0.start).year == 2026 }
        #expect(!year.isEmpty && year.allSatisfy { !$0.isSummary })
        #expect(a.context.data.meetings.contains { $0.isSummary })
    }
}
