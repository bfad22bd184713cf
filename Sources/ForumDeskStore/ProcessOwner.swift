#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// A running ForumDesk process as others see it: who, on which machine, which process, since when. Written into
/// presence files (`Presence`) and notice transactions, so a file left by a process that is gone is recognised.
public struct ProcessOwner: Sendable, Equatable {
    public var pid: Int32
    public var host: String
    public var user: String
    public var since: Date
    /// When the process started: boot id and start time (Linux `/proc`), so a pid reused by another process,
    /// after a reboot or not, is not taken for the owner. Nil where the system does not say.
    public var started: String?
    /// Last sign of life (a presence file is rewritten every minute): how a process on another machine, whose pid
    /// cannot be checked, is judged gone.
    public var seen: Date

    public init(pid: Int32, host: String, user: String, since: Date, started: String? = nil, seen: Date? = nil) {
        self.pid = pid
        self.host = host
        self.user = user
        self.since = since
        self.started = started
        self.seen = seen ?? since
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

    public static var hostName: String {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The officer's name: `FORUMDESK_USER`, else the login name.
    public static var userName: String {
        if let named = ProcessInfo.processInfo.environment["FORUMDESK_USER"], !named.isEmpty { return named }
        return getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }
            ?? ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
    }

    /// This machine and its officer, as a notice's `queuedOn` names them: "ana-laptop (ana)".
    public static var machine: String { "\(hostName) (\(userName))" }

    public static func current(now: Date) -> ProcessOwner {
        ProcessOwner(pid: getpid(), host: hostName, user: userName, since: now, started: processStart(getpid()))
    }

    /// A process on another machine is taken as gone when it has not been seen for this long.
    public static let otherHostTimeout: TimeInterval = 5 * 60

    /// Whether the process is gone: on this machine, its pid is not running or runs another program; on another,
    /// it has not been seen for `otherHostTimeout`.
    public func isGone(now: Date) -> Bool {
        guard host == Self.hostName else { return now.timeIntervalSince(seen) > Self.otherHostTimeout }
        if pid <= 0 { return true }
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        if let started, let running = Self.processStart(pid) { return started != running }
        return false
    }

    /// Whether this is the very process asking (same pid, host and start time).
    public var isThisProcess: Bool {
        pid == getpid() && host == Self.hostName && (started == nil || started == Self.processStart(getpid()))
    }

    public var description: String { "\(user) on \(host) (pid \(pid)) since \(LondonTime.display(since))" }

    var json: OrderedJSON {
        var w = FieldWriter()
        w.set("user", user)
        w.set("host", host)
        w.set("pid", Int(pid))
        w.optional("started", started)
        w.set("since", date: since)
        w.set("seen", date: seen)
        return w.finish([:])
    }

    static func from(_ bytes: [UInt8]) -> ProcessOwner? {
        guard let node = try? JSONParser.parse(bytes), case .object(let members) = node.value else { return nil }
        func field(_ key: String) -> JSONNode.Value? { members.first { $0.key == key }?.value.value }
        // A pid of 0 or below would make kill(2) ask about a whole process group.
        guard case .number(let pid)? = field("pid"), let pidValue = Int32(pid), pidValue > 0,
            case .string(let host)? = field("host"), case .string(let user)? = field("user"),
            case .string(let since)? = field("since"), let sinceDate = LondonTime.parse(since)
        else { return nil }
        var started: String?
        if case .string(let s)? = field("started") { started = s }
        var seen: Date?
        if case .string(let s)? = field("seen") { seen = LondonTime.parse(s) }
        return ProcessOwner(pid: pidValue, host: host, user: user, since: sinceDate, started: started, seen: seen)
    }
}
