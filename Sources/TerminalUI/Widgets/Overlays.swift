/// `?` help: every binding of the screen and of the app, grouped, in a box over the screen.
public struct HelpOverlay: Sendable {
    public var title: String
    public var groups: [(title: String, rows: [(keys: String, help: String)])]

    public init(title: String, groups: [(title: String, rows: [(keys: String, help: String)])]) {
        self.title = title
        self.groups = groups
    }

    public var lines: [StyledLine] {
        let keyWidth = min(22, groups.flatMap(\.rows).map { DisplayWidth.of($0.keys) }.max() ?? 8)
        var lines: [StyledLine] = []
        for group in groups {
            if !lines.isEmpty { lines.append(.empty) }
            lines.append(StyledLine(group.title, Theme.header))
            for row in group.rows {
                lines.append(StyledLine([Span("  " + DisplayWidth.pad(row.keys, to: keyWidth) + "  ", Theme.key), Span(row.help)]))
            }
        }
        return lines
    }

    public func render(in area: Rect, into buffer: inout Buffer, offset: Int) {
        let content = lines
        let width = min(area.width - 4, max(50, (content.map { DisplayWidth.of($0.plainText) }.max() ?? 40) + 4))
        let box = area.centered(width: width, height: min(area.height - 2, content.count + 3))
        buffer.fill(box)
        buffer.box(box, title: title, style: Theme.title)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 3)
        TextView(lines: content).render(in: inner, into: &buffer, offset: offset)
        buffer.put("↑/↓ scroll · any other key closes", x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4, style: Theme.muted)
    }
}

/// A message box with one line of choices, e.g. "Enlarge the terminal" or a confirmation.
public struct Dialog: Sendable {
    public var title: String
    public var message: String
    public var choices: [String]
    public var selected: Int

    public init(title: String, message: String, choices: [String] = ["OK"], selected: Int = 0) {
        self.title = title
        self.message = message
        self.choices = choices
        self.selected = selected
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let width = min(area.width - 2, 60)
        let lines = DisplayWidth.wrap(message, to: width - 4)
        let box = area.centered(width: width, height: lines.count + 5)
        buffer.fill(box)
        buffer.box(box, title: title, style: Theme.title)
        for (i, line) in lines.enumerated() { buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4) }
        var x = box.x + 2
        for (i, choice) in choices.enumerated() {
            x += buffer.put("[ \(choice) ]", x: x, y: box.maxY - 2, style: i == selected ? Theme.selected : .plain) + 2
        }
    }
}

/// A text field with a cursor: the building block of forms, search and the command palette.
public struct TextField: Sendable, Equatable {
    public var text: String
    /// Cursor position in Characters.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key. Returns false for keys a field does not handle (Enter, Esc, Tab, arrows up/down).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        var chars = Array(text)
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"):
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"): chars.removeSubrange(cursor..<chars.count)
        case .ctrl("w"), .alt("\u{7F}"):
            var start = cursor
            while start > 0, chars[start - 1] == " " { start -= 1 }
            while start > 0, chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        text = String(chars)
        return true
    }

    /// Inserts pasted text at the cursor, newlines folded to spaces (a field is one line).
    public mutating func paste(_ pasted: String) {
        let clean = pasted.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }
        var chars = Array(text)
        chars.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
        text = String(chars)
    }

    /// Draws the field, scrolled so the cursor is visible, the cursor cell in reverse video.
    public func render(in rect: Rect, into buffer: inout Buffer, style: Style = .underline, focused: Bool = true) {
        guard rect.width > 0 else { return }
        buffer.fill(rect, with: Cell(style: style))
        let chars = Array(text)
        // Back from the cursor while the text fits, one cell kept for the cursor: linear, so a 100 KB paste
        // draws as fast as a word.
        var start = cursor
        var width = 0
        while start > 0 {
            let w = DisplayWidth.of(String(chars[start - 1]))
            if width + w >= rect.width { break }
            width += w
            start -= 1
        }
        var x = rect.x
        for (i, c) in chars[start...].enumerated() {
            let w = DisplayWidth.of(String(c))
            if x + max(1, w) > rect.maxX { break }
            let isCursor = focused && start + i == cursor
            x += buffer.put(String(c), x: x, y: rect.y, maxWidth: rect.maxX - x, style: isCursor ? style.with(.reverse) : style)
        }
        if focused, cursor == chars.count, x < rect.maxX { buffer.put(" ", x: x, y: rect.y, style: style.with(.reverse)) }
    }
}

