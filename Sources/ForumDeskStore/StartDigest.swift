import Foundation
import ForumDeskCore

/// What the first screen needs of the history, kept in `.forumdesk-index-start` so that a start reads only the
/// meetings the dashboard shows, not every summary of the index (`DataStore.loadStart`).
///
/// The meetings are split at `builtAt` into two kinds:
/// - **cold**: over and settled (`MeetingSummary.suits`), started before the dashboard's window
///   (`Attention.windowStart`), no open action, no topic on the agenda, every warning dated before the window.
///   Nothing of a cold meeting can reach the dashboard at any later time but its share of the counts (meetings,
///   held in its year) and of the "older problems" line: those are kept as sums (`ColdHistory`);
/// - **live**: every other meeting, named by its file, read in full at start.
///
/// A later `now` keeps every cold meeting cold (each condition only grows more true as time passes), so the
/// digest holds for any start after `builtAt`, while the meetings folder and its year folders keep the
/// modification times recorded in `folders` (a file added, removed or replaced changes its folder's time) and the
/// directory is the one the warnings were judged against (`directory`). It is a cache like the start-up index:
/// never shared, rebuilt whenever the index is written (`DataStore.loadIndexed`), brought up to date by each save
/// (`DataStore.noteSaved`), and refused, not trusted, when anything it records has moved.
public struct StartDigest: Sendable, Equatable {
    public var builtAt: Date
    /// `DataStore.directoryFingerprint` of the directory the cold meetings' warnings were judged against.
    public var directory: UInt64
    /// The modification time of the meetings folder (key "") and of each year folder (key: its name).
    public var folders: [String: TimeInterval]
    /// The live meetings' files, relative to the meetings folder, in order.
    public var live: [String]
    public var cold: ColdHistory

    public init(
        builtAt: Date, directory: UInt64, folders: [String: TimeInterval] = [:], live: [String] = [],
        cold: ColdHistory = ColdHistory()
    ) {
        self.builtAt = builtAt
        self.directory = directory
        self.folders = folders
        self.live = live
        self.cold = cold
    }

    static let fileName = ".forumdesk-index-start"
    static let header = "FORUMDESK-START 1"

    /// Whether a meeting, with its own warnings (`Warnings.warnings(for:)`), is cold at `builtAt` (see above).
    public static func isCold(_ meeting: Meeting, warnings: [Warning], builtAt: Date) -> Bool {
        let window = Attention.windowStart(now: builtAt)
        guard MeetingSummary.suits(meeting, now: builtAt), meeting.start < window else { return false }
        let facts = meeting.knownFacts ?? meeting.facts
        return facts.openActions == 0 && !facts.carriesTopics && warnings.allSatisfy { $0.date < window }
    }

    /// Adds a meeting (at `path`, relative to the meetings folder) with its own warnings.
    public mutating func add(_ meeting: Meeting, path: String, warnings: [Warning]) {
        if Self.isCold(meeting, warnings: warnings, builtAt: builtAt) {
            cold.add(meeting, warnings: warnings.count, sign: 1)
        } else {
            let k = MeetingIndex.lowerBound(path, in: live)
            if k == live.count || live[k] != path { live.insert(path, at: k) }
        }
    }

    /// Takes out a meeting added before (as it was then, with its warnings then).
    public mutating func remove(_ meeting: Meeting, path: String, warnings: [Warning]) {
        let k = MeetingIndex.lowerBound(path, in: live)
        if k < live.count, live[k] == path {
            live.remove(at: k)
        } else if Self.isCold(meeting, warnings: warnings, builtAt: builtAt) {
            cold.add(meeting, warnings: warnings.count, sign: -1)
        }
    }

    // MARK: the file

    /// Text, a line each: the header, `built`, `directory`, `cold`, a `held` line a year, a `folder` line a folder,
    /// a `live` line a meeting, then `end` (a file cut short is refused).
    public func encoded() -> [UInt8] {
        var lines = [
            Self.header, "built \(builtAt.timeIntervalSinceReferenceDate)", "directory \(directory)",
            "cold \(cold.meetings) \(cold.warnings)",
        ]
        for (year, count) in cold.heldByYear.sorted(by: { $0.key < $1.key }) { lines.append("held \(year) \(count)") }
        for (name, modified) in folders.sorted(by: { $0.key < $1.key }) { lines.append("folder \(modified) \(name)") }
        for path in live { lines.append("live \(path)") }
        lines.append("end")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// nil for anything but a whole file as `encoded` writes it.
    public static func decode(_ bytes: [UInt8]) -> StartDigest? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 6, lines[0] == header, lines.last == "", lines[lines.count - 2] == "end" else {
            return nil
        }
        func field(_ line: Substring, _ name: String) -> Substring? {
            line.hasPrefix(name + " ") ? line.dropFirst(name.count + 1) : nil
        }
        guard let built = field(lines[1], "built").flatMap({ Double($0) }), built.isFinite,
            let directory = field(lines[2], "directory").flatMap({ UInt64($0) }),
            let coldLine = field(lines[3], "cold")?.split(separator: " "), coldLine.count == 2,
            let meetings = Int(coldLine[0]), let warnings = Int(coldLine[1]), meetings >= 0, warnings >= 0
        else { return nil }
        var digest = StartDigest(builtAt: Date(timeIntervalSinceReferenceDate: built), directory: directory)
        digest.cold.meetings = meetings
        digest.cold.warnings = warnings
        for line in lines[4..<(lines.count - 2)] {
            if let held = field(line, "held") {
                let parts = held.split(separator: " ")
                guard parts.count == 2, let year = Int(parts[0]), let count = Int(parts[1]), count > 0,
                    digest.cold.heldByYear[year] == nil
                else { return nil }
                digest.cold.heldByYear[year] = count
            } else if let folder = field(line, "folder") {
                let space = folder.firstIndex(of: " ") ?? folder.endIndex
                guard let modified = Double(folder[..<space]), space < folder.endIndex else { return nil }
                digest.folders[String(folder[folder.index(after: space)...])] = modified
            } else if let path = field(line, "live") {
                guard digest.live.last.map({ $0 < String(path) }) ?? true else { return nil }
                digest.live.append(String(path))
            } else {
                return nil
            }
        }
        return digest
    }
}

/// The sums the dashboard takes from the cold meetings (`StartDigest`).
public struct ColdHistory: Sendable, Equatable {
    /// How many meetings.
    public var meetings = 0
    /// Held meetings by the year (in London) they started.
    public var heldByYear: [Int: Int] = [:]
    /// Their own warnings, every one of them older than the dashboard's window.
    public var warnings = 0

    public init() {}

    mutating func add(_ meeting: Meeting, warnings count: Int, sign: Int) {
        meetings += sign
        warnings += sign * count
        if meeting.status == .held {
            let year = LondonTime.date(meeting.start).year
            let held = (heldByYear[year] ?? 0) + sign
            heldByYear[year] = held == 0 ? nil : held
        }
    }
}
