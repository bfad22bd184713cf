import Foundation
import Testing
@testable import ForumDeskCore

/// Issue 36: the window's measurement, in the letter's font.
@Suite struct LetterWindowMeasureTests {
    @Test func test_widthTable_coversItsRanges() {
        #expect(LetterWindow.ascii.count == 0x7F - 0x20 && LetterWindow.latin.count == 0x180 - 0xA0)
        // Arial's widths: a space 0.278 em, a capital W 0.944 em.
        #expect(
            abs(LetterWindow.width(" ", size: 1000 * 72 / 25.4) - 278) < 1
                && abs(LetterWindow.width("W", size: 1000 * 72 / 25.4) - 944) < 1)
    }

    @Test func test_capitals_fitBySmallerTypeOrAWrap_andEveryLineIsInTheBox() throws {
        let block = [
            "Cllr Orla Hollowell", "FLAT 12 KINGFISHER COURT", "46 CHAPEL STREET NORTH", "CLIFTON UPPER GREEN",
            "SHEFFORD", "SG17 5TQ",
        ]
        let layout = try #require(LetterWindow.layout(block))
        #expect(layout.lines.last == "SG17 5TQ" && layout.lines.contains("SHEFFORD"))
        for line in layout.lines { #expect(LetterWindow.width(line, size: layout.fontSize) <= LetterWindow.widthMM) }
        #expect(
            Double(layout.lines.count) * layout.fontSize * LetterWindow.lineHeight * 25.4 / 72 <= LetterWindow.heightMM)
        // A line of 45 capitals is wider than the window at 11 pt: wrapped at a space, nothing lost.
        let wide = try #require(
            LetterWindow.layout(["Cllr A", "BEDFORDSHIRE FIRE AND RESCUE SERVICE HEADQUARTERS", "SG17 5TQ"]))
        #expect(
            wide.lines.joined(separator: " ") == "Cllr A BEDFORDSHIRE FIRE AND RESCUE SERVICE HEADQUARTERS SG17 5TQ")
        #expect(LetterWindow.problem(block) == nil)
    }

    @Test func test_tooMuch_isAProblem() {
        let block = ["Cllr A"] + Array(repeating: "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", count: 6)
        #expect(LetterWindow.layout(block) == nil)
        #expect(LetterWindow.problem(block)?.contains("mm wide even in 9 pt type") == true)
    }
}
