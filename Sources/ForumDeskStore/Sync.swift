import Foundation
import ForumDeskCore

/// `forumdesk sync`: the data folder as a git repository whose remote is the team's (a bare repository on the
/// shared drive, or the council's git server). One sync commits local changes under the officer's name,
/// fetches, merges with ForumDesk's merge driver (`JSONMerge`), renumbers action and issue ids this laptop
/// allocated that another one published first (`IdentifierRenumbering`), and pushes. A merge that cannot be
/// completed is aborted, so the folder is never left half-merged.
public struct Sync: Sendable {
    public let folder: DataFolder
    /// The command git runs as the merge driver: this program's path.
    public let driver: String
    public var repository: GitRepository

    public init(folder: DataFolder, driver: String) {
        self.folder = folder
        self.driver = driver
        repository = GitRepository(folder: folder)
    }

    /// What a sync did, line by line, and whether it finished.
    public struct Report: Sendable {
        public var lines: [String] = []
        public var failure: Failure?
        /// Meeting files the merge changed here (to read again).
        public var changedByOthers: [String] = []
        public var conflicts = 0
    }

    public enum Failure: Sendable, Equatable {
        case noGit
        case offline(String)
        case authentication(String)
        case rejected(String)
        case mergeAborted(String)
        /// Files ForumDesk cannot read (or links): `local` when they are this folder's, else the team's.
        case unreadable([BadFile], local: Bool)
        case other(String)

        public var message: String {
            switch self {
            case .noGit: "git is not installed (apt-get install git): nothing was synced"
            case .offline(let detail):
                "the remote cannot be reached (offline?): \(detail). Your changes are committed here; sync again when connected"
            case .authentication(let detail):
                "the remote refused your credentials: \(detail). Your changes are committed here"
            case .rejected(let detail):
                "the remote refused the push: \(detail). Your changes are committed here; sync again"
            case .mergeAborted(let detail):
                "the merge could not be completed and was undone: \(detail). The folder is as it was before the sync; your changes are committed here"
            case .unreadable(let files, let local):
                local
                    ? "not synced: ForumDesk cannot read \(files.count == 1 ? "this file" : "these files"), so \(files.count == 1 ? "it is" : "they are") not shared:\n"
                        + files.map { "  \($0.message)" }.joined(separator: "\n")
                        + "\nRepair with the app or an editor (`forumdesk validate` names each problem), or put back the last synced version: `git -C <data> checkout HEAD -- FILE`; then sync again"
                    : "not synced: the team's copy holds \(files.count == 1 ? "a file" : "files") ForumDesk cannot read, so nothing was merged or pushed:\n"
                        + files.map { "  \($0.message)" }.joined(separator: "\n")
                        + "\nAsk its author to repair it (`forumdesk validate` names the problem) and sync; this folder keeps its own version meanwhile"
            case .other(let detail): detail
            }
        }
    }

    /// What `.gitignore` leaves out of the record: caches, presence, temp files, locks, and the files that stay on
    /// the machine that made them (e-mails, letters, conflict copies, exports: `HistoryRewrite.localFolders`).
    public static let ignored = """
        # ForumDesk: not part of the record (caches, who has what open, temp files, locks)
        .forumdesk-index
        .forumdesk-index*
        .forumdesk.lock
        .forumdesk-commands.lock
        .forumdesk-batch-*
        .forumdesk-erasure-keys
        # Every other file of ForumDesk's own at the top (journals of commands cut short, caches to come)
        /.forumdesk*
        .presence/
        .*.tmp-*
        # Stay on the machine that made them (they name people; the notices' records say where they are)
        /outbox/
        /outbox-pending/
        /outbox-withdrawn/
        /outbox-sending/
        /sent/
        /letters/
        /conflicts/
        /exports/

        """

    public static let attributes = """
        # ForumDesk's merge driver (forumdesk merge-file): merges meetings, topics and the directory by record
        *.json merge=forumdesk

        """

