import Foundation
import Testing
@testable import TerminalUI

// Glibc's module does not export wcwidth (DESIGN §8), so the test declares it.
@_silgen_name("wcwidth") private func c_wcwidth(_ character: Int32) -> Int32

@Suite(.serialized) struct DisplayWidthTests {
    @Test func test_widths_ofScriptsInTheSampleData() {
        #expect(DisplayWidth.of("Sandy") == 5)
        #expect(DisplayWidth.of("বাংলা") == 5)  // ব া ং ল া: the signs are spacing marks (Mc), a column each
        #expect(DisplayWidth.of("ਪੰਜਾਬੀ") == 5)  // ੰ (tippi) is a non-spacing mark (Mn): no column
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining acute takes no column
        #expect(DisplayWidth.of("👍🏽") == 2)  // drawn as 👍: terminals disagree on the modifier (4 or 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
    }

    /// The terminal places text by the C library's wcwidth, so ours must agree for every code point of
    /// the scripts the data uses: Latin, Bengali, Gurmukhi, Gujarati, Arabic, CJK, emoji.
    @Test func test_widths_agreeWithTheCLibrary() throws {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { return }
        defer { setlocale(LC_CTYPE, "C") }
        let blocks: [ClosedRange<UInt32>] = [
            0x20...0x17F, 0x300...0x36F, 0x600...0x6FF, 0x980...0x9FF, 0xA00...0xAFF,
            0x2000...0x206F, 0x2300...0x23FF, 0x2600...0x27BF, 0x3000...0x303F, 0x4E00...0x4E80, 0xAC00...0xAC40,
            0xFE00...0xFE0F, 0x1F000...0x1F2FF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
        ]
        var disagreements: [String] = []
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else {
                    continue
                }
                let libc = Int(c_wcwidth(Int32(bitPattern: value)))
                guard libc >= 0 else { continue }  // glibc's -1 (non-printable) is sanitised before display anyway
                if DisplayWidth.of(scalar) != libc {
                    disagreements.append(String(format: "U+%04X ours %d libc %d", value, DisplayWidth.of(scalar), libc))
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func test_truncate_endsWithEllipsis_andNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("Biggleswade Community Centre", to: 12) == "Biggleswade…")
        #expect(DisplayWidth.truncate("中文中文", to: 4) == "中…")
        #expect(DisplayWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("x", to: 0) == "")
        #expect(DisplayWidth.of(DisplayWidth.truncate("আসুন একসাথে কথা বলি", to: 9)) <= 9)
    }

    /// Measured in tmux 3.3a by printing each sample and asking for the cursor position (DSR), and in glibc's
    /// wcwidth (what xterm and VTE use per code point): the sequences they disagree on are drawn simplified,
    /// so the count is the same in all of them.
    @Test func test_emojiSequences_areDrawnAsEveryTerminalMeasuresThem() {
        // tmux 2, xterm 6: drawn apart, 6
        #expect(DisplayWidth.cells("👨\u{200D}👩\u{200D}👧").map(\.text) == ["👨", "👩", "👧"])
        #expect(DisplayWidth.cells("👍🏽").map(\.text) == ["👍"])
        #expect(DisplayWidth.cells("❤\u{FE0F}").map(\.width) == [1])  // text presentation, 1 everywhere
        #expect(DisplayWidth.of("⌚\u{FE0E}") == 2)
        #expect(DisplayWidth.of("🇬🇧") == 2)
        #expect(
            DisplayWidth.of("রু") == 1 && DisplayWidth.of("ক্ষ") == 2 && DisplayWidth.of("कि") == 2
                && DisplayWidth.of("ગુ") == 1)
        #expect(DisplayWidth.cells("র\u{200D}্য").count == 2)  // a ZWJ inside Bengali is kept
    }

    @Test func test_truncate_cutsBetweenClusters_andPrefersTheEndOfAWord() {
        #expect(
            DisplayWidth.truncate("Let's Talk Together: Sandy and Biggleswade", to: 30) == "Let's Talk Together: Sandy…"
        )
        #expect(DisplayWidth.truncate("ক্ষক্ষক্ষ", to: 4) == "ক্ষ…")  // never ক্ alone
        #expect(DisplayWidth.truncate("Supercalifragilistic", to: 8) == "Superca…")
    }

    @Test func test_put_endsCutTextWithAnEllipsis() {
        var buffer = Buffer(width: 20, height: 1)
        buffer.put("Winter gritting routes", x: 0, y: 0, maxWidth: 18)
        #expect(buffer.text == "Winter gritting…")
        var narrow = Buffer(width: 20, height: 1)
        narrow.put("Winter gritting routes", x: 0, y: 0, maxWidth: 12)
        #expect(narrow.text == "Winter grit…")  // the word end would give up too much of the room
    }

    @Test func test_pad_fillsToTheExactWidth() {
        for text in [
            "Sandy", "আসুন একসাথে", "آئیے مل کر", "ચાલો સાથે", "ਆਓ ਮਿਲ ਕੇ", "中文", "😀 ok", "a very long venue name indeed",
        ] {
            #expect(DisplayWidth.of(DisplayWidth.pad(text, to: 14)) == 14, "\(text)")
            #expect(DisplayWidth.of(DisplayWidth.pad(text, to: 14, alignRight: true)) == 14, "\(text)")
        }
    }

    @Test func test_wrap_breaksAtSpaces_keepsLeadingSpaces_andSplitsLongWords() {
        #expect(DisplayWidth.wrap("the quick brown fox", to: 9) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("  indented text here", to: 12) == ["  indented", "text here"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("one\n\ntwo", to: 10) == ["one", "", "two"])
        #expect(
            DisplayWidth.wrap("Label  value that wraps", to: 14, hangingIndent: 7) == [
                "Label  value", "       that", "       wraps",
            ])
        for line in DisplayWidth.wrap("আসুন একসাথে কথা বলি: ডানস্টেবল ও হটন রেজিস", to: 10) {
            #expect(DisplayWidth.of(line) <= 10)
        }
    }
}
