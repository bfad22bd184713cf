import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The meeting form's venue: a venue record's name links the meeting to it and brings its address and
/// accessibility.
@Suite struct VenueFormTests {
    @Test func test_aVenueRecordsName_fillsTheAddressAndAccessibility() throws {
        let w = try Workspace()
        let keys: [Key] =
            [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
            + typing("17 Feb 2027 19:00") + [.tab, .tab] + typing("sandy village hall")
        let typed = w.app(width: 160, height: 48, keys: keys)
        #expect(typed.screenText.contains("venue record sandy-village-hall: seats 80"), "\(typed.screenText)")
        _ = w.app(width: 160, height: 48, keys: keys + [.ctrl("s")])
        let saved = try #require(w.store.load().meetings.first { $0.id == "2027-02-17-sandy-biggleswade-ltt" })
        #expect(saved.venue.id == "sandy-village-hall")
        #expect(saved.venue.address == "Bedford Road, Sandy, SG19 1EL")
        #expect(saved.venue.accessibility?.hasPrefix("Step-free access; hearing loop") == true)
    }
}
