import Foundation

/// A postal address for a letter (`forumdesk letters`): the lines as printed in a DL window envelope, e.g.
/// `["14 Larkspur Close", "Potton", "SANDY", "SG19 2ZX"]`. In `people.json` a list of strings under
/// `postalAddress`; typed in a form or a CSV cell as one text, lines separated by commas or line breaks.
public enum PostalAddress {
    /// At most 6 lines, each at most 45 characters: what a DL window (90 × 45 mm, 10 pt) shows whole.
    public static let maxLines = 6
    public static let maxLineLength = 45

    /// The lines of a typed or imported address: split at line breaks and commas, each trimmed, runs of spaces
    /// made one, empty lines dropped. Control and bidi-override characters are kept, for `problem` to refuse.
    public static func lines(from text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "," })
            .map {
                $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").trimmingCharacters(
                    in: .whitespaces)
            }
            .filter { !$0.isEmpty }
    }

    /// The address as one line, as a form shows it: "14 Larkspur Close, Potton, SANDY, SG19 2ZX".
    public static func oneLine(_ lines: [String]) -> String { lines.joined(separator: ", ") }

    /// Nil when the lines can be printed on an envelope, else what is wrong, in words for a form note or a
    /// `validate` line: too many lines, a line too long or empty, or a control, format or bidi-override character
    /// (which would print as nothing, or reorder the line).
    public static func problem(_ lines: [String]) -> String? {
        if lines.isEmpty { return nil }
        if lines.count > maxLines { return "\(lines.count) lines; an envelope's window takes at most \(maxLines)" }
        for (i, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return "line \(i + 1) is empty" }
            if line.count > maxLineLength {
                return "line \(i + 1) has \(line.count) characters; at most \(maxLineLength) fit the window"
            }
            if line.unicodeScalars.contains(where: isUnprintable) {
                return "line \(i + 1) holds a control or formatting character"
            }
        }
        return nil
    }

    /// C0/C1 controls, line and paragraph separators, and format characters (bidi overrides, zero-width joiners
    /// aside: those belong to scripts).
    static func isUnprintable(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 { return true }
        return s.properties.generalCategory == .format && s.value != 0x200C && s.value != 0x200D
    }
}
