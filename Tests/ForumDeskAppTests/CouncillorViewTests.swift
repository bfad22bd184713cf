import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct CouncillorViewTests {
    func view(keys: [Key] = [], width: Int = 160, height: Int = 48) throws -> App {
        let tamsin = try #require(sampleData.directory.people.first { $0.name == "Cllr Tamsin Lanternby" })
        var a = App.councillorView(of: tamsin, data: sampleData, now: fixedNow, width: width, height: height)
        for key in keys { a.handle(.key(key)) }
        return a
    }

    @Test func test_onlyMeetingsCoveringTheirWards() throws {
        let a = try view(keys: [.char("2")])
        let rows = a.render().lines.dropFirst(3).dropLast().filter { $0.contains(" 202") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("Sandy and Biggleswade") }, "\(rows)")
        #expect(a.render().lines[1].contains("READ-ONLY: Cllr Tamsin Lanternby's wards"))
    }

    @Test func test_noEditingKey_inFooterHelpOrPalette_andPressingThemChangesNothing() throws {
        for keys: [Key] in [
            [], [.char("2")], [.char("3")], [.char("4")], [.char("2"), .enter], [.char("2"), .enter, .tab, .tab, .tab],
        ] {
            let a = try view(keys: keys)
            let help = try view(keys: keys + [.char("?")]).screenText
            for command in Command.editing {
                let bindings = (a.top.keyMap.bindings + Keys.global.bindings).filter { $0.command == command }
                for binding in bindings {
                    #expect(!help.contains(binding.help), "\(a.screenTitle) help lists \(binding.help)")
                    var probe = a
                    probe.handle(.key(binding.keys[0]))
                    #expect(
                        probe.screenTitle == a.screenTitle || binding.keys[0] == .enter,
                        "\(binding.keyLabel) opened \(probe.screenTitle)")
                    #expect(!probe.screenText.contains("Saved"))
                }
            }
            #expect(!a.screenText.contains("u undo"))
        }
        let palette = try view(keys: [.char(":")] + typing("new")).screenText
        #expect(!palette.contains("New meeting"))
    }
}
