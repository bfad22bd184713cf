import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// A meeting's history (from git, `MeetingHistory`: who changed it, when, what) and the merge conflicts a sync
/// recorded in its file (`MergeConflict`), each resolved here by keeping ours or taking theirs, as an ordinary
/// save (checked, undoable). Reached with `H` from the meeting screen. The App reads the file and the history
/// when the screen opens (`load`); the screen itself touches no disk.
struct MeetingHistoryScreen: Screen {
    let meetingID: String
    /// The meeting's file as a tree, to resolve conflicts at their paths; nil until loaded or when unreadable.
    var tree: OrderedJSON?
    var conflicts: [MergeConflict] = []
    var entries: [MeetingHistory.Entry] = []
    var historyProblem: String?
    var selected = 0
    var offset = 0

    init(meetingID: String) {
        self.meetingID = meetingID
    }

    var title: String { "Meeting history" }
    func meetingsInFull(_ c: Context) -> [String] { [meetingID] }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Conflicts",
                [
                    Binding(
                        [.char("t")], "Take theirs: their value replaces ours for the selected conflict", .takeTheirs,
                        hint: "theirs"),
                    Binding(
                        [.char("o")], "Keep ours: the selected conflict is settled with our value", .keepOurs,
                        hint: "ours"),
                ]),
            Keys.movement,
        ])
    }

    /// Reads the file's conflicts and the git history.
    mutating func load(_ store: DataStore, data: DataSet) {
        if let text = store.textOnDisk(meetingID: meetingID, in: data),
            let node = try? JSONParser.parse(Array(text.utf8))
        {
            tree = JSONMerge.ordered(node)
            conflicts = tree.map(MergeConflict.all(in:)) ?? []
        }
        switch MeetingHistory(folder: store.folder).entries(meetingID: meetingID) {
        case .success(let list): entries = list
        case .failure(let error): historyProblem = error.message
        }
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        switch command {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, conflicts.count - 1), selected + 1)
        case .pageUp: offset = max(0, offset - 10)
        case .pageDown: offset += 10
        case .takeTheirs, .keepOurs:
            guard let tree, conflicts.indices.contains(selected) else {
                return [.message(.info("No conflict to resolve here"))]
            }
            let conflict = conflicts[selected]
            let takeTheirs = command == .takeTheirs
            guard let resolved = MergeConflict.resolve(tree, index: selected, takeTheirs: takeTheirs),
                let meeting = try? DataStore.decodeMeeting(JSONWriter.write(resolved))
            else {
                return [.message(.error("That conflict's place is no longer in the meeting: keep ours to clear it"))]
            }
            self.tree = resolved
            conflicts = MergeConflict.all(in: resolved)
            selected = min(selected, max(0, conflicts.count - 1))
            let label =
                "\(takeTheirs ? "took theirs" : "kept ours") for \(conflict.place.isEmpty ? "the meeting" : conflict.place)"
            return [.edit(.saveMeeting(meeting, label: label))]
        default: break
        }
        return []
    }

    static func shown(_ value: OrderedJSON) -> String {
        switch value {
        case .string(let s): return "“\(s)”"
        case .null: return "(none)"
        default:
            return String(decoding: JSONWriter.write(value), as: UTF8.self).split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.joined(separator: " ")
        }
    }

    func lines(_ c: Context) -> [StyledLine] {
        var out: [StyledLine] = []
        if conflicts.isEmpty {
            out.append(StyledLine("No merge conflicts.", Theme.good))
        } else {
            out.append(StyledLine("Merge conflicts (\(conflicts.count)): t takes theirs, o keeps ours", Theme.warning))
            for (i, conflict) in conflicts.enumerated() {
                let mark = i == selected ? "▶ " : "  "
                let place = conflict.place.isEmpty ? "the meeting" : conflict.place
                switch conflict.kind {
                case .bothChanged:
                    out.append(
                        StyledLine(mark + place + ": changed on both sides", i == selected ? Theme.selected : .bold))
                    out.append(StyledLine("    ours (kept): \(Self.shown(conflict.ours))"))
                    out.append(StyledLine("    theirs:      \(Self.shown(conflict.theirs))"))
                case .deletedHere, .deletedThere, .renumbered:
                    out.append(
                        StyledLine(
                            mark + place + ": " + (conflict.note ?? conflict.kind.rawValue),
                            i == selected ? Theme.selected : .bold))
                }
                if let note = conflict.note, conflict.kind == .bothChanged {
                    out.append(StyledLine("    \(note)", Theme.muted))
                }
            }
        }
        out.append(.empty)
        out.append(StyledLine("Changes (newest first)", Theme.header))
        if let historyProblem { out.append(StyledLine(historyProblem, Theme.muted)) }
        if historyProblem == nil, entries.isEmpty {
            out.append(StyledLine("No recorded changes yet: `forumdesk sync` records them.", Theme.muted))
        }
        for entry in entries {
            let what = entry.changes.isEmpty ? "(no change to the meeting)" : entry.changes.joined(separator: "; ")
            out.append(StyledLine("\(LondonTime.display(entry.date))  \(entry.author)  \(what)"))
        }
        return out
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let heading =
            c.data.meeting(meetingID).map { "History: \($0.title), \(LondonTime.display($0.start))" }
            ?? "History: \(meetingID)"
        buffer.put(heading, x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: Theme.title)
        TextView(lines: lines(c)).render(
            in: Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: max(0, area.height - 2)),
            into: &buffer, offset: offset)
    }
}
