/// Terminals without bracketed paste (or with it off) deliver a paste as keys, all at once. Keys that arrive in
/// one read (faster than anyone types) are sorted here into the keys a person pressed and the text they pasted,
/// so a pasted line break never submits a form and the letters after it never run as commands.
public enum PasteShape {
    /// More text keys than this in one read, while commands are taken, is a paste whatever it says: nobody
    /// presses 64 commands at once. It also bounds the look at each key of a long burst.
    static let commandLimit = 64

    /// The pasted text at the start of `keys` and how many keys it spans, or nil when the first key was pressed.
    /// A line break is pasted only between lines of text: the line after it has two characters or more (a line,
    /// Enter and one key, which is how fast typing and a command arrive together, stays a line then two keys).
    /// While typing: two or more characters of a line, or several lines whole (with their breaks). While taking
    /// commands: only what reads as prose over several lines (a first line with a space, a break, more text), or
    /// a run of `commandLimit` characters; `App` also lets a first key that opens a field (`/`, `n`, `i`) act.
    public static func leadingPaste(_ keys: ArraySlice<Event>, typing: Bool) -> (String, Int)? {
        guard let head = keys.first, isText(head), character(head) != "\n" else { return nil }
        if typing {
            let run = keys.prefix(while: isText).map(character)
            guard let lineEnd = run.firstIndex(of: "\n") else { return run.count >= 2 ? (String(run), run.count) : nil }
            if run[(lineEnd + 1)...].prefix(while: { $0 != "\n" }).count >= 2 { return (String(run), run.count) }
            return lineEnd >= 2 ? (String(run[..<lineEnd]), lineEnd) : nil
        }
        var count = 0, breaks = 0, spaced = false, nextLine = 0, prose = false
        for event in keys {
            guard isText(event) else { break }
            count += 1
            if count >= commandLimit { prose = true; break }
            let c = character(event)
            if c == "\n" {
                breaks += 1
                if breaks > 1 { break }
            } else if breaks == 0 {
                spaced = spaced || c == " "
            } else {
                nextLine += 1
                if nextLine >= 2 { prose = spaced; break }
            }
        }
        guard prose else { return nil }
        let run = keys.prefix(while: isText).map(character)
        return (String(run), run.count)
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
