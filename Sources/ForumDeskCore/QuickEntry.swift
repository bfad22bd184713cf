import Foundation

/// One line typed by a note-taker becomes an action:
/// `Clear fly-tipping at Mill Lane #environment @Sandy Town Council due:2026-12-15`.
/// `@` names a person or an organisation from the directory (the longest name that matches, so names may
/// hold spaces and apostrophes); `#` adds a topic tag; `due:` takes any date `DateInput` understands
/// without spaces (`due:+14d`, `due:15/12`, `due:tomorrow`); `item:5` files it under another agenda item than the
/// one in progress.
public enum QuickEntry {
    public struct Draft: Sendable, Equatable {
        public var description: String
        public var owner: String?
        public var organisation: String?
        public var tags: [String]
        public var due: CalendarDate?
        /// `item:5`: the agenda item to file it under, when not the one in progress.
        public var item: Int? = nil

        /// The owner `@` named: a person (and their organisation) or an organisation.
        mutating func take(_ match: (name: String, person: String?, organisation: String?)) {
            if let person = match.person {
                owner = person
                organisation = match.organisation ?? organisation
            } else {
                organisation = match.organisation
            }
        }
    }

    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// Names `@` can refer to, longest first so "Sandy Town Council" wins over "Sandy".
    static func names(in directory: Directory) -> [(name: String, person: String?, organisation: String?)] {
        var names: [(String, String?, String?)] = []
        for p in directory.people {
            names.append((p.name, p.id, p.organisation))
            if p.name.hasPrefix("Cllr ") { names.append((String(p.name.dropFirst(5)), p.id, p.organisation)) }
        }
        for o in directory.organisations { names.append((o.name, nil, o.id)) }
        return names.sorted { $0.0.count > $1.0.count }
    }

    public static func parse(_ line: String, directory: Directory, today: CalendarDate) throws(Failure) -> Draft {
        var draft = Draft(description: "", owner: nil, organisation: nil, tags: [], due: nil)
        var words: [String] = []
        let candidates = names(in: directory)
        var rest = Substring(line)
        while let first = rest.first {
            if first == " " { rest = rest.dropFirst(); continue }
            if first == "@" {
                let after = rest.dropFirst()
                if let match = candidates.first(where: { candidate in
                    after.lowercased().hasPrefix(candidate.name.lowercased())
                        && (after.count == candidate.name.count || after.dropFirst(candidate.name.count).first == " ")
                }) {
                    draft.take(match)
                    rest = after.dropFirst(match.name.count)
                    continue
                }
                // Not a whole name: a word of one, an id or initials (`@Sustainable`, `@cbc-community-safety`, `@YAC`).
                let typed = String(after.prefix { $0 != " " })
                let found = matching(typed, in: directory)
                guard let only = found.first, found.count == 1 else {
                    if found.isEmpty {
                        throw Failure(
                            message:
                                "no person or organisation called “\(typed)…”: type @ and a name, a word of it, an id or initials"
                        )
                    }
                    throw Failure(
                        message:
                            "@\(typed) could be \(found.count): \(found.prefix(3).map(\.name).joined(separator: "; "))\(found.count > 3 ? "…" : ""): Tab picks one"
                    )
                }
                draft.take(only)
                rest = after.dropFirst(typed.count)
                // "@Sustainable Communities": the words that follow and belong to the name are part of it.
                let nameWords = Set(Self.nameWords(of: only.name))
                while true {
                    let next = rest.drop { $0 == " " }
                    let word = next.prefix { $0 != " " }
                    guard !word.isEmpty, !word.hasPrefix("#"), !word.hasPrefix("@"), !word.contains(":"),
                        let normal = Self.nameWords(of: String(word)).first, nameWords.contains(normal)
                    else { break }
                    rest = next.dropFirst(word.count)
                }
                continue
            }
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            if word.hasPrefix("#"), word.count > 1 {
                draft.tags.append(String(word.dropFirst()).lowercased())
            } else if word.lowercased().hasPrefix("item:"), let n = Int(word.dropFirst(5)) {
                draft.item = n
            } else if word.lowercased().hasPrefix("due:") {
                let value = String(word.dropFirst(4))
                do {
                    draft.due = try DateInput.parseDay(value, today: today)
                } catch {
                    throw Failure(message: "due date: \(error.message)")
                }
            } else {
                words.append(String(word))
            }
        }
        draft.description = words.joined(separator: " ")
        guard !draft.description.isEmpty else {
            throw Failure(message: "describe the action before the @owner, #tags and due:")
        }
        return draft
    }

    /// What `@` + typed text could complete to, for Tab completion: names that start with it, then people and
    /// organisations with a word of their name starting with it, or that id, or those initials.
    public static func completions(of typed: String, directory: Directory) -> [String] {
        let lower = typed.lowercased()
        var seen: Set<String> = []
        let starting = names(in: directory).map(\.name).filter {
            $0.lowercased().hasPrefix(lower) && seen.insert($0).inserted
        }.sorted()
        return starting + matching(typed, in: directory).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The lower-case words of a name, split at spaces, hyphens and punctuation: "Ambridge-Cole" is "ambridge", "cole".
    static func nameWords(of name: String) -> [String] {
        name.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }.map(String.init).filter {
            !$0.isEmpty
        }
    }

