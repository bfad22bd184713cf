import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

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
        a.handle(
            burst: "Bins not collected\ronce three weeks\rresidents angry".map {
                $0 == "\r" ? Event.key(.enter) : .key(.char($0))
            })
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
