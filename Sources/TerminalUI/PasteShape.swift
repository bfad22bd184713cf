/// Terminals without bracketed paste (or with it off) deliver a paste as keys, all at once. Keys that arrive in
/// one read (faster than anyone types) are sorted here into the keys a person pressed and the text they pasted,
/// so a pasted line break never submits a form and the letters after it never run as commands.
public enum PasteShape {
    /// The pasted text at the start of `keys` and how many keys it spans, or nil when the first key was pressed.
    /// While typing: two or more characters (an Enter after a single line stays a key, as if pressed
    /// after typing it; after several lines it is part of the paste). While taking commands: only what reads as
    /// prose over several lines (a first line with a space, a line break, more text), which no run of commands is.
    public static func leadingPaste(_ keys: ArraySlice<Event>, typing: Bool) -> (String, Int)? {
        let run = keys.prefix { event in
            if case .key(let key) = event { return isText(key) }
            return false
        }.map(character)
        guard let first = run.first, first != "\n" else { return nil }
        var trailing = 0
        while trailing < run.count, run[run.count - 1 - trailing] == "\n" { trailing += 1 }
        let body = run.dropLast(trailing)
        let lines = body.contains("\n")
        if typing {
            guard body.count >= 2 else { return nil }
            // Several lines: the breaks after them are the paste's too; one line: a break after it was pressed.
            return lines ? (String(run), run.count) : (String(body), body.count)
        }
        guard lines, body.prefix(while: { $0 != "\n" }).contains(" ") else { return nil }
        return (String(run), run.count)
    }

    private static func character(_ event: Event) -> Character {
        guard case .key(let key) = event else { return " " }
        if case .char(let c) = key { return c }
        return "\n"
    }

    /// Characters and line breaks; a Tab is always pressed (it moves between fields as fast as anyone types).
    private static func isText(_ key: Key) -> Bool {
        if case .char = key { return true }
        return key == .enter || key == .ctrl("j")
    }
}
