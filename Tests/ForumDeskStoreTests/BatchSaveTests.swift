import Foundation
import Testing
import ForumDeskCore
@testable import ForumDeskStore

/// `saveNew`, the batch write of `import csv meetings`: all the meetings or none of them.
@Suite struct BatchSaveTests {
    func newMeetings(_ count: Int) -> [Meeting] {
        (0..<count).map { i in
            let day = CalendarDate(year: 2031 + i % 3, month: 1 + i % 12, day: 1 + i % 28)
            return Meeting(
                id: "batch-\(i)", kind: .letsTalkTogether, title: "Batch \(i)", area: "sandy-biggleswade",
                wards: ["sandy"],
                start: LondonTime.instant(date: day, hour: 19, minute: 0),
                end: LondonTime.instant(date: day, hour: 21, minute: 0),
                venue: Venue(name: "Hall"), status: .planned)
        }
    }

    func allFiles(_ root: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: root + "/meetings")) ?? []).sorted()
    }

    @Test func test_batch_writesEveryMeeting_inDateOrder_andLoadsBack() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            let before = data.meetings.count
            var told: [Int] = []
            try store.saveNew(newMeetings(700), in: &data) { told.append($0) }
            #expect(data.meetings.count == before + 700)
            #expect(zip(data.meetings, data.meetings.dropFirst()).allSatisfy { ($0.start, $0.id) <= ($1.start, $1.id) })
            #expect(told.last == 700)
            let reloaded = store.load()
            #expect(reloaded.loadErrors.isEmpty)
            #expect(reloaded.meeting("batch-699")?.title == "Batch 699")
            #expect(!allFiles(root).contains { ($0 as NSString).lastPathComponent.hasPrefix(".") }, "no temp file left")
            #expect(
                !((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).contains {
                    $0.hasPrefix(".forumdesk-batch-")
                }, "no journal left")
            // A second batch naming a meeting already there is refused before anything is written.
            let files = allFiles(root)
            #expect(throws: SaveError.self) { try store.saveNew(newMeetings(701), in: &data) }
            #expect(allFiles(root) == files)
        }
    }

    @Test(arguments: [FaultyFileSystem.Operation.create, .write, .fsync, .rename], [ENOSPC, EIO])
    func test_aFailureAtAnyStep_leavesTheFolderAsItWas(operation: FaultyFileSystem.Operation, code: Int32) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let faulty = DataStore(folder: DataFolder(root), fs: FaultyFileSystem(failing: operation, code: code))
            var data = faulty.load()
            let files = allFiles(root).filter {
                !$0.hasPrefix("2031") && !$0.hasPrefix("2032") && !$0.hasPrefix("2033")
            }
            #expect(throws: SaveError.self) { try faulty.saveNew(newMeetings(600), in: &data) }
            // Nothing remains, not even the year folders made for the batch.
            #expect(allFiles(root) == files)
            #expect(data.meeting("batch-0") == nil)
        }
    }

    /// A crash mid-import leaves the journal: until a command that writes undoes it, loads leave its files out
    /// (whole, half-written or missing); the undo removes them and the journal, so none of the import is kept.
    @Test func test_crashMidImport_isLeftOutOfLoads_andUndone() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            let before = store.load()
            let meetings = newMeetings(6)
            var paths: [String] = []
            for (n, m) in meetings.enumerated() {
                let dir = "\(root)/meetings/\(LondonTime.date(m.start).year)"
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                paths.append("\(dir)/\(m.id).json")
                let bytes = DataStore.encoded(m)
                if n < 3 { try Data(bytes).write(to: URL(fileURLWithPath: paths[n])) }
                if n == 3 { try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: paths[n])) }  // cut off mid-write
            }
            let dead = ProcessOwner(pid: 99_999_999, host: ProcessOwner.hostName, user: "ana", since: Date())
            let journal = "\(root)/.forumdesk-batch-99999999-b7"
            try Data(DataStore.journal(owner: dead, paths: paths.map(store.relativeMeetingPath))).write(
                to: URL(fileURLWithPath: journal))
            // Read-only: left out, and said to be unfinished.
            let during = store.load()
            #expect(during.loadErrors.isEmpty)
            #expect(during.meetings.count == before.meetings.count)
            #expect(
                store.unfinishedTransactions().contains { $0.path == journal && $0.message.contains("6 meeting(s)") })
            // The repair: the 4 files begun are removed, then the journal.
            let report = store.recoverNotices()
            #expect(
                report.count == 1 && report[0].contains("removed the 4 meeting file(s) it had begun of 6"), "\(report)")
            #expect(!FileManager.default.fileExists(atPath: journal))
            #expect(paths.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
            #expect(
                !FileManager.default.fileExists(atPath: "\(root)/meetings/2031"), "a year folder left empty is removed")
            #expect(store.load().meetings.count == before.meetings.count)
            #expect(store.recoverNotices().isEmpty)
        }
    }

    /// A journal of a running import (this process) is left alone, its files out of loads; one that cannot be
    /// read is left alone and said, since its files are unknown.
    @Test func test_runningOrUnreadableJournal_isLeftAlone() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            let m = newMeetings(1)[0]
            let dir = "\(root)/meetings/\(LondonTime.date(m.start).year)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let path = "\(dir)/\(m.id).json"
            try Data(DataStore.encoded(m)).write(to: URL(fileURLWithPath: path))
            let running = "\(root)/.forumdesk-batch-\(getpid())-b1"
            try Data(DataStore.journal(owner: .current(now: Date()), paths: [store.relativeMeetingPath(path)])).write(
                to: URL(fileURLWithPath: running))
            #expect(store.recoverNotices().isEmpty)
            #expect(store.load().meeting(m.id) == nil)
            #expect(FileManager.default.fileExists(atPath: path))
            try FileManager.default.removeItem(atPath: running)
            #expect(store.load().meeting(m.id) != nil)
            // A journal naming a way out of meetings/ is never followed.
            let hostile = "\(root)/.forumdesk-batch-99999999-b2"
            let dead = ProcessOwner(pid: 99_999_999, host: ProcessOwner.hostName, user: "ana", since: Date())
            try Data(
                DataStore.journal(
                    owner: dead,
                    paths: [
                        "../directory/people.json", "2026/../../directory/areas.json",
                        "\(LondonTime.date(m.start).year)/\(m.id).json",
                    ])
            )
            .write(to: URL(fileURLWithPath: hostile))
            #expect(store.recoverNotices().first?.contains("removed the 1 meeting file(s) it had begun of 1") == true)
            #expect(
                FileManager.default.fileExists(atPath: root + "/directory/people.json")
                    && FileManager.default.fileExists(atPath: root + "/directory/areas.json"))
            try "not a journal".write(toFile: "\(root)/.forumdesk-batch-99999999-b3", atomically: true, encoding: .utf8)
            #expect(
                store.recoverNotices() == [
                    ".forumdesk-batch-99999999-b3 left as it is: it cannot be read, so its import's files are unknown"
                ])
            #expect(FileManager.default.fileExists(atPath: "\(root)/.forumdesk-batch-99999999-b3"))
        }
    }
}
