import ForumDeskCore
import TerminalUI

/// A plain aligned table for the terminal: a header row, a rule, then rows. Cells are sanitised.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    mutating func add(_ row: [String]) { rows.append(row.map { TerminalText.sanitized($0) }) }

    /// Columns measured in terminal columns, so Bengali, Urdu, Gujarati, Punjabi and CJK text lines up.
    func render() -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                text += i == cells.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) + "  "
            }
            return text
        }
        var out = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