    /// The officer's name for commits: git's `user.name`, else FORUMDESK_USER or the login name (asked once).
    public func officer() -> (name: String, email: String) {
        if let known = cachedOfficer.value { return (known, cachedEmail.value ?? "") }
        let name = repository.config("user.name") ?? ProcessOwner.userName
        let email = repository.config("user.email") ?? "\(ProcessOwner.userName)@\(ProcessOwner.hostName)"
        cachedOfficer.value = name
        cachedEmail.value = email
        return (name, email)
    }
    let cachedOfficer = Cache(), cachedEmail = Cache()

    /// Makes the folder a repository if it is not one, and (every time) names the merge driver and the remote.
    public func prepare(remote: String?, report: inout Report) -> Bool {
        let git = repository
        if !git.isRepository {
            guard git.git(["init", "-q", "-b", "main"]).ok || git.git(["init", "-q"]).ok else {
                report.failure = .other("could not make \(folder.root) a git repository")
                return false
            }
            report.lines.append("made \(folder.root) a git repository")
        }
        for (file, text) in [(".gitignore", Self.ignored), (".gitattributes", Self.attributes)]
        where !FileManager.default.fileExists(atPath: folder.path(file)) {
            try? DurableFile.write(
                Array(text.utf8), to: folder.path(file), fs: PosixFileSystem(), modes: DataStore(folder: folder).modes)
        }
        let quoted = "'" + driver.replacingOccurrences(of: "'", with: "'\\''") + "'"
        git.git(["config", "merge.forumdesk.name", "ForumDesk records"])
        git.git(["config", "merge.forumdesk.driver", "\(quoted) merge-file %O %A %B %P"])
        // Links arrive as plain files holding the link's text, which ForumDesk then reports: never followed.
        git.git(["config", "core.symlinks", "false"])
        // `git pull` by hand merges (with the driver above) rather than refusing divergent branches.
        git.git(["config", "pull.rebase", "false"])
        if let remote {
            let set = git.git(["remote", "set-url", "origin", remote])
            if !set.ok { git.git(["remote", "add", "origin", remote]) }
            report.lines.append("remote: \(remote)")
        }
        return true
    }

    /// Leftovers of a sync (or any git) that was killed: see `SyncRecovery`. Returns false when the sync must stop.
    public func recover(report: inout Report) -> Bool {
        let recovered = SyncRecovery(repository: repository).recover()
        report.lines += recovered.lines
        if let problem = recovered.problem {
            report.failure = .other(problem)
            return false
        }
        return true
    }

