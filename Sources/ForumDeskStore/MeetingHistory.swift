import Foundation
import ForumDeskCore

/// A meeting's changes as git recorded them (`forumdesk history`, the meeting's History tab): who, when, and what
/// in the domain's words ("added action A-2026-083", "attendance: 3 present"), from successive versions of its file.
public struct MeetingHistory: Sendable {
    public struct Entry: Sendable, Equatable {
        public var commit: String
        public var author: String
        public var date: Date
        public var subject: String
        /// What changed, one phrase each; empty when the file is the same (e.g. a merge that kept ours).
        public var changes: [String]
    }

    let repository: GitRepository

    public init(folder: DataFolder) {
        repository = GitRepository(folder: folder)
    }

    /// Newest first. Nil with the reason when the folder is not a repository or git is missing.
    public func entries(meetingID: String, limit: Int = 200) -> Result<[Entry], HistoryError> {
        guard GitRepository.program != nil else { return .failure(HistoryError(message: "git is not installed")) }
        guard repository.isRepository else {
            return .failure(
                HistoryError(message: "\(repository.folder.root) has no history yet: `forumdesk sync` starts it"))
        }
        guard MeetingID(meetingID) != nil else {
            return .failure(HistoryError(message: "`\(meetingID)` is not a meeting id"))
        }
        // Every year folder: a meeting moved to another year keeps its history.
        let log = repository.git([
            "log", "-n", String(limit), "--format=%x1e%H%x1f%an%x1f%aI%x1f%s%x1f%P%x1f%b%x1d", "--name-status",
            "--no-renames",
            "--", ":(glob)meetings/*/\(meetingID).json",
        ])
        guard log.ok else { return .failure(HistoryError(message: "git log failed: \(log.errors)")) }
        var entries: [Entry] = []
        for record in log.output.split(separator: "\u{1e}") {
            let parts = record.split(separator: "\u{1d}", maxSplits: 1, omittingEmptySubsequences: false)
            guard let head = parts.first else { continue }
            let fields = head.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else { continue }
            let path =
                (parts.count > 1 ? parts[1] : "").split(separator: "\n").compactMap { line -> String? in
                    let parts = line.split(separator: "\t")
                    return parts.count == 2 ? String(parts[1]) : nil
                }.first ?? "meetings/\(meetingID.prefix(4))/\(meetingID).json"
            let parents = fields[4].split(separator: " ").map(String.init)
            let date = ISO8601DateFormatter().date(from: fields[2]) ?? Date(timeIntervalSince1970: 0)
            let after = decode(repository.show(fields[0], path))
            var author = fields[1], changes: [String]
            if parents.count > 1 {
                // A merge: the teammates' changes are listed under their own commits; this one says whose came in.
                let theirs = repository.git([
                    "log", "--no-merges", "--format=%an", "\(parents[0])..\(parents[1])", "--", path,
                ])
                var seen = Set<String>()
                let names = theirs.output.split(separator: "\n").map(String.init).filter { seen.insert($0).inserted }
                changes = [
                    "merged \(names.isEmpty ? "the team's" : names.joined(separator: ", ") + "'s") changes (listed under their own entries)"
                ]
                if let conflicts = after?.1, conflicts > (decode(repository.show(parents[0], path))?.1 ?? 0) {
                    changes.append("\(conflicts) merge conflict\(conflicts == 1 ? "" : "s") to resolve")
                }
                author = "sync by \(fields[1])"
            } else if fields[3].hasPrefix("Renumbered ids") {
                // Sync's renumbering, in its own words, not as an edit of the officer's.
                let said = fields[5].split(separator: "\n").map(String.init).filter {
                    $0.contains(meetingID) || !$0.contains(" in ")
                }
                changes =
                    said.isEmpty
                    ? ["ids renumbered by sync (also allocated on another laptop)"] : said.map { $0 + " (by sync)" }
                author = "sync by \(fields[1])"
            } else {
                changes = Self.changes(from: decode(repository.show(fields[0] + "^", path)), to: after)
            }
            entries.append(
                Entry(
                    commit: String(fields[0].prefix(10)), author: author, date: date, subject: fields[3],
                    changes: changes))
        }
        return .success(entries)
    }

