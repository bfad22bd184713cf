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

        public static func choice(
            _ key: String, _ label: String, _ items: [Picker.Item], selected: String = ""
        ) -> Field {
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

    /// Replaces a field's text (a value that follows another, e.g. the end time after a changed start).
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
        case .key(let key):
            if let action = Self.keyMap.command(for: key) {
                switch action {
                case .cancel: return .cancel
                case .save: return .submit
                case .next: focus = (focus + 1) % fields.count
                case .previous: focus = (focus + fields.count - 1) % fields.count
                case .enter:
                    if case .choice = fields[focus].kind { openPicker(); return .pending }
                    if focus == fields.count - 1 { return .submit }
                    focus += 1
                }
                return .pending
            }
            if case .choice = fields[focus].kind {
                switch Self.choiceKeys.command(for: key) {
                case .open: openPicker()
                case .clear:
                    fields[focus].value = ""
                    isModified = true
                case nil:
                    // A typed letter opens the list, filtered by it.
                    if case .char = key {
                        openPicker()
                        _ = picker?.handle(key)
                    }
                }
                return .pending
            }
            if fields[focus].input.handle(key) { isModified = true }
        case .paste(let text):
            if case .text = fields[focus].kind {
                fields[focus].input.paste(text)
                isModified = true
            } else {
                // As a typed letter does: the list opens, filtered by what came.
                openPicker()
                picker?.paste(text)
            }
        default: break
        }
        return .pending
    }

    public enum Action: Sendable, Hashable { case next, previous, enter, save, cancel }
    public enum ChoiceAction: Sendable, Hashable { case open, clear }

    /// The form's keys; a text field takes the others (`TextField.keyMap`), a choice the `choiceKeys`.
    public static let keyMap = KeyMap<Action>([
        .init(
            "Form",
            [
                Binding([.tab, .down], "Next field", .next, hint: "next"),
                Binding([.backTab, .up], "Previous field", .previous),
                Binding(
                    [.enter], "Next field (on the last, save); on a choice, open the list (type to filter)", .enter,
                    hint: "choose"),
                Binding([.ctrl("s"), .function(10)], "Save", .save, hint: "save"),
                Binding([.escape], "Cancel (asks first if something was changed)", .cancel, hint: "cancel"),
            ])
    ])

    public static let choiceKeys = KeyMap<ChoiceAction>([
        .init(
            "On a choice",
            [
                Binding([.char(" ")], "Open the list (or type a letter to open it filtered)", .open),
                Binding([.backspace, .delete], "Clear the choice", .clear),
            ])
    ])

    /// What works in the form as it is: the list's keys while one is open, else the form's, a choice's and a
    /// text field's.
    public var keyHelp: KeyHelp {
        picker == nil ? Self.keyMap.keyHelp + Self.choiceKeys.keyHelp + TextField.keyHelp : Picker.keyHelp
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

    /// Each field takes two rows: the input, and under it its note. The last row lists `hints` (the keys
    /// that work in the form, from its key map) or the form's problem.
    public func render(in area: Rect, into buffer: inout Buffer, hints: [(keys: String, label: String)] = []) {
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
            buffer.put(
                DisplayWidth.pad(field.label, to: Self.labelWidth, alignRight: true), x: inner.x, y: y,
                style: focused ? Theme.key : Theme.muted)
            let input = Rect(
                x: inner.x + Self.labelWidth + 1, y: y, width: inner.width - Self.labelWidth - 1, height: 1)
            switch field.kind {
            case .text:
                field.input.render(in: input, into: &buffer, style: focused ? .underline : .plain, focused: focused)
            case .choice:
                let shown = field.display.isEmpty ? "(none)" : field.display
                buffer.put(
                    shown + (focused ? "  ▾ Enter to choose" : ""), x: input.x, y: y, maxWidth: input.width,
                    style: focused ? Theme.selected : .plain)
            }
            if let note = field.note {
                buffer.put(
                    (field.isError ? "✗ " : "→ ") + note, x: input.x, y: y + 1, maxWidth: input.width,
                    style: field.isError ? Theme.error : Theme.good)
            }
        }
        let footer = problem.map { "✗ " + $0 } ?? hints.map { "\($0.keys) \($0.label)" }.joined(separator: " · ")
        buffer.put(
            footer, x: inner.x, y: box.maxY - 2, maxWidth: inner.width,
            style: problem == nil ? Theme.muted : Theme.error)
        picker?.render(in: area, into: &buffer)
    }
}
