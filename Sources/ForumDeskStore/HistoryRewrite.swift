import Foundation
import ForumDeskCore

/// Erasure and purge reach git's history, the remote and every clone.
///
/// - `person erase` and `purge` ask for a rewrite (`.git/forumdesk-rewrite-due`). The next sync, once pushed,
///   replaces the branch by one root commit of the current files (its message says why, by whom, and carries
///   `ForumDesk-History-Rewritten:`), pushes it with `--force-with-lease` and removes every old object here
///   (reflogs expired, ORIG_HEAD, stashes and old refs deleted, `git gc --prune=now`), and on a remote that is
///   a folder (the shared drive) too.
/// - Another clone sees at its next sync that the remote's branch starts at such a root its history does not
///   share: it carries its unsynced work over by a three-way merge against its last synced state, enforces the
///   erasures (`ErasureRule`) on the result and on its own local files, then removes its old objects the same way.
/// - Local files (outbox and its siblings, sent, letters, conflict copies, exports) are never committed: a clone
///   that still tracks them stops (`git rm --cached`), and the rewrite takes them out of history.
public struct HistoryRewrite: Sendable {
    public let sync: Sync
    var git: GitRepository { sync.repository }
    var folder: DataFolder { sync.folder }

    public init(sync: Sync) { self.sync = sync }

    static let dueFile = ".git/forumdesk-rewrite-due"
    /// While a carry-over runs: the branch and the commit it started from.
    static let carryOverFile = ".git/forumdesk-carry-over"
    static let lastSynced = "refs/forumdesk/last-synced"
    static let keysRef = "refs/forumdesk/keys"
    static let fetchedKeys = "refs/forumdesk/remote-keys"
    public static let marker = "ForumDesk-History-Rewritten:"

    /// Folders that stay on the machine that made them: they name people and are not the record.
    public static let localFolders = [
        NoticeOutbox.outbox, NoticeOutbox.pending, NoticeOutbox.withdrawn, NoticeOutbox.sending,
        NoticeOutbox.sent, LetterFiles.folder, "conflicts", "exports",
    ]

    /// Asks the next sync to rewrite history (nothing to do when the folder is not a git repository).
    public static func requestRewrite(_ folder: DataFolder, reason: String) {
        guard FileManager.default.fileExists(atPath: folder.path(".git")) else { return }
        let path = folder.path(dueFile)
        let earlier = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard !earlier.split(separator: "\n").contains(Substring(reason)) else { return }
        try? DurableFile.write(Array((earlier + reason + "\n").utf8), to: path, fs: PosixFileSystem(), modes: .personal)
    }

