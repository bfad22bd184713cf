/// A key press, decoded by the backend. Printable keys arrive as `.char`.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case function(Int)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown

    /// How the key is written in help and footers.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .alt("\u{7F}"): "Alt-Backspace"
        case .alt(let c): "Alt-\(c)"
        case .function(let n): "F\(n)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        }
    }
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

public enum Event: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// Text pasted in one go (bracketed paste): inserted as typed, never run as commands.
    case paste(String)
    case resize(width: Int, height: Int)
}
