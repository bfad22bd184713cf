#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What a sync is about to do, written to `.git/forumdesk-sync.json` before each phase that changes the
/// folder or its repository, and removed when the sync ends. A sync killed at any point leaves it behind, and
/// the next sync (or the app's start) reads it to finish or undo exactly that phase (`SyncRecovery`).
///
/// Shape: `{"phase": "merge", "head": "<commit before the phase>", "theirs": "<commit merged in>", "pid": 1234}`.
public struct SyncJournal: Sendable, Equatable {
    public enum Phase: String, Sendable {
        /// Committing local changes (`git add -A`, `git commit`): nothing to undo, locks to clear.
        case commit
        /// Merging `theirs` into `head`: the working tree may hold part of the merge.
        case merge
        /// Renumbering ids after a merge: files may be rewritten but not yet committed.
        case renumber
        /// Pushing: the remote may or may not have the commits; the next fetch tells.
        case push
    }

    public var phase: Phase
    /// The commit HEAD named when the phase began (empty: no commit yet).
    public var head: String
    /// The commit being merged in (merge phase only).
    public var theirs: String
    public var pid: Int32

    public init(phase: Phase, head: String, theirs: String = "", pid: Int32 = getpid()) {
        self.phase = phase
        self.head = head
        self.theirs = theirs
        self.pid = pid
    }

    static func path(_ folder: DataFolder) -> String { folder.path(".git/forumdesk-sync.json") }

    /// Writes the journal durably (it must be on disk before the phase it announces starts).
    func write(_ folder: DataFolder) throws {
        let json = OrderedJSON.object([
            ("phase", .string(phase.rawValue)), ("head", .string(head)), ("theirs", .string(theirs)),
            ("pid", .string(String(pid))),
        ])
        try DurableFile.write(JSONWriter.write(json), to: Self.path(folder), fs: PosixFileSystem(), modes: .personal)
    }

    /// The journal a sync left, or nil. A journal that cannot be read is treated as a killed merge of unknown
    /// commits (`head` empty), which recovery handles by putting the working tree back to HEAD's merged files.
    static func read(_ folder: DataFolder) -> SyncJournal? {
        guard let bytes = try? PosixFileSystem().read(path(folder)) else { return nil }
        guard let node = try? JSONParser.parse(bytes), case .object(let members) = node.value else {
            return SyncJournal(phase: .merge, head: "", pid: 0)
        }
        func text(_ key: String) -> String {
            if case .string(let s)? = members.first(where: { $0.key == key })?.value.value { return s }
            return ""
        }
        let pid = Int32(text("pid")) ?? 0
        return SyncJournal(
            phase: Phase(rawValue: text("phase")) ?? .merge, head: text("head"), theirs: text("theirs"), pid: pid)
    }

    /// Whether a sync (or the git a killed one left running) is writing the team's changes into the folder now:
    /// a save waits for it, so git never writes over a file saved after it looked (`DataStore.write`).
    public static func mergeInProgress(_ folder: DataFolder) -> Bool {
        guard let journal = read(folder), journal.phase == .merge || journal.phase == .renumber else { return false }
        // The app's own sync runs on a thread of its own: its saves wait for it; the sync's own writes do not.
        if journal.pid == getpid() { return Thread.current.threadDictionary[Sync.threadKey] == nil }
        if journal.pid > 0, kill(journal.pid, 0) == 0 { return true }
        return !SyncRecovery.gitProcesses(in: folder.root).isEmpty
    }

    static func remove(_ folder: DataFolder) {
        unlink(path(folder))
    }
}

/// Puts a data folder's repository right after a sync (or any git) was killed: waits for git processes still
/// working in the folder, removes the lock files only dead processes can have left, and finishes or undoes the
/// phase the journal names. Call with the commands' turn held, so no other ForumDesk sync runs here.
public struct SyncRecovery: Sendable {
    public let repository: GitRepository
    public var folder: DataFolder { repository.folder }

    public init(repository: GitRepository) {
        self.repository = repository
    }

    /// Seconds to wait for a git left running by a killed sync (a push on a slow network) before giving up.
    public static let gitWait: TimeInterval = 60

