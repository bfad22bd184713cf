#if canImport(Glibc)
import Glibc
#endif
import CNCursesW
import CTerminalGuard
import Foundation
import TerminalUI

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)
    case cannotAddressCursor(String)
    case noUTF8Locale(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal for the full-screen interface (try `forumdesk dashboard`)"
        case .unknownTerminal(let term):
            "unknown terminal type TERM=\(term): set TERM to one this system knows, e.g. xterm-256color"
        case .cannotAddressCursor(let term):
            "TERM=\(term) cannot move the cursor, so the full-screen interface cannot be drawn; in a terminal "
                + "emulator set TERM=xterm-256color, or use the commands (`forumdesk dashboard`, `forumdesk list meetings`)"
        case .noUTF8Locale(let codeset):
            "the locale's character set is \(codeset) and this system has no UTF-8 locale to switch to, so typed "
                + "text would be cut short; install one (e.g. `apt-get install locales`, C.UTF-8) or set LANG=C.UTF-8"
        }
    }
}

/// The only code that talks to ncursesw: paints buffers (only the cells that changed), reads keys, mouse
/// and resizes, and restores the terminal on every way out (crashes included, via CTerminalGuard).
public final class NCursesTerminal {
    private var previous: Buffer?
    private let colours: Bool
    private var pairs: [Int: Int16] = [:]
    private static let pasteStart = fd_key_max() + 1
    private static let pasteEnd = fd_key_max() + 2

    /// Said once when the locale was not UTF-8 and the screen switched to a UTF-8 one (nil when it was).
    public private(set) var localeNotice: String?

    /// Cells written by the last `draw`, for measuring that only changes are painted.
    public private(set) var cellsWrittenLastFrame = 0

    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // Without the locale, wide characters come out as M- sequences.
        setlocale(LC_ALL, "")
        localeNotice = try Self.ensureUTF8Characters()
        _ = terminal_guard_install()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        var screen = term.isEmpty ? nil : fd_newterm(nil)
        // A terminal emulator named after xterm but unknown here (xterm-kitty, xterm-ghostty over ssh) speaks
        // xterm: fall back to it rather than refuse, as the emulators' own documentation advises.
        if screen == nil, Self.speaksXterm(term) {
            setenv("TERM", "xterm-256color", 1)
            screen = fd_newterm(nil)
            if screen == nil { setenv("TERM", term, 1) }
        }
        guard screen != nil else {
            terminal_guard_uninstall()
            throw TerminalError.unknownTerminal(term.isEmpty ? "(unset)" : term)
        }
        guard fd_can_address_cursor() != 0 else {
            endwin()
            terminal_guard_restore()
            terminal_guard_uninstall()
            throw TerminalError.cannotAddressCursor(term)
        }
        raw()
        noecho()
        nonl()
        keypad(fd_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colours = has_colors() && !noColour
        if colours {
            start_color()
            use_default_colors()
        }
        mousemask(fd_all_mouse_events(), nil)
        mouseinterval(0)
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        fd_emit("\u{1B}[?2004h")  // bracketed paste: pasted text arrives as one event
    }

    /// Locales that read and write UTF-8, tried in order when the user's is not (C, POSIX, ISO-8859-1).
    static let utf8Locales = ["C.UTF-8", "C.utf8", "en_GB.UTF-8", "en_GB.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Under a non-UTF-8 locale ncursesw reads typed text byte by byte in that character set and drops what
    /// it cannot draw, so "Siân" is saved as "Si": the characters' locale is switched to a UTF-8 one (only
    /// LC_CTYPE, the rest stay the user's) and a notice returned; with none installed, starting is refused.
    static func ensureUTF8Characters() throws -> String? {
        let codeset = currentCodeset()
        if codeset == "UTF-8" { return nil }
        let was = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        for name in utf8Locales where setlocale(LC_CTYPE, name) != nil {
            if currentCodeset() == "UTF-8" {
                return "The locale \(was) (\(codeset)) is not UTF-8: text is read and shown as \(name) here"
            }
        }
        setlocale(LC_CTYPE, was)
        throw TerminalError.noUTF8Locale(codeset)
    }

    private static func currentCodeset() -> String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        let codeset = String(cString: name)
        return codeset.uppercased().replacingOccurrences(of: "UTF8", with: "UTF-8")
    }

    /// Names of emulators that implement xterm's control sequences.
    static func speaksXterm(_ term: String) -> Bool {
        ["xterm", "kitty", "alacritty", "foot", "wezterm", "ghostty", "rio", "contour"].contains { term.hasPrefix($0) }
    }

    public var size: (width: Int, height: Int) { (Int(fd_cols()), Int(fd_lines())) }

    /// Puts the terminal back as it was. Also done by the guard if the process dies.
    public func shutdown() {
        fd_emit("\u{1B}[?2004l")
        endwin()
        terminal_guard_uninstall()
    }

    /// Ctrl-Z: gives the terminal back as the shell left it, stops the process as job control expects
    /// (SIGTSTP; raw mode means the key does not raise it by itself), and once `fg` continues it, takes the
    /// terminal again. The caller repaints everything; files and the editing lock are untouched meanwhile.
    public func suspend() {
        fd_emit("\u{1B}[?2004l")
        endwin()
        terminal_guard_restore()
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Continued: ncurses puts its modes back on the next refresh.
        fd_emit("\u{1B}[?2004h")
        mousemask(fd_all_mouse_events(), nil)
        invalidate()
        refresh()
    }

