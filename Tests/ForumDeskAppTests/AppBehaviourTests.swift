import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct NavigationTests {
    @Test func test_numberKeys_switchMainScreens_andQGoesBack() {
        var a = app()
        #expect(a.screenTitle == "Dashboard")
        for (key, title) in [("2", "Meetings"), ("3", "Actions"), ("4", "Directory"), ("5", "Reports"), ("1", "Dashboard")] {
            a.handle(.key(.char(Character(key))))
            #expect(a.screenTitle == title)
        }
        a.handle(.key(.char("2")))
        a.handle(.key(.enter))
        #expect(a.screenTitle == "Meeting")
        a.handle(.key(.char("q")))
        #expect(a.screenTitle == "Meetings")
        a.handle(.key(.escape))
        #expect(a.screenTitle == "Dashboard")
        #expect(!a.isFinished)
        a.handle(.key(.char("q")))
        #expect(a.isFinished)
    }

    @Test func test_reports_byYearAndArea() {
        var a = app(width: 120, height: 40, keys: [.char("5")])
        #expect(a.screenTitle == "Reports")
        #expect(a.screenText.contains("COMMUNITY MEETINGS 2026"))
        a.handle(.key(.char("[")))
        #expect(a.screenText.contains("COMMUNITY MEETINGS 2025"))
        for key in [Key.char("]"), .char("a")] + typing("leighton r") + [.enter] { a.handle(.key(key)) }
        #expect(a.screenText.contains("COMMUNITY MEETINGS 2026 — LEIGHTON RURAL"))
        #expect(!a.screenText.contains("Sandy and Biggleswade:"))
    }

    @Test func test_ctrlC_quitsFromAnywhere_evenWhileTyping() {
        var a = app(keys: [.char("2"), .char("/")] + typing("sandy"))
        a.handle(.key(.ctrl("c")))
        #expect(a.isFinished)
    }

    @Test func test_escapeThenKeyTypedTogether_actsAsBothKeys() {
        var a = app(keys: [.char("?")])
        a.handle(.key(.alt(":")))  // what the terminal reports for Esc followed at once by ':'
        #expect(a.screenText.contains("Command"))
        #expect(!a.screenText.contains("Help:"))
    }

    @Test func test_enterOnDashboardWarning_opensTheMeetingAtTheRelevantTab() {
        // The sample's first row is a councillor's silence three days before a meeting: it opens Councillors.
        let first = app(keys: [.enter])
        #expect(first.screenTitle == "Meeting")
        #expect((first.stack.last as? MeetingScreen)?.tab == .councillors)
        // Its eighth (after the late record and overdue actions) a partner who did not come: it opens Attendance.
        let a = app(keys: Array(repeating: .down, count: 7) + [.enter])
        #expect(a.screenTitle == "Meeting")
        #expect(a.screenText.contains("Attendance"))
        let screen = a.stack.last as? MeetingScreen
        #expect(screen?.tab == .attendance)
    }
}

