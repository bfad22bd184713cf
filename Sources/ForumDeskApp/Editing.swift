import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// How the data folder was opened.
public enum Access: Sendable, Equatable {
    /// Saves go to the store.
    case editable
    /// Nothing can be saved; the reason shows in the top bar and in the message when an edit is tried.
    case readOnly(String)
}

/// An edit that could not be written (disk full, I/O error) and is kept in memory until a retry works.
struct PendingSave: Sendable {
    var edit: Edit
}

struct UndoEntry: Sendable {
    /// What undoing does, and what redoing does.
    var undo: Edit
    var redo: Edit
}

/// What became of an edit. Every caller decides from this, never from the footer message or the undo stack.
enum EditOutcome: Sendable, Equatable {
    /// Written to disk (the footer may still warn, e.g. the outbox move waits for the next start).
    case saved
    /// Not written; the change is shown and kept in memory, and Ctrl-S retries.
    case keptInMemory(SaveError)
    /// Someone else changed the file: nothing was written, and the conflict choice (or a reload) followed.
    case conflict(path: String)
    /// Not done and not kept: read-only, or the store refused it; the footer says why.
    case refused(String)
}

extension App {
    /// The edit that puts things back as they were before `edit`.
    func inverse(of edit: Edit) -> Edit? {
        switch edit {
        case .saveMeeting(let meeting, let label), .notify(let meeting, _, let label):
            // Undoing a notice saves the meeting without it, which withdraws its e-mail from the outbox.
            if let before = context.data.meeting(meeting.id) { return .saveMeeting(before, label: "undo " + label) }
            return .deleteMeeting(meeting.id, label: "undo " + label)
        case .deleteMeeting(let id, let label):
            return context.data.meeting(id).map { .saveMeeting($0, label: "undo " + label) }
        case .saveDirectory(_, let label):
            return .saveDirectory(context.data.directory, label: "undo " + label)
        case .saveTopic(let topic, let label):
            if let before = context.data.topic(topic.id) { return .saveTopic(before, label: "undo " + label) }
            return .deleteTopic(topic.id, label: "undo " + label)
        case .deleteTopic(let id, let label):
            return context.data.topic(id).map { .saveTopic($0, label: "undo " + label) }
        case .saveConsultation(let consultation, let label):
            if let before = context.data.consultation(consultation.id) {
                return .saveConsultation(before, label: "undo " + label)
            }
            return .deleteConsultation(consultation.id, label: "undo " + label)
        case .deleteConsultation(let id, let label):
            return context.data.consultation(id).map { .saveConsultation($0, label: "undo " + label) }
        case .saveTemplate(let kind, _, let label):
            return .saveTemplate(kind, context.data.templates[kind], label: "undo " + label)
        case .batch(let edits, let label):
            return .batch(edits.compactMap(inverse).reversed(), label: "undo " + label)
        }
    }

    @discardableResult
    mutating func applyEdit(_ edit: Edit, recordUndo: Bool = true) -> EditOutcome {
        guard let store else {
            let reason = "Read-only: \(readOnlyReason ?? "no data folder"). Nothing was changed."
            message = .error(reason)
            return .refused(reason)
        }
        if case .batch(let edits, let label) = edit {
            return applyBatch(edits, label: label, store: store, recordUndo: recordUndo)
        }
        let asMade = edit
        let edit: Edit
        do {
            edit = try completing(asMade, store: store)
        } catch {
            return failedSave(asMade, error, store: store)
        }
        let undo = inverse(of: edit)
        var warning: SaveError?
        do {
            try write(edit, with: store)
        } catch .outboxNotUpdated(let path, let cause) {
            // The record is saved; only the move of its e-mails waits (for the next save or start).
            warning = .outboxNotUpdated(path: path, cause)
        } catch {
            return failedSave(edit, error, store: store)
        }
        if recordUndo, let undo {
            undoStack.append(UndoEntry(undo: undo, redo: edit))
            redoStack.removeAll()
        }
        refresh(after: edit)
        message = warning.map { .error("Saved: \(edit.label); \($0.description)") } ?? .info("Saved: \(edit.label)")
        retryPendingSaves(store)
        return .saved
    }

