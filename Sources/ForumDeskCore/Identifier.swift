import Foundation

/// Ids made from names: lowercase ASCII letters and digits joined by hyphens, accents folded
/// ("Seán O'Brien" → "sean-o-brien"), unique among those taken ("-2", "-3"…). A name with no Latin
/// letters at all (রহিম আলী) gets `fallback`.
public enum Identifier {
    static let maxSlugLength = 90

    public static func slug(
        _ name: String, prefix: String = "", fallback: String = "record", taken: (String) -> Bool
    ) -> String {
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB")
        ).lowercased()
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
        var base = prefix + (words.isEmpty ? fallback : words.joined(separator: "-"))
        // Room for "-2"… within the shortest id rule (100): a long name must still make a valid id.
        if base.utf8.count > maxSlugLength {
            base = String(base.prefix(maxSlugLength))
            while base.hasSuffix("-") { base.removeLast() }
        }
        return unique(base, taken: taken)
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
    public static func meetingID(day: CalendarDate, area: String, kind: MeetingKind, taken: (String) -> Bool) -> String
    {
        // An area id is a slug already: then the parts need no folding (a large import makes a million of these).
        let base = "\(day)-\(area)-\(kind.idSuffix)"
        guard base.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }),
            !base.contains("--"), !area.hasSuffix("-"),
            base.utf8.count <= maxSlugLength
        else { return slug("\(day) \(area) \(kind.idSuffix)", taken: taken) }
        return unique(base, taken: taken)
    }
}

// MARK: validated ids

/// Why a text is not an id of a kind of record.
public struct IdentifierError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: String
    public var reason: String
    public var description: String { "not a valid \(kind) id: \(reason)" }
}

/// The rule an id of one kind of record follows. Ids name files and folders (`meetings/2026/<id>.json`,
/// `topics/<id>.json`, `outbox/<meeting>/…-<person>-…`) and go into calendar UIDs and e-mail paths, so
/// they use only what ForumDesk itself generates: nothing that could climb out of a folder, hide a file,
/// end a line or look like another id.
public struct IdentifierRule: Sendable, Equatable {
    /// The kind's name in messages: "meeting", "person"…
    public var kind: String
    /// Capital letters are allowed (actions `A-2026-001`, issues `R-2026-004`); slugs are lower case.
    public var upperCase: Bool
    public var maxLength: Int

    /// Nil when `text` is a valid id, else what is wrong, in words for the person who typed it.
    public func problem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return "it is empty" }
        if bytes.count > maxLength { return "it is \(bytes.count) bytes long; at most \(maxLength) are allowed" }
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: ".") { return "it must not start with `-` or `.`" }
        for b in bytes {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where upperCase: continue
            default:
                let allowed =
                    upperCase ? "letters a-z and A-Z, digits 0-9 and `-`" : "lower-case letters a-z, digits 0-9 and `-`"
                return "only \(allowed) are allowed"
            }
        }
        return nil
    }
}

/// A kind of record with an id: the type parameter of `RecordID`.
public protocol RecordKind: Sendable {
    static var rule: IdentifierRule { get }
}

public enum MeetingRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "meeting", upperCase: false, maxLength: 100)
}
public enum PersonRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "person", upperCase: false, maxLength: 100)
}
public enum OrganisationRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "organisation", upperCase: false, maxLength: 100)
}
public enum TopicRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "topic", upperCase: false, maxLength: 100)
}
public enum ActionRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "action", upperCase: true, maxLength: 40)
}
public enum IssueRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "issue", upperCase: true, maxLength: 40)
}

/// The id of one record of one kind, made only by the one validating constructor: every way in (files,
/// CSV import, forms, calendar replies) goes through it, so a `MeetingID` is always safe as a file name.
public struct RecordID<Kind: RecordKind>: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(validating text: String) throws(IdentifierError) {
        if let reason = Kind.rule.problem(text) { throw IdentifierError(kind: Kind.rule.kind, reason: reason) }
        rawValue = text
    }

    public init?(_ text: String) {
        guard Kind.rule.problem(text) == nil else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public typealias MeetingID = RecordID<MeetingRecord>
public typealias PersonID = RecordID<PersonRecord>
public typealias OrganisationID = RecordID<OrganisationRecord>
public typealias TopicID = RecordID<TopicRecord>
public typealias ActionID = RecordID<ActionRecord>
public typealias IssueID = RecordID<IssueRecord>

extension IdentifierRule {
    /// A bad id as it may be shown in a message: controls, bidi overrides and anything beyond ASCII as `\u{…}`,
    /// cut at 60 characters, in backquotes.
    public static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(60) {
            if scalar.isASCII, scalar.value >= 0x20, scalar.value != 0x7F, scalar != "`" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return "`\(out)`" + (text.unicodeScalars.count > 60 ? "…" : "")
    }
}

/// The bounds of every whole number ForumDesk reads from a file, a CSV, a form or a calendar reply: wide enough
/// for any real meeting, narrow enough that no sum or `+ 1` made from them can overflow.
public enum Limits {
    /// Agenda item numbers, and the items that declarations, actions and issues refer to.
    public static let itemNumber = 1...999
    /// Minutes for an agenda item (0: no time set aside) or asked for a topic: a day at most.
    public static let itemMinutes = 0...1440
    public static let topicMinutes = 1...1440
    /// Residents present and equality-monitoring counts.
    public static let headCount = 0...100_000
    /// iCalendar SEQUENCE (RFC 5545 §3.8.7.4 is an INTEGER, at most 2147483647); one per change is plenty.
    public static let sequence = 0...1_000_000
    /// The file format version.
    public static let schema = 1...1_000
    /// The number in an action or issue id (`A-2026-042`).
    public static let idNumber = 1...999_999
}
