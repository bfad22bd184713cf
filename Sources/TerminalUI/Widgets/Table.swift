/// Selection, scroll and sort of a table or list, owned by the screen (as ratatui's TableState).
public struct SelectionState: Sendable, Equatable {
    public var selected: Int = 0
    public var offset: Int = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows within `count`, scrolling so it stays in `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selected + delta, count: count, visible: visible)
    }

    public mutating func select(_ index: Int, count: Int, visible: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, index), count - 1)
        clamp(count: count, visible: visible)
    }

    /// Keeps the selection and the offset valid after the rows changed (a filter, a resize).
    public mutating func clamp(count: Int, visible: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, selected), count - 1)
        let rows = max(1, visible)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }

    /// Scrolls the view (mouse wheel) without losing the selection off screen.
    public mutating func scroll(by delta: Int, count: Int, visible: Int) {
        offset = max(0, min(offset + delta, max(0, count - max(1, visible))))
        if selected < offset { selected = offset }
        if selected >= offset + max(1, visible) { selected = offset + max(1, visible) - 1 }
        clamp(count: count, visible: visible)
    }
}

public struct SortState: Sendable, Equatable {
    public var column: Int
    public var ascending: Bool
    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// Next column (wrapping), ascending.
    public mutating func cycle(columns: Int) {
        column = (column + 1) % max(1, columns)
        ascending = true
    }
}

public struct Column: Sendable {
    public var title: String
    public var width: Constraint
    public var alignRight: Bool
    public init(_ title: String, _ width: Constraint, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// A table with a header, a highlighted selection and a scroll position. Cells are plain text, styled per row.
///
/// Rows are either given (`rows:`) or made on demand (`count:row:`): a list of 10,000 meetings formats only
/// the rows on screen, so opening it or typing a search costs the same whatever the size of the history.
public struct Table: Sendable {
    public var columns: [Column]
    public let rowCount: Int
    private let cellsOf: @Sendable (Int) -> [String]
    private let styleOf: @Sendable (Int) -> Style
    public var sort: SortState?
    public var emptyMessage: String
    /// Per-cell styles that replace the row's (a matrix colours each cell by its state); nil keeps the row's.
    public var cellStyles: [[Style?]] = []
    /// A cell cursor: the selected row is underlined and only this column's cell is highlighted.
    public var focusColumn: Int?

    public init(
        columns: [Column], rows: [[String]], rowStyles: [Style] = [], sort: SortState? = nil,
        emptyMessage: String = "Nothing to show"
    ) {
        self.init(
            columns: columns, count: rows.count, row: { rows[$0] },
            rowStyle: { $0 < rowStyles.count ? rowStyles[$0] : .plain }, sort: sort, emptyMessage: emptyMessage)
    }

    /// `row(i)` and `rowStyle(i)` are asked only for the rows drawn.
    public init(
        columns: [Column], count: Int, row: @escaping @Sendable (Int) -> [String],
        rowStyle: @escaping @Sendable (Int) -> Style = { _ in .plain }, sort: SortState? = nil,
        emptyMessage: String = "Nothing to show"
    ) {
        self.columns = columns
        self.rowCount = count
        self.cellsOf = row
        self.styleOf = rowStyle
        self.sort = sort
        self.emptyMessage = emptyMessage
    }

    /// Every row's cells, made now: for small tables and tests.
    public var rows: [[String]] { (0..<rowCount).map(cellsOf) }

    public func cells(_ row: Int) -> [String] { cellsOf(row) }

    public func style(_ row: Int) -> Style { styleOf(row) }

    /// Rows that fit under the header.
    public static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

    public func columnRects(in rect: Rect) -> [Rect] {
        Layout.split(rect, .horizontal, columns.map(\.width), spacing: 1)
    }

    /// Which row (an index into `rows`) a click at screen row `y` lands on.
    public func row(atY y: Int, in rect: Rect, state: SelectionState) -> Int? {
        let index = state.offset + (y - rect.y - 1)
        return y > rect.y && y < rect.maxY && index < rowCount ? index : nil
    }

    /// Which column a click on the header lands on.
    public func column(atX x: Int, in rect: Rect) -> Int? {
        columnRects(in: rect).firstIndex { x >= $0.x && x < $0.maxX }
    }

    public func render(in rect: Rect, into buffer: inout Buffer, state: SelectionState, focused: Bool = true) {
        guard !rect.isEmpty else { return }
        let cols = columnRects(in: rect)
        for (i, column) in columns.enumerated() where i < cols.count {
            var title = column.title
            if let sort, sort.column == i { title += sort.ascending ? " ▲" : " ▼" }
            buffer.put(
                DisplayWidth.pad(title, to: cols[i].width, alignRight: column.alignRight), x: cols[i].x, y: rect.y,
                maxWidth: cols[i].width, style: Theme.header)
        }
        guard rowCount > 0 else {
            buffer.put(emptyMessage, x: rect.x + 1, y: rect.y + 2, maxWidth: rect.width - 1, style: Theme.muted)
            return
        }
        let visible = Self.visibleRows(in: rect)
        for line in 0..<visible {
            let index = state.offset + line
            guard index < rowCount else { break }
            let y = rect.y + 1 + line
            let selected = index == state.selected
            var style = styleOf(index)
            if selected { style = focused && focusColumn == nil ? style.with(.reverse) : style.with(.underline) }
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), with: Cell(style: style)) }
            for (i, cell) in cellsOf(index).enumerated() where i < cols.count {
                var cellStyle = style
                if index < cellStyles.count, i < cellStyles[index].count, let own = cellStyles[index][i] {
                    cellStyle = selected ? own.with(focused && focusColumn == nil ? .reverse : .underline) : own
                }
                if selected, focused, focusColumn == i { cellStyle = cellStyle.with(.reverse) }
                buffer.put(
                    DisplayWidth.pad(cell, to: cols[i].width, alignRight: columns[i].alignRight), x: cols[i].x, y: y,
                    maxWidth: cols[i].width, style: cellStyle)
            }
        }
    }
}
