import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct HelpTests {
    /// `?` lists exactly the bindings of the screen and the global ones: each key label appears in help.
    @Test func test_help_listsEveryBindingOfTheScreen() {
        for keys: [Key] in [[], [.char("2")], [.char("3")], [.char("4")], [.char("2"), .enter]] {
            let a = app(width: 160, height: 60, keys: keys)
            let text = app(width: 160, height: 60, keys: keys + [.char("?")]).screenText
            for binding in a.top.keyMap.bindings + Keys.global.bindings {
                #expect(text.contains(binding.help), "\(a.screenTitle): \(binding.help)")
                #expect(text.contains(binding.keyLabel), "\(a.screenTitle): \(binding.keyLabel)")
            }
        }
    }

    /// In every mode, F1 lists the keys of what takes them (read from the key maps their code dispatches on),
    /// and not the screen's commands, which are typed text there.
    @Test func test_help_inEveryMode_listsTheKeysThatWorkThere() {
        let typing = Keys.whileTyping.keyHelp
        let modes: [(name: String, keys: [Key], help: KeyHelp)] = [
            ("search", [.char("2"), .char("/")], TableBrowser.searchHelp + typing),
            ("filter picker", [.char("2"), .char("a")], Picker.keyHelp + typing),
            (
                "form", [.char("2"), .char("n"), .tab, .tab],
                Form.keyMap.keyHelp + Form.choiceKeys.keyHelp + TextField.keyHelp + typing
            ),
            ("form's list", [.char("2"), .char("n"), .enter], Picker.keyHelp + typing),
            (
                "live-notes line", ScreenSnapshotTests.openMeeting + [.char("L"), .char("a")],
                LiveNotesScreen.entryKeys(.action(fromIssue: nil)).keyHelp + TextField.keyHelp + typing
            ),
            ("live-notes picker", ScreenSnapshotTests.openMeeting + [.char("L"), .char("s")], Picker.keyHelp + typing),
            ("palette", [.char(":")], Picker.keyHelp),
            ("question", [.char("2"), .char("n"), .tab, .tab, .char("x"), .escape], Dialog.keyHelp),
        ]
        for mode in modes {
            let shown = app(width: 160, height: 60, keys: mode.keys + [.function(1)]).screenText
            #expect(shown.contains("Help"), "\(mode.name): F1 shows no help")
            for row in mode.help.groups.flatMap(\.rows) {
                #expect(shown.contains(row.help), "\(mode.name): help lacks \(row.help)")
                #expect(shown.contains(row.keys), "\(mode.name): help lacks \(row.keys)")
            }
            #expect(
                !shown.contains("Command palette: run any command by name"),
                "\(mode.name): help lists the app's commands")
            // Any key not its own closes help and gives the mode back as it was.
            #expect(
                app(width: 160, height: 60, keys: mode.keys + [.function(1), .char("x")]).screenText
                    == app(width: 160, height: 60, keys: mode.keys).screenText, "\(mode.name)")
        }
    }

    @Test func test_everyBoundKey_changesSomethingOrIsAKnownNoOp() {
        // Each screen's keys, pressed from a state where they can act, change what is drawn (text or style:
        // a moved selection changes only styles). The meeting is probed on its long Minutes tab.
        for keys: [Key] in [[], [.char("2")], [.char("3")], [.char("4")], [.char("2"), .enter, .backTab]] {
            var base = app(width: 120, height: 40, keys: keys)
            base.handle(.key(.down))  // away from the top row, so Up can act
            base.handle(.key(.down))
            let before = base.render()
            for binding in base.top.keyMap.bindings {
                var probe = base
                probe.handle(.key(binding.keys[0]))
                let changed = probe.render() != before || probe.screenTitle != base.screenTitle || probe.isFinished
                #expect(changed, "\(base.screenTitle): \(binding.keyLabel) (\(binding.help)) did nothing")
            }
        }
    }
}
