import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// A meeting made with the form starts with its kind's standing items (`templates/lets-talk-together.json`),
/// "minutes of the previous meeting" dated from the area's last held meeting.
@Suite struct TemplateFormTests {
    @Test func test_aNewMeeting_startsWithTheTemplatesItems() throws {
        let w = try Workspace()
        let keys: [Key] =
            [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
            + typing("17 Feb 2027 19:00") + [.tab, .tab] + typing("Potton Community Centre") + [.ctrl("s")]
        _ = w.app(width: 160, height: 48, keys: keys)
        let saved = try #require(w.store.load().meetings.first { $0.id == "2027-02-17-sandy-biggleswade-ltt" })
        let held = w.store.load().meetings.filter {
            $0.area == "sandy-biggleswade" && $0.status == .held && $0.start < saved.start
        }
        .max { $0.start < $1.start }
        let day = try #require(held.map { AgendaTemplate.longDate(LondonTime.date($0.start)) })
        #expect(
            saved.agenda.map(\.title) == [
                "Introductions and apologies", "Minutes of the previous meeting held on \(day)", "Matters arising",
                "Disclosures of interests", "Residents' open session", "Any other business",
            ])
    }
}
