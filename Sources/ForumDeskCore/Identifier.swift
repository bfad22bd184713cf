import Foundation

/// Ids made from names: lowercase ASCII letters and digits joined by hyphens, accents folded
/// ("Seán O'Brien" → "sean-o-brien"), unique among those taken ("-2", "-3"…). A name with no Latin
/// letters at all (রহিম আলী) gets `fallback`.
public enum Identifier {
    public static func slug(_ name: String, prefix: String = "", fallback: String = "record", taken: (String) -> Bool) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB")).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return unique(prefix + (words.isEmpty ? fallback : words.joined(separator: "-")), taken: taken)
    }

    /// `base`, or `base-2`, `base-3`… the first not taken.
    static func unique(_ base: String, taken: (String) -> Bool) -> String {
        var id = base
        var n = 2
        while taken(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }
}

extension MeetingKind {
    /// The last part of a meeting's id: `2026-11-24-sandy-biggleswade-ltt`.
    public var idSuffix: String {
        switch self {
        case .letsTalkTogether: "ltt"
        case .wardForum: "ward-forum"
        case .areaCommittee: "area-committee"
        case .other: "meeting"
        }
    }
}

extension Identifier {
    /// A new meeting's id, `<day>-<area>-<kind>`, unique among those taken.
    public static func meetingID(day: CalendarDate, area: String, kind: MeetingKind, taken: (String) -> Bool) -> String {
        // An area id is a slug already: then the parts need no folding (a large import makes a million of these).
        let base = "\(day)-\(area)-\(kind.idSuffix)"
        guard base.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }), !base.contains("--"), !area.hasSuffix("-")
        else { return slug("\(day) \(area) \(kind.idSuffix)", taken: taken) }
        return unique(base, taken: taken)
    }
}
