import Foundation
import ForumDeskCore

/// Who has a meeting open in a form or in live notes: one small file per meeting and process,
/// `.presence/<meeting-id>.<host>.<pid>.json`, holding a `ProcessOwner`. Nothing is locked by it: others may still
/// edit (saves are checked against what was read); it only lets them see who else is at work on that meeting.
/// A file whose process is gone (`ProcessOwner.isGone`) is ignored and removed by the next reader on its machine.
/// Not part of the record: `.gitignore` leaves the folder out of `forumdesk sync`.
public struct Presence: Sendable {
    public static let folderName = ".presence"
    public let folder: DataFolder
    let fs: FileSystem

    public init(folder: DataFolder, fs: FileSystem = PosixFileSystem()) {
        self.folder = folder
        self.fs = fs
    }

    var root: String { folder.path(Self.folderName) }

    /// This process's file for a meeting; nil for an id that is not a valid meeting id, or a host name that is not a
    /// plain file name.
    func file(meetingID: String, owner: ProcessOwner) -> String? {
        guard let name = try? folder.meetingFileName(meetingID, ".\(owner.host).\(owner.pid).json"),
            DataFolder.problem(name) == nil
        else { return nil }
        return "\(root)/\(name)"
    }

    /// Says (again) that `owner` has the meeting open; `since` stays as first written, `seen` becomes now.
    /// Best effort: a folder that cannot be written shows nobody, and that is all.
    public func announce(meetingID: String, owner: ProcessOwner) {
        guard let path = file(meetingID: meetingID, owner: owner) else { return }
        try? DurableFile.makeFolders(root, fs: fs, mode: FileModes.of(folder, fs: fs).folder)
        _ = try? DurableFile.write(
            JSONWriter.write(owner.json), to: path, fs: fs, durable: false, modes: FileModes.of(folder, fs: fs))
    }

    /// Removes this process's file for a meeting.
    public func withdraw(meetingID: String, owner: ProcessOwner) {
        guard let path = file(meetingID: meetingID, owner: owner) else { return }
        fs.remove(path)
    }

    /// Everyone else who has a meeting open, by meeting id, earliest first; files of gone processes on this machine
    /// are removed.
    public func others(now: Date) -> [String: [ProcessOwner]] {
        var result: [String: [ProcessOwner]] = [:]
        let here = ProcessOwner.hostName
        for name in (try? fs.list(root)) ?? [] where name.hasSuffix(".json") && !name.hasPrefix(".") {
            guard let bytes = try? fs.read("\(root)/\(name)"), let owner = ProcessOwner.from(bytes),
                let id = name.split(separator: ".").first.map(String.init),
                name.hasPrefix("\(id).\(owner.host).\(owner.pid).")
            else { continue }
            if owner.isThisProcess { continue }
            if owner.isGone(now: now) {
                if owner.host == here { fs.remove("\(root)/\(name)") }
                continue
            }
            result[id, default: []].append(owner)
        }
        return result.mapValues { $0.sorted { $0.since < $1.since } }
    }
}