    /// "7 Dec 2026".
    public static func spoken(_ day: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day) \(months[max(0, min(11, day.month - 1))]) \(day.year)"
    }

    func sha(_ revision: String) -> String? {
        let run = git.git(["rev-parse", "-q", "--verify", revision + "^{commit}"])
        let value = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return run.ok && !value.isEmpty ? value : nil
    }

    var remoteBranch: String { "refs/remotes/origin/\(sync.remoteBranchName)" }

    var identity: [String] {
        let who = sync.officer()
        return ["-c", "user.name=\(who.name)", "-c", "user.email=\(who.email)"]
    }

    // MARK: Before the commit

    /// Local files out of the record (`.gitignore` completed, tracked ones un-tracked), and the last synced state
    /// noted (the base a rewrite elsewhere is merged against).
    public func beforeCommit(report: inout Sync.Report) {
        // A carry-over a killed sync left half-done: back to this laptop's own branch (its work is all there).
        if let left = try? String(contentsOfFile: folder.path(Self.carryOverFile), encoding: .utf8) {
            let parts = left.split(separator: "\n").map(String.init)
            if parts.count == 2, git.git(["checkout", "-q", "-f", "-B", parts[0], parts[1]]).ok {
                sync.cachedBranch.value = parts[0]
                report.lines.append("undid the carry-over an interrupted sync had left; it is done again now")
            }
            try? FileManager.default.removeItem(atPath: folder.path(Self.carryOverFile))
        }
        let ignorePath = folder.path(".gitignore")
        let present = (try? String(contentsOfFile: ignorePath, encoding: .utf8)) ?? ""
        let lines = Set(present.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Sync.ignored.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !lines.contains($0) }
        if !missing.isEmpty {
            let text =
                present + (present.isEmpty || present.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n")
                + "\n"
            try? DurableFile.write(
                Array(text.utf8), to: ignorePath, fs: PosixFileSystem(), modes: DataStore(folder: folder).modes)
        }
        let tracked = git.git(["ls-files", "-z", "--"] + Self.localFolders).output.split(separator: "\0").map(
            String.init)
        if !tracked.isEmpty {
            // Who added each: a sync commits under its officer's name, so a file another officer added is a copy of
            // one on their machine (an e-mail there would otherwise be offered by `send` on both).
            var addedBy: [String: String] = [:], author = ""
            let log = git.git(
                ["-c", "core.quotePath=false", "log", "--diff-filter=A", "--format=@%an", "--name-only", "--"]
                    + Self.localFolders)
            for line in log.output.split(separator: "\n") {
                if line.hasPrefix("@") {
                    author = String(line.dropFirst())
                } else if addedBy[String(line)] == nil {
                    addedBy[String(line)] = author
                }
            }
            let me = sync.officer().name
            let copies = tracked.filter { addedBy[$0].map { $0 != me } ?? false }
            if git.git(["rm", "-r", "-q", "--cached", "--ignore-unmatch", "--"] + Self.localFolders).ok {
                let store = DataStore(folder: folder)
                let removed = copies.filter { (try? store.deleteGenerated(folder.path($0))) != nil }
                let kept = tracked.count - removed.count
                if kept > 0 {
                    report.lines.append(
                        "stopped sharing \(Self.count(kept, "local file")) (e-mails, letters, conflict copies, exports): "
                            + "they stay on this laptop only")
                }
                if !removed.isEmpty {
                    let who = Set(removed.compactMap { addedBy[$0] }).sorted().joined(separator: ", ")
                    report.lines.append(
                        "removed \(removed.count) cop\(removed.count == 1 ? "y" : "ies") of local files made on another officer's "
                            + "machine (\(who)): that machine keeps them, and only it sends its e-mails")
                }
                Self.requestRewrite(
                    folder,
                    reason: "local files (e-mails, letters, conflict copies, exports) taken out of the shared record")
            }
        }
        if let head = sha("HEAD"), sha(remoteBranch) != nil {
            let base = git.git(["merge-base", head, remoteBranch]).output.trimmingCharacters(
                in: .whitespacesAndNewlines)
            if !base.isEmpty { git.git(["update-ref", Self.lastSynced, base]) }
        }
    }

    // MARK: After the fetch

    /// The team's erasure keys (`refs/forumdesk/keys`) joined with this folder's.
    func fetchKeys() {
        guard git.git(["fetch", "-q", "origin", "+\(Self.keysRef):\(Self.fetchedKeys)"]).ok else { return }
        let run = git.git(["show", "\(Self.fetchedKeys):keys"])
        let theirs = ErasureRecord.parse(run.output)
        if run.ok, !theirs.isEmpty { _ = try? ErasureRecord.store(folder, adding: theirs) }
    }

    /// After the fetch: when the remote's branch starts at a rewritten root this history does not share, this
    /// clone's unsynced work is carried over onto it and the old history removed. False stops the sync.
    public func adoptRewrite(report: inout Sync.Report) -> Bool {
        fetchKeys()
        guard let head = sha("HEAD"), let remote = sha(remoteBranch) else { return true }
        if git.git(["merge-base", head, remote]).ok { return true }
        let roots = git.git(["rev-list", "--max-parents=0", remote]).output.split(separator: "\n").map(String.init)
        guard let root = roots.first(where: { git.git(["log", "-1", "--format=%B", $0]).output.contains(Self.marker) })
        else { return true }
        let message = git.git(["log", "-1", "--format=%B", root]).output
        let reason = Self.field("Reason", in: message) ?? "a history rewrite"
        let by = Self.field("By", in: message) ?? "another officer"
        let base = sha(Self.lastSynced) ?? sha(remoteBranch + "@{1}")
        let people =
            ErasureRule.people(in: git.show(head, "directory/people.json"))
            + ErasureRule.people(in: base.flatMap { git.show($0, "directory/people.json") })
        let unsynced = base.map { git.git(["diff", "--quiet", $0, head]).status == 1 } ?? true
        var conflictsBefore = report.conflicts
        if !unsynced {
            guard git.git(["reset", "-q", "--hard", remote]).ok else {
                report.failure = .other("could not take over the rewritten history (\(reason))")
                return false
            }
        } else {
            guard let base else {
                report.failure = .mergeAborted(
                    "the remote's history was rewritten (\(reason)) and this folder's last synced state is unknown")
                return false
            }
            conflictsBefore = report.conflicts
            guard carryOver(head: head, base: base, onto: remote, report: &report) else { return false }
        }
        let today = LondonTime.date(Date())
        var rule = ErasureRule(folder: folder).enforce(earlier: people, today: today)
        rule.files += purgeLocalFiles(&rule.lines)
        // One commit on the rewritten root: the carry-over as merged (which may name the person) never stays.
        if unsynced {
            let done = squash(onto: remote, "Unsynced work carried over onto the rewritten history", report: &report)
            if !done { git.git(["checkout", "-q", "-f", "-B", sync.branch, head]) }
            try? FileManager.default.removeItem(atPath: folder.path(Self.carryOverFile))
            guard done else {
                report.failure = .mergeAborted("your unsynced work could not be committed onto the rewritten history")
                return false
            }
        }
        report.lines.append(
            "applied \(reason) by \(by): "
                + (unsynced
                    ? "\(Self.count(rule.records, "record")) in your unsynced work changed"
                    : "you had no unsynced work")
                + (rule.files > 0 ? "; \(Self.count(rule.files, "local file")) of this laptop removed or scrubbed" : "")
        )
        if unsynced { recountConflicts(from: conflictsBefore, against: remote, report: &report) }
        report.lines += rule.lines
        report.lines += rule.errors.map { "not done: \($0)" }
        // Meetings to read again (the app): what differs from this laptop's own last commit.
        report.changedByOthers += git.git(["diff", "--name-only", head, "HEAD", "--", "meetings"]).output
            .split(separator: "\n").map(String.init).filter { $0.hasSuffix(".json") }
        removeOldObjects(keeping: root)
        report.lines.append(
            "the old history is gone from this laptop (reflogs expired, old refs deleted, git gc --prune=now)")
        return true
    }

    /// Three-way merge of this clone's work (`head`) and the rewritten tree (`remote`) against `base`, in commits
    /// made only for it, in the working files; `squash` then makes it one commit on the rewritten root.
    func carryOver(head: String, base: String, onto remote: String, report: inout Sync.Report) -> Bool {
        func tree(_ commit: String) -> String {
            git.git(["rev-parse", commit + "^{tree}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func commitTree(_ tree: String, parents: [String], _ message: String) -> String? {
            let run = git.git(identity + ["commit-tree", tree] + parents.flatMap { ["-p", $0] } + ["-m", message])
            let value = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
            return run.ok && !value.isEmpty ? value : nil
        }
        let branch = sync.branch
        let note = Array("\(branch)\n\(head)\n".utf8)
        guard
            (try? DurableFile.write(note, to: folder.path(Self.carryOverFile), fs: PosixFileSystem(), modes: .personal))
                != nil
        else {
            report.failure = .other("could not note the carry-over in .git")
            return false
        }
        guard let b = commitTree(tree(base), parents: [], "last synced"),
            let ours = commitTree(tree(head), parents: [b], "unsynced work"),
            let theirs = commitTree(tree(remote), parents: [b], "rewritten history")
        else {
            report.failure = .other("could not prepare the carry-over of your unsynced work")
            return false
        }
        func undo(_ why: String) -> Bool {
            if git.isMerging { git.git(["merge", "--abort"]) }
            git.git(["checkout", "-q", "-f", "-B", branch, head])
            try? FileManager.default.removeItem(atPath: folder.path(Self.carryOverFile))
            report.failure = .mergeAborted(why)
            return false
        }
        guard git.git(["checkout", "-q", "--detach", theirs]).ok else {
            return undo("could not check out the rewritten history")
        }
        var merging = git
        merging.environment["FORUMDESK_MERGE_NOTE"] =
            "theirs: the team's rewritten history, merged at sync by \(sync.officer().name), "
            + LondonTime.display(Date())
        let merge = merging.git(identity + ["merge", "-q", "--no-edit", "--no-verify", ours, "-m", "carry-over"])
        if !merge.ok {
            guard git.isMerging else { return undo(Sync.firstLine(merge.errors + merge.output)) }
            if let problem = sync.settle(report: &report) { return undo(problem) }
            guard git.git(identity + ["commit", "-q", "--no-edit", "--no-verify"]).ok else {
                return undo("could not commit the carry-over")
            }
        }
        // HEAD stays detached on the merge until the erasures are applied and `squash` makes the one commit the
        // branch takes: killed before, the next sync goes back to the branch as it was (`beforeCommit`).
        return true
    }

    /// Files made for meetings whose personal data was removed (on another laptop they predate the purge): deleted.
    func purgeLocalFiles(_ lines: inout [String]) -> Int {
        let store = DataStore(folder: folder)
        let data = store.load()
        var count = 0
        for meeting in data.meetings where meeting.extra[Retention.marker] != nil {
            for path in store.generatedFiles(ofMeeting: meeting.id) {
                let isFolder = (try? PosixFileSystem().status(path))??.isDirectory == true
                guard (try? store.deleteGenerated(path)) != nil, !isFolder else { continue }
                lines.append("deleted \(store.relative(path)): made before \(meeting.id)'s personal data was removed")
                count += 1
            }
        }
        return count
    }

    /// Conflicts recorded in the files that differ from `commit` (what a merge brought in and left to resolve).
    func mergeConflicts(against commit: String) -> Int {
        guard !commit.isEmpty else { return 0 }
        let files = git.git(["diff", "--name-only", commit, "HEAD", "--", "*.json"]).output.split(separator: "\n")
        return files.reduce(0) { total, file in
            guard let bytes = try? PosixFileSystem().read(folder.path(String(file))),
                let node = try? JSONParser.parse(bytes)
            else { return total }
            return total + MergeConflict.all(in: JSONMerge.ordered(node)).count
        }
    }

    /// After an erasure was applied to merged work: the conflicts over what it removed went with it.
    func recountConflicts(from before: Int, against commit: String, report: inout Sync.Report) {
        let now = before + mergeConflicts(against: commit)
        if now < report.conflicts {
            report.lines.append(
                "\(report.conflicts - now) merge conflict\(report.conflicts - now == 1 ? "" : "s") over the erased data went with it"
            )
        }
        report.conflicts = now
    }

    /// The files as they are now, as one commit on `onto`: the unsynced commits (and a merge) that held what an
    /// erasure removed are replaced, so they are never pushed.
    @discardableResult
    func squash(onto: String, _ message: String, report: inout Sync.Report) -> Bool {
        git.git(["add", "-A"])
        let tree = git.git(["write-tree"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let made = git.git(
            identity + ["commit-tree", tree, "-p", onto, "-m", "\(message) (sync by \(sync.officer().name))"])
        let commit = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard made.ok, !commit.isEmpty, git.git(["checkout", "-q", "-B", sync.branch, commit]).ok else {
            report.lines.append(
                "could not commit the erasures applied: they are in the files and the next sync commits them")
            return false
        }
        return true
    }

    /// After a merge with the team: erased people and purged names that came back are removed again.
    public func enforceAfterMerge(before: String, report: inout Sync.Report) {
        // Nothing came in: nothing to look at (a sync does not read every file for nothing).
        guard sha("HEAD") != before else { return }
        let people = ErasureRule.people(in: before.isEmpty ? nil : git.show(before, "directory/people.json"))
        let conflictsBefore = report.conflicts - mergeConflicts(against: before)
        let merged = git.git(["diff", "--name-only", before, "HEAD", "--", "meetings"]).output.split(separator: "\n")
            .map { ($0 as NSString).lastPathComponent }.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        let rule = ErasureRule(folder: folder).enforce(
            earlier: people, today: LondonTime.date(Date()), meetings: before.isEmpty ? nil : merged)
        guard rule.records > 0 || rule.files > 0 || !rule.errors.isEmpty else { return }
        if rule.records > 0, let remote = sha(remoteBranch) {
            // This laptop's unsynced commits brought them back: they become one commit without them, and go.
            squash(onto: remote, "Unsynced work merged at sync, with erasures applied", report: &report)
            recountConflicts(from: conflictsBefore, against: remote, report: &report)
            if let root = git.git(["rev-list", "--max-parents=0", "HEAD"]).output.split(separator: "\n").first {
                removeOldObjects(keeping: String(root))
            }
        }
        report.lines.append(
            "an erased person or removed names came back with the merge: removed again "
                + "(\(Self.count(rule.records, "record")), \(Self.count(rule.files, "local file")))")
        report.lines += rule.lines
        report.lines += rule.errors.map { "not done: \($0)" }
    }

    // MARK: After the push

    /// Shares the erasure keys; then, when an erasure or purge asked for it, rewrites the history to one root
    /// commit of today's files, or else, when the folder keeps history for a limited time (`forumdesk.json`'s
    /// `"historyRetentionDays"`), squashes what is older into a new root and keeps the later commits (authors,
    /// dates, messages). Pushed with a lease: someone who pushed meanwhile is merged at the next sync, which
    /// tries again.
    public func afterPush(report: inout Sync.Report) {
        pushKeys()
        let due = ((try? String(contentsOfFile: folder.path(Self.dueFile), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard let head = sha("HEAD") else { return }
        let who = sync.officer()
        func message(_ title: String, _ reason: String) -> String {
            "\(title) (sync by \(who.name))\n\n\(Self.marker) \(UUID().uuidString.lowercased())\nReason: \(reason)\nBy: \(who.name)\n"
        }
        let newHead: String, said: String
        if !due.isEmpty {
            let reason = due.joined(separator: "; ")
            guard
                let root = commit(
                    tree: "HEAD", parent: nil, message: message("History rewritten to one commit: \(reason)", reason))
            else {
                report.lines.append("the history could not be rewritten: the next sync tries again")
                return
            }
            newHead = root
            said =
                "rewrote the history to one commit of today's files (\(reason)): no commit here or on the remote holds what it "
                + "removed; each laptop takes it over at its next sync"
        } else if let days = retentionDays(), let squashed = squashOlder(than: days, message: message) {
            newHead = squashed
            said =
                "squashed the history older than \(days) days (the folder's retention) into one commit; later commits are kept; "
                + "each laptop takes it over at its next sync"
        } else {
            return
        }
        let push = git.git([
            "push", "-q", "--force-with-lease=refs/heads/\(sync.remoteBranchName):\(head)", "origin",
            "\(newHead):refs/heads/\(sync.remoteBranchName)",
        ])
        guard push.ok else {
            report.lines.append(
                "the history was not rewritten on the remote (\(Sync.firstLine(push.errors))): the next sync tries again"
            )
            return
        }
        git.git(["update-ref", "refs/heads/\(sync.branch)", newHead])
        git.git(["update-ref", remoteBranch, newHead])
        git.git(["reset", "-q"])
        try? FileManager.default.removeItem(atPath: folder.path(Self.dueFile))
        let root =
            git.git(["rev-list", "--max-parents=0", newHead]).output.split(separator: "\n").first.map(String.init)
            ?? newHead
        removeOldObjects(keeping: root)
        report.lines.append(said)
        let remote = cleanRemote()
        if !remote.isEmpty { report.lines.append(remote) }
    }

    /// A commit of `tree`'s tree (a revision), on `parent` or as a root.
    func commit(tree: String, parent: String?, message: String, as author: [String: String] = [:]) -> String? {
        var run = git
        for (k, v) in author { run.environment[k] = v }
        let made = run.git(
            identity + ["commit-tree", "\(tree)^{tree}"] + (parent.map { ["-p", $0] } ?? []) + ["-m", message])
        let value = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return made.ok && !value.isEmpty ? value : nil
    }

    /// `forumdesk.json`'s `"historyRetentionDays"` (1 to 36500), if set.
    func retentionDays() -> Int? {
        guard case .parsed(let node, _) = DataStore(folder: folder).readJSON(folder.settings),
            case .object(let members) = node.value,
            let value = members.first(where: { $0.key == "historyRetentionDays" })?.value.value,
            case .number(let text) = value, let days = Int(text), (1...36_500).contains(days)
        else { return nil }
        return days
    }

    /// The first-parent history with the commits older than `days` squashed into a new root (the newest of them's
    /// files) and each later commit made again on it, with its author, date and message. nil when at most one
    /// commit is older (nothing to squash).
    func squashOlder(than days: Int, message: (String, String) -> String) -> String? {
        let cutoff = Date().timeIntervalSince1970 - Double(days) * 86_400
        let log = git.git(["log", "--first-parent", "--format=%H%x09%ct%x09%an%x09%ae%x09%aI%x09%s", "HEAD"]).output
        let commits = log.split(separator: "\n").map {
            $0.split(separator: "\t", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        }
        .filter { $0.count == 6 }
        let older = commits.filter { (Double($0[1]) ?? 0) < cutoff }
        guard older.count >= 2, let base = older.first else { return nil }
        let day = String(base[4].prefix(10))
        let reason = "history before \(day) squashed (the folder keeps \(days) days)"
        guard
            var tip = commit(tree: base[0], parent: nil, message: message("History up to \(day) in one commit", reason))
        else { return nil }
        for c in commits.prefix(while: { (Double($0[1]) ?? 0) >= cutoff }).reversed() {
            let author = ["GIT_AUTHOR_NAME": c[2], "GIT_AUTHOR_EMAIL": c[3], "GIT_AUTHOR_DATE": c[4]]
            guard let next = commit(tree: c[0], parent: tip, message: c[5], as: author) else { return nil }
            tip = next
        }
        return tip
    }

    /// The keys this folder knows that the remote's `refs/forumdesk/keys` lacks, pushed (the union of both).
    func pushKeys() {
        let local = ErasureRecord.keys(folder)
        guard !local.isEmpty else { return }
        let remoteKeys = git.git(["show", "\(Self.fetchedKeys):keys"])
        if remoteKeys.ok,
            Set(local.map(SHA256.hex)).isSubset(of: Set(ErasureRecord.parse(remoteKeys.output).map(SHA256.hex)))
        {
            return
        }
        let blob = git.git(["hash-object", "-w", "--", ErasureRecord.keyFile]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard !blob.isEmpty else { return }
        var indexed = git
        indexed.environment["GIT_INDEX_FILE"] = folder.path(".git/forumdesk-keys-index")
        defer { try? FileManager.default.removeItem(atPath: folder.path(".git/forumdesk-keys-index")) }
        guard indexed.git(["update-index", "--add", "--cacheinfo", "100644,\(blob),keys"]).ok else { return }
        let tree = indexed.git(["write-tree"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = git.git(
            identity + [
                "commit-tree", tree, "-m", "ForumDesk erasure keys (not data: they make erasure records matchable)",
            ]
        )
        .output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !tree.isEmpty, !commit.isEmpty else { return }
        if git.git(["push", "-q", "--force", "origin", "\(commit):\(Self.keysRef)"]).ok {
            git.git(["update-ref", Self.fetchedKeys, commit])
        }
    }

    /// Every object of the old history goes: refs that do not start at `root` (but the keys), ORIG_HEAD, stashes,
    /// reflogs; then `git gc --prune=now`.
    func removeOldObjects(keeping root: String) {
        let refs = git.git(["for-each-ref", "--format=%(refname)"]).output.split(separator: "\n").map(String.init)
        for ref in refs where ![Self.keysRef, Self.fetchedKeys].contains(ref) && ref != "refs/remotes/origin/HEAD" {
            if !git.git(["merge-base", "--is-ancestor", root, ref]).ok { git.git(["update-ref", "-d", ref]) }
        }
        git.git(["update-ref", Self.lastSynced, root])
        for name in ["ORIG_HEAD", "FETCH_HEAD", "MERGE_HEAD", "AUTO_MERGE"] {
            try? FileManager.default.removeItem(atPath: folder.path(".git/\(name)"))
        }
        git.git(["reflog", "expire", "--expire=now", "--expire-unreachable=now", "--all"])
        git.git(["gc", "-q", "--prune=now"])
    }

    /// On a remote that is a folder (the shared drive) the old objects go at once; a server keeps them until its
    /// own clean-up.
    func cleanRemote() -> String {
        guard var url = git.config("remote.origin.url") else { return "" }
        if url.hasPrefix("file://") { url = String(url.dropFirst(7)) }
        var isFolder: ObjCBool = false
        guard url.hasPrefix("/"), FileManager.default.fileExists(atPath: url, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            return
                "the server keeps the old history's objects, unreachable, until its own clean-up (git gc): ask its administrator to run it now"
        }
        let remote = GitRepository(folder: DataFolder(url))
        remote.git(["reflog", "expire", "--expire=now", "--expire-unreachable=now", "--all"])
        let gc = remote.git(["gc", "-q", "--prune=now"])
        return gc.ok
            ? "the remote's old objects are gone too (git gc --prune=now on \(url))"
            : "the remote's old objects could not be removed (\(Sync.firstLine(gc.errors))): run `git gc --prune=now` in \(url)"
    }

    /// "1 record", "3 records".
    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func field(_ name: String, in message: String) -> String? {
        message.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }
}
