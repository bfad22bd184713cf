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
        #expect(DisplayWidth.of("👍🏽") == 2)      // drawn as 👍: terminals disagree on the modifier (4 or 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
    }

    /// The terminal places text by the C library's wcwidth, so ours must agree for every code point of
    /// the scripts the data uses: Latin, Bengali, Gurmukhi, Gujarati, Arabic, CJK, emoji.
    @Test func test_widths_agreeWithTheCLibrary() throws {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { return }
        defer { setlocale(LC_CTYPE, "C") }
        let blocks: [ClosedRange<UInt32>] = [0x20...0x17F, 0x300...0x36F, 0x600...0x6FF, 0x980...0x9FF, 0xA00...0xAFF,
                                             0x2000...0x206F, 0x2300...0x23FF, 0x2600...0x27BF, 0x3000...0x303F, 0x4E00...0x4E80, 0xAC00...0xAC40,
                                             0xFE00...0xFE0F, 0x1F000...0x1F2FF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF]
        var disagreements: [String] = []
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
                let libc = Int(c_wcwidth(Int32(bitPattern: value)))
                guard libc >= 0 else { continue }  // glibc's -1 (non-printable) is sanitised before display anyway
                if DisplayWidth.of(scalar) != libc { disagreements.append(String(format: "U+%04X ours %d libc %d", value, DisplayWidth.of(scalar), libc)) }
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
        #expect(DisplayWidth.cells("👨\u{200D}👩\u{200D}👧").map(\.text) == ["👨", "👩", "👧"])  // tmux 2, xterm 6: drawn apart, 6
        #expect(DisplayWidth.cells("👍🏽").map(\.text) == ["👍"])
        #expect(DisplayWidth.cells("❤\u{FE0F}").map(\.width) == [1])  // text presentation, 1 everywhere
        #expect(DisplayWidth.of("⌚\u{FE0E}") == 2)
        #expect(DisplayWidth.of("🇬🇧") == 2)
        #expect(DisplayWidth.of("রু") == 1 && DisplayWidth.of("ক্ষ") == 2 && DisplayWidth.of("कि") == 2 && DisplayWidth.of("ગુ") == 1)
        #expect(DisplayWidth.cells("র\u{200D}্য").count == 2)  // a ZWJ inside Bengali is kept
    }

    @Test func test_truncate_cutsBetweenClusters_andPrefersTheEndOfAWord() {
        #expect(DisplayWidth.truncate("Let's Talk Together: Sandy and Biggleswade", to: 30) == "Let's Talk Together: Sandy…")
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
        for text in ["Sandy", "আসুন একসাথে", "آئیے مل کر", "ચાલો સાથે", "ਆਓ ਮਿਲ ਕੇ", "中文", "😀 ok", "a very long venue name indeed"] {
            #expect(DisplayWidth.of(DisplayWidth.pad(text, to: 14)) == 14, "\(text)")
            #expect(DisplayWidth.of(DisplayWidth.pad(text, to: 14, alignRight: true)) == 14, "\(text)")
        }
    }

    @Test func test_wrap_breaksAtSpaces_keepsLeadingSpaces_andSplitsLongWords() {
        #expect(DisplayWidth.wrap("the quick brown fox", to: 9) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("  indented text here", to: 12) == ["  indented", "text here"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("one\n\ntwo", to: 10) == ["one", "", "two"])
        #expect(DisplayWidth.wrap("Label  value that wraps", to: 14, hangingIndent: 7) == ["Label  value", "       that", "       wraps"])
        for line in DisplayWidth.wrap("আসুন একসাথে কথা বলি: ডানস্টেবল ও হটন রেজিস", to: 10) { #expect(DisplayWidth.of(line) <= 10) }
    }
}

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

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 100, height: 30)

    @Test func test_split_givesFixedPartsTheirLength_andSharesTheRest() {
        let parts = Layout.split(area, .vertical, [.length(1), .fill, .length(5)])
        #expect(parts.map(\.height) == [1, 24, 5])
        #expect(parts.map(\.y) == [0, 1, 25])
        let columns = Layout.split(area, .horizontal, [.length(10), .min(20), .fill], spacing: 1)
        // A `min` part keeps its minimum and takes an equal share of what is left.
        #expect(columns.map(\.width) == [10, 54, 34])
        #expect(columns.map(\.x) == [0, 11, 66])
    }

    @Test func test_split_withTooLittleRoom_shrinksTheLastPartsFirst() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 10, height: 5), .vertical, [.length(3), .length(3), .length(3)])
        #expect(parts.map(\.height) == [3, 2, 0])
    }
}

