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
    /// When the process started: boot id and start time (Linux `/proc`), so a pid reused by another process,
    /// after a reboot or not, is not taken for the holder. Nil where the system does not say.
    public var started: String?

    public init(pid: Int32, host: String, user: String, since: Date, started: String? = nil) {
        self.pid = pid
        self.host = host
        self.user = user
        self.since = since
        self.started = started
    }

    /// `<boot id>/<start time in clock ticks since boot>` of a running process, or nil.
    public static func processStart(_ pid: Int32) -> String? {
        guard let boot = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3; the start time is field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return boot.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + fields[19]
    }

    public static func current(now: Date) -> LockOwner {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let user = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }
            ?? ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
        return LockOwner(pid: getpid(), host: host, user: user, since: now, started: processStart(getpid()))
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
        (try? fs.read(folder.lockFile)).flatMap(Self.owner(from:))
    }

    static func owner(from bytes: [UInt8]) -> LockOwner? {
        guard let node = try? JSONParser.parse(bytes), case .object(let members) = node.value else { return nil }
        func field(_ key: String) -> JSONNode.Value? { members.first { $0.key == key }?.value.value }
        // A pid of 0 or below would make kill(2) ask about a whole process group: such a lock is unreadable.
        guard case .number(let pid)? = field("pid"), let pidValue = Int32(pid), pidValue > 0,
              case .string(let host)? = field("host"), case .string(let user)? = field("user"),
              case .string(let since)? = field("since"), let sinceDate = LondonTime.parse(since)
        else { return nil }
        var started: String?
        if case .string(let s)? = field("started") { started = s }
        return LockOwner(pid: pidValue, host: host, user: user, since: sinceDate, started: started)
    }

    public func isStale(_ owner: LockOwner, now: Date) -> Bool {
        let me = LockOwner.current(now: now)
        guard owner.host == me.host else { return now.timeIntervalSince(owner.since) > Self.otherHostTimeout }
        if kill(owner.pid, 0) != 0 && errno == ESRCH { return true }
        // The pid is in use: by the holder only if that process started when the holder did.
        if let recorded = owner.started, let running = LockOwner.processStart(owner.pid) { return recorded != running }
        return false
    }

    /// Whether a lock names this very process (same pid, host and start time).
    static func isMe(_ holder: LockOwner, _ me: LockOwner) -> Bool {
        holder.pid == me.pid && holder.host == me.host && (holder.started == nil || me.started == nil || holder.started == me.started)
    }

    /// Takes the lock. With `takeOverStale`, replaces a stale lock (the caller has asked the user).
    public func acquire(now: Date, takeOverStale: Bool = false) -> LockResult {
        let me = LockOwner.current(now: now)
        // Named as a save's temp files are, so a start after a crash removes one left behind.
        let temp = "\(folder.lockFile)\(DurableFile.tempMarker)\(me.pid)-\(UInt32.random(in: 0...UInt32.max))"
        var w = FieldWriter()
        w.set("pid", Int(me.pid))
        w.set("host", me.host)
        w.set("user", me.user)
        w.set("since", date: me.since)
        w.optional("started", me.started)
        let bytes = JSONWriter.write(w.finish([:]))
        do {
            let fd = try fs.openForCreate(temp, mode: FileModes.of(folder, fs: fs).file)
            defer { fs.close(fd) }
            try fs.write(fd, bytes, path: temp)
            try fs.fsync(fd, path: temp)
        } catch {
            fs.remove(temp)
            return .readOnly(reason: error.description)
        }
        defer { fs.remove(temp) }
        // A few rounds: the lock may be released, or a stale one moved aside, between two steps.
        var last: (LockOwner, Bool)?
        for _ in 0..<4 {
            do {
                do {
                    try fs.link(temp, folder.lockFile)
                } catch where Self.noHardLinks.contains(error.code) {
                    try createExclusively(bytes)
                }
                try? fs.fsyncDirectory(folder.root)
                return .acquired
            } catch {
                guard error.code == EEXIST else { return .readOnly(reason: error.description) }
            }
            guard let seen = try? fs.read(folder.lockFile) else { continue }
            // An unreadable lock (a disk fault, a hand edit) counts as stale: locks are written whole before linking.
            let holder = Self.owner(from: seen) ?? LockOwner(pid: 0, host: "unknown", user: "unknown", since: .distantPast)
            if Self.isMe(holder, me) { return .acquired }
            let stale = holder.pid == 0 || isStale(holder, now: now)
            last = (holder, stale)
            guard stale, takeOverStale else { return .heldBy(holder, stale: stale) }
            moveAside(staleLock: seen)
        }
        return last.map { .heldBy($0.0, stale: $0.1) } ?? .readOnly(reason: "the lock \(folder.lockFile) keeps changing")
    }

    /// Takes the lock; a stale one left by this user on this machine (a session that was killed, a laptop
    /// that died) is taken back without asking, since nobody else can be using it. `reclaimed` says whose.
    public func acquireReclaimingOwn(now: Date) -> (result: LockResult, reclaimed: LockOwner?) {
        let result = acquire(now: now)
        let me = LockOwner.current(now: now)
        guard case .heldBy(let owner, stale: true) = result, owner.host == me.host, owner.user == me.user,
              acquire(now: now, takeOverStale: true) == .acquired
        else { return (result, nil) }
        return (.acquired, owner)
    }

    /// What link(2) says on a file system without hard links (some SMB shares, FAT).
    static let noHardLinks: Set<Int32> = [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EXDEV]

    /// The lock written in place with O_CREAT|O_EXCL, atomic on NFSv3+ and SMB: for when link(2) is not
    /// available. A crash mid-write can leave it short, which then reads as a stale lock.
    func createExclusively(_ bytes: [UInt8]) throws(SystemCallError) {
        let fd = try fs.openForCreate(folder.lockFile, mode: FileModes.of(folder, fs: fs).file)
        defer { fs.close(fd) }
        do {
            try fs.write(fd, bytes, path: folder.lockFile)
            try fs.fsync(fd, path: folder.lockFile)
        } catch {
            fs.remove(folder.lockFile)
            throw error
        }
    }

    /// Removes a stale lock so that link(2) can create ours, safely when several processes take it over at
    /// once: rename moves it aside atomically, so only one of them moves it; if what was moved is not the
    /// stale lock that was judged (someone has just taken the lock), it is put back.
    func moveAside(staleLock seen: [UInt8]) {
        let aside = "\(folder.lockFile).stale\(DurableFile.tempMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard (try? fs.rename(folder.lockFile, aside)) != nil else { return }
        if (try? fs.read(aside)) != seen {
            do {
                try fs.link(aside, folder.lockFile)
            } catch where Self.noHardLinks.contains(error.code) {
                try? fs.rename(aside, folder.lockFile)
            } catch {}
        }
        fs.remove(aside)
    }

    /// Removes the lock if it is ours.
    public func release() {
        guard let holder = owner(), Self.isMe(holder, LockOwner.current(now: Date())) else { return }
        fs.remove(folder.lockFile)
    }
}
