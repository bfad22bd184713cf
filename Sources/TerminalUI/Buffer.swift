/// A rectangle of the screen, in cells.
public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// A rectangle of the given size centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }
}

/// One terminal cell. A wide character occupies its cell and a continuation cell of width 0 to its right.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell(text: "", width: 0)
}

/// What a screen draws into. Nothing here talks to a terminal; a backend paints it.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func fits(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes text from (x, y), fitted to `maxWidth` columns and to the buffer: text that does not fit ends
    /// in "…" (cut between grapheme clusters), so a reader always sees that something was cut. Text is
    /// sanitised first. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? width, width - x)
        guard limit > 0 else { return 0 }
        var shown = TerminalText.sanitized(text)
        if DisplayWidth.of(shown) > limit { shown = DisplayWidth.truncate(shown, to: limit) }
        var column = 0
        for cell in DisplayWidth.cells(shown) {
            if column + cell.width > limit {
                if column < limit, x + column >= 0 { self[x + column, y] = Cell(text: " ", width: 1, style: style) }
                column = limit
                break
            }
            let cx = x + column
            if cx >= 0 {
                clearWide(at: cx, y)
                self[cx, y] = Cell(text: cell.text, width: UInt8(cell.width), style: style)
                if cell.width == 2, cx + 1 < width {
                    clearWide(at: cx + 1, y)
                    self[cx + 1, y] = Cell(text: "", width: 0, style: style)
                }
            }
            column += cell.width
        }
        return column
    }

    /// Overwriting half of a wide character leaves the other half as a blank, never as half a glyph.
    private mutating func clearWide(at x: Int, _ y: Int) {
        let cell = self[x, y]
        if cell.width == 2, x + 1 < width { self[x + 1, y] = Cell(style: cell.style) }
        if cell.width == 0, x > 0, self[x - 1, y].width == 2 { self[x - 1, y] = Cell(style: self[x - 1, y].style) }
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = cell }
        }
    }

    /// A box with a title on its top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        put("┌" + String(repeating: "─", count: rect.width - 2) + "┐", x: rect.x, y: rect.y, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("└" + String(repeating: "─", count: rect.width - 2) + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: style.with(.bold))
        }
    }

    /// The text of each row, trailing spaces kept, for snapshot tests and debugging.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where self[x, y].width > 0 { line += self[x, y].text }
            return line
        }
    }

    /// Rows with trailing spaces removed, joined by newlines.
    public var text: String {
        lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
