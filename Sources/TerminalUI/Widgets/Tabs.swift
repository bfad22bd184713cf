/// A row of tab titles; the selected one highlighted. Positions are computed the same way for drawing and
/// for mouse hits.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    public func spans(in rect: Rect) -> [Rect] {
        var x = rect.x
        return titles.map { title in
            let w = DisplayWidth.of(title) + 2
            defer { x += w + 1 }
            return Rect(x: x, y: rect.y, width: w, height: 1)
        }
    }

    public func tab(atX x: Int, in rect: Rect) -> Int? { spans(in: rect).firstIndex { x >= $0.x && x < $0.maxX } }

    public func render(in rect: Rect, into buffer: inout Buffer) {
        for (i, span) in spans(in: rect).enumerated() where span.x < rect.maxX {
            buffer.put(
                " \(titles[i]) ", x: span.x, y: rect.y, maxWidth: rect.maxX - span.x,
                style: i == selected ? Theme.activeTab : .plain)
            if span.maxX < rect.maxX { buffer.put("│", x: span.maxX, y: rect.y, style: Theme.muted) }
        }
    }
}
