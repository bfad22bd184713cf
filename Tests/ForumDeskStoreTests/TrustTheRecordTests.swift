import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Ids no way in may take: each would climb out of a folder, hide a file, end a line or pass for another id.
let hostileIdentifiers: [(String, String)] = [
    ("traversal", "../meetings/2026"), ("deep traversal", "../../../elsewhere/x"), ("absolute", "/etc/passwd"),
    ("slash", "a/b"), ("backslash", "a\\b"), ("NUL", "2026-10-15-x\u{0}y"), ("dot", "."), ("dot dot", ".."),
    ("leading dot", ".hidden"), ("leading hyphen", "-rf"), ("line break", "x\nATTENDEE:mailto:evil@example.org"),
    ("carriage return", "x\r"), ("escape", "x\u{1B}[2J"), ("tab", "a\tb"), ("space", "a b"), ("empty", ""),
    ("300 characters", String(repeating: "a", count: 300)), ("Cyrillic look-alike", "2026-10-15-sаndy"),
    ("full-width look-alike", "ｓａｎｄｙ"), ("bidi override", "a\u{202E}b"), ("zero-width space", "a\u{200B}b"),
    ("accented", "sean-o-brién"), ("underscore", "a_b"), ("percent", "a%2e%2e"),
]

/// The text as a JSON string literal (what a hand edit could put in a file).
func jsonLiteral(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// What a calendar reply's UID names, through the same constructor (the export module is not a dependency here).
enum ICalendarUID {
    static func meetingID(_ uid: String) -> String? {
        uid.hasSuffix("@forumdesk") ? MeetingID(String(uid.dropLast(10)))?.rawValue : nil
    }
}
