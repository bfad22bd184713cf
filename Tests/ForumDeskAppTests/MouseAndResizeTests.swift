import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct MouseAndResizeTests {
    @Test func test_clickOnTopBar_switchesScreen() throws {
        var a = app()
        let text = a.render().lines[0]
        let at = try #require(text.range(of: "3 Actions"))
        let x = DisplayWidth.of(String(text[..<at.lowerBound])) + 1
        a.handle(.mouse(MouseEvent(kind: .press, x: x, y: 0)))
        #expect(a.screenTitle == "Actions")
    }

    /// The README says tabs are clickable: live notes' pane titles too (they carry counts, so the click is
    /// found on the titles as drawn).
    @Test func test_clickOnALiveNotesPaneTitle_opensThePane() throws {
        for (title, pane) in [
            ("Matters arising (", LiveNotesScreen.Pane.arising), ("Issues (", .issues), ("Agenda", .agenda),
        ] {
            var a = app(width: 120, height: 40, keys: ScreenSnapshotTests.openMeeting + [.char("L")])
            let lines = a.render().lines
            let row = try #require(lines.firstIndex { $0.contains("Attendance (") && $0.contains(title) })
            let at = try #require(lines[row].range(of: title))
            a.handle(
                .mouse(MouseEvent(kind: .press, x: DisplayWidth.of(String(lines[row][..<at.lowerBound])) + 1, y: row)))
            #expect((a.top as? LiveNotesScreen)?.pane == pane, "\(title)")
        }
    }

    /// Each row of the table of main screens gives its key, its place in the top bar (highlighted once there),
    /// its click and its palette group.
    @Test func test_eachMainScreenRow_drivesKeyTopBarClickAndPalette() throws {
        for (index, row) in MainScreens.all.enumerated() {
            let pressed = app(keys: [.char(row.key)])
            #expect(row.recognises(pressed.top), "\(row.title): key \(row.key)")
            #expect(MainScreens.current(in: pressed.stack) == index)
            let bar = pressed.render()
            let at = try #require(bar.lines[0].range(of: row.tabTitle))
            let x = DisplayWidth.of(String(bar.lines[0][..<at.lowerBound])) + 1
            #expect(bar[x, 0].style == Theme.activeTab, "\(row.title) not highlighted")
            var clicked = app(keys: [.char(index == 0 ? "2" : "1")])
            clicked.handle(.mouse(MouseEvent(kind: .press, x: x, y: 0)))
            #expect(row.recognises(clicked.top), "\(row.title): click")
            #expect(pressed.paletteEntries.contains { $0.group == row.title }, "\(row.title): palette")
        }
    }

    @Test func test_doubleClickOnRow_opensMeeting_andWheelScrolls() {
        var a = app(keys: [.char("2"), .char("g")])
        a.handle(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 10)))
        #expect(a.screenText.contains("4/58"))
        a.handle(.mouse(MouseEvent(kind: .doubleClick, x: 10, y: 6)))
        #expect(a.screenTitle == "Meeting")
    }

    @Test func test_clickOnColumnTitle_sortsByIt() throws {
        var a = app(keys: [.char("2")])
        let lines = a.render().lines
        let y = try #require(lines.firstIndex { $0.contains("Venue") && $0.contains("Date") })
        let at = try #require(lines[y].range(of: "Venue"))
        a.handle(.mouse(MouseEvent(kind: .press, x: DisplayWidth.of(String(lines[y][..<at.lowerBound])), y: y)))
        #expect(a.render().lines[y].contains("Venue ▲"))
    }

    @Test func test_resize_relaysOut_andTooSmallShowsAMessage() {
        var a = app()
        a.handle(.resize(width: 40, height: 10))
        #expect(a.screenText.contains("Enlarge the terminal"))
        a.handle(.key(.char("2")))  // ignored while too small
        a.handle(.resize(width: 120, height: 40))
        #expect(a.render().width == 120)
        #expect(a.screenTitle == "Dashboard")
        #expect(a.screenText.contains("Next meeting in each area"))
    }
}
