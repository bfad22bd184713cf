/// Text from data files is shown, never obeyed: control characters, escape sequences and bidi overrides
/// become visible placeholders before anything reaches a terminal.
public enum TerminalText {
    /// C0 controls become their Control Pictures (ESC shows as ␛), DEL as ␡; C1 controls and bidi
    /// embedding, override and isolate characters (which can reorder what a reader sees) as U+FFFD.
    /// `keepingLineBreaks` leaves LF alone, for multi-line output such as a listing.
    public static func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func replaced(_ scalar: UnicodeScalar) -> Bool {
            needsReplacing(scalar) && !(keepingLineBreaks && scalar == "\n")
        }
        guard text.unicodeScalars.contains(where: replaced) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A where keepingLineBreaks: out.append(scalar)
            case 0..<0x20: out.append(UnicodeScalar(0x2400 + v)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append(needsReplacing(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    static func needsReplacing(_ scalar: UnicodeScalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