    /// Each save of a batch is its own durable write; those that succeed are undone together. One that fails
    /// is handled as a single save would be (kept for a retry, or offered as a conflict) and the rest go on.
    mutating func applyBatch(_ edits: [Edit], label: String, store: DataStore, recordUndo: Bool) -> EditOutcome {
        var done: [Edit] = []
        var undos: [Edit] = []
        var failure: (Edit, SaveError)?
        for edit in edits {
            do {
                let edit = try completing(edit, store: store)
                let undo = inverse(of: edit)
                try write(edit, with: store)
                done.append(edit)
                if let undo { undos.insert(undo, at: 0) }
                refresh(after: edit)
            } catch {
                if failure == nil { failure = (edit, error) } else { failedSave(edit, error, store: store) }
            }
        }
        if recordUndo, !done.isEmpty {
            undoStack.append(UndoEntry(undo: .batch(undos, label: "undo " + label), redo: .batch(done, label: label)))
            redoStack.removeAll()
        }
        if let (edit, error) = failure {
            let outcome = failedSave(edit, error, store: store)
            if case .error(let text) = message { message = .error("\(done.count) of \(edits.count) saved; " + text) }
            return outcome
        }
        message = .info("Saved: \(label)")
        retryPendingSaves(store)
        return .saved
    }

    /// An edit made on a summary (a closed meeting known from the start-up index) becomes the same edit on the
    /// meeting read in full; a meeting about to be deleted is read in full first, so undo can restore all of it.
    mutating func completing(_ edit: Edit, store: DataStore) throws(SaveError) -> Edit {
        switch edit {
        case .saveMeeting(let meeting, let label) where meeting.isSummary:
            return .saveMeeting(try store.completing(meeting, in: &context.data), label: label)
        case .deleteMeeting(let id, _):
            store.hydrate(meetingID: id, in: &context.data)
            return edit
        default:
            return edit
        }
    }

    /// Writes through the store. The data set changes only on success, or when the file was replaced
    /// but the folder could not be synced (the store then knows the new content, so a retry is not a conflict).
    /// The store changes the data set in place, and only once the write is done (or, for a failed folder
    /// sync, once the file was replaced), so there is no copy of the whole history per save.
    mutating func write(_ edit: Edit, with store: DataStore) throws(SaveError) {
        switch edit {
        case .saveMeeting(let meeting, _): try store.save(meeting, in: &context.data)
        case .notify(let meeting, let mails, _): try store.save(meeting, in: &context.data, mails: mails)
        case .deleteMeeting(let id, _): try store.delete(meetingID: id, in: &context.data)
        case .saveDirectory(let directory, _): try store.saveDirectory(directory, in: &context.data)
        case .saveTopic(let topic, _): try store.save(topic, in: &context.data)
        case .deleteTopic(let id, _): try store.delete(topicID: id, in: &context.data)
        case .saveConsultation(let consultation, _): try store.save(consultation, in: &context.data)
        case .deleteConsultation(let id, _): try store.delete(consultationID: id, in: &context.data)
        case .saveTemplate(_, let template?, _): try store.save(template, in: &context.data)
        case .saveTemplate(let kind, nil, _): try store.deleteTemplate(kind, in: &context.data)
        case .batch(let edits, _): for edit in edits { try write(edit, with: store) }
        }
    }

    /// A meeting edit refreshes that meeting's warnings only; a directory edit can change any meeting's.
    mutating func refresh(after edit: Edit) {
        switch edit {
        case .saveMeeting(let m, _), .notify(let m, _, _):
            context.refresh(meetingID: m.id)
            fileHoldsItemInProgress(of: m.id)
        case .deleteMeeting(let id, _): context.refresh(meetingID: id)
        case .saveDirectory: context.refresh()
        case .saveTopic, .deleteTopic: context.refreshTopics()
        case .saveConsultation, .deleteConsultation, .saveTemplate: break
        case .batch(let edits, _): for edit in edits { refresh(after: edit) }
        }
    }

