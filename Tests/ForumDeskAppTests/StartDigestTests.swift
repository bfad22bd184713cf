import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
@testable import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The start digest (`.forumdesk-index-start`): the first screen drawn from it equals the one drawn from the whole
/// folder, and the digest kept up to date by saves equals the one rebuilt from scratch.
@Suite struct StartDigestTests {
    /// A throw-away folder: the sample data, or a history grown from it (`SyntheticHistory`).
    final class Folder: @unchecked Sendable {
        let root = NSTemporaryDirectory() + "forumdesk-digest-" + UUID().uuidString
        let store: DataStore

        init(generated count: Int?) throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let data = root + "/data"
            if let count {
                _ = try SyntheticHistory.generate(
                    from: DataStore(folder: DataFolder(TestPaths.sampleData)), count: count, seed: 7,
                    to: DataFolder(data))
            } else {
                try FileManager.default.copyItem(atPath: TestPaths.sampleData, toPath: data)
                for leftover in ["/.forumdesk-index", "/.forumdesk-index-start", "/.forumdesk.lock"] {
                    try? FileManager.default.removeItem(atPath: data + leftover)
                }
            }
            store = DataStore(folder: DataFolder(data))
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static let later: [TimeInterval] = [0, 3 * 3600, 3 * 86_400, 20 * 86_400, 45 * 86_400]

    /// The app's first screen as a start from the digest draws it, against the app on the whole folder.
    func expectSameDashboard(_ folder: Folder, builtAt: Date) throws {
        for offset in Self.later {
            let now = builtAt.addingTimeInterval(offset)
            let (live, cold) = try #require(folder.store.loadStart(now: now), "digest refused at +\(offset) s")
            let (full, _) = folder.store.loadIndexed(now: now, updateIndex: false)
            #expect(full.loadErrors.isEmpty)
            #expect(live.meetings.count + cold.meetings == full.meetings.count)
            for (width, height) in [(120, 40), (80, 24), (160, 50)] {
                var quick = App(data: live, now: now, width: width, height: height)
                quick.startFromDigest(cold: cold)
                let whole = App(data: full, now: now, width: width, height: height)
                #expect(quick.screenSnapshot == whole.screenSnapshot, "at +\(offset) s, \(width)x\(height)")
            }
        }
    }

    @Test func test_dashboardFromTheDigest_equalsTheDashboardOfAFullLoad_sample() throws {
        let folder = try Folder(generated: nil)
        _ = folder.store.loadIndexed(now: fixedNow)
        #expect(folder.store.startDigestOnDisk()?.builtAt == fixedNow)
        try expectSameDashboard(folder, builtAt: fixedNow)
    }

    @Test func test_dashboardFromTheDigest_equalsTheDashboardOfAFullLoad_generated() throws {
        let folder = try Folder(generated: 800)
        _ = folder.store.loadIndexed(now: fixedNow)
        let digest = try #require(folder.store.startDigestOnDisk())
        // The point: most of the history is cold, read as three sums.
        #expect(digest.cold.meetings > 600 && digest.live.count < 200)
        #expect(digest.cold.warnings > 0 || digest.cold.heldByYear.values.reduce(0, +) > 0)
        try expectSameDashboard(folder, builtAt: fixedNow)
    }

    @Test func test_digestIsRefused_whenAFolderChangedBehindIt_orTheDirectory_orTheClockIsBefore() throws {
        let folder = try Folder(generated: nil)
        _ = folder.store.loadIndexed(now: fixedNow)
        #expect(folder.store.loadStart(now: fixedNow) != nil)
        #expect(folder.store.loadStart(now: fixedNow.addingTimeInterval(-60)) == nil)
        // A file added as git adds one (not through a save): refused until a load writes the digest again.
        var data = folder.store.load()
        var copy = try #require(data.meetings.first)
        copy.id += "-extra"
        let path = try folder.store.folder.meetingFile(for: copy)
        Thread.sleep(forTimeInterval: 0.02)
        try Data(DataStore.encoded(copy)).write(to: URL(fileURLWithPath: path))
        #expect(folder.store.loadStart(now: fixedNow) == nil)
        _ = folder.store.loadIndexed(now: fixedNow)
        #expect(folder.store.loadStart(now: fixedNow) != nil)
        // The directory changed: the cold meetings' warnings were judged against another one.
        var directory = data.directory
        directory.organisations[0].name += " (renamed)"
        try folder.store.saveDirectory(directory, in: &data)
        #expect(folder.store.loadStart(now: fixedNow) == nil)
    }

