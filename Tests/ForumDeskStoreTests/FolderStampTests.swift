import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// A year folder whose own time is as stamped in the index is taken from it, not listed; any file added, removed
/// or renamed in it changes that time, so it is listed again (`DataStore.meetingFiles(listing:)`).
@Suite struct FolderStampTests {
    let now = LondonTime.parse("2026-11-23T12:00")!

    /// The sample data's year folders, their times set an hour back (a folder changed in the last 2 seconds is
    /// never stamped), and the index written.
    func settledCopy(_ tmp: String) throws -> (root: String, years: [String]) {
        let root = try copyOfSampleData(into: tmp)
        try settleYearFolders(root)
        _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
        let years = try FileManager.default.contentsOfDirectory(atPath: root + "/meetings").filter {
            !$0.hasPrefix(".")
        }.sorted()
        return (root, years)
    }

    func yearFoldersListed(_ disk: ReadRecordingFileSystem, _ root: String) -> Set<String> {
        Set(disk.listed.filter { $0.hasPrefix(root + "/meetings/") }.map { ($0 as NSString).lastPathComponent })
    }

    @Test func test_unchangedFolders_areTakenFromTheIndex_withTheSameData() throws {
        try withTemporaryFolder { tmp in
            let (root, years) = try settledCopy(tmp)
            #expect(years.count >= 2)
            let disk = ReadRecordingFileSystem()
            let (data, report) = DataStore(folder: DataFolder(root), fs: disk).loadIndexed(now: now, verify: false)
            #expect(report.foldersFromIndex == years.count)
            #expect(yearFoldersListed(disk, root).isEmpty)
            let full = DataStore(folder: DataFolder(root)).load()
            #expect(data.meetings.map(\.id) == full.meetings.map(\.id))
            #expect(
                data.meetings.map { "\($0.title) \($0.start) \($0.status)" }
                    == full.meetings.map { "\($0.title) \($0.start) \($0.status)" })
            #expect(
                data.meetings.map { data.path(ofMeeting: $0.id) } == full.meetings.map { full.path(ofMeeting: $0.id) })
            #expect(data.loadErrors.isEmpty && data.fileProblems == full.fileProblems)
            // Commands (every file checked) take the folders from the index too.
            #expect(DataStore(folder: DataFolder(root)).loadIndexed(now: now).1.foldersFromIndex == years.count)
        }
    }

    @Test func test_aFileAddedRemovedOrRenamed_isSeen_andOnlyItsFolderListed() throws {
        try withTemporaryFolder { tmp in
            let (root, years) = try settledCopy(tmp)
            let full = DataStore(folder: DataFolder(root)).load()
            let held = try #require(full.meetings.first { $0.status == .held })
            let heldPath = try #require(full.path(ofMeeting: held.id))
            let heldYear = ((heldPath as NSString).deletingLastPathComponent as NSString).lastPathComponent

            // Added: a copy under a new id, in the same folder.
            let copyID = held.id + "-copy"
            let text = try readText(heldPath).replacingOccurrences(
                of: "\"id\": \"\(held.id)\"", with: "\"id\": \"\(copyID)\"")
            try text.write(
                toFile: (heldPath as NSString).deletingLastPathComponent + "/\(copyID).json", atomically: false,
                encoding: .utf8)
            var disk = ReadRecordingFileSystem()
            var (data, report) = DataStore(folder: DataFolder(root), fs: disk).loadIndexed(now: now, verify: false)
            #expect(data.meeting(copyID)?.title == held.title)
            #expect(yearFoldersListed(disk, root) == [heldYear])
            #expect(report.foldersFromIndex == years.count - 1)

            // Removed (the index now has the copy, and the folder is stamped again once it has settled).
            try settleYearFolders(root)
            _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
            try FileManager.default.removeItem(atPath: heldPath)
            disk = ReadRecordingFileSystem()
            (data, report) = DataStore(folder: DataFolder(root), fs: disk).loadIndexed(now: now, verify: false)
            #expect(data.meeting(held.id) == nil && data.meeting(copyID) != nil)
            #expect(yearFoldersListed(disk, root) == [heldYear])

            // Renamed over another file, as every save does.
            try settleYearFolders(root)
            _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
            let copyPath = (heldPath as NSString).deletingLastPathComponent + "/\(copyID).json"
            let temp = (heldPath as NSString).deletingLastPathComponent + "/.saving"
            try text.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"Renamed: ").write(
                toFile: temp, atomically: false, encoding: .utf8)
            #expect(rename(temp, copyPath) == 0)
            (data, report) = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
            #expect(data.meeting(copyID)?.title == "Renamed: " + held.title)
        }
    }

    /// A folder listed before another whose paths sort after it (`2026` before `2026-old`: `-` sorts before `/`)
    /// still gives an index in path order, read back as it was written, not rebuilt.
    @Test func test_folderNamesThatSortUnlikeTheirPaths_giveAnIndexInPathOrder() throws {
        try withTemporaryFolder { tmp in
            let (root, years) = try settledCopy(tmp)
            let full = DataStore(folder: DataFolder(root)).load()
            let held = try #require(
                full.meetings.first { $0.status == .held && LondonTime.date($0.start).year == 2026 })
            let heldPath = try #require(full.path(ofMeeting: held.id))
            try FileManager.default.createDirectory(
                atPath: root + "/meetings/2026-old", withIntermediateDirectories: false)
            let copyID = held.id + "-old"
            let text = try readText(heldPath).replacingOccurrences(
                of: "\"id\": \"\(held.id)\"", with: "\"id\": \"\(copyID)\"")
            try text.write(toFile: root + "/meetings/2026-old/\(copyID).json", atomically: false, encoding: .utf8)
            try settleYearFolders(root)
            let first = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
            #expect(first.1.indexWritten && first.0.meeting(copyID) != nil)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + MeetingIndex.fileName)))
            let paths = try MeetingIndex.decode(bytes).asRead.map(\.path)
            #expect(paths == paths.sorted() && paths.contains("2026-old/\(copyID).json"))
            let (again, report) = DataStore(folder: DataFolder(root)).loadIndexed(now: now, verify: false)
            #expect(!report.indexRebuilt && report.foldersFromIndex == years.count + 1)
            #expect(again.meeting(copyID)?.title == held.title)
        }
    }

    /// Adding meetings (`loadKeys`) takes unchanged folders from the index too, and sees a file added since.
    @Test func test_loadKeys_takesUnchangedFoldersFromTheIndex() throws {
        try withTemporaryFolder { tmp in
            let (root, _) = try settledCopy(tmp)
            let full = DataStore(folder: DataFolder(root)).load()
            let expected = full.meetings.map(\.key).sorted { $0.id < $1.id }
            var disk = ReadRecordingFileSystem()
            var keys = DataStore(folder: DataFolder(root), fs: disk).loadKeys().1
            #expect(keys.sorted { $0.id < $1.id } == expected)
            #expect(yearFoldersListed(disk, root).isEmpty)

            let held = try #require(full.meetings.first { $0.status == .held })
            let heldPath = try #require(full.path(ofMeeting: held.id))
            let copyID = held.id + "-copy"
            let text = try readText(heldPath).replacingOccurrences(
                of: "\"id\": \"\(held.id)\"", with: "\"id\": \"\(copyID)\"")
            try text.write(
                toFile: (heldPath as NSString).deletingLastPathComponent + "/\(copyID).json", atomically: false,
                encoding: .utf8)
            disk = ReadRecordingFileSystem()
            keys = DataStore(folder: DataFolder(root), fs: disk).loadKeys().1
            #expect(keys.contains { $0.id == copyID } && keys.count == expected.count + 1)
            #expect(
                yearFoldersListed(disk, root) == [
                    ((heldPath as NSString).deletingLastPathComponent as NSString).lastPathComponent
                ])
        }
    }

    /// A folder changed less than 2 seconds before it was listed is not stamped (a change in the same clock tick
    /// would not move its time), and a folder holding a file that cannot be read is listed at every load, so
    /// the file is reported every time.
    @Test func test_aFreshFolder_andAFolderWithABrokenFile_areListedEveryTime() throws {
        try withTemporaryFolder { tmp in
            let (root, years) = try settledCopy(tmp)
            let year = try #require(years.last)
            let first = ReadRecordingFileSystem()
            #expect(
                DataStore(folder: DataFolder(root), fs: first).loadIndexed(now: now).1.foldersFromIndex == years.count)
            try "{ not json".write(toFile: root + "/meetings/\(year)/broken.json", atomically: false, encoding: .utf8)
            for _ in 0..<2 {
                let disk = ReadRecordingFileSystem()
                let (data, report) = DataStore(folder: DataFolder(root), fs: disk).loadIndexed(now: now)
                #expect(yearFoldersListed(disk, root) == [year])
                #expect(report.foldersFromIndex == years.count - 1)
                #expect(data.loadErrors.contains { $0.path.hasSuffix("/broken.json") })
            }
            try settleYearFolders(root)  // every folder's time moved: each listed once, and stamped again
            _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
            for _ in 0..<2 {
                let disk = ReadRecordingFileSystem()
                let (data, _) = DataStore(folder: DataFolder(root), fs: disk).loadIndexed(now: now)
                #expect(yearFoldersListed(disk, root) == [year])
                #expect(data.loadErrors.contains { $0.path.hasSuffix("/broken.json") })
            }
            try FileManager.default.removeItem(atPath: root + "/meetings/\(year)/broken.json")
            _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)  // fresh: not stamped
            let disk = ReadRecordingFileSystem()
            _ = DataStore(folder: DataFolder(root), fs: disk).loadIndexed(now: now)
            #expect(yearFoldersListed(disk, root) == [year])
        }
    }
}
