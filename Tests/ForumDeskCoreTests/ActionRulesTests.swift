import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct ActionRulesTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)

    func action(_ id: String, due: CalendarDate?, status: ActionStatus) -> Action {
        Action(id: id, description: "Fix the drain", due: due, status: status)
    }

    @Test func test_overdue_whenDuePassedAndStillOpen() {
        let yesterday = today.adding(days: -1)
        #expect(ActionRules.isOverdue(action("A", due: yesterday, status: .open), today: today))
        #expect(ActionRules.isOverdue(action("A", due: yesterday, status: .inProgress), today: today))
        #expect(ActionRules.isOverdue(action("A", due: yesterday, status: .carriedForward), today: today))
    }

    @Test func test_notOverdue_whenDueTodayDoneDroppedOrUndated() {
        #expect(!ActionRules.isOverdue(action("A", due: today, status: .open), today: today))
        #expect(!ActionRules.isOverdue(action("A", due: today.adding(days: -30), status: .done), today: today))
        #expect(!ActionRules.isOverdue(action("A", due: today.adding(days: -30), status: .dropped), today: today))
        #expect(!ActionRules.isOverdue(action("A", due: nil, status: .open), today: today))
    }

    @Test func test_mattersArising_areOpenActionsFromEarlierMeetingsOfTheSameArea() {
        var september = Fixture.meeting(id: "sep", start: "2026-09-10T19:00", status: .held)
        september.actions = [
            action("A-1", due: nil, status: .open), action("A-2", due: nil, status: .done),
            action("A-3", due: nil, status: .carriedForward),
        ]
        var october = Fixture.meeting(id: "oct", start: "2026-10-10T19:00", status: .held)
        october.actions = [action("A-4", due: nil, status: .inProgress), action("A-5", due: nil, status: .dropped)]
        var elsewhere = Fixture.meeting(
            id: "other", start: "2026-10-01T19:00", status: .held, area: "leighton-rural",
            wards: ["toddington"])
        elsewhere.actions = [action("A-6", due: nil, status: .open)]
        var later = Fixture.meeting(id: "dec", start: "2026-12-10T19:00")
        later.actions = [action("A-7", due: nil, status: .open)]
        let november = Fixture.meeting(id: "nov", start: "2026-11-24T19:00")
        let arising = ActionRules.mattersArising(for: november, in: [later, elsewhere, october, september, november])
        #expect(arising.map(\.action.id) == ["A-1", "A-3", "A-4"])
        #expect(arising.map(\.meeting.id) == ["sep", "sep", "oct"])
    }

    @Test func test_overdueList_isInMeetingOrder() {
        var a = Fixture.meeting(id: "a", start: "2026-09-10T19:00", status: .held)
        a.actions = [action("A-2", due: today.adding(days: -5), status: .open)]
        var b = Fixture.meeting(id: "b", start: "2026-06-10T19:00", status: .held)
        b.actions = [
            action("A-1", due: today.adding(days: -90), status: .open), action("A-9", due: nil, status: .open),
        ]
        #expect(ActionRules.overdue(in: [a, b], today: today).map(\.action.id) == ["A-1", "A-2"])
    }
}
