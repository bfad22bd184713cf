/// A run of text in one style.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// A line made of spans.
public struct StyledLine: Sendable, Equatable {
    public var spans: [Span]
    /// Where wrapped continuation lines start, e.g. under the value of a "Label   value" line.
    public var hangingIndent: Int
    public init(_ spans: [Span], hangingIndent: Int = 0) {
        self.spans = spans
        self.hangingIndent = hangingIndent
    }
    public init(_ text: String, _ style: Style = .plain, hangingIndent: Int = 0) {
        spans = [Span(text, style)]
        self.hangingIndent = hangingIndent
    }
    public static let empty = StyledLine([])
    public var plainText: String { spans.map(\.text).joined() }
}

/// Scrollable text. Long lines wrap at spaces, each wrapped part keeping its spans' styles.
public struct TextView: Sendable {
    public var lines: [StyledLine]
    public init(lines: [StyledLine]) { self.lines = lines }

    /// The lines as they will appear at this width: wrapped at spaces like `DisplayWidth.wrap`, each
    /// character keeping the style of the span it came from.
    public func wrapped(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var out: [StyledLine] = []
        for line in lines {
            let plain = line.plainText
            if DisplayWidth.of(plain) <= width { out.append(line); continue }
            let styled = line.spans.flatMap { span in span.text.map { ($0, span.style) } }
            var position = 0
            for (partIndex, part) in DisplayWidth.wrap(plain, to: width, hangingIndent: line.hangingIndent).enumerated()
            {
                var characters = Substring(part)
                // Continuation lines begin with the hanging indent, which wrapping added.
                var spans: [Span] = []
                if partIndex > 0, line.hangingIndent > 0 {
                    spans.append(Span(String(repeating: " ", count: line.hangingIndent)))
                    characters = characters.dropFirst(line.hangingIndent)
                }
                for character in characters {
                    // Skip what wrapping dropped (the space at a break) until the next character matches.
                    while position < styled.count, styled[position].0 != character { position += 1 }
                    let style = position < styled.count ? styled[position].1 : .plain
                    if let last = spans.last, last.style == style {
                        spans[spans.count - 1].text.append(character)
                    } else {
                        spans.append(Span(String(character), style))
                    }
                    position += 1
                }
                out.append(StyledLine(spans))
            }
        }
        return out
    }

    public static func maxOffset(lines: Int, visible: Int) -> Int { max(0, lines - visible) }

    public func render(in rect: Rect, into buffer: inout Buffer, offset: Int) {
        let shown = wrapped(width: rect.width)
        let start = min(max(0, offset), Self.maxOffset(lines: shown.count, visible: rect.height))
        for row in 0..<rect.height {
            let index = start + row
            guard index < shown.count else { break }
            var x = rect.x
            for span in shown[index].spans {
                x += buffer.put(span.text, x: x, y: rect.y + row, maxWidth: rect.maxX - x, style: span.style)
            }
        }
        if shown.count > rect.height, rect.width > 8 {
            let more = "\(min(start + rect.height, shown.count))/\(shown.count)"
            buffer.put(more, x: rect.maxX - DisplayWidth.of(more), y: rect.maxY - 1, style: Theme.muted)
        }
    }
}
