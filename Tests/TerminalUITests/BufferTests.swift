import Foundation
import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func test_put_wideCharacters_takeTwoCells_andClipAtTheEdge() {
        var buffer = Buffer(width: 6, height: 1)
        let used = buffer.put("a中b中", x: 0, y: 0)
        #expect(used == 6)
        #expect(buffer.lines == ["a中b中"])
        #expect(buffer[2, 0].width == 0)
        var narrow = Buffer(width: 4, height: 1)
        narrow.put("ab中", x: 1, y: 0)
        #expect(narrow.lines == [" ab…"])  // the wide character does not fit: the cut is shown
    }

    @Test func test_overwritingHalfAWideCharacter_blanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("中中", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.lines == [" x中"])
    }

    @Test func test_put_sanitisesHostileText() {
        var buffer = Buffer(width: 40, height: 1)
        buffer.put("Meeting\u{1B}]0;pwned\u{07}\u{202E}evil", x: 0, y: 0)
        let text = buffer.lines[0]
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(text.hasPrefix("Meeting\u{241B}]0;pwned\u{2407}\u{FFFD}evil"))
    }

    @Test func test_combiningMarks_stayInTheirBaseCell() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.put("ગુજ", x: 0, y: 0)  // GA + vowel sign U (non-spacing) + JA
        #expect(buffer[0, 0].text == "ગુ")
        #expect(buffer[1, 0].text == "જ")
    }
}