    func decode(_ bytes: [UInt8]?) -> (Meeting, Int)? {
        guard let bytes, let node = try? JSONParser.parse(bytes), let meeting = try? Codec.meeting(node) else {
            return nil
        }
        return (meeting, MergeConflict.all(in: JSONMerge.ordered(node)).count)
    }

    /// What changed between two versions, in the domain's words.
    static func changes(from old: (Meeting, Int)?, to new: (Meeting, Int)?) -> [String] {
        guard let (b, newConflicts) = new else { return old == nil ? [] : ["deleted the meeting"] }
        guard let (a, oldConflicts) = old else {
            return ["created the meeting (\(b.title), \(LondonTime.display(b.start)))"]
        }
        var out: [String] = []
        if a.title != b.title { out.append("title: \(b.title)") }
        if a.start != b.start || a.end != b.end { out.append("moved to \(LondonTime.display(b.start))") }
        if a.venue != b.venue {
            out.append(a.venue.name != b.venue.name ? "venue: \(b.venue.name)" : "venue details changed")
        }
        if a.status != b.status { out.append("status: \(b.status.rawValue)") }
        if a.chair != b.chair { out.append("chair: \(b.chair ?? "none")") }
        if a.residentsPresent != b.residentsPresent {
            out.append("residents present: \(b.residentsPresent.map(String.init) ?? "not recorded")")
        }
        let oldItems = Dictionary(a.agenda.map { ($0.number, $0) }, uniquingKeysWith: { x, _ in x })
        let newItems = Dictionary(b.agenda.map { ($0.number, $0) }, uniquingKeysWith: { x, _ in x })
        for item in b.agenda {
            guard let was = oldItems[item.number] else {
                out.append("added agenda item \(item.number) \(item.title)"); continue
            }
            if was.title != item.title { out.append("agenda item \(item.number): title \(item.title)") }
            if was.outcome != item.outcome, item.outcome != nil {
                out.append("agenda item \(item.number): outcome recorded")
            }
            if was.discussion != item.discussion, item.discussion != nil {
                out.append("agenda item \(item.number): discussion minuted")
            }
        }
        for item in a.agenda where newItems[item.number] == nil {
            out.append("removed agenda item \(item.number) \(item.title)")
        }
        if a.attendance != b.attendance {
            let present = b.attendance.filter { $0.status == .present }.count
            let apologies = b.attendance.filter { $0.status == .apologies }.count
            out.append("attendance: \(present) present" + (apologies > 0 ? ", \(apologies) apologies" : ""))
        }
        let oldActions = Dictionary(a.actions.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for action in b.actions {
            guard let was = oldActions[action.id] else { out.append("added action \(action.id)"); continue }
            if was.status != action.status {
                out.append("action \(action.id): \(action.status.rawValue)")
            } else if was != action {
                out.append("updated action \(action.id)")
            }
        }
        let newActionIDs = Set(b.actions.map(\.id))
        for action in a.actions where !newActionIDs.contains(action.id) { out.append("removed action \(action.id)") }
        let oldIssues = Set(a.issues.map(\.id))
        for issue in b.issues where !oldIssues.contains(issue.id) { out.append("raised issue \(issue.id)") }
        let newNotices = b.notifications.count - a.notifications.count
        if newNotices > 0 { out.append("\(newNotices) councillor notice\(newNotices == 1 ? "" : "s") recorded") }
        if a.invitations != b.invitations { out.append("invitations: \(b.invitations.count)") }
        if newConflicts > oldConflicts {
            out.append(
                "\(newConflicts - oldConflicts) merge conflict\(newConflicts - oldConflicts == 1 ? "" : "s") to resolve"
            )
        }
        if newConflicts < oldConflicts {
            out.append(
                "resolved \(oldConflicts - newConflicts) merge conflict\(oldConflicts - newConflicts == 1 ? "" : "s")")
        }
        if out.isEmpty, a != b { out.append("other details changed") }
        return out
    }
}

public struct HistoryError: Error, Sendable {
    public var message: String
}
