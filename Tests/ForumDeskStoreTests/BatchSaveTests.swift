import Foundation
import Testing
import ForumDeskCore
@testable import ForumDeskStore

/// `saveNew`, the batch write of `import csv meetings`: all the meetings or none of them.
@Suite struct BatchSaveTests {
    func newMeetings(_ count: Int) -> [Meeting] {
        (0..<count).map { i in
            let day = CalendarDate(year: 2031 + i % 3, month: 1 + i % 12, day: 1 + i % 28)
            return Meeting(id: "batch-\(i)", kind: .letsTalkTogether, title: "Batch \(i)", area: "sandy-biggleswade", wards: ["sandy"],
                           start: LondonTime.instant(date: day, hour: 19, minute: 0), end: LondonTime.instant(date: day, hour: 21, minute: 0),
                           venue: Venue(name: "Hall"), status: .planned)
        }
    }

    func allFiles(_ root: String) -> [String] { ((try? FileManager.default.subpathsOfDirectory(atPath: root + "/meetings")) ?? []).sorted() }

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
            let files = allFiles(root).filter { !$0.hasPrefix("2031") && !$0.hasPrefix("2032") && !$0.hasPrefix("2033") }
            #expect(throws: SaveError.self) { try faulty.saveNew(newMeetings(600), in: &data) }
            // Only the year folders made for the batch may remain, empty.
            #expect(allFiles(root).filter { !["2031", "2032", "2033"].contains($0) } == files)
            #expect(data.meeting("batch-0") == nil)
        }
    }

    /// A crash during the renames, after the commit record: the temp files are kept by the clean-up and the next
    /// command that takes the lock puts them in place. Without the record (a crash before it) they are removed.
    @Test func test_crashAfterTheCommitRecord_isFinished_andBeforeIt_leavesNoTrace() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            let dead = "99999999"
            let meetings = newMeetings(6)
            func stage(_ batch: String, _ renamed: Int) throws {
                for (n, m) in meetings.enumerated() {
                    let dir = "\(root)/meetings/\(LondonTime.date(m.start).year)"
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    let name = n < renamed ? "\(m.id).json" : ".\(m.id).json.tmp-\(batch)-\(n)"
                    try Data(DataStore.encoded(m)).write(to: URL(fileURLWithPath: "\(dir)/\(name)"))
                }
            }
            // Before the commit record: only temp files, removed as abandoned.
            try stage("\(dead)-b1", 0)
            #expect(store.removeAbandonedTempFiles() == 6)
            #expect(store.recoverNotices().isEmpty)
            #expect(store.load().meeting("batch-0") == nil)
            #expect(!allFiles(root).contains { ($0 as NSString).lastPathComponent.hasPrefix(".") })
            // After it, two renamed: the clean-up keeps the rest, the repair renames them and removes the record.
            try stage("\(dead)-b2", 2)
            try "6 meeting file(s)\n".write(toFile: "\(root)/.forumdesk-batch-\(dead)-b2", atomically: true, encoding: .utf8)
            #expect(store.removeAbandonedTempFiles() == 0)
            #expect(store.recoverNotices() == ["finished an import a crash interrupted: 4 more meeting file(s) put in place"])
            #expect(!FileManager.default.fileExists(atPath: "\(root)/.forumdesk-batch-\(dead)-b2"))
            let loaded = store.load()
            #expect(loaded.loadErrors.isEmpty)
            #expect(meetings.allSatisfy { loaded.meeting($0.id) != nil })
            #expect(!allFiles(root).contains { ($0 as NSString).lastPathComponent.hasPrefix(".") })
        }
    }
}
