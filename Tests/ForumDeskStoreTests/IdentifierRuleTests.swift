import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct IdentifierRuleTests {
    @Test(arguments: hostileIdentifiers)
    func test_hostileIdentifier_isRefused_forEveryKind(name: String, id: String) {
        #expect(MeetingID(id) == nil, "\(name)")
        #expect(PersonID(id) == nil, "\(name)")
        #expect(OrganisationID(id) == nil, "\(name)")
        #expect(TopicID(id) == nil, "\(name)")
        #expect(ActionID(id) == nil, "\(name)")
        #expect(IssueID(id) == nil, "\(name)")
        #expect(throws: IdentifierError.self) { try MeetingID(validating: id) }
    }

    @Test func test_idsForumDeskGenerates_areValid() throws {
        #expect(MeetingID("2026-11-24-sandy-biggleswade-ltt") != nil)
        #expect(PersonID("cllr-ada-bellweather") != nil)
        #expect(ActionID("A-2026-042") != nil)
        #expect(IssueID("R-2026-004") != nil)
        // Capitals only where ForumDesk makes them.
        #expect(MeetingID("2026-11-24-Sandy") == nil)
        #expect(MeetingID(String(repeating: "a", count: 100)) != nil)
        #expect(MeetingID(String(repeating: "a", count: 101)) == nil)
        #expect(ActionID(String(repeating: "A", count: 41)) == nil)
        // A slug of a very long name is still a valid id, with room for "-2".
        let long = Identifier.slug(String(repeating: "Wordy Name ", count: 40), prefix: "cllr-") { _ in false }
        #expect(PersonID(long) != nil && long.count <= 90)
        let taken = Identifier.slug(String(repeating: "Wordy Name ", count: 40), prefix: "cllr-") { $0 == long }
        #expect(PersonID(taken) != nil)
        let meeting = Identifier.meetingID(
            day: CalendarDate(year: 2026, month: 11, day: 24),
            area: String(repeating: "long area ", count: 30), kind: .wardForum
        ) { _ in false }
        #expect(MeetingID(meeting) != nil)
    }

    /// Forms and imports make ids from names: whatever the name, the id is valid for its kind.
    @Test(arguments: hostileIdentifiers)
    func test_idsMadeFromHostileNames_areValid(name: String, text: String) {
        let person = Identifier.slug(text, prefix: "cllr-") { _ in false }
        #expect(PersonID(person) != nil, "\(name): \(person)")
        let topic = Identifier.slug(text) { _ in false }
        #expect(TopicID(topic) != nil && OrganisationID(topic) != nil, "\(name): \(topic)")
        let meeting = Identifier.meetingID(day: CalendarDate(year: 2026, month: 11, day: 24), area: text, kind: .other)
        { _ in false }
        #expect(MeetingID(meeting) != nil, "\(name): \(meeting)")
    }

    @Test(arguments: hostileIdentifiers)
    func test_calendarReplyUID_withHostileMeetingID_namesNoMeeting(name: String, id: String) {
        #expect(ICalendarUID.meetingID("\(id)@forumdesk") == nil, "\(name)")
    }
}
