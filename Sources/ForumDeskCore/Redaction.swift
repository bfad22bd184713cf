import Foundation

/// The one redaction of everything the council makes public (site pages, feeds, `export ics`, `report`, the calendars
/// attached to briefings): phone numbers, e-mail addresses and private addresses found in text people typed are
/// replaced by `placeholder`. README "Public website" lists the forms it knows and what it leaves alone.
public enum Redaction {
    public static let placeholder = "[contact details removed]"

    public enum Kind: String, Sendable { case phone, email, address }

    /// A passage found: where, and what it looked like.
    public struct Finding: Sendable, Equatable {
        public var range: Range<String.Index>
        public var kind: Kind
    }

    /// `text` with every finding replaced. `addresses: false` keeps postal addresses: a venue's address is public.
    public static func redact(_ text: String, addresses: Bool = true) -> String {
        let found = findings(in: text, addresses: addresses)
        guard !found.isEmpty else { return text }
        var out = "", at = text.startIndex
        for f in found {
            out += text[at..<f.range.lowerBound]
            out += placeholder
            at = f.range.upperBound
        }
        return out + text[at...]
    }

    /// The findings, in order, overlaps merged (an e-mail address first, so its digits are not also a phone number).
    public static func findings(in text: String, addresses: Bool = true) -> [Finding] {
        // Most texts hold none of the signs: no "@", no " at "/"dot" words, fewer than five digits. They skip the scans.
        var digits = 0, at = false
        for s in text.unicodeScalars {
            if s == "@" { at = true } else if s.properties.numericType == .decimal { digits += 1 }
        }
        let spelled =
            !at && text.range(of: "at", options: .caseInsensitive) != nil
            && (text.contains(".") || text.range(of: "dot", options: .caseInsensitive) != nil)
        guard at || spelled || digits >= 2 else { return [] }
        var all: [Finding] = []
        if at || spelled { all += emails(in: text) }
        if digits >= 7 { all += phones(in: text) }
        if addresses && digits >= 2 { all += postalAddresses(in: text) }
        all.sort { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var merged: [Finding] = []
        for f in all {
            if let last = merged.last, f.range.lowerBound < last.range.upperBound {
                if f.range.upperBound > last.range.upperBound {
                    merged[merged.count - 1].range = last.range.lowerBound..<f.range.upperBound
                }
            } else {
                merged.append(f)
            }
        }
        return merged
    }

    // MARK: e-mail addresses

    static let local = "[\\p{L}\\p{N}._%+'-]+"
    static let label = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
    static let bracketedAt = "\\s*[\\[({<]\\s*at\\s*[\\])}>]\\s*"
    static let bracketedDot = "\\s*[\\[({<]\\s*dot\\s*[\\])}>]\\s*"
    /// `ada@example.org`, `ada @ example . org`, `ada[at]example[dot]org`, `ada (at) example.org`, `ada@example dot org`.
    static let written = try! NSRegularExpression(
        pattern: "\(local)(?:\\s*@\\s*|\(bracketedAt))\(label)(?:(?:\\s*\\.\\s*|\(bracketedDot)|\\s+dot\\s+)\(label))+",
        options: [.caseInsensitive])
    /// `ada at example dot org`, `ada at example.org`: "at" as a word only counts when what follows ends in a domain.
    static let spelledOut = try! NSRegularExpression(
        pattern: "\(local)\\s+at\\s+(?:\(label)(?:\\.|\(bracketedDot)|\\s+dot\\s+))+"
            + "(?:org|com|net|uk|gov|nhs|police|sch|ac|co|info|biz|edu|io|me|eu|online|email|mail)\\b",
        options: [.caseInsensitive])

    static func emails(in text: String) -> [Finding] {
        let whole = NSRange(text.startIndex..., in: text)
        return [written, spelledOut].flatMap { pattern in
            pattern.matches(in: text, range: whole).compactMap { match in
                Range(match.range, in: text).map { Finding(range: $0, kind: .email) }
            }
        }
    }

    // MARK: phone numbers

    /// Characters written between a number's digits: spaces (non-breaking and thin ones too), dots, dashes, brackets.
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", ".", "-", "(", ")", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2010}", "\u{2011}", "\u{2012}",
            "\u{2013}":
            true
        default: false
        }
    }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        guard s.properties.numericType == .decimal, let v = s.properties.numericValue else { return nil }
        return Int(v)
    }

    /// UK numbers as a letterhead or a resident writes them: national (`01632 960000`, `(01632) 960 000`,
    /// `07700-900-123`, `0300 300 8000`), international (`+44 (0)1632 960000`, `+441632960000`, `0044 1632 960000`),
    /// with an extension (`ext. 123`, `x123`); and other countries' numbers written with `+` or `00`.
    /// Left alone: dates, times, years, money, counts, case numbers: none starts with 0 or + and has 10 or 11 digits
    /// in groups a phone number has.
    static func phones(in text: String) -> [Finding] {
        let scalars = Array(text.unicodeScalars)
        let indices = Array(text.unicodeScalars.indices) + [text.endIndex]
        var out: [Finding] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let starts = s == "+" || s == "(" || digit(s) == 0
            let before = i > 0 ? scalars[i - 1] : " "
            let joined =
                before.properties.isAlphabetic || digit(before) != nil
                || ((before == "-" || before == ".") && i > 1 && digit(scalars[i - 2]) != nil)
            if starts && !joined, let end = phoneEnd(scalars, from: i) {
                let last = extensionEnd(scalars, after: end)
                // "(01632 960000)": a bracket that opens no area code stays with the text around it.
                let first = s == "(" && !scalars[i..<end].contains(")") ? i + 1 : i
                out.append(Finding(range: indices[first]..<indices[last], kind: .phone))
                i = last
            } else {
                i += 1
            }
        }
        return out
    }

    /// Where a phone number that starts at `start` ends (exclusive), or nil.
    static func phoneEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        // The run of digits and separators, with a "+" only first; a line break or a letter ends it.
        var positions: [Int] = [], groups: [Int] = [], inGroup = false, separators = 0
        var j = start
        if s[j] == "+" { j += 1; while j < s.count && s[j] == " " { j += 1 } }
        let plus = j > start
        while j < s.count && j - start < 32 {
            if digit(s[j]) != nil {
                if !inGroup { groups.append(0) }
                groups[groups.count - 1] += 1
                positions.append(j)
                inGroup = true
                separators = 0
            } else if isSeparator(s[j]) {
                separators += 1
                if separators > 3 { break }
                inGroup = false
            } else {
                break
            }
            j += 1
        }
        let ds = positions.map { digit(s[$0])! }
        guard ds.count >= 9 else { return nil }
        // An end is a digit not followed by another digit of the same run.
        func endsCleanly(_ k: Int) -> Bool { positions[k] + 1 >= s.count || digit(s[positions[k] + 1]) == nil }
        let international: Int?  // digits before the national number: 44 or 0044, and a (0) after it
        if plus {
            international = ds.starts(with: [4, 4]) ? 2 : nil
            if international == nil {
                // Another country: 8 to 15 digits (E.164).
                for k in stride(from: min(ds.count, 15) - 1, through: 7, by: -1) where endsCleanly(k) {
                    return positions[k] + 1
                }
                return nil
            }
        } else if ds.starts(with: [0, 0]) {
            international = ds.starts(with: [0, 0, 4, 4]) ? 4 : nil
            if international == nil {
                guard ds.count > 2, ds[2] != 0 else { return nil }
                for k in stride(from: min(ds.count, 15) - 1, through: 10, by: -1) where endsCleanly(k) {
                    return positions[k] + 1
                }
                return nil
            }
        } else if ds[0] == 0 {
            international = nil
            // "01 02 2026 19 00" is a date: a national number's first group has 3 digits or more.
            guard groups[0] >= 3 else { return nil }
        } else {
            return nil
        }
        var skip = international ?? 0
        if international != nil && ds.count > skip && ds[skip] == 0 { skip += 1 }  // +44 (0)1632 …
        // The national number: 0 and 9 or 10 digits, its first after the 0 one UK numbers start with.
        let first = international == nil ? 1 : skip
        guard ds.count > first, [1, 2, 3, 5, 7, 8, 9].contains(ds[first]) else { return nil }
        let nationalStart = international == nil ? 1 : skip  // index in ds of the digit after the national 0
        for length in [10, 9] {  // digits after the national 0
            let k = nationalStart + length - 1
            if k < ds.count && endsCleanly(k) { return positions[k] + 1 }
        }
        return nil
    }

    /// The end of an extension written after a number (`ext. 123`, `extn 45`, `extension 6`, `x123`), else `end`.
    static func extensionEnd(_ s: [Unicode.Scalar], after end: Int) -> Int {
        var j = end
        while j < s.count && (s[j] == " " || s[j] == ",") { j += 1 }
        var word = ""
        while j < s.count && s[j].properties.isAlphabetic && word.count < 9 { word.unicodeScalars.append(s[j]); j += 1 }
        guard ["ext", "extn", "extension", "x"].contains(word.lowercased()) else { return end }
        while j < s.count && (s[j] == "." || s[j] == ":" || s[j] == " ") { j += 1 }
        var n = 0
        while j < s.count && digit(s[j]) != nil && n < 6 { j += 1; n += 1 }
        return n > 0 ? j : end
    }

    // MARK: postal addresses

    /// A UK postcode (Royal Mail's letters: the inward code never uses C, I, K, M, O or V), in capitals or in
    /// small letters, the space optional.
    static let postcode = try! NSRegularExpression(
        pattern:
            "\\b(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-HJKPSTUW0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}|[a-pr-uwyz][a-hk-y]?[0-9][a-hjkpstuw0-9]? ?[0-9][abd-hjlnp-uw-z]{2})\\b"
    )
    /// A house number (`12`, `12a`, `Flat 3,`) followed by a word in capitals: where the address before a postcode starts.
    static let houseNumber = try! NSRegularExpression(
        pattern:
            "\\b(?:(?:Flat|FLAT|flat|Apartment|APARTMENT|Unit|UNIT)\\s+\\d{1,4}[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+\\p{Lu}"
    )

    /// A postcode and the address written before it in the same sentence: from its house number, or else the
    /// comma-separated names in capitals just before it ("Rose Cottage, Mill Lane, Sandy, SG19 1AB").
    static func postalAddresses(in text: String) -> [Finding] {
        let ns = text as NSString
        var out: [Finding] = []
        for match in postcode.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var start = match.range.location
            // The sentence the postcode is in, at most 120 characters back.
            var from = max(0, start - 120)
            let back = ns.substring(with: NSRange(location: from, length: start - from))
            if let stop = back.range(of: "(\\. |[;:\\n!?]|\\.$)", options: [.regularExpression, .backwards]) {
                from += (back[..<stop.upperBound] as Substring).utf16.count
            }
            let window = NSRange(location: from, length: start - from)
            if let house = houseNumber.firstMatch(in: text, range: window) {
                start = house.range.location
            } else {
                // Names in capitals separated by commas, right before the postcode.
                let parts = ns.substring(with: window).components(separatedBy: ",")
                var taken = 0
                for part in parts.dropLast().reversed() {
                    let words = part.split(separator: " ")
                    guard !words.isEmpty, words.count <= 4, words.allSatisfy({ $0.first?.isUppercase == true }) else {
                        // "from Rose Cottage": the house's name ends the sentence's words before it.
                        let name = words.reversed().prefix { $0.first?.isUppercase == true }.prefix(4)
                        if taken > 0, let first = name.last { taken += part[first.startIndex...].utf16.count + 1 }
                        break
                    }
                    taken += part.utf16.count + 1
                }
                if taken > 0 {
                    start -= taken + (parts.last ?? "").utf16.count
                    while start < match.range.location && ns.character(at: start) == 0x20 { start += 1 }
                }
            }
            let range = NSRange(location: start, length: match.range.location + match.range.length - start)
            if let r = Range(range, in: text) { out.append(Finding(range: r, kind: .address)) }
        }
        return out
    }
}