@Suite struct SearchAndFilterTests {
    @Test func test_search_narrowsMeetings_asYouType_andEscClearsIt() {
        var a = app(keys: [.char("2"), .char("/")] + typing("linslade"))
        let filtered = a.screenText
        #expect(filtered.contains("Search: linslade"))
        let rows = a.render().lines.dropFirst(3).dropLast().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("Leighton Bu") }, "\(rows)")
        #expect(filtered.contains("(of 58)"))
        // Typing "q" while searching is text, not "back".
        a.handle(.key(.char("q")))
        #expect(a.screenTitle == "Meetings")
        a.handle(.key(.escape))
        #expect(!a.screenText.contains("(of 58)"))
    }

    @Test func test_areaPicker_filtersByTypedName() {
        let a = app(keys: [.char("2"), .char("a")] + typing("cranf") + [.enter])
        let text = a.screenText
        #expect(text.contains("area: Cranfield, Marston and Woburn"))
        #expect(!text.contains("Sandy and Biggleswade"))
    }

    @Test func test_pasteIntoSearch_isText() {
        var a = app(keys: [.char("2"), .char("/")])
        a.handle(.paste("Grove House\n"))
        #expect(a.screenText.contains("Search: Grove House"))
        #expect(a.screenTitle == "Meetings")
    }

    @Test func test_unbracketedPasteInOneRead_inTheNewMeetingForm_staysInTheVenue() {
        var a = app(width: 140, height: 30, keys: [.char("2"), .char("n")])
        for _ in 0..<5 { a.handle(.key(.tab)) }
        a.handle(burst: "Bins not collected\ronce three weeks\rresidents angry".map { $0 == "\r" ? Event.key(.enter) : .key(.char($0)) })
        #expect(a.screenText.contains("Bins not collected once three weeks residents angry"), "\(a.screenText)")
        #expect(a.screenText.contains("New meeting"))
    }

    /// A key that opens a place to type, with the text after it in one read (fast typing): the key acts and the text
    /// goes in.
    @Test func test_aKeyOpeningSearch_withProseInTheSameRead_actsAndTheTextGoesIn() {
        var a = app(keys: [.char("2")])
        a.handle(burst: "/Grove House Sandy\rmore text".map { $0 == "\r" ? Event.key(.enter) : .key(.char($0)) })
        #expect(a.screenText.contains("Search: Grove House Sandy more text"), "\(a.screenText)")
    }

    @Test func test_commandsInOneRead_stillRun() {
        var a = app()
        a.handle(burst: [.key(.char("2")), .key(.char("/"))] + "Grove".map { .key(.char($0)) })
        #expect(a.screenText.contains("Search: Grove"))
    }

    @Test func test_overdueToggle_onActions() {
        let all = app(keys: [.char("3")]).screenText
        let overdue = app(keys: [.char("3"), .char("o")]).screenText
        #expect(overdue.contains("overdue only"))
        #expect(all != overdue)
    }

    @Test func test_palette_runsACommandByName() {
        let a = app(keys: [.char(":")] + typing("directory") + [.enter])
        #expect(a.screenTitle == "Directory")
    }
}

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
        for (title, pane) in [("Matters arising (", LiveNotesScreen.Pane.arising), ("Issues (", .issues), ("Agenda", .agenda)] {
            var a = app(width: 120, height: 40, keys: ScreenSnapshotTests.openMeeting + [.char("L")])
            let lines = a.render().lines
            let row = try #require(lines.firstIndex { $0.contains("Attendance (") && $0.contains(title) })
            let at = try #require(lines[row].range(of: title))
            a.handle(.mouse(MouseEvent(kind: .press, x: DisplayWidth.of(String(lines[row][..<at.lowerBound])) + 1, y: row)))
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

@Suite struct HostileTextTests {
    /// A title or venue holding a terminal escape (set window title), a bell and a bidi override never
    /// reaches the buffer raw, on any screen that shows it.
    @Test func test_controlCharactersInData_areShownAsPlaceholders() {
        var data = sampleData
        let hostile = "Let's Talk\u{1B}]0;pwned\u{07}\u{202E}gnikcah"
        data.meetings[0].title = hostile
        data.meetings[0].venue.name = "Hall\u{1B}[2J\u{9B}31m"
        // The list opens at today: g goes to the first (oldest) meeting, the hostile one.
        let keysets: [[Key]] = [[.char("2"), .char("g")], [.char("2"), .char("g"), .enter], [.char("2"), .char("g"), .enter, .backTab]]
        for keys in keysets {
            let buffer = app(width: 120, height: 40, data: data, keys: keys).render()
            for cell in buffer.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E },
                        "\(keys)")
            }
        }
        let meeting = app(width: 120, height: 40, data: data, keys: [.char("2"), .char("g"), .enter]).screenText
        #expect(meeting.contains("Let's Talk\u{241B}]0;pwned\u{2407}\u{FFFD}gnikcah"))
    }
}

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
            ("form", [.char("2"), .char("n"), .tab, .tab], Form.keyMap.keyHelp + Form.choiceKeys.keyHelp + TextField.keyHelp + typing),
            ("form's list", [.char("2"), .char("n"), .enter], Picker.keyHelp + typing),
            ("live-notes line", ScreenSnapshotTests.openMeeting + [.char("L"), .char("a")],
             LiveNotesScreen.entryKeys(.action(fromIssue: nil)).keyHelp + TextField.keyHelp + typing),
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
            #expect(!shown.contains("Command palette: run any command by name"), "\(mode.name): help lists the app's commands")
            // Any key not its own closes help and gives the mode back as it was.
            #expect(app(width: 160, height: 60, keys: mode.keys + [.function(1), .char("x")]).screenText
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
        for keys: [Key] in [[], [.char("2")], [.char("3")], [.char("4")], [.char("2"), .enter], [.char("2"), .enter, .tab, .tab, .tab]] {
            let a = try view(keys: keys)
            let help = try view(keys: keys + [.char("?")]).screenText
            for command in Command.editing {
                let bindings = (a.top.keyMap.bindings + Keys.global.bindings).filter { $0.command == command }
                for binding in bindings {
                    #expect(!help.contains(binding.help), "\(a.screenTitle) help lists \(binding.help)")
                    var probe = a
                    probe.handle(.key(binding.keys[0]))
                    #expect(probe.screenTitle == a.screenTitle || binding.keys[0] == .enter, "\(binding.keyLabel) opened \(probe.screenTitle)")
                    #expect(!probe.screenText.contains("Saved"))
                }
            }
            #expect(!a.screenText.contains("u undo"))
        }
        let palette = try view(keys: [.char(":")] + typing("new")).screenText
        #expect(!palette.contains("New meeting"))
    }
}