    /// The meeting's file (saved, undone, redone or changed by someone else) says which item is in progress: live
    /// notes on it stop showing a move of their own that only a read-only folder kept from the file.
    mutating func fileHoldsItemInProgress(of meetingID: String) {
        for i in stack.indices {
            guard var live = stack[i] as? LiveNotesScreen, live.meetingID == meetingID, live.movedTo != nil else {
                continue
            }
            live.movedTo = nil
            stack[i] = live
        }
    }

    @discardableResult
    mutating func failedSave(_ edit: Edit, _ error: SaveError, store: DataStore) -> EditOutcome {
        if case .notify(let mine, _, _) = edit { return failedNotify(mine, error, store: store) }
        switch error {
        case .changedOnDisk(let path):
            if case .saveMeeting(let mine, _) = edit, mine.isSummary {
                store.reload(meetingID: mine.id, in: &context.data)
                context.refresh(meetingID: mine.id)
                message = .error(
                    "\(SaveError.short(path)) was changed by someone else; ForumDesk read the new version. "
                        + "Nothing was saved: make the change again.")
                return .conflict(path: path)
            }
            guard case .saveMeeting(let mine, let label) = edit else {
                message = .error("\(error.description). Restart ForumDesk to read the new version.")
                return .conflict(path: path)
            }
            // Someone else saved meanwhile: merged by record, as sync merges; asked only when a value changed on both sides.
            var conflicts: [String] = []
            if let base = context.data.meeting(mine.id), !base.isSummary {
                do throws(SaveError) {
                    switch try store.saveMerging(mine, base: base, in: &context.data) {
                    case .merged(let merged, let theirs):
                        undoStack.append(
                            UndoEntry(
                                undo: .saveMeeting(theirs, label: "undo " + label),
                                redo: .saveMeeting(merged, label: label)))
                        redoStack.removeAll()
                        context.refresh(meetingID: merged.id)
                        message = .info("Saved: \(label) (merged with a change saved meanwhile by someone else)")
                        return .saved
                    case .conflicts(let places):
                        conflicts = places
                    }
                } catch {
                    if case .changedOnDisk = error {} else { return failedSave(edit, error, store: store) }
                }
            }
            enum Resolution: Sendable { case reloadTheirs, keepCopy, showBoth }
            overlay = .question(
                Question(
                    "Changed by someone else",
                    "\(path) was changed on disk since ForumDesk read it, so \"\(edit.label)\" was not saved. "
                        + (conflicts.isEmpty ? "" : "Both changed \(conflicts.prefix(3).joined(separator: "; ")). ")
                        + "Nothing has been overwritten.",
                    choices: [
                        ("Reload theirs (lose mine)", Resolution.reloadTheirs), ("Keep mine as a copy", .keepCopy),
                        ("Show both", .showBoth),
                    ]
                ) { app, answer in
                    switch answer {
                    case .reloadTheirs?: app.reloadTheirs(mine.id)
                    case .keepCopy?: app.keepCopy(mine)
                    case .showBoth?: app.showBoth(mine)
                    case nil: break
                    }
                })
            return .conflict(path: path)
        case .unreadableOnDisk, .incomplete, .noticeNotWritten, .refused:
            message = .error(error.description)
            return .refused(error.description)
        case .failed, .outboxNotUpdated:
            // Keep the change in memory so nothing typed is lost; the old file is intact.
            applyInMemory(edit)
            pending.append(PendingSave(edit: edit))
            message = .error("\(error.description). Ctrl-S retries.")
            return .keptInMemory(error)
        }
    }

