import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct MeetingValueTests {
    /// A meeting shares its fields between copies until one changes: the change must stay in that copy.
    @Test func test_copies_changeIndependently_andCompareByContent() {
        let original = Fixture.meeting()
        var copy = original
        #expect(copy == original)
        copy.title = "Changed"
        copy.agenda.append(AgendaItem(number: 1, title: "Welcome"))
        #expect(original.title != "Changed")
        #expect(original.agenda.isEmpty)
        #expect(copy != original)

        var restored = copy
        restored.title = original.title
        restored.agenda.removeAll()
        #expect(restored == original, "meetings compare by their fields, not by shared storage")
        #expect(copy.title == "Changed" && copy.agenda.count == 1)
    }

    @Test func test_aCopyHeldInAnArray_isNotChangedThroughAnother() {
        var meetings = [Fixture.meeting(), Fixture.meeting(id: "b")]
        let before = meetings
        meetings[0].actions.append(Action(id: "A-1", description: "Fix the lights"))
        meetings[1].status = .cancelled
        #expect(before[0].actions.isEmpty)
        #expect(before[1].status != .cancelled)
        #expect(meetings[0].actions.map(\.id) == ["A-1"])
    }
}
