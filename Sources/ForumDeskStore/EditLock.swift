#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// Who holds a data folder open for editing. Written as JSON to `.forumdesk.lock`.
public struct LockOwner: Sendable, Equatable {
    public var pid: Int32
    public var host: String
    public var user: String
    public var since: Date

    public static func current(now: Date) -> LockOwner {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let user = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }
            ?? ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
        return LockOwner(pid: getpid(), host: host, user: user, since: now)
    }

    public var description: String { "\(user) on \(host) (pid \(pid)) since \(LondonTime.display(since))" }
}

public enum LockResult: Sendable, Equatable {
    case acquired
    /// Someone else is editing; `stale` when that process is gone (same host) or the lock is old (other host).
    case heldBy(LockOwner, stale: Bool)
    /// The folder cannot be written at all.
    case readOnly(reason: String)
}

/// A lock file for editing sessions, as git and calcurse use: created atomically with link(2), which also
/// works on NFS, holding pid, host, user and time so a stale one can be recognised and taken over.
public struct EditLock: Sendable {
    public let folder: DataFolder
    let fs: FileSystem
    /// A lock from another host is presumed stale after this long, since its pid cannot be checked.
    public static let otherHostTimeout: TimeInterval = 12 * 3600

    public init(folder: DataFolder, fs: FileSystem = PosixFileSystem()) {
        self.folder = folder
        self.fs = fs
    }

    public func owner() -> LockOwner? {
        guard let bytes = try? fs.read(folder.lockFile), let node = try? JSONParser.parse(bytes),
              case .object(let members) = node.value else { return nil }
        func field(_ key: String) -> JSONNode.Value? { members.first { $0.key == key }?.value.value }
        guard case .number(let pid)? = field("pid"), let pidValue = Int32(pid),
              case .string(let host)? = field("host"), case .string(let user)? = field("user"),
              case .string(let since)? = field("since"), let sinceDate = LondonTime.parse(since)
        else { return nil }
        return LockOwner(pid: pidValue, host: host, user: user, since: sinceDate)
    }

    public func isStale(_ owner: LockOwner, now: Date) -> Bool {
        let me = LockOwner.current(now: now)
        if owner.host == me.host { return kill(owner.pid, 0) != 0 && errno == ESRCH }
        return now.timeIntervalSince(owner.since) > Self.otherHostTimeout
    }

    /// Takes the lock. With `takeOverStale`, replaces a stale lock (the caller has asked the user).
    public func acquire(now: Date, takeOverStale: Bool = false) -> LockResult {
        let me = LockOwner.current(now: now)
        let temp = "\(folder.lockFile).\(me.pid)-\(UInt32.random(in: 0...UInt32.max))"
        var w = FieldWriter()
        w.set("pid", Int(me.pid))
        w.set("host", me.host)
        w.set("user", me.user)
        w.set("since", date: me.since)
        do {
            let fd = try fs.openForCreate(temp, mode: DurableFile.fileMode)
            defer { fs.close(fd) }
            try fs.write(fd, JSONWriter.write(w.finish([:])), path: temp)
            try fs.fsync(fd, path: temp)
        } catch {
            fs.remove(temp)
            return .readOnly(reason: error.description)
        }
        defer { fs.remove(temp) }
        do {
            try fs.link(temp, folder.lockFile)
            try? fs.fsyncDirectory(folder.root)
            return .acquired
        } catch {
            guard error.code == EEXIST else { return .readOnly(reason: error.description) }
        }
        guard let holder = owner() else {
            // An unreadable lock (a crash while writing one) counts as stale.
            let unknown = LockOwner(pid: 0, host: "unknown", user: "unknown", since: .distantPast)
            if takeOverStale, (try? fs.rename(temp, folder.lockFile)) != nil { return .acquired }
            return .heldBy(unknown, stale: true)
        }
        if holder.pid == me.pid, holder.host == me.host { return .acquired }
        let stale = isStale(holder, now: now)
        if stale, takeOverStale, (try? fs.rename(temp, folder.lockFile)) != nil {
            try? fs.fsyncDirectory(folder.root)
            return .acquired
        }
        return .heldBy(holder, stale: stale)
    }

    /// Removes the lock if it is ours.
    public func release() {
        guard let holder = owner(), holder.pid == getpid(), holder.host == LockOwner.current(now: Date()).host else { return }
        fs.remove(folder.lockFile)
    }
}
