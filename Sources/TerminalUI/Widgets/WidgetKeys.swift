/// The keys of the text widgets, each a key map their code dispatches on (as bubbles' `textinput.KeyMap`),
/// so `?` help and the footer list what the widget in focus really does.

extension TextField {
    public enum Edit: Sendable, Hashable {
        case deleteBackward, deleteForward, left, right, home, end, deleteToStart, deleteToEnd, deleteWord
    }

    public static let keyMap = KeyMap<Edit>([
        .init(
            "Typing",
            [
                Binding([.left, .ctrl("b")], "Cursor left", .left),
                Binding([.right, .ctrl("f")], "Cursor right", .right),
                Binding([.home, .ctrl("a")], "Start of the line", .home),
                Binding([.end, .ctrl("e")], "End of the line", .end),
                Binding([.backspace, .ctrl("h")], "Delete the letter before the cursor", .deleteBackward),
                Binding([.delete, .ctrl("d")], "Delete the letter under the cursor", .deleteForward),
                Binding([.ctrl("w"), .alt("\u{7F}")], "Delete the word before the cursor", .deleteWord),
                Binding([.ctrl("u")], "Delete to the start of the line", .deleteToStart),
                Binding([.ctrl("k")], "Delete to the end of the line", .deleteToEnd),
            ])
    ])

    /// The field's keys, with a first row for what is typed or pasted.
    public static var keyHelp: KeyHelp {
        var help = keyMap.keyHelp
        help.groups[0].rows.insert(("letters", "Typed or pasted text goes in at the cursor"), at: 0)
        return help
    }
}

extension Picker {
    public enum Action: Sendable, Hashable { case choose, cancel, up, down, pageUp, pageDown }

    public static let keyMap = KeyMap<Action>([
        .init(
            "List",
            [
                Binding([.enter], "Choose the selected item", .choose, hint: "choose"),
                Binding([.escape], "Close the list without choosing", .cancel, hint: "close"),
                Binding([.up, .ctrl("p")], "Previous item (k too, before anything is typed)", .up),
                Binding([.down, .ctrl("n")], "Next item (j too, before anything is typed)", .down),
                Binding([.pageUp], "Page up", .pageUp),
                Binding([.pageDown], "Page down", .pageDown),
            ])
    ])

    /// The list's keys, then the filter field's (typing filters the list).
    public static var keyHelp: KeyHelp { keyMap.keyHelp + TextField.keyHelp }
}

extension Dialog {
    public enum Action: Sendable, Hashable { case previous, next, choose, cancel }

    public static let keyMap = KeyMap<Action>([
        .init(
            "Question",
            [
                Binding([.left, .backTab, .char("h")], "Previous choice", .previous),
                Binding([.right, .tab, .char("l")], "Next choice", .next),
                Binding([.enter], "Answer with the selected choice", .choose, hint: "answer"),
                Binding([.escape], "Close the question (as its first choice, nothing done)", .cancel, hint: "close"),
            ])
    ])

    /// The question's keys, with a row for the letter that answers (underlined in each choice).
    public static var keyHelp: KeyHelp {
        var help = keyMap.keyHelp
        help.groups[0].rows.insert(("letter", "The underlined first letter of a choice answers with it"), at: 0)
        return help
    }
}

extension HelpOverlay {
    public enum Action: Sendable, Hashable { case up, down, pageUp, pageDown }

    /// Scrolling help and other read-only text; any other key closes it.
    public static let keyMap = KeyMap<Action>([
        .init(
            "Reading",
            [
                Binding([.up, .char("k")], "Scroll up", .up, hint: "scroll"),
                Binding([.down, .char("j")], "Scroll down", .down),
                Binding([.pageUp], "Page up", .pageUp),
                Binding([.pageDown, .char(" ")], "Page down", .pageDown),
            ])
    ])

    public static var keyHelp: KeyHelp {
        var help = keyMap.keyHelp
        help.groups[0].rows.append(("any other", "Close"))
        return help
    }
}