    /// People and organisations one typed word stands for, each once (a councillor by their full name): its id,
    /// a word of the name it starts, or the name's initials ("YAC" for Yusuf Ambridge-Cole). Exact ids first.
    static func matching(
        _ typed: String, in directory: Directory
    ) -> [(name: String, person: String?, organisation: String?)] {
        let lower = typed.lowercased()
        guard !lower.isEmpty else { return [] }
        var byID: [(String, String?, String?)] = [], byWord: [(String, String?, String?)] = []
        func consider(_ name: String, _ id: String, person: String?, organisation: String?) {
            let entry = (name, person, organisation)
            if id.lowercased() == lower { return byID.append(entry) }
            let words = nameWords(of: name.hasPrefix("Cllr ") ? String(name.dropFirst(5)) : name)
            let initials = String(words.compactMap(\.first))
            if words.contains(where: { $0.hasPrefix(lower) }) || (lower.count >= 2 && initials == lower) {
                byWord.append(entry)
            }
        }
        for p in directory.people { consider(p.name, p.id, person: p.id, organisation: p.organisation) }
        for o in directory.organisations { consider(o.name, o.id, person: nil, organisation: o.id) }
        return byID.isEmpty ? byWord : byID
    }

    /// The next action id for a year: `A-2026-042` after the highest `A-2026-…` in use.
    public static func nextActionID(year: Int, existing: [Meeting]) -> String {
        let prefix = "A-\(year)-"
        return prefix + Digits.pad(highest(after: prefix, in: existing) + 1, 3)
    }

    /// `R-2026-015`: the next id for an issue raised by a resident.
    public static func nextIssueID(year: Int, existing: [Meeting]) -> String {
        let prefix = "R-\(year)-"
        return prefix + Digits.pad(highest(after: prefix, in: existing) + 1, 3)
    }

    /// The highest number after `prefix` among the ids of every action and issue: every meeting is asked, as an
    /// action may be minuted at any meeting. Ids are read in place; copying each action cost more.
    static func highest(after prefix: String, in meetings: [Meeting]) -> Int {
        var highest = 0
        for meeting in meetings { highest = max(highest, self.highest(after: prefix, in: meeting)) }
        return highest
    }

    static func highest(after prefix: String, in meeting: Meeting) -> Int {
        // A summary's facts hold it for every prefix ending in `-` (the only kind `IDNumbers` asks): its lists stay unread.
        if let facts = meeting.knownFacts, prefix.utf8.last == UInt8(ascii: "-") {
            return facts.highestNumbers[prefix] ?? 0
        }
        var highest = 0
        let actions = meeting.actions, issues = meeting.issues
        for k in actions.indices { highest = max(highest, number(actions[k].id, after: prefix)) }
        for k in issues.indices { highest = max(highest, number(issues[k].id, after: prefix)) }
        return highest
    }

    /// 42 for `A-2026-042` after `A-2026-`; 0 for an id of another year or form, or a number out of range (so
    /// `+ 1` on the highest cannot overflow).
    static func number(_ id: String, after prefix: String) -> Int {
        guard id.utf8.starts(with: prefix.utf8), let n = Int(id.dropFirst(prefix.count)), Limits.idNumber.contains(n)
        else { return 0 }
        return n
    }

    /// A resident's issue typed in one line: `Street lights out on Mill Lane #highways`. Tags are taken out of the
    /// text; nothing else is special, so an issue may mention anyone.
    public static func parseIssue(_ line: String) throws(Failure) -> (text: String, tags: [String]) {
        var words: [String] = []
        var tags: [String] = []
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            if word.hasPrefix("#"), word.count > 1 {
                let tag = word.dropFirst().lowercased()
                if !tags.contains(tag) { tags.append(tag) }
            } else {
                words.append(String(word))
            }
        }
        guard !words.isEmpty else {
            throw Failure(message: "say what the resident raised, e.g. Potholes on Mill Lane #highways")
        }
        return (words.joined(separator: " "), tags)
    }
}

/// The next action and issue ids, without a scan of the whole history per entry: the highest number after a
/// prefix (`A-2026-`) is found once, then raised as meetings are saved (`noteSaved`). A number seen once is not
/// given again in the session, even if its action is undone.
public final class IDNumbers: @unchecked Sendable {
    private var highest: [String: Int] = [:]
    private let lock = NSLock()

    public init() {}

    public func nextActionID(year: Int, in meetings: [Meeting]) -> String { next(after: "A-\(year)-", in: meetings) }

    public func nextIssueID(year: Int, in meetings: [Meeting]) -> String { next(after: "R-\(year)-", in: meetings) }

    private func next(after prefix: String, in meetings: [Meeting]) -> String {
        lock.withLock {
            let n = highest[prefix] ?? QuickEntry.highest(after: prefix, in: meetings)
            highest[prefix] = n
            return prefix + Digits.pad(n + 1, 3)
        }
    }

    /// A meeting was saved or read again: its ids count from now on.
    public func noteSaved(_ meeting: Meeting) {
        lock.withLock {
            for (prefix, n) in highest { highest[prefix] = max(n, QuickEntry.highest(after: prefix, in: meeting)) }
        }
    }
}
