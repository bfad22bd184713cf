/// The bottom line: key hints of the current screen, or a message when there is one.
public struct Footer: Sendable {
    public enum Message: Sendable, Equatable {
        case info(String)
        case error(String)
    }
    public var hints: [(keys: String, label: String)]
    public var message: Message?

    public init(hints: [(keys: String, label: String)], message: Message? = nil) {
        self.hints = hints
        self.message = message
    }

    public func render(in rect: Rect, into buffer: inout Buffer) {
        buffer.fill(rect, with: Cell(style: Theme.bar))
        switch message {
        case .error(let text):
            buffer.put(
                " " + text, x: rect.x, y: rect.y, maxWidth: rect.width,
                style: Style(foreground: .red, attributes: [.bold, .reverse]))
            return
        case .info(let text):
            buffer.put(" " + text, x: rect.x, y: rect.y, maxWidth: rect.width, style: Theme.bar.with(.bold))
            return
        case nil:
            break
        }
        var x = rect.x + 1
        for hint in hints {
            let need = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
            if x + need > rect.maxX { break }
            x += buffer.put(hint.keys, x: x, y: rect.y, style: Theme.bar.with(.bold))
            x += buffer.put(" " + hint.label + "  ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: Theme.bar)
        }
    }
}
