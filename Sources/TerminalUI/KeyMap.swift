/// One user request, the keys that make it, and how help describes it (as Bubble Tea's key.Binding).
public struct Binding<Command: Sendable & Hashable>: Sendable {
    public var keys: [Key]
    public var help: String
    public var command: Command
    /// Short words for the footer; nil keeps the binding out of the footer (it is still in `?` help).
    public var hint: String?

    public init(_ keys: [Key], _ help: String, _ command: Command, hint: String? = nil) {
        self.keys = keys
        self.help = help
        self.command = command
        self.hint = hint
    }

    /// "↑/k", "Enter", "1-4".
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The single table a screen's keys, its footer hints and its `?` help are all read from,
/// so the three can never disagree.
public struct KeyMap<Command: Sendable & Hashable>: Sendable {
    public struct Group: Sendable {
        public var title: String
        public var bindings: [Binding<Command>]
        public init(_ title: String, _ bindings: [Binding<Command>]) {
            self.title = title
            self.bindings = bindings
        }
    }
    public var groups: [Group]

    public init(_ groups: [Group]) { self.groups = groups }

    public func command(for key: Key) -> Command? {
        for group in groups {
            for binding in group.bindings where binding.keys.contains(key) { return binding.command }
        }
        return nil
    }

    public var bindings: [Binding<Command>] { groups.flatMap(\.bindings) }

    public var hints: [(keys: String, label: String)] {
        bindings.compactMap { b in b.hint.map { (b.keys.first?.label ?? "", $0) } }
    }
}

/// What help and the footer show of a key map, its command type left behind: so the keys of a text field, a
/// form, a picker or a dialog are listed beside a screen's, each read from the map its code dispatches on.
public struct KeyHelp: Sendable {
    public typealias Group = (title: String, rows: [(keys: String, help: String)])
    public var groups: [Group]
    public var hints: [(keys: String, label: String)]

    public init(groups: [Group] = [], hints: [(keys: String, label: String)] = []) {
        self.groups = groups
        self.hints = hints
    }

    public static func + (a: KeyHelp, b: KeyHelp) -> KeyHelp {
        KeyHelp(groups: a.groups + b.groups, hints: a.hints + b.hints)
    }
}

extension KeyMap {
    public var keyHelp: KeyHelp {
        KeyHelp(
            groups: groups.map { group in (group.title, group.bindings.map { ($0.keyLabel, $0.help) }) }, hints: hints)
    }
}