    /// Runs every recovery step; returns what it did, in words, and a problem that stops the sync (or nil).
    public func recover() -> (lines: [String], problem: String?) {
        var lines: [String] = []
        guard FileManager.default.fileExists(atPath: folder.path(".git")) else { return ([], nil) }
        let deadline = Date().addingTimeInterval(Self.gitWait)
        var waited = false
        while !Self.gitProcesses(in: folder.root).isEmpty {
            guard Date() < deadline else {
                return (
                    lines,
                    "a git program is still working in \(folder.root) (process \(Self.gitProcesses(in: folder.root).map(String.init).joined(separator: ", "))); wait for it or stop it, then sync again"
                )
            }
            if !waited { lines.append("waiting for a git program still working in the folder"); waited = true }
            usleep(100_000)
        }
        let journal = SyncJournal.read(folder)
        let locks = staleLocks()
        for lock in locks { unlink(lock) }
        if !locks.isEmpty {
            let names = locks.map { String($0.dropFirst(folder.root.count + 1)) }
            lines.append(
                "removed \(locks.count) lock\(locks.count == 1 ? "" : "s") left by an interrupted git: \(names.joined(separator: ", "))"
            )
        }
        if FileManager.default.fileExists(atPath: folder.path(".git/MERGE_HEAD")) {
            if !repository.git(["merge", "--abort"]).ok { repository.git(["reset", "-q", "--merge"]) }
            lines.append("undid a merge an interrupted sync had left")
        }
        if let journal {
            switch journal.phase {
            case .merge: lines += undoMergeLeftovers(head: journal.head, theirs: journal.theirs)
            case .renumber, .commit, .push: break
            }
            if journal.phase == .renumber {
                lines.append("an interrupted sync was renumbering ids: this sync does it again")
            }
            SyncJournal.remove(folder)
        }
        return (lines, nil)
    }

