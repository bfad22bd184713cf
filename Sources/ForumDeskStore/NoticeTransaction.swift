#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// Notices as one transaction: the e-mails in `outbox/` and the notices recorded in the meeting file agree after
/// any crash, failed write or undo. Every save of a meeting goes through it (`DataStore.save`):
///
/// 1. **Stage.** `outbox-pending/<meeting>/` is created (durably): while it exists a transaction on that meeting
///    is in flight. Each e-mail the new record adds is written there under its notice's name.
/// 2. **Record.** The meeting file is saved (the usual checked, atomic, durable save). This is the commit point.
///    If it fails, the staged e-mails are removed: nothing is sent and nothing recorded.
/// 3. **Publish** (`reconcile`): e-mails in the outbox that the record no longer has (undone, or superseded and
///    marked `withdrawn`) move to `outbox-withdrawn/<meeting>/`; then each staged e-mail the record has is
///    renamed into `outbox/<meeting>/` (unless one of that name is already there: never a duplicate), any other is
///    deleted, and the pending folder is removed.
///
/// After a crash, `recoverNotices` (at the next start, and before every command that writes) runs step 3 for each
/// meeting whose pending folder is left: a crash before the commit leaves the old record and the staged e-mails are
/// discarded; after it, they are published. Names are per notice, so every step can be repeated.
extension DataStore {
    /// What a save changes in the outbox: the e-mails to stage, by notice name.
    struct NoticeChanges {
        var staged: [(name: String, bytes: [UInt8])] = []
    }

    func outboxFolder(_ id: String) -> String { folder.path("\(NoticeOutbox.outbox)/\(id)") }
    func pendingFolder(_ id: String) -> String { folder.path("\(NoticeOutbox.pending)/\(id)") }
    func withdrawnFolder(_ id: String) -> String { folder.path("\(NoticeOutbox.withdrawn)/\(id)") }

    /// The notice names of the e-mails in a meeting's outbox folder, with their file names.
    func outboxContents(_ id: String) throws(SystemCallError) -> [String: String] {
        var byNotice: [String: String] = [:]
        for file in try fs.list(outboxFolder(id)) {
            if let name = NoticeOutbox.noticeName(ofFile: file) { byNotice[name] = file }
        }
        return byNotice
    }

    /// Works out what saving `meeting` over the file at `oldPath` does to the outbox. Marks as withdrawn the earlier
    /// notices to someone who now gets a new one, when their e-mail is still in the outbox (so it will be moved
    /// aside). Returns nil when the outbox is not touched. A new notice by e-mail whose text is neither given in
    /// `mails` nor in the outbox or among the withdrawn is refused: the record would claim a notice nobody gets.
    func noticeChanges(
        _ meeting: inout Meeting, oldPath: String?, mails: [String: String]
    ) throws(SaveError) -> NoticeChanges? {
        // A new meeting file carries its notices as history: there is no earlier record to compare with.
        guard let oldPath, let bytes = try? fs.read(oldPath), let old = try? Self.decodeMeeting(bytes) else {
            return nil
        }
        let before = NoticeOutbox.expected(old.notifications)
        if NoticeOutbox.expected(meeting.notifications) == before && mails.isEmpty { return nil }
        let present: [String: String]
        do {
            present = try outboxContents(meeting.id)
        } catch {
            throw .failed(path: error.path, DurableWriteError(stage: .prepare, cause: error))
        }
        // Superseded: the outbox holds only the latest notice to each person.
        let added = NoticeOutbox.expected(meeting.notifications).subtracting(before)
        for new in meeting.notifications where added.contains(NoticeOutbox.fileName(of: new)) && new.method == .email {
            for i in meeting.notifications.indices {
                let old = meeting.notifications[i]
                let name = NoticeOutbox.fileName(of: old)
                guard old.councillor == new.councillor, old.method == .email, old.withdrawn == nil,
                    before.contains(name),
                    present[name] != nil
                else { continue }
                meeting.notifications[i].withdrawn = new.at
            }
        }
        let after = NoticeOutbox.expected(meeting.notifications)
        guard after != before else { return nil }
        // The outbox stays on this machine (it is not synced): the record says where the e-mail waits.
        let queued = after.subtracting(before)
        for i in meeting.notifications.indices
        where queued.contains(NoticeOutbox.fileName(of: meeting.notifications[i]))
            && meeting.notifications[i].method == .email && meeting.notifications[i].queuedOn == nil
        {
            meeting.notifications[i].queuedOn = ProcessOwner.machine
        }
        var changes = NoticeChanges()
        for name in after.subtracting(before).sorted() where present[name] == nil {
            if let text = mails[name] {
                changes.staged.append((name, Array(text.utf8)))
            } else if let copy = latestWithdrawn(meeting.id, name), let bytes = try? fs.read(copy) {
                // Redo of an undone notice: the same e-mail goes back.
                changes.staged.append((name, bytes))
            } else {
                let person = meeting.notifications.first { NoticeOutbox.fileName(of: $0) == name }?.councillor ?? name
                throw .noticeNotWritten(path: oldPath, person: person)
            }
        }
        return changes
    }

