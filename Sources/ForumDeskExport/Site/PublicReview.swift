import Foundation
import ForumDeskCore

/// The review of free text before it goes public (issue 36): every passage the site would publish in which
/// `PrivateMentions` finds a person without public office, a title with a name or an address. An officer edits
/// the wording or marks it checked (its fingerprint recorded on the meeting); until then `publish` holds it back.
public enum PublicReview {
    /// What a held-back passage reads as on the site.
    public static let heldBack = "(This passage is being checked before it is published.)"

    public struct Passage: Sendable, Equatable {
        public var meeting: String
        /// "item 5 discussion", "action A-2026-041 description", "issue R-2026-084 text".
        public var field: String
        public var text: String
        public var reasons: [String]
        public var fingerprint: String
        public var checked: Bool
        /// What `publish --mark-checked` takes: `<meeting-id>:<fingerprint>`.
        public var key: String { "\(meeting):\(fingerprint)" }
    }

    /// A fingerprint of a passage's text, the same on every machine (64-bit FNV-1a, hex).
    public static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16, uppercase: false).leftPadded(to: 16)
    }

    /// Every text of `m` the site publishes, by field, passed through `change` (which returns it or a replacement).
    static func mapTexts(_ m: Meeting, _ change: (String, String) -> String) -> Meeting {
        var m = m
        m.title = change("title", m.title)
        if let notes = m.publicNotes { m.publicNotes = change("public notes", notes) }
        if let access = m.venue.accessibility { m.venue.accessibility = change("access", access) }
        let held = m.status == .held
        m.agenda = m.agenda.map { item in
            var item = item
            item.title = change("item \(item.number) title", item.title)
            if let notes = item.notes { item.notes = change("item \(item.number) notes", notes) }
            if held, let text = item.discussion { item.discussion = change("item \(item.number) discussion", text) }
            if held, let text = item.outcome { item.outcome = change("item \(item.number) outcome", text) }
            return item
        }
        // Actions show on their meeting's page once held, and as matters arising at later meetings.
        m.actions = m.actions.map { a in
            var a = a
            a.description = change("action \(a.id) description", a.description)
            if let text = a.feedback { a.feedback = change("action \(a.id) feedback", text) }
            a.updates = a.updates.enumerated().map { i, u in
                var u = u
                u.text = change("action \(a.id) update \(i + 1)", u.text)
                return u
            }
            return a
        }
        if held {
            m.issues = m.issues.map { issue in
                var issue = issue
                issue.text = change("issue \(issue.id) text", issue.text)
                if let answer = issue.answer { issue.answer = change("issue \(issue.id) answer", answer) }
                return issue
            }
        }
        return m
    }

    /// The finder for a data set: councillors and every meeting's chair hold public office.
    public static func finder(_ meetings: [Meeting], _ directory: Directory) -> PrivateMentions.Finder {
        PrivateMentions.Finder(
            directory: directory,
            publicOffice: PrivateMentions.publicOffice(directory, chairs: Set(meetings.compactMap(\.chair))))
    }

    /// The passages to review, meeting by meeting, checked ones included (marked).
    public static func passages(_ meetings: [Meeting], _ directory: Directory) -> [Passage] {
        let finder = finder(meetings, directory)
        var out: [Passage] = []
        for m in meetings {
            let checked = Set(m.checkedForPublication)
            _ = mapTexts(m) { field, text in
                let found = finder.find(in: text)
                if !found.isEmpty {
                    let print = fingerprint(text)
                    out.append(
                        Passage(
                            meeting: m.id, field: field, text: text, reasons: found.map(\.reason), fingerprint: print,
                            checked: checked.contains(print)))
                }
                return text
            }
        }
        return out
    }

    /// The meetings as they may be published: each passage to review and not checked replaced by `heldBack`.
    public static func publishable(
        _ meetings: [Meeting], _ directory: Directory
    ) -> (meetings: [Meeting], heldBack: [Passage]) {
        let finder = finder(meetings, directory)
        var held: [Passage] = []
        let out = meetings.map { m -> Meeting in
            let checked = Set(m.checkedForPublication)
            return mapTexts(m) { field, text in
                let found = finder.find(in: text)
                guard !found.isEmpty else { return text }
                let print = fingerprint(text)
                if checked.contains(print) { return text }
                held.append(
                    Passage(
                        meeting: m.id, field: field, text: text, reasons: found.map(\.reason), fingerprint: print,
                        checked: false))
                return heldBack
            }
        }
        return (out, held)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
