/// How many terminal columns text takes, counted as terminals count them: per code point with the C
/// library's wcwidth rules (see `forEachDrawn` for the emoji sequences terminals disagree on). Non-spacing and enclosing marks, format characters (ZWJ, variation selectors)
/// take none; spacing marks of Indic scripts take one; East Asian wide and emoji-presentation characters
/// take two. Counting grapheme clusters instead would disagree with the terminal and shift columns.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        if v == 0xAD { return 1 }  // soft hyphen: glibc gives it a column
        // Prepended concatenation marks (Arabic number signs and the like) are format characters that print.
        if (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || v == 0x8E2 || v == 0x110BD || v == 0x110CD {
            return 1
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }  // Hangul vowels and finals
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(v, scalar) ? 2 : 1
    }

    static func isWide(_ v: UInt32, _ scalar: Unicode.Scalar) -> Bool {
        if v < 0x1100 { return false }
        if (0x1F1E6...0x1F1FF).contains(v) { return false }  // regional indicators: one column each in glibc
        if scalar.properties.isEmojiPresentation { return true }
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
            0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// What is drawn of text, one code point at a time with its width. Terminals agree on wcwidth per code
    /// point (xterm, VTE and glibc), but not on emoji sequences: tmux 3.3 draws a ZWJ family 👨‍👩‍👧 in 2
    /// columns where xterm and VTE take 6, and terminals that measure grapheme clusters (kitty, WezTerm,
    /// foot, Ghostty; mode 2027) draw ❤️ (with VS16) and 👍🏽 in 2 where wcwidth says 1 and 4. A column counted
    /// wrongly shifts the rest of the row and leaves stale cells, so the screen draws only what every terminal
    /// measures alike: variation selectors are left out (the default presentation), a skin-tone modifier
    /// after an emoji that takes one is left out (the base emoji shows), and a ZWJ after an emoji is left
    /// out (the parts show side by side). The stored text keeps every code point; only the screen simplifies.
    /// Flags (two regional indicators) take 2 columns in all of them and are drawn as they are.
    static func forEachDrawn(_ text: String, _ body: (Unicode.Scalar, Int) -> Void) {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 {
                body(scalar, of(scalar))
                previous = scalar
                continue
            }
            if v == 0xFE0E || v == 0xFE0F { continue }
            if let p = previous, p.value > 0xFF, p.properties.isEmoji {
                if v == 0x200D { continue }
                if scalar.properties.isEmojiModifier, p.properties.isEmojiModifierBase { continue }
            }
            body(scalar, of(scalar))
            previous = scalar
        }
    }

    public static func of(_ text: String) -> Int {
        var total = 0
        forEachDrawn(text) { total += $1 }
        return total
    }

    /// The columns one grapheme cluster takes on screen.
    public static func of(_ character: Character) -> Int { of(String(character)) }

    /// Splits text into terminal cells: each cell is one spacing code point followed by the zero-width code
    /// points that combine with it (what wcwidth-based terminals put in one cell; a conjunct such as ক্ষ is
    /// two cells). A leading mark with nothing to combine with is dropped.
    public static func cells(_ text: String) -> [(text: String, width: Int)] {
        var result: [(text: String, width: Int)] = []
        forEachDrawn(text) { scalar, w in
            if w == 0 {
                if !result.isEmpty, result[result.count - 1].text.unicodeScalars.count < 5 {
                    result[result.count - 1].text.unicodeScalars.append(scalar)
                }
            } else {
                result.append((String(scalar), w))
            }
        }
        return result
    }

    /// Fits text into `width` columns, ending with "…" when something had to go. Cuts between grapheme
    /// clusters only (never inside a conjunct, an emoji sequence, or between a letter and its marks), and at
    /// the end of a word when that keeps at least two thirds of the room.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return "" }
        var out = ""
        var used = 0
        var lastWordEnd: (text: String, used: Int)?
        var previousWasSpace = false
        for character in text {
            let w = of(character)
            if used + w > budget {
                if character != " ", let end = lastWordEnd, end.used * 3 >= budget * 2 { out = end.text }
                break
            }
            let isSpace = character == " "
            if isSpace, !previousWasSpace, used > 0 { lastWordEnd = (out, used) }
            previousWasSpace = isSpace
            out.append(character)
            used += w
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out + ellipsis
    }

    /// Text padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let fitted = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(fitted)))
        return alignRight ? gap + fitted : fitted + gap
    }

    /// Wraps text at spaces to lines of at most `width` columns; words longer than a line are split.
    /// Spaces inside a line (and at its start) are kept; the space where a line breaks is dropped.
    /// Lines after the first of each paragraph start with `hangingIndent` spaces.
    public static func wrap(_ text: String, to width: Int, hangingIndent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        let indent = hangingIndent < width ? hangingIndent : 0
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            var atBreak = false
            func breakLine() {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                used = indent
                atBreak = true
            }
            for (i, word) in paragraph.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                let w = of(String(word))
                var separator = i > 0 && !atBreak ? 1 : 0
                if used + separator + w > width, used > indent || (used > 0 && !atBreak) {
                    breakLine()
                    separator = 0
                }
                if separator == 1 {
                    line += " "
                    used += 1
                }
                if w == 0 { continue }
                atBreak = false
                if used + w <= width {
                    line += word
                    used += w
                    continue
                }
                for character in word {
                    let cw = of(character)
                    if used + cw > width { breakLine(); atBreak = false }
                    line.append(character)
                    used += cw
                }
            }
            lines.append(line)
        }
        return lines
    }
}
