import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct NarrowingSearchTests {
    /// Typing narrows the last matches; the rows must be those a search of the whole text at once gives.
    @Test func test_typingLetterByLetter_findsWhatTheWholeQueryFinds() {
        for query in ["sandy", "dec 2026", "hall resolved", "grit", "winter g"] {
            var typed = app(width: 120, height: 60, keys: [.char("2"), .char("/")] + typing(query))
            var pasted = app(width: 120, height: 60, keys: [.char("2"), .char("/")])
            pasted.handle(.paste(query))
            #expect(typed.render().lines == pasted.render().lines, "\(query)")
            typed.handle(.key(.backspace))
            pasted.handle(.key(.backspace))
            #expect(typed.render().lines == pasted.render().lines, "\(query) less a letter")
        }
    }
}
