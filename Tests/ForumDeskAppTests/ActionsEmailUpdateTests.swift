import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The Actions screen shows the updates owners sent by e-mail (`import reply`), with who sent them.
@Suite struct ActionsEmailUpdateTests {
    @Test func test_detailPane_showsEmailedUpdates_withTheSender_andTheOfficersOwnUpdateAsBefore() throws {
        let first = app(width: 120, height: 30, keys: [.char("3")])
        let screen = try #require(first.top as? ActionsScreen)
        let position = try #require(screen.actions(first.context).first)
        var data = sampleData
        var action = data.meetings[position.meeting].actions[position.action]
        var emailed = ActionUpdate(
            at: LondonTime.parse("2026-11-20T10:12")!, text: "contractor booked for 15 Dec", status: .inProgress)
        emailed.by = "nikhil-kestrel"
        emailed.messageID = "<a@example.org>"
        action.updates.append(emailed)
        data.meetings[position.meeting].actions[position.action] = action
        let shown = app(width: 120, height: 30, data: data, keys: [.char("3")]).screenText
        #expect(
            shown.contains("By e-mail from Nikhil Kestrel (Fri 20 Nov 2026): contractor booked for 15 Dec"), "\(shown)")
        #expect(!shown.contains("Latest (Fri 20 Nov 2026)"))

        // An officer's update after it: shown as the latest, the e-mailed one still listed beneath.
        action.updates.append(
            ActionUpdate(at: LondonTime.parse("2026-11-21T09:00")!, text: "checked with the contractor"))
        data.meetings[position.meeting].actions[position.action] = action
        let later = app(width: 120, height: 30, data: data, keys: [.char("3")]).screenText
        #expect(later.contains("Latest (Sat 21 Nov 2026): checked with the contractor"), "\(later)")
        #expect(later.contains("By e-mail from Nikhil Kestrel (Fri 20 Nov 2026): contractor booked for 15 Dec"))
    }
}