    /// A merge killed before git recorded it: every file the merge could have written (those the remote changed
    /// since the common ancestor) that differs from the commit before the merge is put back to that commit, so the
    /// next commit of local changes holds only the officer's own edits. Files the merge never touches are left.
    @discardableResult
    func undoMergeLeftovers(head before: String, theirs: String) -> [String] {
        let head = repository.git(["rev-parse", "-q", "--verify", "HEAD"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        // The merge was recorded (HEAD moved on): nothing to undo.
        guard !before.isEmpty, head == before else {
            if before.isEmpty { repository.git(["reset", "-q"]) }
            return []
        }
        var touched: [String] = []
        var base = ""
        let knownTheirs = !theirs.isEmpty && repository.git(["cat-file", "-e", theirs + "^{commit}"]).ok
        if knownTheirs {
            base = repository.git(["merge-base", head, theirs]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            let range = base.isEmpty ? [Sync.emptyTree, theirs] : [base, theirs]
            touched = repository.git(["diff", "--name-only", "-z", "--no-renames"] + range).output.split(
                separator: "\0"
            ).map(String.init)
        } else {
            // Not known what was merged: every tracked file that differs from HEAD.
            touched = repository.git(["diff", "--name-only", "-z", "--no-renames", "HEAD"]).output.split(
                separator: "\0"
            ).map(String.init)
        }
        repository.git(["reset", "-q"])
        let dirty = Set(
            repository.git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]).output
                .split(separator: "\0").map { String($0.dropFirst(3)) })
        var putBack = 0, keptEdits = 0
        for path in touched where dirty.contains(path) {
            let headBytes = repository.git(["cat-file", "blob", "HEAD:\(path)"])
            // Someone's edit made after the sync was killed, in a file the merge had written: kept, on top of HEAD.
            if knownTheirs, headBytes.ok,
                let kept = officersEdit(path: path, head: headBytes.bytes, base: base, theirs: theirs)
            {
                if (try? DurableFile.write(
                    kept, to: folder.path(path), fs: PosixFileSystem(), modes: DataStore(folder: folder).modes)) != nil
                {
                    keptEdits += 1
                    continue
                }
            }
            if headBytes.ok {
                if repository.git(["checkout", "-q", "HEAD", "--", path]).ok { putBack += 1 }
            } else if unlink(folder.path(path)) == 0 {
                putBack += 1
            }
        }
        var lines: [String] = []
        if putBack > 0 {
            lines.append(
                "undid the part of a merge an interrupted sync had written: \(putBack) file\(putBack == 1 ? "" : "s") put back as committed"
            )
        }
        if keptEdits > 0 {
            lines.append(
                "kept the edits made since in \(keptEdits) file\(keptEdits == 1 ? "" : "s") the interrupted merge had written, without the merge"
            )
        }
        return lines.isEmpty ? ["an interrupted sync had not yet merged anything"] : lines
    }

    /// A file the killed merge wrote and someone then edited: the merge's result is worked out again (the same
    /// merge of the common ancestor, HEAD and theirs; or theirs alone, for a fast-forward); when the file is
    /// neither, the difference between that result and the file (the edit) is applied to HEAD's version by the
    /// same three-way merge. Nil when the file is just the merge's leftover (or cannot be read: git was cut
    /// short writing it), so it is put back.
    func officersEdit(path: String, head: [UInt8], base: String, theirs: String) -> [UInt8]? {
        func tree(_ bytes: [UInt8]?) -> OrderedJSON? {
            bytes.flatMap { try? JSONParser.parse($0) }.map(JSONMerge.ordered)
        }
        func blob(_ commit: String) -> [UInt8]? {
            guard !commit.isEmpty else { return nil }
            let run = repository.git(["cat-file", "blob", "\(commit):\(path)"])
            return run.ok ? run.bytes : nil
        }
        guard let current = tree(try? PosixFileSystem().read(folder.path(path))), let headTree = tree(head) else {
            return nil
        }
        let theirsTree = tree(blob(theirs))
        let merged = theirsTree.map { JSONMerge.merge(base: tree(blob(base)), ours: headTree, theirs: $0).merged }
        func withoutConflicts(_ t: OrderedJSON) -> OrderedJSON {
            guard case .object(let members) = t else { return t }
            return .object(members.filter { $0.0 != MergeConflict.key })
        }
        let candidates = [merged, theirsTree].compactMap { $0 }
        if candidates.contains(where: { withoutConflicts($0) == withoutConflicts(current) }) { return nil }
        guard let reference = merged ?? theirsTree else { return nil }
        // The edit is what differs from the merge's result; the merge's own conflicts are not part of it.
        var edited = withoutConflicts(current)
        if case .object(var members) = edited, case .object(let ref) = reference,
            let conflicts = ref.last(where: { $0.0 == MergeConflict.key })
        {
            members.append(conflicts)
            edited = .object(members)
        }
        let result = JSONMerge.merge(base: reference, ours: edited, theirs: headTree)
        return JSONWriter.write(result.merged)
    }

    /// Lock files in `.git` (index, HEAD, refs, config, packed-refs, shallow, any worktree's): git creates each
    /// with O_EXCL and removes it when done, so with no git running in the folder any one left is stale.
    func staleLocks() -> [String] {
        let gitDir = folder.path(".git")
        var found: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: gitDir) else { return [] }
        while let item = walker.nextObject() as? String {
            if item.hasPrefix("objects/") || item == "objects" {
                if item == "objects" { walker.skipDescendants() }
                continue
            }
            if item.hasSuffix(".lock") { found.append(gitDir + "/" + item) }
        }
        return found.sorted()
    }

    /// Processes running git whose working folder is `root` or inside it (Linux's /proc); empty elsewhere.
    static func gitProcesses(in root: String) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let resolved =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: root)).map { $0.hasPrefix("/") ? $0 : root }
            ?? root
        let roots = Set([root, resolved, URL(fileURLWithPath: root).resolvingSymlinksInPath().path])
        var found: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != getpid() else { continue }
            guard let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd"),
                roots.contains(where: { cwd == $0 || cwd.hasPrefix($0 + "/") })
            else { continue }
            guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe") else {
                continue
            }
            let name = (exe as NSString).lastPathComponent
            if name == "git" || name.hasPrefix("git-") { found.append(pid) }
        }
        return found
    }
}
