import Foundation
import ForumDeskCore

/// What git's history (kept within the folder's retention, see `HistoryRewrite`) still holds of a person, in
/// words, for the subject access pack: each earlier version of their directory entry by date, and the commits
/// that added or removed records naming them in meetings and topics.
public enum PersonHistory {
    /// At most this many lines: a long history is summarised by its count.
    static let limit = 200

    public static func lines(of person: Person, folder: DataFolder) -> [String] {
        let git = GitRepository(folder: folder)
        guard git.isRepository, git.git(["rev-parse", "-q", "--verify", "HEAD"]).ok else { return [] }
        var out: [String] = []
        // The directory entry, version by version (oldest first), each once.
        let log = git.git([
            "log", "--reverse", "--format=%H%x09%ad%x09%an", "--date=short", "--", "directory/people.json",
        ])
        var last: String?
        for line in log.output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { continue }
            let entry = ErasureRule.people(in: git.show(parts[0], "directory/people.json")).first { $0.id == person.id }
            let text = entry.map(DataStore.summary) ?? "no entry"
            guard text != last else { continue }
            if entry != nil || last != nil {
                out.append("\(parts[1]), committed by \(parts[2]): the directory entry read: \(text)")
            }
            last = text
        }
        // Meetings and topics: commits that added or removed records naming them.
        let changes = git.git([
            "log", "--reverse", "--format=@%ad%x09%an", "--date=short", "--name-only", "-F", "-S", person.id, "--",
            "meetings", "topics",
        ])
        var header = ""
        for line in changes.output.split(separator: "\n") where !line.isEmpty {
            if line.hasPrefix("@") {
                header = String(line.dropFirst()).replacingOccurrences(of: "\t", with: ", committed by ")
            } else {
                out.append("\(header): \(line): a version with records naming them added or removed")
            }
        }
        if out.count > limit { out = Array(out.prefix(limit)) + ["… and \(out.count - limit) more"] }
        return out
    }
}
