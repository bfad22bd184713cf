import Foundation

/// What an earlier action was when a meeting took it as a matter arising, read from its updates: minutes say
/// what happened up to and at their meeting, and a later change of status must not rewrite them.
public enum ActionHistory {
    /// The action's status as the meeting found it: its last change of status before the meeting started.
    public static func status(of a: Action, before m: Meeting) -> ActionStatus {
        state(of: a) { $0.meeting != m.id && $0.at < m.start }
    }

    /// The action's status as the meeting left it: its changes before and at the meeting, none made later.
    public static func status(of a: Action, after m: Meeting) -> ActionStatus {
        let close = m.ended ?? m.end
        return state(of: a) { $0.meeting == m.id || ($0.meeting == nil && $0.at <= close) || ($0.at < m.start) }
    }

    /// The status after the updates that `counts`, when the others changed none (then its status now stands).
    static func state(of a: Action, _ counts: (ActionUpdate) -> Bool) -> ActionStatus {
        guard a.updates.contains(where: { !counts($0) && $0.status != nil }) else { return a.status }
        return a.updates.last { counts($0) && $0.status != nil }?.status ?? .open
    }

    /// An update ForumDesk wrote itself on closing or carrying forward an action ("Done (reported at …).",
    /// "Carried forward at … to …."): the minutes say what became of the action in their own words instead.
    public static func isGenerated(_ text: String) -> Bool {
        text.hasPrefix("Done (reported at ") || text.hasPrefix("Carried forward at ")
    }
}

/// An item's outcome as minuted: "Resolved: That …", or the Luton style "Resolved: (i) That … (ii) That …".
public enum Outcome {
    /// The pre-fill ("Resolved: That ") joined with what was typed after it: "Resolved: That (i) That …" reads
    /// "Resolved: (i) That …", and "Resolved: That that …" reads "Resolved: That …".
    public static func joined(_ text: String) -> String {
        let prefix = "Resolved: That "
        guard text.hasPrefix(prefix) else { return text }
        let rest = text.dropFirst(prefix.count).drop { $0 == " " }
        if rest.hasPrefix("("), let label = label(at: rest), first(label) { return "Resolved: " + rest }
        if rest.lowercased().hasPrefix("that ") { return prefix + rest.dropFirst(5).drop { $0 == " " } }
        if rest.hasPrefix("Resolved:") { return joined(String(rest)) }
        return text
    }

    /// A numbered resolution split into its parts, each a paragraph: "Resolved: (i) That …", "(ii) That …".
    public static func resolutions(_ text: String) -> [String] {
        let lead = "Resolved: "
        guard text.hasPrefix(lead), let firstLabel = label(at: text.dropFirst(lead.count)), first(firstLabel) else {
            return [text]
        }
        var parts: [String] = []
        var current = ""
        var expected = next(firstLabel)
        var index = text.startIndex
        while index < text.endIndex {
            if let expectedLabel = expected, text[index] == "(", index > text.startIndex,
                text[text.index(before: index)] == " ", label(at: text[index...]) == expectedLabel
            {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                expected = next(expectedLabel)
            }
            current.append(text[index])
            index = text.index(after: index)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    static let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

    /// "(ii)" at the start of `text`, as "ii".
    static func label(at text: Substring) -> String? {
        guard text.first == "(", let close = text.firstIndex(of: ")") else { return nil }
        let inside = String(text[text.index(after: text.startIndex)..<close])
        guard !inside.isEmpty, inside.count <= 4 else { return nil }
        return romans.contains(inside) || Int(inside) != nil || (inside.count == 1 && inside.first!.isLetter)
            ? inside : nil
    }

    static func first(_ label: String) -> Bool { ["i", "1", "a"].contains(label) }

    static func next(_ label: String) -> String? {
        if let i = romans.firstIndex(of: label) { return i + 1 < romans.count ? romans[i + 1] : nil }
        if let n = Int(label) { return String(n + 1) }
        guard let scalar = label.unicodeScalars.first, let following = Unicode.Scalar(scalar.value + 1) else {
            return nil
        }
        return String(Character(following))
    }
}
