#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The checks a sync makes so that nothing unreadable, and no symbolic link, is committed, merged in or pushed:
/// every record file it is about to commit, that arrives from the team, or that it is about to push is read as
/// the app reads it (`RecordFileCheck`).
extension Sync {
    /// One file that stops the sync: where, why, and (for the team's files) the commit and author that brought it.
    public struct BadFile: Sendable, Equatable {
        public var path: String
        public var reason: String
        /// "abc1234 by Ben Okafor, 2026-12-07": the commit that last changed it, for a file from the team.
        public var commit: String?

        public var message: String {
            "\(path): \(reason)" + (commit.map { " (from commit \($0))" } ?? "")
        }
    }

    /// Local changes about to be committed that ForumDesk cannot read, or that are symbolic links.
    func unreadableLocalChanges() -> [BadFile] {
        let status = repository.git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"])
        var bad: [BadFile] = []
        for entry in status.output.split(separator: "\0") where entry.count > 3 {
            let code = entry.prefix(2), path = String(entry.dropFirst(3))
            if code.contains("D") { continue }
            if path.hasPrefix(".") && !path.contains("/") && path != ".gitignore" && path != ".gitattributes" {
                continue
            }
            let full = folder.path(path)
            if PosixFileSystem().isSymbolicLink(full) {
                bad.append(
                    BadFile(
                        path: path,
                        reason:
                            "a symbolic link: ForumDesk never shares one (it could point anywhere on a teammate's machine)"
                    ))
                continue
            }
            guard RecordFileCheck.kind(of: path) != nil else { continue }
            let fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            close(fd)
            guard let bytes = try? PosixFileSystem().read(full) else { continue }
            if let reason = RecordFileCheck.problem(path: path, bytes: bytes) {
                bad.append(BadFile(path: path, reason: reason))
            }
        }
        return bad
    }

    /// Files that `to` changes since `from` (or since the start, when `from` is nil) which cannot be read, or are
    /// symbolic links. Blobs are read with one `git cat-file --batch`.
    func unreadableFiles(from: String?, to: String) -> [BadFile] {
        let diff = repository.git(
            ["diff", "--raw", "-z", "--no-renames", "--no-abbrev"] + (from.map { [$0, to] } ?? [Self.emptyTree, to]))
        var fields = diff.output.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)[...]
        var bad: [BadFile] = []
        var toRead: [(path: String, blob: String)] = []
        while let meta = fields.popFirst(), meta.hasPrefix(":"), let path = fields.popFirst() {
            let parts = meta.dropFirst().split(separator: " ")
            guard parts.count >= 5 else { continue }
            let newMode = parts[1], blob = String(parts[3]), state = parts[4]
            if state.hasPrefix("D") { continue }
            if newMode == "120000" {
                bad.append(BadFile(path: path, reason: "a symbolic link: ForumDesk never follows or shares one"))
            } else if newMode == "160000" {
                bad.append(BadFile(path: path, reason: "a git submodule: not part of a ForumDesk record"))
            } else if RecordFileCheck.kind(of: path) != nil {
                toRead.append((path, blob))
            }
        }
        if !toRead.isEmpty {
            let batch = repository.git(
                ["cat-file", "--batch"], input: toRead.map(\.blob).joined(separator: "\n") + "\n")
            var bytes = batch.bytes[...]
            for file in toRead {
                // "<sha> blob <size>\n<content>\n"
                guard let newline = bytes.firstIndex(of: 0x0A) else { break }
                let header = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self).split(separator: " ")
                bytes = bytes[(newline + 1)...]
                guard header.count == 3, let size = Int(header[2]), bytes.count >= size else { continue }
                let content = Array(bytes.prefix(size))
                bytes = bytes.dropFirst(size + 1)
                if let reason = RecordFileCheck.problem(path: file.path, bytes: content) {
                    bad.append(BadFile(path: file.path, reason: reason))
                }
            }
        }
        for i in bad.indices {
            let log = repository.git(["log", "-1", "--format=%h by %an, %as", to, "--", bad[i].path])
            let line = log.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if !line.isEmpty { bad[i].commit = line }
        }
        return bad
    }

    /// git's empty tree, to compare a first commit with.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// The remote's branch to merge from and push to: the one the remote's HEAD names (so a plain `git clone`
    /// checks it out), else the only branch it has, else this folder's own branch name.
    func remoteBranch(local: String) -> String {
        let symref = repository.git(["ls-remote", "--symref", "origin", "HEAD"])
        if symref.ok, let line = symref.output.split(separator: "\n").first(where: { $0.hasPrefix("ref: refs/heads/") })
        {
            let name = line.dropFirst("ref: refs/heads/".count).split(separator: "\t").first.map(String.init) ?? ""
            if !name.isEmpty { return name }
        }
        let heads = repository.git(["ls-remote", "--heads", "origin"]).output.split(separator: "\n")
            .compactMap { $0.split(separator: "\t").last }.map { String($0.dropFirst("refs/heads/".count)) }
        // A remote on disk: its HEAD file names the branch even before the first push (`git init --bare` on a machine
        // whose default is `master`).
        if let path = localRemotePath, let text = try? String(contentsOfFile: path + "/HEAD", encoding: .utf8),
            text.hasPrefix("ref: refs/heads/")
        {
            let named = text.dropFirst("ref: refs/heads/".count).trimmingCharacters(in: .whitespacesAndNewlines)
            if heads.isEmpty || heads.contains(named) { return named }
            if heads.count == 1 {
                // HEAD names a branch that does not exist: point it at the one that does, so clones check it out.
                repository.git(["--git-dir", path, "symbolic-ref", "HEAD", "refs/heads/\(heads[0])"])
                return heads[0]
            }
        }
        if heads.count == 1 { return heads[0] }
        return heads.contains(local)
            ? local : (heads.contains("main") ? "main" : (heads.contains("master") ? "master" : local))
    }

    /// The remote's folder when it is a repository on this machine's disk (a shared drive), else nil.
    var localRemotePath: String? {
        guard let url = repository.config("remote.origin.url") else { return nil }
        let path = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
        guard !path.contains("://"), !path.contains(":") || path.hasPrefix("/") else { return nil }
        let absolute = path.hasPrefix("/") ? path : folder.path(path)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && isDirectory.boolValue
            ? absolute : nil
    }
}