@Suite struct TableTests {
    /// Columns after text in any script start at the same place on every row.
    @Test func test_columnsLineUp_whateverTheScript() {
        let names = ["Sandy Village Hall", "আসুন একসাথে কথা বলি", "آئیے مل کر بات کریں", "ચાલો સાથે વાત કરીએ", "ਆਓ ਮਿਲ ਕੇ ਗੱਲ ਕਰੀਏ",
                     "中文会议室", "Café 😀 corner", "Hall\u{1B}[2J\u{202E}"]
        let table = Table(columns: [Column("Venue", .length(14)), Column("Status", .length(8))], rows: names.map { [$0, "held"] })
        var buffer = Buffer(width: 30, height: names.count + 1)
        table.render(in: buffer.area, into: &buffer, state: SelectionState(selected: 99))
        for row in 1...names.count {
            #expect(buffer[15, row].text == "h", "row \(row): \(buffer.lines[row])")
            #expect(DisplayWidth.of(buffer.lines[row]) == 30)
        }
    }

    @Test func test_selection_scrollsToStayVisible() {
        var state = SelectionState()
        state.move(by: 12, count: 20, visible: 5)
        #expect(state == SelectionState(selected: 12, offset: 8))
        state.move(by: -10, count: 20, visible: 5)
        #expect(state == SelectionState(selected: 2, offset: 2))
        state.select(99, count: 20, visible: 5)
        #expect(state == SelectionState(selected: 19, offset: 15))
        state.clamp(count: 3, visible: 5)
        #expect(state == SelectionState(selected: 2, offset: 0))
    }
}

@Suite struct TextFieldTests {
    @Test func test_editingKeys() {
        var field = TextField("Sandy hall")
        field.handle(.home)
        field.handle(.delete)
        field.handle(.char("W"))
        #expect(field.text == "Wandy hall" && field.cursor == 1)
        field.handle(.end)
        field.handle(.ctrl("w"))
        #expect(field.text == "Wandy ")
        field.handle(.backspace)
        field.paste("  by\nthe river")
        #expect(field.text == "Wandy  by the river")
        field.handle(.ctrl("u"))
        #expect(field.text == "" && field.cursor == 0)
        let handled = field.handle(.enter)
        #expect(!handled)
    }

    @Test func test_render_keepsTheCursorVisible() {
        var field = TextField(String(repeating: "x", count: 30))
        field.handle(.end)
        var buffer = Buffer(width: 10, height: 1)
        field.render(in: buffer.area, into: &buffer)
        #expect(buffer[9, 0].style.attributes.contains(.reverse))
    }
}

@Suite struct KeyMapTests {
    enum Cmd: String, Hashable, Sendable { case up, open }

    @Test func test_lookup_andHintsComeFromTheSameTable() {
        let map = KeyMap<Cmd>([.init("Move", [Binding([.up, .char("k")], "Move up", .up),
                                             Binding([.enter], "Open", .open, hint: "open")])])
        #expect(map.command(for: .char("k")) == .up)
        #expect(map.command(for: .char("x")) == nil)
        #expect(map.hints.map(\.label) == ["open"])
        #expect(map.bindings.first?.keyLabel == "↑/k")
    }
}