    /// The last copy of a notice's e-mail among the withdrawn (`name`, `name~2`…).
    func latestWithdrawn(_ id: String, _ name: String) -> String? {
        let stem = String(name.dropLast(4))
        let files = ((try? fs.list(withdrawnFolder(id))) ?? []).filter {
            $0 == name || ($0.hasPrefix(stem + "~") && $0.hasSuffix(".eml"))
        }
        let last = files.max { copyNumber($0) < copyNumber($1) }
        return last.map { "\(withdrawnFolder(id))/\($0)" }
    }

    /// The withdrawn copy (`name`, `name~2`…) with the same bytes as the e-mail at `source`, if there is one. Each
    /// e-mail withdrawn is kept once: undo and redo of one notice put the same e-mail back and take it out again,
    /// and numbered copies are kept only when the text differs (edited by hand in the outbox), so the folder holds
    /// at most one file per distinct e-mail rather than one per undo.
    func keptCopy(of source: String, named file: String, in withdrawn: String) throws(SystemCallError) -> String? {
        let stem = String(file.dropLast(4))
        let copies = try fs.list(withdrawn).filter { $0 == file || ($0.hasPrefix(stem + "~") && $0.hasSuffix(".eml")) }
        guard !copies.isEmpty else { return nil }
        let bytes = try fs.read(source)
        return copies.first { (try? fs.read("\(withdrawn)/\($0)")) == bytes }
    }

    private func copyNumber(_ file: String) -> Int {
        guard let tilde = file.lastIndex(of: "~") else { return 1 }
        return Int(file[file.index(after: tilde)...].dropLast(4)) ?? 1
    }

    /// The file in a pending folder naming the process whose transaction it is.
    static let transactionOwner = ".owner"

    /// Step 1: the pending folder (the transaction's mark) and the staged e-mails, durably.
    func stage(_ changes: NoticeChanges, meetingID id: String) throws(SaveError) {
        let pending = pendingFolder(id)
        // E-mails name councillors: never written through a link (a teammate's commit could make outbox/ one).
        if let problem = linkProblem([pending + "/x", outboxFolder(id) + "/x", withdrawnFolder(id) + "/x"]) {
            throw .refused(problem)
        }
        do {
            try DurableFile.makeFolders(pending, fs: fs, mode: modes.folder)
        } catch {
            throw .failed(path: pending, DurableWriteError(stage: .prepare, cause: error))
        }
        // Whose transaction this is: another process's recovery leaves it alone while this one is running.
        _ = try? DurableFile.write(
            JSONWriter.write(ProcessOwner.current(now: Date()).json), to: "\(pending)/\(Self.transactionOwner)", fs: fs,
            modes: modes)
        for (name, bytes) in changes.staged {
            do {
                try DurableFile.write(bytes, to: "\(pending)/\(name)", fs: fs, modes: modes)
            } catch {
                discardPending(id)
                throw .failed(path: "\(pending)/\(name)", error)
            }
        }
    }

    /// Undoes step 1 after the record could not be saved.
    func discardPending(_ id: String) {
        let pending = pendingFolder(id)
        for file in (try? fs.list(pending)) ?? [] { fs.remove("\(pending)/\(file)") }
        rmdir(pending)
        try? fs.fsyncDirectory((pending as NSString).deletingLastPathComponent)
    }

