import Foundation

/// The answers an action owner writes in a reply, one line per action, as the reminder and the "action raised"
/// e-mails ask for them:
///
///     A-2026-041 done: drain cleared on 3 Dec
///     A-2026-041 update: contractor booked for 15 Dec
///     A-2026-041 due 2027-01-31
///
/// Read from the sender's own text only (`ReplyText.own`). The id may be in any case and followed by `:` or `-`;
/// `done` also reads `completed`, `complete` or `closed`; `update` also `progress` or `in progress`; a due date is
/// a day as ForumDesk takes one (`2027-01-31`, `31 Jan 2027`, `31/01/2027`), with an optional note after `:`.
/// A line that names an action but says none of these is kept, with its text, for the officer.
public enum ActionReplyText {
    public enum Instruction: Sendable, Equatable {
        /// Done, with what was done when they said.
        case done(String?)
        case update(String)
        /// A new due date, with a note when they gave one.
        case due(CalendarDate, String?)
    }

    public struct Answer: Sendable, Equatable {
        public var action: String
        public var instruction: Instruction
        /// The line as written.
        public var line: String
    }

    public struct Reading: Sendable, Equatable {
        public var answers: [Answer] = []
        /// Lines that name an action but could not be read, as written, with why.
        public var unread: [(line: String, reason: String)] = []
        public static func == (a: Reading, b: Reading) -> Bool {
            a.answers == b.answers && a.unread.map(\.line) == b.unread.map(\.line)
                && a.unread.map(\.reason) == b.unread.map(\.reason)
        }
        /// Whether the text named any action at all.
        public var namesActions: Bool { !answers.isEmpty || !unread.isEmpty }
    }

    /// `A-2026-041` and the like: letters, a year, a number (the shape of the ids ForumDesk gives actions).
    static let idPattern = #"\b[A-Za-z]{1,4}-[0-9]{4}-[0-9]{1,6}\b"#

    /// Reads the sender's own text (already without quoted matter). `today` anchors a due date without a year.
    public static func read(_ ownText: String, today: CalendarDate) -> Reading {
        var reading = Reading()
        for raw in ownText.split(separator: "\n", omittingEmptySubsequences: true) {
            let original = raw.trimmingCharacters(in: .whitespaces)
            guard !original.isEmpty, original.range(of: idPattern, options: .regularExpression) != nil else { continue }
            switch readLine(original, today: today) {
            case .success(let answer): reading.answers.append(answer)
            case .failure(let failure): reading.unread.append((original, failure.reason))
            }
        }
        return reading
    }

    public struct LineFailure: Error, Sendable, Equatable {
        public var reason: String
    }

    static func readLine(_ original: String, today: CalendarDate) -> Result<Answer, LineFailure> {
        // A list marker or emphasis the mail program added: "- ", "* ", "• ", "1. ", "*A-2026-041*".
        var line = Substring(original)
        if let marker = line.range(of: #"^([-*•·]|[0-9]{1,2}[.)])\s+"#, options: .regularExpression) {
            line = line[marker.upperBound...]
        }
        line = line.drop { $0 == "*" || $0 == "_" }
        guard let idRange = line.range(of: #"^[A-Za-z]{1,4}-[0-9]{4}-[0-9]{1,6}"#, options: .regularExpression) else {
            return .failure(LineFailure(reason: "it does not start with the action's id"))
        }
        let id = line[idRange].uppercased()
        guard ActionID(id) != nil else { return .failure(LineFailure(reason: "`\(id)` is not an action id")) }
        var rest = line[idRange.upperBound...].drop { $0 == "*" || $0 == "_" }
        rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "," }
        let lower = rest.lowercased()
        func note(after keyword: Int) -> String? {
            let text = rest.dropFirst(keyword).drop {
                $0 == " " || $0 == "\t" || $0 == ":" || $0 == "-" || $0 == "–" || $0 == ","
            }
            .trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        func starts(_ word: String) -> Bool {
            guard lower.hasPrefix(word) else { return false }
            let next = lower.dropFirst(word.count).first
            return next == nil || !(next!.isLetter || next!.isNumber)
        }
        for word in ["done", "completed", "complete", "closed"] where starts(word) {
            let text = note(after: word.count)
            if let text, isPlaceholder(text) {
                return .failure(LineFailure(reason: "the example's words were left in"))
            }
            return .success(Answer(action: id, instruction: .done(text), line: original))
        }
        for word in ["update", "in progress", "progress"] where starts(word) {
            guard let text = note(after: word.count) else {
                return .failure(LineFailure(reason: "an update without any text"))
            }
            if isPlaceholder(text) { return .failure(LineFailure(reason: "the example's words were left in")) }
            return .success(Answer(action: id, instruction: .update(text), line: original))
        }
        if starts("due") {
            guard let after = note(after: 3) else { return .failure(LineFailure(reason: "`due` without a date")) }
            // The date runs up to a colon (or the end); what follows is a note.
            let parts = after.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            // An ISO date has no colon in it; a date in words ends at the first comma too ("31 Jan 2027, parts on order").
            var dateText = parts[0]
            var noteText = parts.count > 1 ? parts[1] : nil
            if let comma = dateText.firstIndex(of: ","), (try? DateInput.parseDay(dateText, today: today)) == nil {
                noteText = [
                    String(dateText[dateText.index(after: comma)...]).trimmingCharacters(in: .whitespaces), noteText,
                ]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                dateText = String(dateText[..<comma])
            }
            do throws(DateInput.Failure) {
                let day = try DateInput.parseDay(dateText, today: today)
                return .success(
                    Answer(
                        action: id, instruction: .due(day, noteText.flatMap { $0.isEmpty ? nil : $0 }), line: original))
            } catch {
                return .failure(LineFailure(reason: "`\(dateText)` is not a date (write it as 2027-01-31)"))
            }
        }
        return .failure(LineFailure(reason: "say `done`, `update` or `due` after the id"))
    }

    /// The words of the instructions' examples, left in by an owner who copied them.
    static func isPlaceholder(_ text: String) -> Bool {
        text.hasPrefix("<") && text.hasSuffix(">") || text == "what was done" || text == "what has happened so far"
    }

    /// The lines an e-mail to an owner gives them to copy, for the ids of its actions, and how to answer.
    public static func instructions(for ids: [String], today: CalendarDate) -> [String] {
        guard let first = ids.first else { return [] }
        return [
            "To update an action, reply to this e-mail with one line per action, above the quoted text:",
            "",
            "  \(first) done: <what was done, and when>",
            "  \(first) update: <what has happened so far>",
            "  \(first) due \(today.adding(days: 28)): <why it needs longer>",
            "",
            "Use the action's id (\(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? ", …" : "")). Only replies from the owner or a "
                + "colleague in the same organisation are recorded; anything else you write is read by the officer.",
        ]
    }
}