    /// A notice that could not be recorded is not kept in memory: its e-mails were taken back out of the outbox, so a
    /// later Ctrl-S must not record a notice nobody will receive. `n` writes it again, whole.
    mutating func failedNotify(_ mine: Meeting, _ error: SaveError, store: DataStore) -> EditOutcome {
        switch error {
        case .failed(_, let cause) where cause.replaced:
            // The record is on disk (only the folder sync failed) and its e-mails are in the outbox.
            message = .error("Saved, but \(error.description)")
            return .saved
        case .changedOnDisk(let path):
            store.reload(meetingID: mine.id, in: &context.data)
            context.refresh(meetingID: mine.id)
            message = .error(
                "NOT SENT: \(SaveError.short(path)) was changed by someone else; ForumDesk read the new version. "
                    + "Nothing was written to the outbox or recorded: press n again.")
            return .conflict(path: path)
        default:
            let text = "NOT SENT: \(error.description). Nothing was written to the outbox or recorded; n tries again."
            message = .error(text)
            return .refused(text)
        }
    }

    /// Shows a change that could not be written, so the user keeps seeing (and can retry) what they entered.
    mutating func applyInMemory(_ edit: Edit) {
        switch edit {
        case .saveMeeting(let meeting, _), .notify(let meeting, _, _):
            context.data.place(meeting)
        case .deleteMeeting(let id, _):
            context.data.meetings.removeAll { $0.id == id }
        case .saveDirectory(let directory, _):
            context.data.directory = directory
        case .saveTopic(let topic, _):
            context.data.place(topic)
        case .deleteTopic(let id, _):
            context.data.topics.removeAll { $0.id == id }
        case .saveConsultation(let consultation, _):
            context.data.place(consultation)
        case .deleteConsultation(let id, _):
            context.data.consultations.removeAll { $0.id == id }
        case .saveTemplate(let kind, let template, _):
            context.data.templates[kind] = template
        case .batch(let edits, _):
            for edit in edits { applyInMemory(edit) }
        }
        refresh(after: edit)
    }

    mutating func retryPendingSaves(_ store: DataStore) {
        guard !pending.isEmpty else { return }
        var still: [PendingSave] = []
        var lastError: SaveError?
        for save in pending {
            do {
                try write(save.edit, with: store)
            } catch {
                still.append(save)
                lastError = error
            }
        }
        let saved = pending.count - still.count
        pending = still
        context.refresh()
        if let lastError {
            message = .error("\(still.count) change(s) still not saved: \(lastError.description). Ctrl-S retries.")
        } else if saved > 0 {
            message = .info("Saved \(Format.count(saved, "change")) that had failed before")
        }
    }

    mutating func undo() {
        guard let entry = undoStack.popLast() else { return message = .info("Nothing to undo") }
        if applyEdit(entry.undo, recordUndo: false) == .saved {
            redoStack.append(entry)
            message = .info("Undone: \(entry.redo.label)")
        }
    }

    mutating func redo() {
        guard let entry = redoStack.popLast() else { return message = .info("Nothing to redo") }
        if applyEdit(entry.redo, recordUndo: false) == .saved {
            undoStack.append(entry)
            message = .info("Redone: \(entry.redo.label)")
        }
    }

    /// Only the changed lines, with three lines of context around each change and "…" between hunks.
    static func hunks(_ lines: [StyledLine], context: Int = 3) -> [StyledLine] {
        let changed = lines.indices.filter { !lines[$0].plainText.hasPrefix("  ") }
        guard !changed.isEmpty else { return [StyledLine("The two versions are the same.", Theme.muted)] }
        var keep = Set<Int>()
        for i in changed { for j in max(0, i - context)...min(lines.count - 1, i + context) { keep.insert(j) } }
        var out: [StyledLine] = []
        var last = -1
        for i in keep.sorted() {
            if last >= 0, i > last + 1 { out.append(StyledLine("  …", Theme.muted)) }
            out.append(lines[i])
            last = i
        }
        return out
    }

