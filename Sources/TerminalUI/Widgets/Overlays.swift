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
                lines.append(
                    StyledLine([
                        Span("  " + DisplayWidth.pad(row.keys, to: keyWidth) + "  ", Theme.key), Span(row.help),
                    ]))
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
        buffer.put(
            "↑/↓ scroll · any other key closes", x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4,
            style: Theme.muted)
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

    /// The choice a typed letter answers: the one whose label starts with it, if only one does.
    public func choice(forKey letter: Character) -> Int? {
        let matching = choices.indices.filter { choices[$0].first?.lowercased() == letter.lowercased() }
        return matching.count == 1 ? matching[0] : nil
    }

    public func render(in area: Rect, into buffer: inout Buffer) {
        let width = min(area.width - 2, 60)
        let lines = DisplayWidth.wrap(message, to: width - 4)
        let box = area.centered(width: width, height: lines.count + 5)
        buffer.fill(box)
        buffer.box(box, title: title, style: Theme.title)
        for (i, line) in lines.enumerated() {
            buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
        }
        var x = box.x + 2
        for (i, label) in choices.enumerated() {
            let style = i == selected ? Theme.selected : .plain
            let start = x
            x += buffer.put("[ \(label) ]", x: x, y: box.maxY - 2, style: style) + 2
            // The letter that answers with this choice, underlined.
            if choice(forKey: label.first ?? " ") == i, buffer.fits(start + 2, box.maxY - 2) {
                buffer[start + 2, box.maxY - 2].style = style.with(.underline)
            }
        }
    }
}

/// A text field with a cursor: the building block of forms, search and the command palette.
///
/// Text is edited by extended grapheme cluster (what a reader sees as one letter: a Bengali consonant with
/// its vowel sign, a conjunct, an emoji ZWJ sequence, a flag). Keys arrive one code point at a time, so a
/// typed vowel sign or combining accent joins the cluster before it: the field works on code points and puts
/// the cursor back on a cluster boundary after every edit, never between a base and its marks.
public struct TextField: Sendable, Equatable {
    public var text: String
    /// Cursor position in grapheme clusters (Characters), from 0 to `text.count`.
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Scalar offsets of the cluster boundaries: 0, the end of the first cluster, ..., the scalar count.
    static func boundaries(_ text: String) -> [Int] {
        var result = [0]
        var offset = 0
        for character in text {
            offset += character.unicodeScalars.count
            result.append(offset)
        }
        return result
    }

    /// Replaces the scalars in `range` with `replacement` and puts the cursor on the first cluster boundary
    /// at or after the end of the replacement (a mark typed before a cluster's marks joins that cluster, so
    /// the cursor goes after the whole of it).
    mutating func replace(scalars range: Range<Int>, with replacement: String.UnicodeScalarView = .init()) {
        var scalars = Array(text.unicodeScalars)
        scalars.replaceSubrange(range, with: replacement)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        text = String(view)
        let end = range.lowerBound + replacement.count
        cursor = Self.boundaries(text).firstIndex { $0 >= end } ?? text.count
    }

    /// Applies an editing key. Returns false for keys a field does not handle (Enter, Esc, Tab, arrows up/down).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let bounds = Self.boundaries(text)
        let clusters = bounds.count - 1
        let at = min(max(0, cursor), clusters)
        cursor = at
        if case .char(let c) = key {
            replace(scalars: bounds[at]..<bounds[at], with: c.unicodeScalars)
            return true
        }
        guard let edit = Self.keyMap.command(for: key) else { return false }
        switch edit {
        case .deleteBackward:
            guard at > 0 else { return true }
            replace(scalars: bounds[at - 1]..<bounds[at])
        case .deleteForward:
            guard at < clusters else { return true }
            replace(scalars: bounds[at]..<bounds[at + 1])
        case .left: cursor = max(0, at - 1)
        case .right: cursor = min(clusters, at + 1)
        case .home: cursor = 0
        case .end: cursor = clusters
        case .deleteToStart: replace(scalars: 0..<bounds[at])
        case .deleteToEnd: replace(scalars: bounds[at]..<bounds[clusters])
        case .deleteWord:
            let chars = Array(text)
            var start = at
            while start > 0, chars[start - 1] == " " { start -= 1 }
            while start > 0, chars[start - 1] != " " { start -= 1 }
            replace(scalars: bounds[start]..<bounds[at])
        }
        return true
    }

    /// Inserts pasted text at the cursor, line breaks and tabs (a spreadsheet's cells) folded to spaces (a
    /// field is one line).
    public mutating func paste(_ pasted: String) {
        var clean = String.UnicodeScalarView()
        for scalar in pasted.unicodeScalars {
            clean.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
        }
        let bounds = Self.boundaries(text)
        let at = bounds[min(max(0, cursor), bounds.count - 1)]
        replace(scalars: at..<at, with: clean)
    }

    /// Draws the field, scrolled so the cursor is visible, the cursor cluster in reverse video.
    public func render(in rect: Rect, into buffer: inout Buffer, style: Style = .underline, focused: Bool = true) {
        guard rect.width > 0 else { return }
        buffer.fill(rect, with: Cell(style: style))
        let chars = Array(text)
        let cursor = min(max(0, self.cursor), chars.count)
        // Back from the cursor while the text fits, one cell kept for the cursor: linear, so a 100 KB paste
        // draws as fast as a word.
        var start = cursor
        var width = 0
        while start > 0 {
            let w = DisplayWidth.of(chars[start - 1])
            if width + w >= rect.width { break }
            width += w
            start -= 1
        }
        var x = rect.x
        for (i, c) in chars[start...].enumerated() {
            let w = DisplayWidth.of(c)
            if x + max(1, w) > rect.maxX { break }
            let isCursor = focused && start + i == cursor
            // A cluster that draws nothing (a lone format character) still shows where the cursor is.
            let shown = w == 0 && isCursor ? " " : String(c)
            x += buffer.put(
                shown, x: x, y: rect.y, maxWidth: rect.maxX - x, style: isCursor ? style.with(.reverse) : style)
        }
        if focused, cursor == chars.count, x < rect.maxX {
            buffer.put(" ", x: x, y: rect.y, style: style.with(.reverse))
        }
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
        switch Self.keyMap.command(for: key) {
        case .choose: return chosen.map { .chosen($0) } ?? .pending
        case .cancel: return .cancelled
        case .up: selection.move(by: -1, count: matches.count, visible: Self.visibleRows)
        case .down: selection.move(by: 1, count: matches.count, visible: Self.visibleRows)
        case .pageUp: selection.move(by: -Self.visibleRows, count: matches.count, visible: Self.visibleRows)
        case .pageDown: selection.move(by: Self.visibleRows, count: matches.count, visible: Self.visibleRows)
        case nil:
            // j and k move through the list until something is typed; then they are letters of the filter.
            if field.text.isEmpty, key == .char("j") || key == .char("k") {
                selection.move(by: key == .char("j") ? 1 : -1, count: matches.count, visible: Self.visibleRows)
            } else if field.handle(key) {
                selection = SelectionState()
            }
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
                buffer.put(
                    "  " + shown[i].detail, x: list.x + used, y: y, maxWidth: list.width - used,
                    style: i == selection.selected ? style : Theme.muted)
            }
        }
    }
}
