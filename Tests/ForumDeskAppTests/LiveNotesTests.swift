import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LiveNotesTests {
    /// The comment a councillor sent with a declined calendar reply is offered as the apology reason.
    @Test func test_apologies_offerTheDeclineComment() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let (first, _) = try w.setCurrentNotice(of: id) {
            $0.reply = .declined
            $0.comment = "sorry, I have planning committee that evening"
        }
        _ = w.app(
            keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [
                .enter, .enter, .char("L"), .char("o"), .enter,
            ])
        let m = try #require(w.meetingOnDisk(id))
        let entry = try #require(m.attendance.first { $0.person == first.id })
        #expect(entry.status == .apologies && entry.reason == "sorry, I have planning committee that evening")
    }

    @Test func test_minuteAMeeting_attendanceOutcomesActions_allOnDisk() throws {
        let w = try Workspace()
        let id = "2026-11-26-leighton-rural-ltt"
        var keys: [Key] = [.char("2"), .char("/")] + typing("2026-11-26") + [.enter, .enter, .char("L")]
        keys += [.char("p"), .char("j"), .char("o")] + typing("unwell") + [.enter]
        keys += [.char("j"), .char("s")] + typing("Sam") + [.escape]  // a picker opened and cancelled changes nothing
        keys += [.tab, .enter, .ctrl("u")] + typing("Resolved: That the apologies be noted.") + [.enter]
        keys += [.char("j"), .enter, .ctrl("u")] + typing("Resolved: That the minutes be approved.") + [.enter]
        keys += [.char("a")] + typing("Check the bus shelter @Yusuf Ambridge-Cole due:+14d #highways") + [.enter]
        keys += [.char("a")] + typing("Publish the gritting map #highways") + [.enter]
        keys += [.char("a")] + typing("Invite the youth club @Leighton Buzzard Youth Forum due:15/1") + [.enter]
        keys += [.char("r")] + typing("23") + [.enter]
        let a = w.app(keys: keys)
        let m = try #require(w.meetingOnDisk(id))
        #expect(m.attendance.filter { $0.status == .present }.count == 1)
        #expect(m.attendance.first { $0.status == .apologies }?.reason == "unwell")
        #expect(m.agenda[0].outcome == "Resolved: That the apologies be noted.")
        #expect(m.agenda[1].outcome == "Resolved: That the minutes be approved.")
        #expect(
            m.actions.map(\.description) == [
                "Check the bus shelter", "Publish the gritting map", "Invite the youth club",
            ])
        #expect(m.actions[0].owner == "yusuf-ambridge-cole")
        #expect(m.actions[0].due == CalendarDate(year: 2026, month: 12, day: 7))
        #expect(m.actions[2].organisation == "leighton-youth-forum")
        #expect(m.actions[2].due == CalendarDate(year: 2027, month: 1, day: 15))
        #expect(Set(m.actions.map(\.id)).count == 3)
        #expect(m.residentsPresent == 23)
        #expect(a.screenText.contains("Saved: 23 residents present"))
        // After each entry only that meeting's warnings are recomputed: the result must equal a full recompute.
        let full = Context(data: a.context.data, now: a.context.now)
        #expect(a.context.warnings == full.warnings)
        #expect(a.context.overdue == full.overdue)
    }

    @Test func test_badQuickEntry_staysOpenWithTheReason() throws {
        let w = try Workspace()
        let a = w.app(
            keys: openSandyOctober + [.char("L"), .char("a")] + typing("Do it @Nobody due:31/2/2027") + [.enter])
        #expect(a.screenText.contains("✗ no person or organisation called “Nobody…”"))
        #expect(a.screenText.contains("Action (item 1): Do it @Nobody"))
    }

    @Test func test_substitute_recordsApologiesAndTheStandIn_inOneSave() throws {
        let w = try Workspace()
        let id = "2026-11-26-leighton-rural-ltt"
        let a = w.app(
            keys: [.char("2"), .char("/")] + typing("2026-11-26") + [.enter, .enter, .char("L"), .char("s")]
                + typing("Imogen") + [.enter])
        _ = a
        let m = try #require(w.meetingOnDisk(id))
        let sub = try #require(m.attendance.first { $0.status == .substitute })
        #expect(m.attendance.contains { $0.status == .apologies && $0.person == sub.substituteFor })
    }

    @Test func test_mattersArising_doneUpdatesTheEarlierMeeting() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L"), .tab, .tab, .tab])
        let before = w.store.load()
        let arising = ActionRules.mattersArising(
            for: try #require(before.meeting("2026-10-15-sandy-biggleswade-ltt")), in: before.meetings)
        let first = try #require(arising.first)
        a.handle(.key(.char("c")))
        let after = try #require(w.meetingOnDisk(first.meeting.id)?.actions.first { $0.id == first.action.id })
        #expect(after.status == .done)
        #expect(after.updates.last?.status == .done)
    }
}
