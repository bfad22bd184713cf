#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// The files ForumDesk itself wrote for one meeting outside `meetings/`: outbox e-mails (sent or withdrawn), letters
/// (`letters/<id>/`), conflict copies and exported minutes or agendas. They hold names and addresses, so retention deletes them; it deletes only these,
/// matched by the names ForumDesk gives them, never a folder as a whole and never through a symbolic link.
extension DataStore {
    /// Paths (under the data folder) of the generated files of meeting `id`, then the outbox folder itself when it
    /// would be left empty. None for an id that is not a valid meeting id.
    public func generatedFiles(ofMeeting id: String) -> [String] {
        guard MeetingID(id) != nil else { return [] }
        var result: [String] = []
        // E-mails still to send, being sent, sent (with their delivery logs) and withdrawn unsent (superseded or
        // undone): all name their recipients.
        for parent in [NoticeOutbox.outbox, NoticeOutbox.sending, NoticeOutbox.sent, NoticeOutbox.withdrawn] {
            let outbox = folder.path("\(parent)/\(id)")
            guard !fs.isSymbolicLink(folder.path(parent)), !fs.isSymbolicLink(outbox) else { continue }
            let names = (try? fs.list(outbox)) ?? []
            let ours = names.filter { Self.isOutboxFile($0) && isPlainFile("\(outbox)/\($0)") }
            result += ours.map { "\(outbox)/\($0)" }
            if !names.isEmpty, ours.count == names.count { result.append(outbox) }
        }
        // Letters for printing name and address their recipients.
        result += letterFiles(ofMeeting: id)
        for (sub, matches) in [("conflicts", Self.isConflictCopy), ("exports", Self.isExport)] {
            let dir = folder.path(sub)
            guard !fs.isSymbolicLink(dir) else { continue }
            for name in (try? fs.list(dir)) ?? [] where matches(name, id) && isPlainFile("\(dir)/\(name)") {
                result.append("\(dir)/\(name)")
            }
        }
        return result
    }

    /// Deletes one path from `generatedFiles`: a file, or the (then empty) outbox folder.
    public func deleteGenerated(_ path: String) throws(SaveError) {
        try checkNoLinks(path)
        let isFolder = (try? fs.status(path))??.isDirectory == true
        if (isFolder ? rmdir(path) : unlink(path)) != 0, errno != ENOENT {
            throw .failed(
                path: path,
                DurableWriteError(stage: .rename, cause: SystemCallError(operation: "delete", path: path, code: errno)))
        }
        try? fs.fsyncDirectory((path as NSString).deletingLastPathComponent)
    }

    func isPlainFile(_ path: String) -> Bool {
        !fs.isSymbolicLink(path) && (try? fs.status(path))??.isDirectory == false
    }

    /// `20261102T101500-cllr-ada-bellweather-request-3.eml` (and `-2` when taken), or a temp file of one.
    static func isOutboxFile(_ name: String) -> Bool {
        ((name.hasSuffix(".eml") || name.hasSuffix(".eml.log")) && !name.hasPrefix("."))
            || (name.hasPrefix(".") && name.contains(".eml\(DurableFile.tempMarker)"))
    }

    /// `<id>-2026-11-29T101500.json`, as `saveConflictCopy` names it.
    static func isConflictCopy(_ name: String, of id: String) -> Bool {
        guard name.hasPrefix(id + "-"), name.hasSuffix(".json") else { return false }
        let stamp = Array(name.dropFirst(id.count + 1).dropLast(5).utf8)
        let shape = Array("dddd-dd-ddTdddddd".utf8)
        return stamp.count == shape.count
            && zip(stamp, shape).allSatisfy { b, s in
                s == UInt8(ascii: "d") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) : b == s
            }
    }

    /// `<id>-minutes.md`, `<id>-agenda-2.html`…, as the app's `e` export names them.
    static func isExport(_ name: String, of id: String) -> Bool {
        guard name.hasPrefix(id + "-") else { return false }
        let rest = name.dropFirst(id.count + 1)
        guard let dot = rest.lastIndex(of: "."), ["md", "txt", "html"].contains(rest[rest.index(after: dot)...]) else {
            return false
        }
        let stem = rest[..<dot]
        for kind in ["minutes", "agenda"] where stem.hasPrefix(kind) {
            let suffix = stem.dropFirst(kind.count)
            if suffix.isEmpty { return true }
            if suffix.first == "-", suffix.count > 1, suffix.dropFirst().allSatisfy(\.isASCII),
                suffix.dropFirst().allSatisfy(\.isNumber)
            {
                return true
            }
        }
        return false
    }
}
