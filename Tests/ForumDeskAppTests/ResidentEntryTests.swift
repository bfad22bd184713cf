import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Live notes: `y` on an issue records that the resident who raised it wants to be told, with their address, in this
/// machine's `.forumdesk-residents.json` (never in the meeting file).
@Suite struct ResidentEntryTests {
    static let id = "2026-11-26-leighton-rural-ltt"

    func toIssues() -> [Key] {
        let start = LiveNotesScreen.Pane.allCases.firstIndex(of: .attendance) ?? 0
        let target = LiveNotesScreen.Pane.allCases.firstIndex(of: .issues) ?? 0
        return Array(
            repeating: Key.tab,
            count: (target - start + LiveNotesScreen.Pane.allCases.count) % LiveNotesScreen.Pane.allCases.count)
    }

    @Test func test_y_onAnIssue_recordsConsentAndAddress_outsideTheMeetingFile() throws {
        let w = try Workspace()
        let keys =
            LiveNotesFlowTests.open + [.char("i")] + typing("Bus shelter on Hockliffe Road broken #transport") + [
                .enter
            ]
            + toIssues() + [.char("G"), .char("y")] + typing("resident.three@example.net") + [.enter]
        let a = w.app(width: 120, height: 30, keys: keys)
        let m = try #require(w.meetingOnDisk(Self.id))
        let issue = try #require(m.issues.last)
        #expect(issue.text == "Bus shelter on Hockliffe Road broken")
        let contacts = try w.store.loadResidentContacts()
        #expect(contacts.map(\.issue) == [issue.id])
        #expect(contacts.first?.email == "resident.three@example.net")
        #expect(contacts.first?.meeting == Self.id)
        #expect(a.screenText.contains("the resident is told when it is answered or its action done"), "\(a.screenText)")
        // Nothing of it in the shared record.
        let file = try String(contentsOfFile: try #require(w.path(Self.id)), encoding: .utf8)
        #expect(!file.contains("resident.three"))
    }

    @Test func test_y_postalAddressByCommas_andABadAddressIsRefusedOnTheLine() throws {
        let w = try Workspace()
        let open =
            LiveNotesFlowTests.open + [.char("i")] + typing("Potholes on Vandyke Road") + [.enter] + toIssues() + [
                .char("G"), .char("y"),
            ]
        let bad = w.app(width: 120, height: 30, keys: open + typing("someone@") + [.enter])
        #expect(bad.screenText.contains("✗ someone@"), "\(bad.screenText)")
        #expect(try w.store.loadResidentContacts().isEmpty)
        _ = w.app(
            width: 120, height: 30, keys: open + typing("12 Example Street, Leighton Buzzard, LU7 0ZZ") + [.enter])
        #expect(
            try w.store.loadResidentContacts().first?.postalAddress == [
                "12 Example Street", "Leighton Buzzard", "LU7 0ZZ",
            ])
    }
}
