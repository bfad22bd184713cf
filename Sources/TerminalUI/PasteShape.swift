/// Terminals without bracketed paste (or with it off) deliver a paste as keys, all at once. Keys that arrive in
/// one read (faster than anyone types) are sorted here into the keys a person pressed and the text they pasted,
/// so a pasted line break never submits a form and the letters after it never run as commands.
public enum PasteShape {
    /// More text keys than this in one read, while commands are taken, is a paste whatever it says: nobody
    /// presses 64 commands at once. It also bounds the look at each key of a long burst.
    static let commandLimit = 64

    /// The pasted text at the start of `keys` and how many keys it spans, or nil when the first key was pressed.
    /// While typing: two or more characters (an Enter after a single line stays a key, as if pressed
    /// after typing it; after several lines it is part of the paste). While taking commands: only what reads as
    /// prose over several lines (a first line with a space, a line break, more text), which no run of commands
    /// is, or a run of `commandLimit` characters.
    public static func leadingPaste(_ keys: ArraySlice<Event>, typing: Bool) -> (String, Int)? {
        guard let head = keys.first, isText(head), character(head) != "\n" else { return nil }
        if !typing {
            var count = 0, firstLine = true, spaced = false, prose = false
            for event in keys {
                guard isText(event) else { break }
                count += 1
                if count >= commandLimit { prose = true; break }
                let c = character(event)
                if c == "\n" {
                    firstLine = false
                } else if firstLine {
                    spaced = spaced || c == " "
                } else {
                    prose = spaced
                    break
                }
            }
            guard prose else { return nil }
        }
        let run = keys.prefix(while: isText).map(character)
        var trailing = 0
        while trailing < run.count, run[run.count - 1 - trailing] == "\n" { trailing += 1 }
        let body = run.dropLast(trailing)
        guard typing else { return (String(run), run.count) }
        guard body.count >= 2 else { return nil }
        // Several lines: the breaks after them are the paste's too; one line: a break after it was pressed.
        return body.contains("\n") ? (String(run), run.count) : (String(body), body.count)
    }

    private static func isText(_ event: Event) -> Bool {
        guard case .key(let key) = event else { return false }
        return isText(key)
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