    /// Announces the next phase in the journal (`SyncJournal`), so a kill during it is finished or undone next time.
    func enter(_ phase: SyncJournal.Phase, theirs: String = "") {
        let head = repository.git(["rev-parse", "-q", "--verify", "HEAD"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        try? SyncJournal(phase: phase, head: head, theirs: theirs).write(folder)
    }

    /// Commits what changed here, if anything; returns whether a commit was made.
    @discardableResult
    public func commitLocal(report: inout Report) -> Bool {
        let git = repository
        git.git(["add", "-A"])
        let staged = git.git(["diff", "--cached", "--name-status", "--no-renames"])
        let lines = staged.output.split(separator: "\n").map(String.init)
        guard !lines.isEmpty else { return false }
        let who = officer()
        let message = Self.summary(lines)
        let commit = git.git([
            "-c", "user.name=\(who.name)", "-c", "user.email=\(who.email)", "commit", "-q", "--no-verify", "-m",
            "\(message) (\(who.name))",
        ])
        guard commit.ok else {
            report.failure = .other(
                "could not commit: \(commit.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
            return false
        }
        report.lines.append("committed: \(message)")
        return true
    }

    /// "2 meetings changed (…), 1 added", from `git diff --name-status` lines.
    static func summary(_ lines: [String]) -> String {
        var added: [String] = [], changed: [String] = [], removed: [String] = [], other = 0
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let name = (parts[1] as NSString).lastPathComponent
            guard parts[1].hasPrefix("meetings/"), name.hasSuffix(".json") else { other += 1; continue }
            let id = String(name.dropLast(5))
            switch parts[0].first {
            case "A": added.append(id)
            case "D": removed.append(id)
            default: changed.append(id)
            }
        }
        var parts: [String] = []
        func list(_ ids: [String], _ verb: String) {
            guard !ids.isEmpty else { return }
            parts.append(
                "\(verb) \(ids.count == 1 ? "meeting" : "\(ids.count) meetings") \(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? "…" : "")"
            )
        }
        list(changed, "changed")
        list(added, "added")
        list(removed, "deleted")
        if other > 0 { parts.append("\(other) other file\(other == 1 ? "" : "s")") }
        return parts.joined(separator: "; ")
    }

    /// Marks the thread a sync runs on, so its own writes never wait for itself (`SyncJournal.mergeInProgress`).
    static let threadKey = "forumdesk.sync"

    /// The whole sync. `remote` sets (or changes) the remote first.
    public func run(remote: String? = nil) -> Report {
        Thread.current.threadDictionary[Self.threadKey] = true
        defer { Thread.current.threadDictionary.removeObject(forKey: Self.threadKey) }
        var report = Report()
        guard GitRepository.program != nil else {
            report.failure = .noGit
            return report
        }
        guard prepare(remote: remote, report: &report) else { return report }
        guard recover(report: &report) else { return report }
        defer { SyncJournal.remove(folder) }
        readBranch()
        if !repository.git(["rev-parse", "-q", "--verify", "HEAD"]).ok, repository.config("remote.origin.url") != nil {
            guard join(report: &report) else { return report }
        }
        HistoryRewrite(sync: self).beforeCommit(report: &report)
        let unreadable = unreadableLocalChanges()
        guard unreadable.isEmpty else {
            report.failure = .unreadable(unreadable, local: true)
            return report
        }
        enter(.commit)
        commitLocal(report: &report)
        if report.failure != nil { return report }
        guard repository.config("remote.origin.url") != nil else {
            report.lines.append("no remote yet: `forumdesk sync --remote URL` names the team's repository")
            return report
        }
        for attempt in 0..<2 {
            guard fetchAndMerge(report: &report) else { return report }
            let theirs = "refs/remotes/origin/\(remoteBranchName)"
            let hasRemote = repository.git(["rev-parse", "-q", "--verify", theirs]).ok
            let outgoing = unreadableFiles(from: hasRemote ? theirs : nil, to: "HEAD")
            guard outgoing.isEmpty else {
                report.failure = .unreadable(outgoing, local: true)
                return report
            }
            enter(.push)
            let push = repository.git(["push", "-q", "origin", "HEAD:refs/heads/\(remoteBranchName)"])
            if push.ok {
                trackRemoteBranch()
                report.lines.append("pushed to origin/\(remoteBranchName)")
                HistoryRewrite(sync: self).afterPush(report: &report)
                return report
            }
            let detail = Self.firstLine(push.errors)
            if let failure = Self.classify(push.errors) {
                report.failure = failure
                return report
            }
            if attempt == 0,
                push.errors.contains("rejected") || push.errors.contains("fetch first")
                    || push.errors.contains("non-fast-forward")
            {
                report.lines.append("someone pushed meanwhile: fetching and merging again")
                continue
            }
            report.failure = .rejected(detail)
            return report
        }
        report.failure = .rejected("someone else pushed again meanwhile")
        return report
    }

    /// This branch follows the remote's, so `git pull` and `git status` work in the folder by hand too.
    func trackRemoteBranch() {
        repository.git(["config", "branch.\(branch).remote", "origin"])
        repository.git(["config", "branch.\(branch).merge", "refs/heads/\(remoteBranchName)"])
    }

    /// A folder with no commit yet joins the team's history rather than starting one of its own: its branch is
    /// set to the remote's, and the remote's files it does not have are written; files it has count as its changes.
    func join(report: inout Report) -> Bool {
        let git = repository
        // Offline: the folder's own files are committed; the merge joins the histories later.
        guard git.git(["fetch", "-q", "origin"]).ok else { return true }
        resolveRemoteBranch()
        let remoteRef = "refs/remotes/origin/\(remoteBranchName)"
        guard git.git(["rev-parse", "--verify", "-q", remoteRef]).ok else { return true }
        let incoming = unreadableFiles(from: nil, to: remoteRef)
        guard incoming.isEmpty else {
            report.failure = .unreadable(incoming, local: false)
            return false
        }
        guard git.git(["reset", "-q", remoteRef]).ok else {
            report.failure = .other("could not join origin/\(remoteBranchName)")
            return false
        }
        let missing = git.git(["ls-files", "-d", "-z"]).output.split(separator: "\0").map(String.init)
        if !missing.isEmpty { git.git(["checkout", "-q", "--"] + missing) }
        report.lines.append(
            "joined the team's history (origin/\(remoteBranchName)): \(missing.count) file\(missing.count == 1 ? "" : "s") fetched"
        )
        return true
    }

    /// The branch checked out (asked once per sync), `main` by default.
    var branch: String { cachedBranch.value ?? "main" }
    /// The remote's branch this folder merges from and pushes to (`remoteBranch(local:)`), once known.
    var remoteBranchName: String { cachedRemoteBranch.value ?? branch }

    final class Cache: @unchecked Sendable {
        var value: String?
    }
    let cachedBranch = Cache(), cachedRemoteBranch = Cache()

    func readBranch() {
        let run = repository.git(["symbolic-ref", "--short", "HEAD"])
        let name = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        cachedBranch.value = run.ok && !name.isEmpty ? name : "main"
        // Known from an earlier sync (or `git clone`): no need to ask the remote again.
        if let merge = repository.config("branch.\(branch).merge"), merge.hasPrefix("refs/heads/"),
            repository.config("branch.\(branch).remote") == "origin"
        {
            cachedRemoteBranch.value = String(merge.dropFirst("refs/heads/".count))
        }
    }

    func resolveRemoteBranch() {
        if cachedRemoteBranch.value == nil { cachedRemoteBranch.value = remoteBranch(local: branch) }
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first {
            !$0.isEmpty && !$0.hasPrefix("hint:")
        } ?? "no reason given"
    }

    /// Offline and authentication failures, from what git says.
    /// Quoted names (paths, URLs) are left out first: a folder named `…8C8401A6…` is not an HTTP 401.
    static func classify(_ errors: String) -> Failure? {
        let e = errors.lowercased().replacing(/'[^'\n]*'/, with: "''")
        let detail = firstLine(errors)
        if [
            "authentication failed", "permission denied", "could not read username", "could not read password",
            "terminal prompts disabled", "host key verification failed",
        ].contains(where: e.contains)
            || e.contains(/\b(error|status):? *40[13]\b/)
        {
            return .authentication(detail)
        }
        if [
            "could not resolve host", "connection refused", "network is unreachable", "connection timed out",
            "unable to access",
            "does not appear to be a git repository", "no such file or directory",
            "could not read from remote repository",
            "operation timed out",
        ].contains(where: e.contains) {
            return .offline(detail)
        }
        return nil
    }

    /// Fetches and merges the remote's branch; on a merge git could not finish alone, settles what the driver
    /// recorded and what was deleted on one side and edited on the other; anything else is aborted. Nothing the
    /// team pushed is merged when one of its files cannot be read or is a link.
    func fetchAndMerge(report: inout Report) -> Bool {
        let git = repository
        let fetch = git.git(["fetch", "-q", "origin"])
        guard fetch.ok else {
            report.failure = Self.classify(fetch.errors) ?? .offline(Self.firstLine(fetch.errors))
            return false
        }
        resolveRemoteBranch()
        let remoteRef = "refs/remotes/origin/\(remoteBranchName)"
        guard git.git(["rev-parse", "--verify", "-q", remoteRef]).ok else {
            report.lines.append("the remote is empty: this folder starts it")
            return true
        }
        guard HistoryRewrite(sync: self).adoptRewrite(report: &report) else { return false }
        let before = git.git(["rev-parse", "HEAD"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let theirs = git.git(["rev-parse", remoteRef]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = git.git(["merge-base", "HEAD", remoteRef]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        if base == theirs { return true }  // nothing new from the team
        let incoming = unreadableFiles(from: base.isEmpty ? nil : base, to: remoteRef)
        guard incoming.isEmpty else {
            report.failure = .unreadable(incoming, local: false)
            return false
        }
        let who = officer()
        var merging = git
        let theirAuthor = git.git(["log", "-1", "--format=%an", remoteRef]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        merging.environment["FORUMDESK_MERGE_NOTE"] =
            "theirs by \(theirAuthor.isEmpty ? "another officer" : theirAuthor) (origin/\(remoteBranchName)), merged at sync by \(who.name), \(LondonTime.display(Date()))"
        let identity = ["-c", "user.name=\(who.name)", "-c", "user.email=\(who.email)"]
        let authors = git.git([
            "log", "--format=%an", "--no-merges", base.isEmpty ? remoteRef : "\(base)..\(remoteRef)",
        ]).output
            .split(separator: "\n").map(String.init)
        var seenAuthors = Set<String>()
        let names = authors.filter { seenAuthors.insert($0).inserted }
        let credit =
            names.isEmpty
            ? "the team's changes"
            : "changes by " + names.prefix(4).joined(separator: ", ") + (names.count > 4 ? " and others" : "")
        enter(.merge, theirs: theirs)
        let merge = merging.git(
            identity + [
                "merge", "-q", "--no-edit", "--no-verify", "--allow-unrelated-histories", remoteRef,
                "-m", "Merged \(credit) from origin/\(remoteBranchName) (sync by \(who.name))",
            ])
        if !merge.ok {
            guard git.isMerging else {
                SyncRecovery(repository: git).undoMergeLeftovers(head: before, theirs: theirs)
                report.failure =
                    Self.classify(merge.errors) ?? .mergeAborted(Self.firstLine(merge.errors + merge.output))
                return false
            }
            switch settle(report: &report) {
            case .some(let problem):
                git.git(["merge", "--abort"])
                report.failure = .mergeAborted(problem)
                return false
            case nil:
                let commit = git.git(identity + ["commit", "-q", "--no-edit", "--no-verify"])
                guard commit.ok else {
                    git.git(["merge", "--abort"])
                    report.failure = .mergeAborted(Self.firstLine(commit.errors))
                    return false
                }
            }
        }
        HistoryRewrite(sync: self).enforceAfterMerge(before: before, report: &report)
        if before.isEmpty { return true }
        let changed = git.git(["diff", "--name-only", before, "HEAD"]).output.split(separator: "\n").map(String.init)
        report.changedByOthers += changed.filter { $0.hasPrefix("meetings/") && $0.hasSuffix(".json") }
        if !changed.isEmpty {
            report.lines.append(
                "merged \(changed.count) file\(changed.count == 1 ? "" : "s") changed by \(names.isEmpty ? "others" : names.joined(separator: ", "))"
            )
        }
        renumber(report: &report)
        // A program named in the shared settings is never run; say so when the team's commits bring one.
        if changed.contains("forumdesk.json"), let settings = DataStore(folder: folder).readSettings(),
            let warning = MachineSettings.ignoredWarning(settings)
        {
            report.lines.append("warning: " + warning)
        }
        return true
    }

    /// Ids this laptop allocated that another published first, renumbered and committed as sync's own work.
    /// Also run after a sync killed while renumbering, so its half-written files are finished, not left.
    func renumber(report: inout Report) {
        let git = repository
        let remoteRef = "refs/remotes/origin/\(remoteBranchName)"
        guard git.git(["rev-parse", "-q", "--verify", remoteRef]).ok else { return }
        let who = officer()
        enter(.renumber)
        let renumbered = IdentifierRenumbering(store: DataStore(folder: folder), repository: git).renumberLocal(
            against: "origin/\(remoteBranchName)")
        if !renumbered.isEmpty {
            report.lines += renumbered
            git.git(["add", "-A"])
            git.git([
                "-c", "user.name=\(who.name)", "-c", "user.email=\(who.email)", "commit", "-q", "--no-verify", "-m",
                "Renumbered ids also allocated elsewhere (sync by \(who.name))\n\n"
                    + renumbered.joined(separator: "\n"),
            ])
        }
    }

    /// Settles the files a merge left unmerged: those the driver merged with conflicts recorded (valid JSON) are
    /// taken as they are; a file deleted on one side and edited on the other keeps the edit, with a note in its
    /// `conflicts`. Returns the problem that stops the merge, or nil.
    func settle(report: inout Report) -> String? {
        let git = repository
        let status = git.git(["status", "--porcelain=v1", "-z", "--untracked-files=no"])
        let entries = status.output.split(separator: "\0").map(String.init)
        for entry in entries where entry.count > 3 {
            let code = String(entry.prefix(2)), path = String(entry.dropFirst(3))
            guard ["UU", "AA", "UD", "DU", "DD", "AU", "UA"].contains(code) else { continue }
            let full = folder.path(path)
            switch code {
            case "UU", "AA":
                // The driver leaves ours as it was when it cannot read a version: find which, and stop.
                for (stage, whose) in [
                    (1, "the common ancestor"), (2, "this folder's version"), (3, "the team's version"),
                ] {
                    let run = git.git(["cat-file", "blob", ":\(stage):\(path)"])
                    guard run.ok else { continue }
                    let reason =
                        RecordFileCheck.kind(of: path) != nil
                        ? RecordFileCheck.problem(path: path, bytes: run.bytes)
                        : ((try? JSONParser.parse(run.bytes)) == nil ? "not valid JSON" : nil)
                    if let reason {
                        let author = git.git([
                            "log", "-1", "--format=%h by %an, %as", stage == 3 ? "MERGE_HEAD" : "HEAD", "--", path,
                        ]).output
                            .trimmingCharacters(in: .whitespacesAndNewlines)
                        return "\(path) could not be merged: \(whose) cannot be read (\(reason))"
                            + (author.isEmpty ? "" : "; last changed in commit \(author)")
                    }
                }
                guard let bytes = try? PosixFileSystem().read(full), let node = try? JSONParser.parse(bytes) else {
                    return "\(path) could not be merged (not a ForumDesk JSON file on one side)"
                }
                let conflicts = MergeConflict.all(in: JSONMerge.ordered(node)).count
                report.conflicts += conflicts
                report.lines.append(
                    "\(path): merged; \(conflicts) conflict\(conflicts == 1 ? "" : "s") recorded for an officer to resolve"
                )
            case "UD", "DU":
                // UD: we changed it, they deleted it; DU: the reverse. The edit wins.
                if code == "DU" { git.git(["checkout", "--theirs", "--", path]) }
                guard let bytes = try? PosixFileSystem().read(full), let node = try? JSONParser.parse(bytes) else {
                    return "\(path) was deleted on one side and cannot be read on the other"
                }
                let note = MergeConflict(
                    path: [], ours: .null, theirs: .null, kind: code == "UD" ? .deletedThere : .deletedHere,
                    note: code == "UD"
                        ? "deleted on the other side; kept because it was edited here"
                        : "deleted here; kept because it was edited on the other side")
                var tree = JSONMerge.ordered(node)
                if case .object(var members) = tree {
                    var list: [OrderedJSON] = []
                    if let i = members.firstIndex(where: { $0.0 == MergeConflict.key }),
                        case .array(let existing) = members[i].1
                    {
                        list = existing
                        members.remove(at: i)
                    }
                    members.append((MergeConflict.key, .array(list + [note.json(note: nil)])))
                    tree = .object(members)
                }
                try? DurableFile.write(
                    JSONWriter.write(tree), to: full, fs: PosixFileSystem(), modes: DataStore(folder: folder).modes)
                report.conflicts += 1
                report.lines.append("\(path): \(note.note ?? "")")
            default:
                return "\(path) was deleted on both sides differently"
            }
            guard git.git(["add", "--", path]).ok else { return "could not stage \(path)" }
        }
        return nil
    }
}

extension GitRepository {
    var isMerging: Bool { FileManager.default.fileExists(atPath: folder.path(".git/MERGE_HEAD")) }
}
