import Foundation

/// The address block of a letter measured for the window of a DL envelope, in the font the letter is printed in
/// (Arial, or Liberation Sans, which has Arial's widths and is what Linux prints Arial with): the largest type
/// from 11 pt down to 9 pt (smaller is hard to read, for people and for the sorting machines) at which every line, wrapped at spaces where it must be, fits the 85 × 40 mm box under
/// the window. Nil when none does: the letter is not made, and `validate` and the directory form say so.
public enum LetterWindow {
    /// The box the address is printed in (inside the 90 × 45 mm window, a margin all round).
    public static let widthMM = 85.0, heightMM = 40.0
    public static let lineHeight = 1.25
    public static let sizes: [Double] = [11, 10.5, 10, 9.5, 9]

    public struct Layout: Sendable, Equatable {
        /// Points.
        public var fontSize: Double
        /// As printed: a line too wide for the box is wrapped at spaces onto the next.
        public var lines: [String]
        public init(fontSize: Double, lines: [String]) {
            self.fontSize = fontSize
            self.lines = lines
        }
    }

    /// Advance widths of Liberation Sans Regular (= Arial) in thousandths of an em, U+0020–U+007E then U+00A0–U+017F,
    /// read from the font's hmtx table and rounded up.
    static let ascii: [Int] = [
        278, 278, 355, 557, 557, 890, 667, 191, 334, 334, 390, 584, 278, 334, 278, 278, 557, 557, 557, 557, 557, 557,
        557, 557, 557, 557, 278, 278, 584, 584, 584, 557, 1016, 667, 667, 723, 723, 667, 611, 778, 723, 278, 500, 667,
        557, 834, 723, 778, 667, 778, 723, 667, 611, 723, 667, 944, 667, 667, 611, 278, 278, 278, 470, 557, 334, 557,
        557, 500, 557, 557, 278, 557, 557, 223, 223, 500, 223, 834, 557, 557, 557, 557, 334, 500, 278, 557, 500, 723,
        500, 500, 500, 334, 260, 334, 584,
    ]
    static let latin: [Int] = [
        278, 334, 557, 557, 557, 557, 260, 557, 334, 737, 371, 557, 584, 334, 737, 553, 400, 549, 334, 334, 334, 577,
        538, 278, 334, 334, 366, 557, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 723, 667, 667, 667, 667,
        278, 278, 278, 278, 723, 723, 778, 778, 778, 778, 778, 584, 778, 723, 723, 723, 723, 667, 667, 611, 557, 557,
        557, 557, 557, 557, 890, 500, 557, 557, 557, 557, 278, 278, 278, 278, 557, 557, 557, 557, 557, 557, 557, 549,
        611, 557, 557, 557, 557, 500, 557, 500, 667, 557, 667, 557, 667, 557, 723, 500, 723, 500, 723, 500, 723, 500,
        723, 615, 723, 557, 667, 557, 667, 557, 667, 557, 667, 557, 667, 557, 778, 557, 778, 557, 778, 557, 778, 557,
        723, 557, 723, 557, 278, 278, 278, 278, 278, 278, 278, 223, 278, 278, 735, 444, 500, 223, 667, 500, 500, 557,
        223, 557, 223, 557, 292, 557, 334, 557, 223, 723, 557, 723, 557, 723, 557, 605, 724, 557, 778, 557, 778, 557,
        778, 557, 1000, 944, 723, 334, 723, 334, 723, 334, 667, 500, 667, 500, 667, 500, 667, 500, 611, 278, 611, 375,
        611, 278, 723, 557, 723, 557, 723, 557, 723, 557, 723, 557, 723, 557, 944, 723, 667, 500, 667, 611, 500, 611,
        500, 611, 500, 223,
    ]
    /// Wider than any letter of the font: what a character outside the table is taken to be, so it never fits by luck.
    static let unknown = 1100

    static func units(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x20...0x7E: ascii[Int(s.value - 0x20)]
        case 0xA0...0x17F: latin[Int(s.value - 0xA0)]
        case 0x300...0x36F, 0x200C, 0x200D: 0  // combining marks and joiners take no room of their own
        default: unknown
        }
    }

    /// The width of a line at `size` points, in millimetres.
    public static func width(_ line: String, size: Double) -> Double {
        Double(line.unicodeScalars.reduce(0) { $0 + units($1) }) / 1000 * size * 25.4 / 72
    }

    /// Lines wrapped at spaces to `limit` millimetres, or nil when a word alone is wider.
    static func wrapped(_ line: String, size: Double, limit: Double) -> [String]? {
        if width(line, size: size) <= limit { return [line] }
        var out: [String] = [], current = ""
        for word in line.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if width(candidate, size: size) <= limit {
                current = candidate
            } else {
                guard !current.isEmpty, width(String(word), size: size) <= limit else { return nil }
                out.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The largest type at which `block` (name, organisation, address lines) fits the box, or nil.
    public static func layout(_ block: [String]) -> Layout? {
        // 3% kept back for what a renderer adds (hinting, rounding).
        let limit = widthMM * 0.97
        for size in sizes {
            var lines: [String] = []
            var fits = true
            for line in block {
                guard let parts = wrapped(line, size: size, limit: limit) else { fits = false; break }
                lines += parts
            }
            if fits && Double(lines.count) * size * lineHeight * 25.4 / 72 <= heightMM {
                return Layout(fontSize: size, lines: lines)
            }
        }
        return nil
    }

    /// What a letter's window shows: the name, a partner's contact's organisation, then the address lines.
    public static func block(_ person: Person, _ directory: Directory) -> [String] {
        var lines = [person.name]
        if person.kind == .contact, let id = person.organisation, let org = directory.organisation(id) {
            lines.append(org.name)
        }
        return lines + person.postalAddress
    }

    /// Why `block` cannot be printed in the window, in words for `validate`, the directory form and `letters`; nil when it fits.
    public static func problem(_ block: [String]) -> String? {
        guard !block.isEmpty, layout(block) == nil else { return nil }
        let smallest = sizes.last!, points = String(format: "%g", smallest)
        let widest = block.max { width($0, size: smallest) < width($1, size: smallest) } ?? ""
        if wrapped(widest, size: smallest, limit: widthMM * 0.97) == nil {
            return
                "“\(widest)” is \(Int(width(widest, size: smallest).rounded(.up))) mm wide even in \(points) pt type; the envelope's window takes \(Int(widthMM)) mm"
        }
        return
            "\(block.count) lines (name and address) do not fit the envelope's window (\(Int(widthMM)) × \(Int(heightMM)) mm) even in \(points) pt type"
    }
}
