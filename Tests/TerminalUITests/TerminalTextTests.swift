import Testing
@testable import TerminalUI

@Suite struct TerminalTextTests {
    @Test func test_controlsAndEscapes_becomeVisiblePlaceholders() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb") == "a\u{241B}[2Jb")
        #expect(TerminalText.sanitized("line\nnext\t") == "line\u{240A}next\u{2409}")
        #expect(TerminalText.sanitized("del\u{7F} c1\u{9B}") == "del\u{2421} c1\u{FFFD}")
        #expect(
            TerminalText.sanitized("row 1\nrow\u{1B}]0;x\u{7} 2\r\n", keepingLineBreaks: true)
                == "row 1\nrow\u{241B}]0;x\u{2407} 2\u{240D}\n")
        #expect(TerminalText.sanitized("evil\u{202E}txt.exe") == "evil\u{FFFD}txt.exe")
    }

    @Test func test_ordinaryTextInAnyScript_isUnchanged() {
        for text in [
            "Let's Talk Together", "আসুন একসাথে কথা বলি", "آئیے مل کر بات کریں", "ચાલો સાથે વાત કરીએ", "ਆਓ ਮਿਲ ਕੇ", "café 😀",
        ] {
            #expect(TerminalText.sanitized(text) == text)
        }
    }
}
