import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// `F` lists what the minutes really lack, and the equality form's counts cannot exceed the head count.
@Suite struct LiveNotesCompletenessTests {
    @Test func test_finish_listsItemsWithoutDiscussion_andAPresenterWhoSentApologies() throws {
        let w = try Workspace()
        var data = w.store.load()
        var m = try #require(data.meeting(LiveNotesFlowTests.id))
        for i in m.agenda.indices { m.agenda[i].outcome = "Resolved: That it be noted." }
        m.residentsPresent = 23
        m.attendance = [Attendance(person: "cllr-xavier-kestrel", status: .present)]
        let presenter = try #require(m.agenda.first { $0.presenter != nil })
        m.attendance.append(Attendance(person: presenter.presenter, status: .apologies))
        try w.store.save(m, in: &data)
        let a = w.app(width: 200, height: 40, keys: LiveNotesFlowTests.open + [.char("F")])
        let name = data.directory.displayName(ofPerson: presenter.presenter)
        #expect(!a.screenText.contains("Nothing is missing"))
        #expect(a.screenText.contains("no discussion for items 3, 5, 6, 7, 8"), "\(a.screenText)")
        #expect(a.screenText.contains("item \(presenter.number)'s presenter \(name) sent apologies"))
    }

    @Test func test_equalityCounts_cannotAddUpToMoreThanTheResidentsPresent() throws {
        let w = try Workspace()
        let keys = LiveNotesFlowTests.open + [.char("r")] + typing("23") + [.enter]
        let bad = w.app(
            keys: keys + [.char("E")] + typing("20") + [.tab] + typing("10") + [.tab] + typing("5") + [.ctrl("s")])
        #expect(bad.screenText.contains("Age adds up to 35, more than the 23 residents present"))
        #expect(w.meetingOnDisk(LiveNotesFlowTests.id)?.equality.isEmpty == true)
        _ = w.app(
            keys: LiveNotesFlowTests.open + [.char("E")] + typing("4") + [.tab] + typing("12") + [.tab] + typing("7")
                + [.ctrl("s")])
        #expect(w.meetingOnDisk(LiveNotesFlowTests.id)?.equality["age"] == ["16-24": 4, "25-64": 12, "65+": 7])
    }
}
