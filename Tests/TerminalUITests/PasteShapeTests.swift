import Testing
@testable import TerminalUI

/// Keys as a terminal without bracketed paste delivers them: one key per character, Enter for a line break.
private func keys(_ text: String) -> [Event] {
    text.map { c -> Event in
        switch c {
        case "\r", "\n": .key(.enter)
        case "\t": .key(.tab)
        default: .key(.char(c))
        }
    }
}

@Suite struct PasteShapeTests {
    @Test func test_threeLinesInOneRead_whileTyping_areOnePaste_breaksIncluded() {
        let burst = keys("Bins not collected\ronce three weeks\rresidents angry\r")
        let found = PasteShape.leadingPaste(burst[...], typing: true)
        #expect(found?.0 == "Bins not collected\nonce three weeks\nresidents angry\n")
        #expect(found?.1 == burst.count)
    }

    @Test func test_oneLineThenEnter_whileTyping_leavesTheEnterAKey() {
        let burst = keys("annual leave\r")
        let found = PasteShape.leadingPaste(burst[...], typing: true)
        #expect(found?.0 == "annual leave")
        #expect(found?.1 == burst.count - 1)
    }

    @Test func test_aSingleKey_orABreakFirst_isPressed() {
        #expect(PasteShape.leadingPaste(keys("x\r")[...], typing: true) == nil)
        #expect(PasteShape.leadingPaste(keys("\rsandy")[...], typing: true) == nil)
        #expect(PasteShape.leadingPaste([.key(.down), .key(.char("a")), .key(.char("b"))][...], typing: true) == nil)
    }

    @Test func test_commandsInOneRead_stayCommands_butProseOverLinesIsAPaste() {
        #expect(PasteShape.leadingPaste(keys("2n\r")[...], typing: false) == nil)
        #expect(PasteShape.leadingPaste(keys("nn\rthe matters arising be noted")[...], typing: false) == nil)
        #expect(PasteShape.leadingPaste(keys("pjpjo")[...], typing: false) == nil)
        let prose = keys("Bins not collected\ronce three weeks")
        #expect(PasteShape.leadingPaste(prose[...], typing: false)?.1 == prose.count)
    }

    /// A long burst is looked at a bounded way per key: 64 or more characters in one read are never commands.
    @Test func test_aLongBurstWhileTakingCommands_isAPaste_andCheapToSort() {
        let long = keys(String(repeating: "x", count: 200_000))
        #expect(PasteShape.leadingPaste(long[...], typing: false)?.1 == long.count)
        #expect(PasteShape.leadingPaste(keys(String(repeating: "j", count: 63))[...], typing: false) == nil)
    }

    /// A line, Enter and one key in one read is how typing and a command arrive together: only the line is pasted.
    @Test func test_aLineEnterAndOneKey_whileTyping_leaveEnterAndTheKeyPressed() {
        let burst = keys("gritting\rS")
        let found = PasteShape.leadingPaste(burst[...], typing: true)
        #expect(found?.0 == "gritting" && found?.1 == 8)
        #expect(PasteShape.leadingPaste(keys("Harpreet Zephyrine\rD")[...], typing: false) == nil)
    }

    @Test func test_aTabBetweenTypedFields_isPressed() {
        let burst = keys("potton, northill\t3 Dec 7pm")
        #expect(PasteShape.leadingPaste(burst[...], typing: true)?.1 == 16)
    }

    @Test func test_pastedTabsAndBreaks_foldToSpacesInAField() {
        var field = TextField("")
        field.paste("Mill Lane\tSandy\nonce")
        #expect(field.text == "Mill Lane Sandy once")
    }
}
