import Foundation
import Testing
@testable import TerminalUI

@Suite struct TableTests {
    /// Columns after text in any script start at the same place on every row.
    @Test func test_columnsLineUp_whateverTheScript() {
        let names = [
            "Sandy Village Hall", "আসুন একসাথে কথা বলি", "آئیے مل کر بات کریں", "ચાલો સાથે વાત કરીએ", "ਆਓ ਮਿਲ ਕੇ ਗੱਲ ਕਰੀਏ",
            "中文会议室", "Café 😀 corner", "Hall\u{1B}[2J\u{202E}",
        ]
        let table = Table(
            columns: [Column("Venue", .length(14)), Column("Status", .length(8))], rows: names.map { [$0, "held"] })
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