/// Type to filter a list, arrows to choose, Enter to pick: for areas, wards, people, commands.
public struct Picker: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var id: String
        public var label: String
        public var detail: String
        public init(id: String, label: String, detail: String = "") {
            self.id = id
            self.label = label
            self.detail = detail
        }
    }
    public var title: String
    public var items: [Item]
    public var field = TextField()
    public var selection = SelectionState()

    public init(title: String, items: [Item]) {
        self.title = title
        self.items = items
    }

    /// Items whose label, detail or id contain every typed word, any case.
    public var matches: [Item] {
        let words = field.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return items }
        return items.filter { item in
            let haystack = (item.label + " " + item.detail + " " + item.id).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    public var chosen: Item? {
        let m = matches
        return m.indices.contains(selection.selected) ? m[selection.selected] : nil
    }

    public static let visibleRows = 12

    public enum Outcome: Equatable { case pending, chosen(Item), cancelled }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return chosen.map { .chosen($0) } ?? .pending
        case .escape: return .cancelled
        case .up, .ctrl("p"): selection.move(by: -1, count: matches.count, visible: Self.visibleRows)
        case .down, .ctrl("n"): selection.move(by: 1, count: matches.count, visible: Self.visibleRows)
        case .pageUp: selection.move(by: -Self.visibleRows, count: matches.count, visible: Self.visibleRows)
        case .pageDown: selection.move(by: Self.visibleRows, count: matches.count, visible: Self.visibleRows)
        default:
            if field.handle(key) { selection = SelectionState() }
        }
        return .pending
    }

    public mutating func paste(_ text: String) {
        field.paste(text)
        selection = SelectionState()
    }

    /// Keys and pasted text; anything else leaves the picker as it is.
    public mutating func handle(event: Event) -> Outcome {
        switch event {
        case .key(let key): return handle(key)
        case .paste(let text):
            paste(text)
            return .pending
        default: return .pending
        }
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let width = min(area.width - 4, 70)
        let box = area.centered(width: width, height: min(area.height - 2, Self.visibleRows + 5))
        buffer.fill(box)
        buffer.box(box, title: title, style: Theme.title)
        buffer.put("›", x: box.x + 2, y: box.y + 1, style: Theme.key)
        field.render(in: Rect(x: box.x + 4, y: box.y + 1, width: box.width - 6, height: 1), into: &buffer)
        let list = Rect(x: box.x + 2, y: box.y + 3, width: box.width - 4, height: box.height - 4)
        let shown = matches
        if shown.isEmpty { buffer.put("No match", x: list.x, y: list.y, style: Theme.muted) }
        for row in 0..<list.height {
            let i = selection.offset + row
            guard i < shown.count else { break }
            let style: Style = i == selection.selected ? Theme.selected : .plain
            let y = list.y + row
            if i == selection.selected { buffer.fill(list.row(row), with: Cell(style: style)) }
            let used = buffer.put(shown[i].label, x: list.x, y: y, maxWidth: list.width, style: style)
            if !shown[i].detail.isEmpty, used + 3 < list.width {
                buffer.put("  " + shown[i].detail, x: list.x + used, y: y, maxWidth: list.width - used,
                           style: i == selection.selected ? style : Theme.muted)
            }
        }
    }
}
