import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
import ForumDeskExport

/// The dashboard reminds of a consultation closed with no results recorded, and stops once they are.
@Suite struct ConsultationReminderTests {
    @Test func test_dashboard_listsResultsDue_untilRecorded() throws {
        let w = try Workspace()
        let later = LondonTime.parse("2026-12-06T12:00")!
        var data = w.store.load()
        let a = App(data: data, now: later, width: 160, height: 60, store: w.store, access: .editable)
        #expect(
            a.screenText.contains(
                "Library opening hours from April 2027 (library-opening-hours-2027) closed on 2026-11-29"),
            "\(a.screenText)")
        var k = try #require(data.consultation("library-opening-hours-2027"))
        k.results = "Saturday afternoons came first."
        try w.store.save(k, in: &data)
        let b = App(data: w.store.load(), now: later, width: 160, height: 60, store: w.store, access: .editable)
        #expect(!b.screenText.contains("library-opening-hours-2027"), "\(b.screenText)")
    }
}
