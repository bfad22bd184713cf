import TerminalUI

/// A list screen's parts: a status line, the table (as tall as its rows need, at least 4 lines) and the detail of
/// the selected row below, which keeps at least `detailLines` lines.
struct ListDetailLayout {
    var status: Rect
    var table: Rect
    var detail: Rect

    init(_ area: Rect, rows: Int, detailLines: Int) {
        let tableHeight = max(4, min(rows + 1, area.height - 1 - detailLines))
        let parts = Layout.split(area, .vertical, [.length(1), .length(tableHeight), .fill])
        status = parts[0].inset(horizontal: 1)
        table = parts[1].inset(horizontal: 1)
        detail = parts[2].inset(horizontal: 1)
    }
}
