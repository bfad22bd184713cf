#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// A deterministic random source (SplitMix64): the same seed gives the same data folder on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Grows a data folder into a long history for measuring ForumDesk at scale: the source folder's settings,
/// directory (all areas, wards, councillors and partners), topics and meetings, and before them meetings made
/// from its held meetings, area by area, with their agendas, attendance, notices, actions and residents' issues
/// moved to the new date and given fresh ids. Old actions are closed, as a real log's would be.
public enum SyntheticHistory {
    /// Meetings a year at the source's pace: seven areas, about one a month each.
    static let realisticPerYear = 84
    /// The history never reaches back further than this; a larger count makes it denser instead.
    static let maximumYears = 30

    public struct Summary: Sendable {
        public var meetings: Int
        public var bytes: Int
        public var firstDay: CalendarDate?
        public var lastDay: CalendarDate?
    }

    public static func generate(
        from source: DataStore, count: Int, seed: UInt64, to out: DataFolder,
        progress: ((Int) -> Void)? = nil
    ) throws -> Summary {
        let data = source.load()
        if let problem = data.loadErrors.first { throw GenerateError(message: "\(problem)") }
        let fs = source.fs
        var bytes = 0
        func put(_ content: [UInt8], _ path: String) throws {
            do {
                try DurableFile.write(content, to: path, fs: fs, durable: false, modes: .personal)
            } catch {
                throw GenerateError(message: "\(path): \(error.cause.reason)")
            }
            bytes += content.count
        }
        for file in [source.folder.settings, source.folder.areas, source.folder.people, source.folder.organisations] {
            let relative = String(file.dropFirst(source.folder.root.count + 1))
            try put(try fs.read(file), out.path(relative))
        }
        for file in source.jsonFiles(in: source.folder.topicsFolder) {
            try put(try fs.read(file), out.topicsFolder + "/" + (file as NSString).lastPathComponent)
        }

        var rng = SeededGenerator(seed: seed)
        let kept = Array(data.meetings.suffix(count))
        var ids = Set(kept.map(\.id))
        var nextNumber: [String: Int] = [:]
        for m in data.meetings {
            for id in m.actions.map(\.id) + m.issues.map(\.id) {
                let parts = id.split(separator: "-")
                guard parts.count == 3, let n = Int(parts[2]) else { continue }
                let key = "\(parts[0])-\(parts[1])"
                nextNumber[key] = max(nextNumber[key] ?? 1, n + 1)
            }
        }
        func nextID(_ prefix: String, year: Int) -> String {
            let key = "\(prefix)-\(year)"
            let n = nextNumber[key] ?? 1
            nextNumber[key] = n + 1
            return "\(key)-\(Digits.pad(n, 3))"
        }

        var written = 0
        for m in kept {
            try put(DataStore.encoded(m), try out.meetingFile(for: m))
            written += 1
        }
        let templates = Dictionary(grouping: data.meetings.filter { $0.status == .held }, by: \.area)
        let areas = data.directory.areas.map(\.id).filter { templates[$0] != nil }
        let clones = count - kept.count
        let lastDay = kept.last.map { LondonTime.date($0.start) }
        guard clones > 0 else {
            return Summary(
                meetings: written, bytes: bytes, firstDay: kept.first.map { LondonTime.date($0.start) },
                lastDay: lastDay)
        }
        guard !areas.isEmpty, let earliest = data.meetings.first else {
            throw GenerateError(message: "\(source.folder.root) has no held meeting to model a history on")
        }
        let firstDay = LondonTime.date(earliest.start)
        let today = LondonTime.date(Date())
        let years = min(maximumYears, max(1, (clones + realisticPerYear - 1) / realisticPerYear))
        let span = years * 365
        var oldest = firstDay
        for j in 0..<clones {
            let area = areas[j % areas.count]
            let pool = templates[area]!
            let template = pool[Int.random(in: 0..<pool.count, using: &rng)]
            let day = firstDay.adding(days: -1 - (j * span) / clones)
            oldest = min(oldest, day)
            let local = LondonTime.local(template.start)
            let start = LondonTime.instant(date: day, hour: local.hour, minute: local.minute)
            let delta = start.timeIntervalSince(template.start)
            let dayShift = day.daysSinceEpoch - local.date.daysSinceEpoch
            var m = template
            let stem = String(template.id.dropFirst(11))
            var id = "\(day)-\(stem)"
            var n = 2
            while ids.contains(id) {
                id = "\(day)-\(stem)-\(n)"
                n += 1
            }
            ids.insert(id)
            m.id = id
            m.start = start
            m.end = template.end.addingTimeInterval(delta)
            m.residentsPresent = template.residentsPresent.map { max(0, $0 + Int.random(in: -8...8, using: &rng)) }
            m.invitations = m.invitations.map {
                var x = $0; x.at = x.at?.addingTimeInterval(delta); return x
            }
            m.notifications = m.notifications.map { notice in
                var x = notice
                x.at = x.at.addingTimeInterval(delta)
                x.start = x.start?.addingTimeInterval(delta)
                x.end = x.end?.addingTimeInterval(delta)
                x.repliedAt = x.repliedAt?.addingTimeInterval(delta)
                return x
            }
            // Topic requests belong to the current programme, not to a made-up past.
            m.agenda = m.agenda.map {
                var x = $0; x.topic = nil; return x
            }
            var actionIDs: [String: String] = [:]
            m.actions = m.actions.map { action in
                var x = action
                x.id = nextID("A", year: day.year)
                actionIDs[action.id] = x.id
                x.due = action.due?.adding(days: dayShift)
                x.updates = action.updates.map {
                    var u = $0; u.at = u.at.addingTimeInterval(delta); return u
                }
                // A year on, a real log has closed what it could.
                if x.status.isOpen, let due = x.due, due.daysSinceEpoch < today.daysSinceEpoch - 365 {
                    x.status = Int.random(in: 0..<10, using: &rng) == 0 ? .dropped : .done
                }
                return x
            }
            m.issues = m.issues.map { issue in
                var x = issue
                x.id = nextID("R", year: day.year)
                x.action = issue.action.flatMap { actionIDs[$0] }
                x.topic = nil
                if x.status == .topic || (x.status == .action && x.action == nil) {
                    x.status = .answered
                    x.answer = x.answer ?? "Answered at the meeting."
                }
                return x
            }
            try put(DataStore.encoded(m), try out.meetingFile(for: m))
            written += 1
            if written % 1000 == 0 { progress?(written) }
        }
        sync()
        return Summary(meetings: written, bytes: bytes, firstDay: oldest, lastDay: lastDay)
    }
}

public struct GenerateError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
