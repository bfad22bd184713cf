import Foundation

/// Labelled fields a person fills in: text fields, and choices picked from a filtered list. The owner of
/// the form validates it (after every key, so notes appear as the user types) and decides what to do on
/// submit; the form moves focus, edits, and draws each field's note (what was understood, or the error).
public struct Form: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case text
            /// One of these items; `value` holds the chosen id ("" for none).
            case choice([Picker.Item])
        }
        public var key: String
        public var label: String
        public var kind: Kind
        public var input: TextField
        public var value: String
        public var note: String?
        public var isError = false

        public static func text(_ key: String, _ label: String, _ text: String = "") -> Field {
            Field(key: key, label: label, kind: .text, input: TextField(text), value: "")
        }

        public static func choice(_ key: String, _ label: String, _ items: [Picker.Item], selected: String = "") -> Field {
            Field(key: key, label: label, kind: .choice(items), input: TextField(), value: selected)
        }

        /// What the field shows: the typed text, or the chosen item's label.
        public var display: String {
            guard case .choice(let items) = kind else { return input.text }
            return items.first { $0.id == value }?.label ?? (value.isEmpty ? "" : value)
        }
    }

    public var title: String
    public var fields: [Field]
    public var focus = 0
    public var picker: Picker?
    /// A message for the whole form, e.g. why it cannot be saved yet.
    public var problem: String?
    /// Set once the user has changed something, so cancelling can ask first.
    public private(set) var isModified = false

    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }

    public enum Outcome: Sendable, Equatable { case pending, submit, cancel }

    public func text(_ key: String) -> String {
        (fields.first { $0.key == key }?.input.text ?? "").trimmingCharacters(in: .whitespaces)
    }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public mutating func note(_ key: String, _ note: String?, error: Bool = false) {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
        fields[i].note = note
        fields[i].isError = error && note != nil
    }

    public mutating func setText(_ key: String, _ text: String) {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
        fields[i].input = TextField(text)
    }

    public var hasErrors: Bool { fields.contains { $0.isError } }

    public mutating func handle(_ event: Event) -> Outcome {
        if var open = picker {
            switch open.handle(event: event) {
            case .pending: picker = open
            case .cancelled: picker = nil
            case .chosen(let item):
                picker = nil
                fields[focus].value = item.id
                isModified = true
                focus = min(fields.count - 1, focus + 1)
            }
            return .pending
        }
        switch event {
        case .key(.escape): return .cancel
        case .key(.ctrl("s")), .key(.function(10)): return .submit
        case .key(.tab), .key(.down): focus = (focus + 1) % fields.count
        case .key(.backTab), .key(.up): focus = (focus + fields.count - 1) % fields.count
        case .key(.enter):
            if case .choice = fields[focus].kind { openPicker(); return .pending }
            if focus == fields.count - 1 { return .submit }
            focus += 1
        case .key(let key):
            if case .choice = fields[focus].kind {
                if case .char(let c) = key, c != " " {
                    openPicker()
                    _ = picker?.handle(key)
                } else if key == .char(" ") {
                    openPicker()
                } else if key == .backspace || key == .delete {
                    fields[focus].value = ""
                    isModified = true
                }
                return .pending
            }
            if fields[focus].input.handle(key) { isModified = true }
        case .paste(let text):
            if case .text = fields[focus].kind {
                fields[focus].input.paste(text)
                isModified = true
            }
        default: break
        }
        return .pending
    }

    mutating func openPicker() {
        guard case .choice(let items) = fields[focus].kind else { return }
        var p = Picker(title: fields[focus].label, items: items)
        if let index = items.firstIndex(where: { $0.id == fields[focus].value }) {
            p.selection.select(index, count: items.count, visible: Picker.visibleRows)
        }
        picker = p
    }

    public static let labelWidth = 16

    /// Each field takes two rows: the input, and under it its note.
    public func render(in area: Rect, into buffer: inout Buffer) {
        let box = area.centered(width: min(area.width - 2, 100), height: min(area.height, fields.count * 2 + 4))
        buffer.fill(box)
        buffer.box(box, title: title, style: Theme.title)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        let rowsPerField = 2
        let visibleFields = max(1, (inner.height - 1) / rowsPerField)
        let first = max(0, min(focus - visibleFields + 1, fields.count - visibleFields))
        for (n, index) in (first..<min(fields.count, first + visibleFields)).enumerated() {
            let field = fields[index]
            let y = inner.y + n * rowsPerField
            let focused = index == focus && picker == nil
            buffer.put(DisplayWidth.pad(field.label, to: Self.labelWidth, alignRight: true), x: inner.x, y: y,
                       style: focused ? Theme.key : Theme.muted)
            let input = Rect(x: inner.x + Self.labelWidth + 1, y: y, width: inner.width - Self.labelWidth - 1, height: 1)
            switch field.kind {
            case .text:
                field.input.render(in: input, into: &buffer, style: focused ? .underline : .plain, focused: focused)
            case .choice:
                let shown = field.display.isEmpty ? "(none)" : field.display
                buffer.put(shown + (focused ? "  ▾ Enter to choose" : ""), x: input.x, y: y, maxWidth: input.width,
                           style: focused ? Theme.selected : .plain)
            }
            if let note = field.note {
                buffer.put((field.isError ? "✗ " : "→ ") + note, x: input.x, y: y + 1, maxWidth: input.width,
                           style: field.isError ? Theme.error : Theme.good)
            }
        }
        let footer = problem.map { "✗ " + $0 } ?? "Tab/↑↓ move · Enter next/choose · Ctrl-S save · Esc cancel · F1 help"
        buffer.put(footer, x: inner.x, y: box.maxY - 2, maxWidth: inner.width, style: problem == nil ? Theme.muted : Theme.error)
        picker?.render(in: area, into: &buffer)
    }
}
