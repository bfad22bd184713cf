import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

/// The start-up index is a cache: used while files are unchanged, rebuilt when missing or damaged, never
/// trusted over the files.
@Suite struct MeetingIndexTests {
    let now = LondonTime.parse("2026-11-23T12:00")!

    /// A closed meeting of the sample: loaded as a summary once the index exists.
    func closedMeeting(_ data: DataSet) throws -> Meeting {
        try #require(
            data.meetings.first {
                $0.status == .held && !$0.attendance.isEmpty && $0.actions.count > 1 && $0.end < now - 30 * 86_400
            })
    }

    func indexPath(_ root: String) -> String { root + "/.forumdesk-index" }

    @Test func test_firstLoad_buildsTheIndex_andTheNextUsesItForClosedMeetingsOnly() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            let (first, built) = store.loadIndexed(now: now)
            #expect(built.indexRebuilt && built.indexWritten)
            #expect(built.decoded == first.meetings.count)
            #expect(mode(of: indexPath(root)) == 0o600)

            let (second, report) = store.loadIndexed(now: now)
            #expect(!report.indexRebuilt && !report.indexWritten)
            let closed = second.meetings.filter { MeetingSummary.suits($0, now: now) }
            #expect(!closed.isEmpty)
            #expect(report.decoded == second.meetings.count - closed.count)
            #expect(closed.allSatisfy { $0.isSummary })
            #expect(second.meetings.filter { !MeetingSummary.suits($0, now: now) }.allSatisfy { !$0.isSummary })
            // The rebuild keeps closed meetings only as summaries too (memory bounded), the very ones the index gives.
            #expect(first.meetings == second.meetings)
            // Each summary is exactly what the file says, less what a summary leaves out.
            let full = store.load()
            #expect(second.meetings.map(\.id) == full.meetings.map(\.id))
            for summary in closed {
                let fromFile = try #require(full.meeting(summary.id))
                #expect(summary == MeetingSummary.of(fromFile))
            }
            #expect(second.loadErrors.isEmpty && second.fileProblems.isEmpty)
        }
    }

    @Test func test_outsideEdit_makesTheEntryStale_andTheFileIsReadAgain() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            let (data, _) = store.loadIndexed(now: now)
            let meeting = try closedMeeting(data)
            let path = try #require(data.path(ofMeeting: meeting.id))
            let text = try readText(path).replacingOccurrences(of: meeting.title, with: "Renamed outside ForumDesk")
            try writeText(text, to: path)

            let (after, report) = store.loadIndexed(now: now)
            #expect(report.indexWritten)
            #expect(after.meeting(meeting.id)?.title == "Renamed outside ForumDesk")
            // And the rewritten index now describes the new content.
            let (third, again) = store.loadIndexed(now: now)
            #expect(!again.indexWritten)
            #expect(third.meeting(meeting.id)?.title == "Renamed outside ForumDesk")
            #expect(third.meeting(meeting.id)?.isSummary == true)
        }
    }

    @Test(arguments: ["deleted", "garbage", "truncated", "empty", "other version"])
    func test_damagedOrMissingIndex_isRebuilt(_ damage: String) throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            let (expected, _) = store.loadIndexed(now: now)
            let bytes = try #require(FileManager.default.contents(atPath: indexPath(root)))
            switch damage {
            case "deleted": try FileManager.default.removeItem(atPath: indexPath(root))
            case "garbage":
                try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(
                    to: URL(fileURLWithPath: indexPath(root)))
            case "truncated": try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: indexPath(root)))
            case "empty": try Data().write(to: URL(fileURLWithPath: indexPath(root)))
            default:
                try (Data("FORUMDESK-INDEX 0\n".utf8) + bytes.dropFirst(MeetingIndex.header.count)).write(
                    to: URL(fileURLWithPath: indexPath(root)))
            }
            let (data, report) = store.loadIndexed(now: now)
            #expect(report.indexRebuilt && report.indexWritten)
            #expect(data.loadErrors.isEmpty)
            #expect(data.meetings.map(\.id) == expected.meetings.map(\.id))
            #expect(store.loadIndexed(now: now).1.indexRebuilt == false)
        }
    }

    @Test func test_everyCutOfTheIndex_failsCleanly() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
            let bytes = try #require(FileManager.default.contents(atPath: indexPath(root))).map { $0 }
            for cut in stride(from: 0, to: bytes.count, by: 97) {
                #expect(throws: IndexCorrupt.self) { try MeetingIndex.decode(Array(bytes.prefix(cut))) }
            }
            #expect(try MeetingIndex.decode(bytes).entries.count > 40)
        }
    }

    /// An index read holds its entries in path order, found by halving (no dictionary made at load): every path
    /// is found, a missing one is not, and an index whose paths are out of order (here the first renamed past
    /// the others in the string table) is refused, to be rebuilt.
    @Test func test_entriesInPathOrder_areFoundByPath_andDisorderIsRefused() throws {
        try withTemporaryFolder { tmp in
            let (_, bytes) = try indexedSampleCopy(into: tmp, now: now)
            let index = try MeetingIndex.decode(bytes)
            let paths = index.asRead.map(\.path)
            #expect(paths.count > 40 && paths == paths.sorted())
            for path in paths { #expect(index.entry(atPath: path)?.path == path) }
            #expect(index.entry(atPath: "2026/no-such-meeting.json") == nil && index.entry(atPath: "") == nil)
            #expect(index.entry(atPath: "9999/zzz.json") == nil)

            let first = Array(paths[0].utf8)
            let at = try #require(
                (0...(bytes.count - first.count)).first { bytes[$0..<$0 + first.count].elementsEqual(first) })
            var disordered = bytes
            for k in 0..<4 { disordered[at + k] = UInt8(ascii: "9") }
            #expect(throws: IndexCorrupt.self) { try MeetingIndex.decode(disordered) }
        }
    }

    /// The table of entry starts at the end (what lets the index decode on every core): any byte of it set
    /// to any of a few values either fails cleanly or decodes the very same entries.
    @Test func test_damagedEntryTable_failsCleanly() throws {
        try withTemporaryFolder { tmp in
            let (_, bytes) = try indexedSampleCopy(into: tmp, now: now)
            let good = try MeetingIndex.decode(bytes).entries.keys.sorted()
            for at in (bytes.count - 8 * 12)..<bytes.count {
                for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] where value != bytes[at] {
                    var damaged = bytes
                    damaged[at] = value
                    if let index = try? MeetingIndex.decode(damaged) { #expect(index.entries.keys.sorted() == good) }
                }
            }
        }
    }

    /// The year folders' stamps (after the fingerprint): any byte of them set to any of a few values either fails
    /// cleanly (the index is rebuilt) or decodes the same entries; a load through such an index gives the same
    /// meetings as a load with every folder listed (a wrong time, count or name only makes a folder listed).
    @Test func test_damagedFolderStamps_failCleanly_orOnlyListAFolder() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            try settleYearFolders(root)
            let store = DataStore(folder: DataFolder(root))
            let expected = store.loadIndexed(now: now).0.meetings.map(\.id)
            let path = root + "/" + MeetingIndex.fileName
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let stamps = try MeetingIndex.folderStamps(bytes)
            #expect(stamps.count >= 2)
            let good = try MeetingIndex.decode(bytes).entries.keys.sorted()
            let blockStart = MeetingIndex.header.count + MeetingIndex.directoryBytes
            let blockEnd = try MeetingIndex.bodyStart(bytes)
            for at in blockStart..<blockEnd {
                for value: UInt8 in [0x00, 0x30, 0xFF] where value != bytes[at] {
                    var damaged = bytes
                    damaged[at] = value
                    if let index = try? MeetingIndex.decode(damaged) { #expect(index.entries.keys.sorted() == good) }
                    try Data(damaged).write(to: URL(fileURLWithPath: path))
                    #expect(
                        DataStore(folder: DataFolder(root)).loadIndexed(now: now, updateIndex: false, verify: false).0
                            .meetings.map(\.id) == expected)
                }
            }
        }
    }

    @Test func test_removedAndAddedFiles_updateTheIndex() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            var (data, _) = store.loadIndexed(now: now)
            let gone = try closedMeeting(data)
            let full = store.load()
            var copy = try #require(full.meeting(gone.id))
            try FileManager.default.removeItem(atPath: try #require(data.path(ofMeeting: gone.id)))
            copy.id = gone.id + "-copy"
            try store.save(copy, in: &data)

            let (after, report) = store.loadIndexed(now: now)
            #expect(report.indexWritten)
            #expect(after.meeting(gone.id) == nil)
            #expect(after.meeting(copy.id) != nil)
            #expect(
                try MeetingIndex.decode(Array(FileManager.default.contents(atPath: indexPath(root))!)).entries.count
                    == after.meetings.count)
        }
    }

    /// A file that cannot be read stays out of the index without making every start write the index again.
    @Test func test_unreadableFile_isReportedEachStart_butTheIndexIsWrittenOnce() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            let (data, _) = store.loadIndexed(now: now)
            let broken = try #require(data.path(ofMeeting: try closedMeeting(data).id))
            try writeText("{ \"schema\": 1, \"id\": ", to: broken)

            let (first, report) = store.loadIndexed(now: now)
            #expect(report.indexWritten)
            #expect(first.loadErrors.map(\.path) == [broken])
            let (second, again) = store.loadIndexed(now: now)
            #expect(!again.indexWritten)
            #expect(second.loadErrors.map(\.path) == [broken])
            #expect(second.meetings.count == data.meetings.count - 1)
        }
    }

    /// Same size, same modification time, other content: the index cannot see it, but nothing the index says
    /// is ever written back: opening reads the file, and a save checks the file's content first.
    @Test func test_indexIsNeverTrustedOverTheFile() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            _ = store.loadIndexed(now: now)
            var (data, _) = store.loadIndexed(now: now)
            let meeting = try closedMeeting(data)
            #expect(meeting.isSummary)
            let path = try #require(data.path(ofMeeting: meeting.id))
            var info = stat()
            stat(path, &info)
            let original = try readText(path)
            let forged = original.replacingOccurrences(
                of: meeting.title, with: String(repeating: "X", count: meeting.title.utf8.count))
            #expect(forged.utf8.count == original.utf8.count)
            try writeText(forged, to: path)
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)

            // A save of an edit made to the stale summary is refused, and the file is left as it is.
            var edited = try #require(data.meeting(meeting.id))
            edited.actions[0].feedback = "Told residents at the next meeting"
            #expect(throws: SaveError.changedOnDisk(path: path)) { _ = try store.completing(edited, in: &data) }
            #expect(try readText(path) == forged)
            // Writing a summary as it is: refused outright.
            #expect(throws: SaveError.self) { try store.save(edited, in: &data) }
            #expect(try readText(path) == forged)

            // Opening the meeting reads the file, whatever the index said.
            var fresh = store.loadIndexed(now: now).0
            #expect(fresh.meeting(meeting.id)?.title == meeting.title)
            #expect(store.hydrate(meetingID: meeting.id, in: &fresh) == nil)
            #expect(fresh.meeting(meeting.id)?.title.hasPrefix("XXX") == true)
            #expect(fresh.meeting(meeting.id)?.isSummary == false)
        }
    }

    /// An edit made to a summary (an action's feedback from the Actions screen) is saved into the full file:
    /// names, notices and unknown fields are kept.
    @Test func test_editToASummary_isSavedIntoTheFullMeeting() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            _ = store.loadIndexed(now: now)
            var (data, _) = store.loadIndexed(now: now)
            let summary = try closedMeeting(data)
            #expect(summary.isSummary)
            let path = try #require(data.path(ofMeeting: summary.id))
            let text = try readText(path).replacingOccurrences(
                of: "\"id\": \"\(summary.id)\",", with: "\"id\": \"\(summary.id)\",\n  \"x-local\": \"kept\",")
            try writeText(text, to: path)
            (data, _) = store.loadIndexed(now: now)
            let fullBefore = store.load()
            let before = try #require(fullBefore.meeting(summary.id))
            #expect(!before.notifications.isEmpty)

            var edited = try #require(data.meeting(summary.id))
            edited.actions[0].feedback = "Told residents at the next meeting"
            let full = try store.completing(edited, in: &data)
            #expect(!full.isSummary)
            try store.save(full, in: &data)

            let fullAfter = store.load()
            let saved = try #require(fullAfter.meeting(summary.id))
            #expect(saved.actions[0].feedback == "Told residents at the next meeting")
            #expect(saved.attendance == before.attendance)
            #expect(saved.notifications == before.notifications)
            #expect(saved.declarations == before.declarations)
            #expect(saved.issues == before.issues)
            #expect(saved.extra == before.extra && !saved.extra.isEmpty)
            #expect(Array(saved.actions.dropFirst()) == Array(before.actions.dropFirst()))
        }
    }

    @Test func test_generatedHistory_isValid_andTheSameForTheSameSeed() throws {
        try withTemporaryFolder { tmp in
            let source = DataStore(folder: DataFolder(sampleData))
            let a = DataFolder(tmp + "/a"), b = DataFolder(tmp + "/b")
            let summary = try SyntheticHistory.generate(from: source, count: 300, seed: 7, to: a)
            _ = try SyntheticHistory.generate(from: source, count: 300, seed: 7, to: b)
            #expect(summary.meetings == 300)
            let store = DataStore(folder: a)
            let data = store.load()
            #expect(data.loadErrors.isEmpty)
            #expect(data.meetings.count == 300)
            #expect(Set(data.meetings.map(\.area)).count == 7)
            #expect(store.problems(in: data, now: now).isEmpty)
            #expect(data.meetings.map(\.id) == DataStore(folder: b).load().meetings.map(\.id))
            let other = DataStore(folder: b).load()
            for m in data.meetings.prefix(20) {
                let twin = try #require(other.meeting(m.id))
                #expect(DataStore.encoded(m) == DataStore.encoded(twin))
            }
            // Ids stay unique across the generated years.
            let actionIDs = data.meetings.flatMap(\.actions).map(\.id)
            #expect(Set(actionIDs).count == actionIDs.count)
        }
    }
}
