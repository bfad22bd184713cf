import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct PaletteTests {
    @Test func test_palette_listsEveryScreensCommands_withTheirScreenAndKey() {
        let a = app(width: 120, height: 40, keys: [.char(":")])
        let labels = a.paletteItems.map { $0.label + " — " + $0.detail }
        #expect(labels.contains { $0.hasPrefix("New meeting — Meetings · n") })
        #expect(labels.contains { $0.hasPrefix("Notify:") && $0.contains("Meeting · Councillors · n") })
        #expect(labels.contains { $0.contains("Live notes · i") })
        #expect(labels.contains { $0.contains("Topics ·") })
        #expect(labels.contains { $0.contains("Directory ·") })
    }

    @Test func test_newFromTheDashboard_opensTheNewMeetingForm() {
        let a = app(keys: [.char(":")] + typing("new meeting") + [.enter])
        #expect(a.screenTitle == "New meeting")
    }

    @Test func test_notifyFromTheDashboard_notifiesTheSelectedMeeting() throws {
        let w = try Workspace()
        // Next meetings pane, second row: Sandy and Biggleswade, 17 Dec, one councillor not notified.
        let a = w.app(keys: [.tab, .down, .char(":")] + typing("notify e-mail") + [.enter])
        #expect(a.screenTitle == "Meeting")
        #expect((a.stack.last as? MeetingScreen)?.tab == .councillors)
        #expect(
            a.screenText.contains("Saved: 1 notice written to outbox/2026-12-17-sandy-biggleswade-ltt/"),
            "\(a.screenText)")
    }

    @Test func test_aMeetingCommand_withNoMeetingInView_saysToChooseOne() {
        let a = app(keys: [.char("3"), .char(":")] + typing("postpone") + [.enter])
        #expect(a.screenTitle == "Meetings")
        #expect(a.screenText.contains("Choose a meeting"))
    }
}