    /// Step 3, also the repair after a crash: makes a meeting's outbox what its recorded notices say. Returns what it
    /// did, one line per e-mail.
    @discardableResult
    func reconcile(_ id: String, notices: [CouncillorNotification]) throws(SystemCallError) -> [String] {
        let expected = NoticeOutbox.expected(notices)
        let outbox = outboxFolder(id), pending = pendingFolder(id), withdrawn = withdrawnFolder(id)
        if let problem = linkProblem([outbox + "/x", pending + "/x", withdrawn + "/x"]) {
            throw SystemCallError(operation: "write", path: problem.path, code: ELOOP)
        }
        var done: [String] = []
        var present = try outboxContents(id)
        // Withdraw first, so an update and what it replaces are never in the outbox together.
        for (name, file) in present.sorted(by: { $0.key < $1.key }) where !expected.contains(name) {
            try DurableFile.makeFolders(withdrawn, fs: fs, mode: modes.folder)
            let source = "\(outbox)/\(file)"
            if let kept = try keptCopy(of: source, named: file, in: withdrawn) {
                // Undone again after a redo: the same e-mail is already kept, so this copy goes.
                fs.remove(source)
                done.append(
                    "withdrew \(NoticeOutbox.outbox)/\(id)/\(file) (the same as \(NoticeOutbox.withdrawn)/\(id)/\(kept))"
                )
            } else {
                var target = "\(withdrawn)/\(file)", n = 2
                while try fs.status(target) != nil {
                    target = "\(withdrawn)/\(String(file.dropLast(4)))~\(n).eml"
                    n += 1
                }
                try fs.rename(source, target)
                done.append("withdrew \(NoticeOutbox.outbox)/\(id)/\(file) to \(NoticeOutbox.withdrawn)/\(id)/")
            }
            present[name] = nil
        }
        if !done.isEmpty {
            try fs.fsyncDirectory(withdrawn)
            try fs.fsyncDirectory(outbox)
        }
        let staged = try fs.list(pending)
        var published = false
        for file in staged {
            if !file.hasPrefix("."), expected.contains(file), present[file] == nil {
                try DurableFile.makeFolders(outbox, fs: fs, mode: modes.folder)
                try fs.rename("\(pending)/\(file)", "\(outbox)/\(file)")
                present[file] = file
                published = true
                done.append("wrote \(NoticeOutbox.outbox)/\(id)/\(file)")
            } else {
                fs.remove("\(pending)/\(file)")
                if !file.hasPrefix(".") { done.append("discarded \(file), which the meeting does not record") }
            }
        }
        if published { try fs.fsyncDirectory(outbox) }
        if try fs.status(pending) != nil {
            if rmdir(pending) != 0 { throw SystemCallError(operation: "remove folder", path: pending, code: errno) }
            try fs.fsyncDirectory((pending as NSString).deletingLastPathComponent)
        }
        return done
    }

    /// Finishes or rolls back every notice transaction a crash interrupted (see the type's comment), from the
    /// meeting files on disk. A transaction whose process is still running (its `.owner` file) is left to it.
    /// An import of meetings a crash interrupted is undone first (`undoInterruptedBatches`).
    /// Returns what it did, to tell the user.
    public func recoverNotices() -> [String] {
        var report = undoInterruptedBatches() + finishInterruptedErasures()
        let root = folder.path(NoticeOutbox.pending)
        let ids = ((try? fs.list(root)) ?? []).filter { id in
            guard !id.hasPrefix(".") else { return false }
            guard let bytes = try? fs.read("\(root)/\(id)/\(Self.transactionOwner)"),
                let owner = ProcessOwner.from(bytes)
            else { return true }
            return owner.isThisProcess || owner.isGone(now: Date())
        }
        guard !ids.isEmpty else { return report }
        let files = Dictionary(meetingFiles().map { (String($0.stem), $0.path) }, uniquingKeysWith: { a, _ in a })
        for id in ids {
            let notices: [CouncillorNotification]
            if let path = files[id] {
                guard let bytes = try? fs.read(path), let meeting = try? Self.decodeMeeting(bytes) else {
                    report.append(
                        "\(NoticeOutbox.pending)/\(id)/ left as it is: \(SaveError.short(path)) cannot be read")
                    continue
                }
                notices = meeting.notifications
            } else {
                notices = []  // the meeting is gone: nothing it recorded is owed
            }
            do {
                let done = try reconcile(id, notices: notices)
                report +=
                    done.isEmpty
                    ? ["interrupted notice of \(id): nothing had been written yet; the outbox and the record agree"]
                    : done.map { "interrupted notice of \(id): \($0)" }
            } catch {
                report.append("\(NoticeOutbox.pending)/\(id)/ could not be finished: \(error.description)")
            }
        }
        return report
    }

    /// What a crash left unfinished, for a command that only reads (it holds no lock, so it cannot repair): each
    /// open notice transaction (`outbox-pending/<meeting>/`, where the outbox and the record may disagree) and each
    /// import not yet committed. The next command that writes, or the app, finishes or undoes them.
    public func unfinishedTransactions() -> [Diagnostic] {
        let pending = ((try? fs.list(folder.path(NoticeOutbox.pending))) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return pending.map { id in
            Diagnostic(
                path: pendingFolder(id), position: nil,
                message:
                    "an unfinished notice of meeting \(id) (interrupted, or being written now): the outbox and the "
                    + "meeting record may disagree until the next command that writes (`notify`, `import`, `purge`) or the app finishes it"
            )
        }
            + batchJournals().map { journal in
                Diagnostic(
                    path: folder.path(journal.name), position: nil,
                    message:
                        "an unfinished import of \(journal.paths.count) meeting(s) (interrupted, or being written now): "
                        + "left out until it commits; if it was interrupted, the next command that writes or the app removes its files"
                )
            }
    }
}