    /// Writes the notices a meeting's councillors and invited partners are owed into the outbox and records them,
    /// as one transaction in the store (undoable: undo withdraws the e-mails).
    mutating func notify(_ meetingID: String) {
        guard let store, context.data.meeting(meetingID) != nil else {
            message = .error("Read-only: \(readOnlyReason ?? "no data folder"). Nothing was sent.")
            return
        }
        if context.data.meeting(meetingID)?.isSummary == true { store.hydrate(meetingID: meetingID, in: &context.data) }
        guard let meeting = context.data.meeting(meetingID) else { return }
        let settings = context.data.settings
        let plan = Notifier.plan(
            for: meeting, directory: context.directory,
            organiser: .init(configuredName: settings.organiserName, configuredEmail: settings.organiserEmail),
            council: settings.council, now: context.now, partners: true)
        let byHand = plan.byHand.map(\.person.name)
        guard !plan.outgoing.isEmpty else {
            message =
                byHand.isEmpty
                ? .info("Every councillor and invited partner has an up-to-date notice")
                : .info("Nothing to e-mail; by letter or phone (l, t): " + byHand.joined(separator: ", "))
            return
        }
        let mails = Dictionary(
            plan.outgoing.map { (($0.path as NSString).lastPathComponent, $0.text) }, uniquingKeysWith: { a, _ in a })
        let label = "\(Format.count(plan.outgoing.count, "notice")) written to outbox/\(meetingID)/"
        switch applyEdit(.notify(plan.meeting, mails: mails, label: label)) {
        case .saved:
            if !byHand.isEmpty {
                message = .info(
                    "\(plan.outgoing.count) e-mailed to the outbox; by letter or phone (l, t): "
                        + byHand.joined(separator: ", "))
            }
        case .keptInMemory, .conflict, .refused:
            break  // the footer says what happened; nothing is in the outbox that the record does not hold
        }
    }

    /// The minutes of a held meeting, else its agenda, in every format, under `exports/`: the bytes
    /// `forumdesk export` writes, from the meetings read in full (`MeetingDocument.sources`).
    mutating func exportDocument(_ meetingID: String) {
        guard let store, context.data.meeting(meetingID) != nil else {
            message = .error("Read-only: \(readOnlyReason ?? "no data folder"). Nothing was written.")
            return
        }
        readInFull(documentSourcesOf: meetingID)
        guard let meeting = context.data.meeting(meetingID) else { return }
        let kind = MeetingDocument.kind(of: meeting)
        do {
            var written: [String] = []
            for format in DocumentFormat.allCases {
                let name = try store.folder.meetingFileName(meeting.id, "-\(kind.rawValue).\(format.fileExtension)")
                let text = MeetingDocument.document(
                    kind, format, for: meeting, directory: context.directory,
                    allMeetings: context.data.meetings, council: context.data.settings.council)
                let path = try store.writeGenerated(text, to: "exports/\(name)")
                written.append((path as NSString).lastPathComponent)
            }
            message = .info("Wrote the \(kind.rawValue) to exports/: " + written.joined(separator: ", "))
        } catch {
            message = .error(String(describing: error))
        }
    }

    /// The lines of two versions of a file, marked where they differ: "- " only theirs, "+ " only mine, "  " both
    /// (the standard library's `CollectionDifference`, Myers' algorithm: removals are offsets in theirs, insertions
    /// offsets in mine).
    static func diff(_ theirs: [String], _ mine: [String]) -> [StyledLine] {
        let difference = mine.difference(from: theirs)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [StyledLine] = []
        var i = 0, j = 0
        while i < theirs.count || j < mine.count {
            if i < theirs.count, removed.contains(i) {
                lines.append(StyledLine("- " + theirs[i], Theme.error))
                i += 1
            } else if j < mine.count, inserted.contains(j) {
                lines.append(StyledLine("+ " + mine[j], Theme.good))
                j += 1
            } else {
                lines.append(StyledLine("  " + theirs[i], Theme.muted))
                i += 1
                j += 1
            }
        }
        return lines
    }
}