    /// Random edits through saves and deletions, by this process and by another writer, and files changed behind
    /// the store's back as a merge changes them: after each, the digest on disk is either the one rebuilt from
    /// scratch at the same time, or refused (and then rebuilt by the next load, as the app's reload after a sync
    /// does), never a wrong one.
    @Test(arguments: [UInt64(1), 2, 3])
    func test_digestKeptUpToDate_equalsTheDigestRebuiltFromScratch(seed: UInt64) throws {
        let folder = try Folder(generated: 200)
        let builtAt = fixedNow
        _ = folder.store.loadIndexed(now: builtAt)
        var rng = SeededGenerator(seed: seed)
        var added = 0
        var refusedSeen = 0
        for step in 0..<40 {
            // A writer: this store, or another process's on the same folder (each with the folder as it read it).
            let writer = Int.random(in: 0..<4, using: &rng) == 0 ? DataStore(folder: folder.store.folder) : folder.store
            var data = writer.load()
            let meetings = data.meetings
            var m = meetings[Int.random(in: 0..<meetings.count, using: &rng)]
            let choice = Int.random(in: 0..<7, using: &rng)
            var behindTheBack = false
            switch choice {
            case 0:
                m.status = [.held, .cancelled, .planned].randomElement(using: &rng)!
                try writer.save(m, in: &data)
            case 1:
                // Moved by some days, within its year (its file stays in its folder).
                let days = Double(Int.random(in: -40...40, using: &rng))
                let moved = m.start.addingTimeInterval(days * 86_400)
                guard LondonTime.date(moved).year == LondonTime.date(m.start).year else { continue }
                m.end = m.end.addingTimeInterval(moved.timeIntervalSince(m.start))
                m.start = moved
                try writer.save(m, in: &data)
            case 2:
                guard !m.actions.isEmpty else { continue }
                let open = Bool.random(using: &rng)
                for k in m.actions.indices { m.actions[k].status = open ? .open : .done }
                try writer.save(m, in: &data)
            case 3:
                try writer.delete(meetingID: m.id, in: &data)
            case 4:
                added += 1
                m.id += "-copy\(added)"
                try writer.save(m, in: &data)
            default:
                // As a merge writes a file: a new file in the folder, not through a save.
                behindTheBack = true
                m.status = m.status == .held ? .planned : .held
                let path = try #require(data.path(ofMeeting: m.id))
                Thread.sleep(forTimeInterval: 0.02)
                try FileManager.default.removeItem(atPath: path)
                try Data(DataStore.encoded(m)).write(to: URL(fileURLWithPath: path))
            }
            let rebuilt = try #require(folder.store.rebuiltStartDigest(builtAt: builtAt))
            if behindTheBack {
                #expect(
                    folder.store.currentStartDigest() == nil,
                    "step \(step): a change behind the digest's back must be refused")
                refusedSeen += 1
                _ = folder.store.loadIndexed(now: builtAt)
            }
            let kept = try #require(
                folder.store.currentStartDigest(), "step \(step) (\(choice)): the digest was dropped")
            #expect(kept == rebuilt, "step \(step) (\(choice))")
            if kept != rebuilt { return }
        }
        #expect(refusedSeen > 0)
        // And what it shows at the end is what the whole folder shows.
        try expectSameDashboard(folder, builtAt: builtAt)
    }
}
