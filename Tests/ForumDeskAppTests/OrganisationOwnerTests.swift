import Foundation
import SnapshotTesting
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

@Suite struct OrganisationOwnerTests {
    /// An action owned by an organisation, not a person: shown with it wherever a person owner would be.
    @Test func test_organisationOwner_onTheActionsScreen_andInTheLiveNotes() throws {
        var data = sampleData
        var m = try #require(data.meeting("2026-10-15-sandy-biggleswade-ltt"))
        m.actions.append(
            Action(
                id: "A-2026-990", item: 5, description: "Clear the gullies", organisation: "sandy-town-council",
                due: CalendarDate(year: 2026, month: 12, day: 15)))
        data.meetings[data.meetings.firstIndex { $0.id == m.id }!] = m
        let list = app(
            width: 160, height: 48, data: data, keys: [.char("3"), .char("/")] + typing("gullies") + [.enter])
        let row = try #require(list.render().lines.first { $0.contains("A-2026-990") })
        #expect(row.contains("Sandy Town Council"), "\(row)")
        let live = app(
            width: 160, height: 48, data: data, keys: ScreenSnapshotTests.openMeeting + [.char("L"), .tab, .tab])
        #expect(live.render().lines.first { $0.contains("A-2026-990") }?.contains("Sandy Town Council") == true)
    }
}