    // MARK: painting

    private func pair(_ style: Style) -> Int16 {
        guard colours, style.foreground != .default || style.background != .default else { return 0 }
        let key = Int(style.foreground.rawValue) << 4 | Int(style.background.rawValue)
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < fd_color_pairs() else { return 0 }
        func code(_ c: Color) -> Int16 { c == .default ? -1 : Int16(c.rawValue) - 1 }
        init_pair(number, code(style.foreground), code(style.background))
        pairs[key] = number
        return number
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = fd_a_normal()
        if style.attributes.contains(.bold) { a |= fd_a_bold() }
        if style.attributes.contains(.reverse) { a |= fd_a_reverse() }
        if style.attributes.contains(.underline) { a |= fd_a_underline() }
        if style.attributes.contains(.dim) { a |= fd_a_dim() }
        return a
    }

    /// Paints the buffer, writing only the cells that differ from the last frame.
    public func draw(_ buffer: Buffer) {
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { erase() }
        var written = 0
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.width == 0 { continue }  // the right half of a wide character
                if !full, let previous, previous[x, y] == cell,
                    cell.width == 1 || x + 1 >= buffer.width || previous[x + 1, y] == buffer[x + 1, y]
                {
                    continue
                }
                var text = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                if text.isEmpty { text = [wchar_t(32)] }
                text.append(0)
                _ = fd_put_cell(Int32(y), Int32(x), text, attributes(cell.style), pair(cell.style))
                written += 1
            }
        }
        cellsWrittenLastFrame = written
        previous = buffer
        wnoutrefresh(fd_stdscr())
        doupdate()
    }

    /// Forget the last frame, so the next draw repaints everything (after a resize, or Ctrl-L).
    public func invalidate() {
        previous = nil
        clearok(fd_stdscr(), true)
    }

    // MARK: input

    /// The next event, or nil when `timeoutMilliseconds` passes first (nil timeout: wait).
    public func readEvent(timeoutMilliseconds: Int32? = nil) -> Event? {
        wtimeout(fd_stdscr(), timeoutMilliseconds ?? -1)
        var code: wint_t = 0
        let kind = get_wch(&code)
        if kind == fd_err() { return nil }
        if kind == fd_key_code_yes() { return functionKey(Int32(code)) }
        return characterKey(code)
    }

    /// The next event and every key that came with it in the same read (nil when `timeoutMilliseconds` passes
    /// first): a terminal without bracketed paste delivers a paste so, faster than anyone types.
    public func readBurst(timeoutMilliseconds: Int32? = nil) -> [Event]? {
        if !held.isEmpty { return [held.removeFirst()] }
        guard let first = readEvent(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        guard case .key = first else { return [first] }
        var burst = [first]
        // Bounded so a runaway stream still gets drawn now and then.
        while burst.count < Self.burstLimit {
            guard let next = readEvent(timeoutMilliseconds: 0) else { break }
            guard case .key = next else {
                held.append(next)
                break
            }
            burst.append(next)
        }
        return burst
    }

    private static let burstLimit = 1 << 16
    /// A mouse, resize or bracketed-paste event read while gathering keys: returned by the next read.
    private var held: [Event] = []

    private func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case fd_key_resize():
            invalidate()
            return .resize(width: Int(fd_cols()), height: Int(fd_lines()))
        case fd_key_mouse(): return mouse()
        case Self.pasteStart: return .paste(readPaste())
        case Self.pasteEnd: return nil
        default:
            for n in 1...24 where code == fd_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func characterKey(_ code: wint_t) -> Event? {
        switch code {
        case 27:
            // Alt-x arrives as ESC then x with nothing in between.
            wtimeout(fd_stdscr(), 0)
            var next: wint_t = 0
            let kind = get_wch(&next)
            if kind == fd_ok(), next != 27, let scalar = UnicodeScalar(next) { return .key(.alt(Character(scalar))) }
            if kind == fd_key_code_yes() { return functionKey(Int32(next)) }
            return .key(.escape)
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 0: return .key(.ctrl(" "))
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(code) + 96))))
        default:
            guard let scalar = UnicodeScalar(code), code >= 32 else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func mouse() -> Event? {
        var event = MEVENT()
        guard getmouse(&event) == fd_ok() else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & fd_button4_pressed() != 0 {
            kind = .wheelUp
        } else if fd_button5_pressed() != 0, state & fd_button5_pressed() != 0 {
            kind = .wheelDown
        } else if state & fd_button1_double_clicked() != 0 {
            kind = .doubleClick
        } else if state & (fd_button1_pressed() | fd_button1_clicked()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
    }

    /// Reads until the end-of-paste marker; carriage returns become newlines.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        wtimeout(fd_stdscr(), 200)
        while true {
            var code: wint_t = 0
            let kind = get_wch(&code)
            if kind == fd_err() { break }
            if kind == fd_key_code_yes() {
                if Int32(code) == Self.pasteEnd { break }
                continue
            }
            if code == 13 { code = 10 }
            if let scalar = UnicodeScalar(code) { text.append(scalar) }
        }
        return String(text)
    }
}
