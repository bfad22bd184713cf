#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// How far a durable write got before it failed.
public enum WriteStage: String, Sendable {
    case prepare, write, fsync, rename, fsyncFolder
}

public struct DurableWriteError: Error, Sendable, Equatable {
    public var stage: WriteStage
    public var cause: SystemCallError
    /// After a successful rename the new content is in place even though the write reported an error.
    public var replaced: Bool { stage == .fsyncFolder }
}

/// The modes of the files and folders ForumDesk writes: private to the user, unless the data folder is shared by a
/// group (the folder has its setgid bit, or `forumdesk.json` says `"sharedWithGroup": true`), when colleagues in
/// the folder's group can read every file, the lock (who is editing) among them.
public struct FileModes: Sendable, Equatable {
    public var file: mode_t
    public var folder: mode_t
    public static let personal = FileModes(file: 0o600, folder: 0o700)
    /// setgid on folders keeps new files in the shared group.
    public static let group = FileModes(file: 0o640, folder: 0o2750)

    /// The modes for writing in `folder`.
    public static func of(_ folder: DataFolder, fs: FileSystem) -> FileModes {
        var info = stat()
        if stat(folder.root, &info) == 0, info.st_mode & S_ISGID != 0 { return .group }
        guard let bytes = try? fs.read(folder.settings), let node = try? JSONParser.parse(bytes),
            case .object(let members) = node.value,
            case .bool(true)? = members.last(where: { $0.key == "sharedWithGroup" })?.value.value
        else { return .personal }
        return .group
    }
}

/// Atomic, durable replacement of a file: temp file in the same folder (in the modes asked), write, fsync, rename,
/// fsync the folder. A reader sees the old file or the new one, never a mixture, and a power cut after return keeps
/// the new one.
public enum DurableFile {
    static let tempMarker = ".tmp-"

    /// `durable: false` (for caches) skips both fsyncs: still atomic, but a power cut may leave the old file.
    /// `modes`: the data folder's (`DataStore.modes`) for anything in it; `.personal` only for a file the user
    /// named outside it.
    public static func write(
        _ bytes: [UInt8], to path: String, fs: FileSystem, durable: Bool = true,
        modes: FileModes
    ) throws(DurableWriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        do {
            try makeFolders(folder, fs: fs, mode: modes.folder)
        } catch {
            throw DurableWriteError(stage: .prepare, cause: error)
        }
        let temp = "\(folder)/.\(name)\(tempMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd: Int32
        do {
            fd = try fs.openForCreate(temp, mode: modes.file)
        } catch {
            throw DurableWriteError(stage: .prepare, cause: error)
        }
        var stage = WriteStage.write
        do {
            try fs.write(fd, bytes, path: temp)
            stage = .fsync
            if durable { try fs.fsync(fd, path: temp) }
            fs.close(fd)
            stage = .rename
            try fs.rename(temp, path)
        } catch {
            if stage != .rename { fs.close(fd) }
            fs.remove(temp)
            throw DurableWriteError(stage: stage, cause: error)
        }
        guard durable else { return }
        do {
            try fs.fsyncDirectory(folder)
        } catch {
            throw DurableWriteError(stage: .fsyncFolder, cause: error)
        }
    }

    /// Creates missing folders (`mode`) and makes their entries durable in their parents.
    static func makeFolders(_ folder: String, fs: FileSystem, mode: mode_t) throws(SystemCallError) {
        if try fs.status(folder) != nil { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolders(parent, fs: fs, mode: mode) }
        try fs.makeDirectory(folder, mode: mode)
        if !parent.isEmpty { try fs.fsyncDirectory(parent) }
    }

    /// Whether a file name is one of our temp files, and the pid that wrote it.
    static func tempFileOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: tempMarker, options: .backwards) else { return nil }
        let rest = name[marker.upperBound...]
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        return Int32(rest[..<dash])
    }
}

/// FNV-1a, 64 bit: a cheap fingerprint of a file's bytes to notice that someone else changed it.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
