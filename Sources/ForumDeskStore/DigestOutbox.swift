import Foundation
import ForumDeskCore

/// E-mails that belong to no one meeting: reminders to action owners in `outbox/reminders/` and councillors'
/// briefings in `outbox/briefings/` (`NoticeOutbox.digestFolders`). `send` delivers them like notices, through
/// `outbox-sending/` to `sent/`; no meeting records their delivery.
extension DataStore {
    /// Writes one digest into `outbox/<digestFolder>/<file>`, atomically and durably (the file and its folder synced).
    /// With `supersede`, e-mails to the same person still waiting in that folder are then moved to
    /// `outbox-withdrawn/<digestFolder>/` (a briefing replaces the one not yet sent); their names are returned.
    /// Throws `SaveError.refused` for a folder or name that is not a digest's, `.failed` when the disk refuses.
    @discardableResult
    public func writeDigest(
        _ text: String, named file: String, in digestFolder: String, supersede: Bool = false
    ) throws(SaveError) -> [String] {
        guard let person = NoticeOutbox.digestPerson(ofFile: file, in: digestFolder) else {
            throw .refused(
                PathError(
                    path: "\(NoticeOutbox.outbox)/\(digestFolder)/\(file)",
                    reason: "not a reminder's or a briefing's name"))
        }
        let outbox = folder.path("\(NoticeOutbox.outbox)/\(digestFolder)")
        let path = "\(outbox)/\(file)"
        if let problem = linkProblem([path, folder.path("\(NoticeOutbox.withdrawn)/\(digestFolder)/x")]) {
            throw .refused(problem)
        }
        do {
            try DurableFile.makeFolders(outbox, fs: fs, mode: modes.folder)
        } catch {
            throw .failed(path: outbox, DurableWriteError(stage: .prepare, cause: error))
        }
        do {
            try DurableFile.write(Array(text.utf8), to: path, fs: fs, modes: modes)
        } catch {
            throw .failed(path: path, error)
        }
        guard supersede else { return [] }
        var withdrawn: [String] = []
        let earlier = ((try? fs.list(outbox)) ?? []).filter {
            $0 != file && NoticeOutbox.digestPerson(ofFile: $0, in: digestFolder) == person
        }
        guard !earlier.isEmpty else { return [] }
        let aside = folder.path("\(NoticeOutbox.withdrawn)/\(digestFolder)")
        do {
            try DurableFile.makeFolders(aside, fs: fs, mode: modes.folder)
            for old in earlier.sorted() {
                try fs.rename("\(outbox)/\(old)", "\(aside)/\(old)")
                withdrawn.append(old)
            }
            try fs.fsyncDirectory(aside)
            try fs.fsyncDirectory(outbox)
        } catch {
            throw .failed(path: aside, DurableWriteError(stage: .rename, cause: error))
        }
        return withdrawn
    }
}
