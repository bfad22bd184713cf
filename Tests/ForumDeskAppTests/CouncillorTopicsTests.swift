import Foundation
import SnapshotTesting
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

@Suite struct CouncillorTopicsTests {
    func view(_ name: String, keys: [Key] = [], width: Int = 160, height: Int = 48) throws -> App {
        let person = try #require(sampleData.directory.people.first { $0.name == name })
        var a = App.councillorView(of: person, data: sampleData, now: fixedNow, width: width, height: height)
        for key in keys { a.handle(.key(key)) }
        return a
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func test_topicsScreen_snapshot(size: (Int, Int)) throws {
        let a = try view("Cllr Tamsin Lanternby", keys: [.char("6")], width: size.0, height: size.1)
        assertSnapshot(of: a.screenSnapshot, as: .lines, named: "councillor-topics-\(size.0)x\(size.1)")
    }

    /// The roll-out is the whole council's: the same matrix as the officers' view, not one with every other
    /// ward's presentations "missed".
    @Test func test_rollOut_andNextMeetings_areTheWholeCouncils() throws {
        let officer = app(width: 160, height: 48, keys: [.char("6")]).render().lines
        let councillor = try view("Cllr Tamsin Lanternby", keys: [.char("6")]).render().lines
        let matrix = { (lines: [String]) in
            lines.filter { $0.contains("✓") || $0.contains("→") || $0.contains("missed") }
        }
        #expect(matrix(officer) == matrix(councillor))
        let dashboard = try view("Cllr Tamsin Lanternby").screenText
        #expect(!dashboard.contains("none planned"))
    }

    /// The topic form takes no typing in the councillor view: Enter shows the request read-only.
    @Test func test_topicOpensReadOnly_andTypingChangesNothing() throws {
        let a = try view("Cllr Tamsin Lanternby", keys: [.char("6"), .tab, .enter] + typing("xyz") + [.ctrl("s")])
        #expect(a.screenText.contains("Topic request (read-only)"))
        #expect(!a.screenText.contains("xyz"))
        #expect(!a.screenText.contains("Saved"))
        // A double click on an action (the officers' way to its form) opens no form here either.
        var actions = try view("Cllr Tamsin Lanternby", keys: [.char("3")])
        let row = try #require(actions.render().lines.firstIndex { $0.contains("A-20") })
        actions.handle(.mouse(MouseEvent(kind: .doubleClick, x: 5, y: row)))
        #expect(actions.screenTitle == "Actions")
        #expect(actions.screenText.contains("Read-only view: nothing can be changed here"))
    }
}
