import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Topic requests and residents' issues against a real data folder.
@Suite struct TopicsTests {
    /// The Topics screen on "Winter gritting routes" (fifth of the open requests by title).
    static let gritting: [Key] = [.char("6"), .char("/")] + typing("gritting") + [.enter]

    @Test func test_budgetConsultation_showsWhichAreasHaveHeardIt() {
        let a = app(width: 100, height: 30, keys: [.char("6")])
        let line = a.screenText.split(separator: "\n").first { $0.contains("Council budget proposals") } ?? ""
        #expect(
            line.contains("✓ 6 Oct") && line.contains("✓17 Nov") && line.contains("→26 Nov") && line.contains("to do"))
        #expect(a.screenText.contains("⚠ 2 windows closing within 14 days"))
    }

    @Test func test_scheduleAll_fillsEveryWantedAgenda_andUndoesAsOne() throws {
        let w = try Workspace()
        var a = w.app(keys: Self.gritting + [.char("S")])
        #expect(a.screenText.contains("Saved: “Winter gritting routes” scheduled: CMW 8 Dec"))
        let data = w.store.load()
        let carrying = data.meetings.filter { $0.agenda.contains { $0.topic == "winter-gritting-routes" } }
        #expect(Set(carrying.map(\.area)) == Set(data.directory.areas.map(\.id)))
        for m in carrying {
            #expect(m.agendaMinutes <= m.lengthMinutes)
            // Before the residents' open session, with the request's time and presenter.
            let index = try #require(m.agenda.firstIndex { $0.topic == "winter-gritting-routes" })
            #expect(m.agenda[index].minutes == 20 && m.agenda[index].presenter != nil)
            #expect(m.agenda.last?.title == "Residents' open session")
        }
        #expect(data.topic("winter-gritting-routes")?.status == .scheduled)
        let row = a.screenText.split(separator: "\n").first { $0.contains("Winter gritting routes") } ?? ""
        #expect(!row.contains("to do"))

        a.handle(.key(.char("u")))
        let undone = w.store.load()
        #expect(!undone.meetings.contains { $0.agenda.contains { $0.topic == "winter-gritting-routes" } })
        #expect(undone.topic("winter-gritting-routes")?.status == .requested)
    }

    @Test func test_scheduleOneArea_takesTheCursorsArea() throws {
        let w = try Workspace()
        // Cursor to the seventh column: Leighton Buzzard and Linslade.
        _ = w.app(keys: Self.gritting + Array(repeating: .right, count: 6) + [.char("s")])
        let carrying = w.store.load().meetings.filter { $0.agenda.contains { $0.topic == "winter-gritting-routes" } }
        #expect(carrying.map(\.id) == ["2026-12-01-leighton-buzzard-linslade-ltt"])
    }

    @Test func test_scheduling_respectsTheWindow() throws {
        let w = try Workspace()
        // Youth provision wants February to April: the Dunstable meeting of 19 January is too early, and no
        // Dunstable meeting is planned inside the window.
        let a = w.app(keys: [.char("6"), .char("/")] + typing("youth") + [.enter, .char("S")])
        let carrying = w.store.load().meetings.filter { $0.agenda.contains { $0.topic == "youth-provision-holidays" } }
        #expect(carrying.map(\.id) == ["2027-02-02-leighton-buzzard-linslade-ltt"])
        #expect(a.screenText.contains("not: no meeting of Dunstable"))
    }

    @Test func test_newTopicRequest_isSavedToItsOwnFile() throws {
        let w = try Workspace()
        _ = w.app(
            keys: [.char("6"), .char("n")] + typing("Bus timetable changes") + [.tab, .enter] + typing("community eng")
                + [.enter]
                + [.tab, .tab, .tab, .tab, .ctrl("u")] + typing("Leighton Rural; Cranfield, Marston and Woburn")
                + [.tab] + typing("2026-12-01") + [.tab] + typing("2027-02-28") + [.tab, .ctrl("u")] + typing("15") + [
                    .ctrl("s")
                ])
        let topic = try #require(w.store.load().topic("bus-timetable-changes"))
        #expect(topic.areas == ["leighton-rural", "cranfield-marston-woburn"])
        #expect(topic.minutes == 15 && topic.organisation == "cbc-community-engagement")
        #expect(topic.notBefore == CalendarDate(iso: "2026-12-01") && topic.notAfter == CalendarDate(iso: "2027-02-28"))
        #expect(FileManager.default.fileExists(atPath: try w.store.folder.topicFile("bus-timetable-changes")))
    }

    @Test func test_declining_needsAReason() throws {
        let w = try Workspace()
        let keys =
            Self.gritting + [.char("e")] + Array(repeating: Key.tab, count: 11) + [.enter] + typing("declined") + [
                .enter
            ]
        var a = w.app(keys: keys + [.ctrl("s")])
        #expect(a.screenText.contains("tell the partner why it was declined"))
        // Choosing from the list moves on to the next field: the reason.
        for key in typing("Gritting is consulted on online this winter.") + [.ctrl("s")] { a.handle(.key(key)) }
        let topic = try #require(w.store.load().topic("winter-gritting-routes"))
        #expect(topic.status == .declined && topic.reason == "Gritting is consulted on online this winter.")
    }

    @Test func test_deleting_aRequestAnAgendaCarries_isRefused() throws {
        let w = try Workspace()
        let a = w.app(keys: [.char("6"), .char("D")])
        #expect(a.screenText.contains("carry it: remove the items first"))
        #expect(w.store.load().topic("budget-2027-28") != nil)
    }

    @Test func test_dashboardTopicAlert_opensTheTopicAtTheWaitingArea() {
        // The topic alerts come after the twelve rows due this week, late, or within four weeks.
        let a = app(width: 100, height: 30, keys: Array(repeating: .down, count: 12) + [.enter])
        #expect(a.screenTitle == "Topics")
        #expect(a.screenText.contains("Leighton Buzzard and Linslade: to schedule"))
    }

    // MARK: residents' issues

    @Test func test_issue_fromTheMeetingScreen_thenAnAction() throws {
        let w = try Workspace()
        var a = w.app(
            keys: openSandyOctober + [.char("i")] + typing("Street lights out on Mill Lane #highways") + [.ctrl("s")])
        var m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        let issue = try #require(m.issues.last)
        #expect(issue.text == "Street lights out on Mill Lane" && issue.tags == ["highways"] && issue.status == .open)
        #expect(issue.id.hasPrefix("R-2026-"))

        // Issues tab (second from the end), last row, raise an action: the action form opens on it.
        for key in [Key.backTab, .backTab, .char("G"), .char("a")] { a.handle(.key(key)) }
        #expect(a.screenTitle.hasPrefix("Action A-2026-"))
        m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        let linked = try #require(m.issues.last)
        #expect(linked.status == .action)
        #expect(
            m.actions.contains {
                $0.id == linked.action && $0.description == "Street lights out on Mill Lane" && $0.tags == ["highways"]
            })
    }

    @Test func test_issue_inLiveNotes_answeredAndMadeATopic() throws {
        let w = try Workspace()
        var a = w.app(
            keys: openSandyOctober + [.char("L"), .char("i")] + typing("Bins missed on Station Road #waste") + [.enter])
        var m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        #expect(m.issues.last?.text == "Bins missed on Station Road")
        let count = m.issues.count
        // Issues pane, the new last row: answer it.
        for key in [Key.backTab, .char("G"), .enter] + typing("The crew's round changed; fixed from Monday.") + [.enter]
        { a.handle(.key(key)) }
        m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        #expect(
            m.issues[count - 1].status == .answered
                && m.issues[count - 1].answer == "The crew's round changed; fixed from Monday.")

        // Another issue becomes a topic request for Sandy and Biggleswade.
        for key in [Key.char("i")] + typing("Parking on the pavement near the school #highways") + [
            .enter, .char("G"), .char("t"),
        ] {
            a.handle(.key(key))
        }
        m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        let raised = try #require(m.issues.last)
        #expect(raised.status == .topic)
        let topic = try #require(w.store.load().topic(raised.topic ?? ""))
        #expect(topic.areas == ["sandy-biggleswade"] && topic.raisedAt == m.id && topic.tags == ["highways"])
        #expect(a.screenTitle.hasPrefix("Topic:"))
    }

    @Test func test_liveNotes_declarationMovedToD() {
        let a = app(keys: ScreenSnapshotTests.openMeeting + [.char("L"), .char("d")])
        #expect(a.screenText.contains("Who declares an interest"))
    }

    @Test func test_agendaTab_warnsWhenTheAgendaRunsOver() {
        let a = app(
            width: 100, height: 30,
            keys: [.char("2"), .char("/")] + typing("2027-01-28 leighton") + [.enter, .enter, .tab])
        #expect(a.screenText.contains("⚠ Agenda time: 135 minutes; the meeting runs 120: 15 over"))
    }
}
