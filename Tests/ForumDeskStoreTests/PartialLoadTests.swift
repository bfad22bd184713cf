import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Commands about one meeting (`notify`, `import reply`) and adding meetings (`import csv meetings`) read only
/// what they touch: the same answers as a full load, without reading the history.
@Suite struct PartialLoadTests {
    let now = LondonTime.parse("2026-11-23T12:00")!

    func meetingFiles(_ read: [String]) -> Set<String> { Set(read.filter { $0.contains("/meetings/") }) }

    @Test func test_loadMeetingIDs_readsOnlyTheirFiles_andSavesAsAFullLoadWould() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let full = DataStore(folder: DataFolder(root)).load()
            let upcoming = try #require(full.meetings.first { $0.start > now })
            let held = try #require(full.meetings.first { $0.status == .held })
            let disk = ReadRecordingFileSystem()
            let store = DataStore(folder: DataFolder(root), fs: disk)

            var data = store.load(meetingIDs: [upcoming.id, held.id, "no-such-meeting"])
            #expect(data.isPartial)
            #expect(data.meetings.map(\.id) == [held.id, upcoming.id])
            #expect(data.meeting(upcoming.id) == upcoming && data.meeting(held.id) == held)
            #expect(data.directory == full.directory && data.settings == full.settings && data.topics.map(\.id) == full.topics.map(\.id))
            #expect(meetingFiles(disk.read) == Set([full.path(ofMeeting: upcoming.id)!, full.path(ofMeeting: held.id)!]))
            #expect(data.loadErrors.isEmpty)

            // Saved through the partial load, the change is there for a full load, and nothing else changed.
            var changed = upcoming
            changed.publicNotes = "Changed through a partial load"
            try store.save(changed, in: &data)
            let after = DataStore(folder: DataFolder(root)).load()
            #expect(after.meeting(upcoming.id)?.publicNotes == "Changed through a partial load")
            #expect(after.meetings.filter { $0.id != upcoming.id } == full.meetings.filter { $0.id != upcoming.id })
        }
    }

    @Test func test_loadMeetingIDs_refusesPathsAndReportsWhatAFullLoadReports() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let full = DataStore(folder: DataFolder(root)).load()
            let meeting = try #require(full.meetings.first)
            let disk = ReadRecordingFileSystem()
            let store = DataStore(folder: DataFolder(root), fs: disk)

            // An id that is not one is never turned into a path.
            let outside = store.load(meetingIDs: ["../../directory/people", "../2026/\(meeting.id)", "", "."])
            #expect(outside.meetings.isEmpty && meetingFiles(disk.read).isEmpty)

            // The same id filed under two years: a duplicate, as a full load says.
            let path = try #require(full.path(ofMeeting: meeting.id))
            try FileManager.default.createDirectory(atPath: root + "/meetings/1999", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: path, toPath: root + "/meetings/1999/\(meeting.id).json")
            let twice = store.load(meetingIDs: [meeting.id])
            let everything = DataStore(folder: DataFolder(root)).load()
            #expect(twice.meetings.count == 1)
            #expect(twice.loadErrors.map(\.message) == everything.loadErrors.map(\.message))
            #expect(twice.loadErrors.first?.message.contains("duplicate meeting id") == true)

            // A file that cannot be read is reported, not loaded.
            try FileManager.default.removeItem(atPath: root + "/meetings/1999")
            try writeText("{\"id\": ", to: path)
            let broken = store.load(meetingIDs: [meeting.id])
            #expect(broken.meetings.isEmpty)
            #expect(broken.loadErrors.map(\.path) == [path])
        }
    }

    @Test func test_loadKeys_equalTheFullLoads_fromTheIndexWhereCurrent_fromTheFileOtherwise() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let plain = DataStore(folder: DataFolder(root))
            func fullKeys() -> Set<MeetingKey> { Set(plain.load().meetings.map(\.key)) }

            // No index: every file is read.
            let (data, keys) = plain.loadKeys()
            #expect(data.isPartial && data.meetings.isEmpty)
            #expect(Set(keys) == fullKeys() && keys.count == plain.load().meetings.count)

            // A current index: keys without reading a single meeting file.
            _ = plain.loadIndexed(now: now)
            let disk = ReadRecordingFileSystem()
            let store = DataStore(folder: DataFolder(root), fs: disk)
            #expect(Set(store.loadKeys().1) == fullKeys())
            #expect(meetingFiles(disk.read).isEmpty)

            // Edited outside after indexing (area and start), added, and broken: each read from its file.
            let full = plain.load()
            let edited = try #require(full.meetings.first { $0.status == .held })
            let otherArea = try #require(full.directory.areas.first { $0.id != edited.area }).id
            let editedPath = try #require(full.path(ofMeeting: edited.id))
            var text = try readText(editedPath).replacingOccurrences(of: "\"area\": \"\(edited.area)\"", with: "\"area\": \"\(otherArea)\"")
            text += "\n"  // a size the index does not know, whatever the clock's resolution
            try writeText(text, to: editedPath)
            var added = edited
            added.id = "2026-12-30-added-by-hand"
            added.start = LondonTime.parse("2026-12-30T19:00")!
            added.end = LondonTime.parse("2026-12-30T21:00")!
            try writeText(String(decoding: DataStore.encoded(added), as: UTF8.self), to: root + "/meetings/2026/\(added.id).json")
            let broken = try #require(full.meetings.last { $0.id != edited.id })
            try writeText("[", to: try #require(full.path(ofMeeting: broken.id)))

            let (after, afterKeys) = store.loadKeys()
            let reloaded = plain.load()
            #expect(Set(afterKeys) == Set(reloaded.meetings.map(\.key)))
            #expect(afterKeys.contains(MeetingKey(id: edited.id, area: otherArea, start: edited.start)))
            #expect(afterKeys.contains(added.key) && !afterKeys.contains { $0.id == broken.id })
            #expect(after.loadErrors.map(\.path) == [full.path(ofMeeting: broken.id)!])

            // A damaged index is not trusted: every key from its file.
            try writeText("FORUMDESK-INDEX damaged", to: root + "/.forumdesk-index")
            #expect(Set(store.loadKeys().1) == Set(reloaded.meetings.map(\.key)))
        }
    }
}

/// The app's start takes closed meetings from the index without a `stat` of each file, and looks at the files
/// after its first screen: a file changed in place meanwhile is found then.
@Suite struct UnverifiedStartTests {
    let now = LondonTime.parse("2026-11-23T12:00")!

    @Test func test_unverifiedLoad_listsItsSummaries_andTheCheckFindsAnInPlaceEdit() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            _ = store.loadIndexed(now: now)

            let (data, report) = store.loadIndexed(now: now, verify: false)
            let summaries = data.meetings.filter(\.isSummary)
            #expect(!summaries.isEmpty)
            #expect(Set(report.unverified.map(\.path)) == Set(summaries.compactMap { data.path(ofMeeting: $0.id) }))
            #expect(store.stillAsIndexed(report.unverified))
            #expect(data.meetings == store.loadIndexed(now: now).0.meetings)

            // Changed in place (same inode, same folder time): the unverified load still shows the index's venue,
            // the check says so, and a verified load reads the file.
            let meeting = try #require(summaries.first)
            let path = try #require(data.path(ofMeeting: meeting.id))
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            let text = try readText(path).replacingOccurrences(of: "\"name\": \"\(meeting.venue.name)\"", with: "\"name\": \"Renamed In Place Hall\"")
            handle.truncateFile(atOffset: 0)
            handle.write(Data(text.utf8))
            handle.closeFile()

            let (stale, staleReport) = store.loadIndexed(now: now, verify: false)
            #expect(stale.meeting(meeting.id)?.venue.name == meeting.venue.name)
            #expect(!store.stillAsIndexed(staleReport.unverified))
            #expect(store.loadIndexed(now: now).0.meeting(meeting.id)?.venue.name == "Renamed In Place Hall")
            #expect(store.stillAsIndexed(store.loadIndexed(now: now, verify: false).1.unverified))

            // A file removed is not taken from the index, verified or not.
            try FileManager.default.removeItem(atPath: path)
            #expect(store.loadIndexed(now: now, verify: false).0.meeting(meeting.id) == nil)
        }
    }
}

@Suite struct FolderRelativeStatusTests {
    /// `statuses` (one folder opened per run of paths, `fstatat` in it) answers as `status` of each full path.
    @Test func test_statuses_equalEachPathsStatus() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let fs = PosixFileSystem()
            let files = DataStore(folder: DataFolder(root)).meetingFiles().map(\.path)
            let paths = files + [root + "/meetings/2026/missing.json", root + "/meetings", root + "/nowhere/x.json", "relative-name",
                                 root + "/forumdesk.json", files[0], root + "/meetings/2026/../2025/" + (files[0] as NSString).lastPathComponent]
            let expected = paths.map { try? fs.status($0) }
            #expect(fs.statuses(paths[...]) == expected)
            #expect(DataStore(folder: DataFolder(root)).statuses(paths) == expected)
            #expect(expected.compactMap { $0 }.count == files.count + 4)
        }
    }
}

@Suite struct YearFolderTests {
    /// A meeting filed under another year's folder is reported with the year it starts in; the last minutes of a
    /// year (London time) belong to that year's folder.
    @Test func test_meetingInAnotherYearsFolder_isReported() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(root))
            let data = store.load()
            #expect(data.fileProblems.isEmpty)
            let meeting = try #require(data.meetings.first { LondonTime.date($0.start).year == 2026 })
            let path = try #require(data.path(ofMeeting: meeting.id))
            try FileManager.default.moveItem(atPath: path, toPath: root + "/meetings/2025/\(meeting.id).json")
            var late = meeting
            late.id = "2026-12-31-late-evening"
            late.start = LondonTime.parse("2026-12-31T23:30")!
            late.end = LondonTime.parse("2026-12-31T23:59")!
            try writeText(String(decoding: DataStore.encoded(late), as: UTF8.self), to: root + "/meetings/2026/\(late.id).json")
            let after = store.load()
            #expect(after.fileProblems.map(\.message) == ["the meeting starts in 2026 but is filed under meetings/2025/"])
            #expect(after.meeting(late.id) != nil)
        }
    }
}

@Suite struct MeetingOrderTests {
    func meeting(_ id: String, _ start: Double) -> Meeting {
        Meeting(id: id, kind: .other, title: id, area: "a", wards: [], start: Date(timeIntervalSince1970: start),
                end: Date(timeIntervalSince1970: start + 3600), venue: Venue(name: "v"), status: .planned)
    }

    /// Nearly in order (several a day, named by area), far from it (ids not named by date), reversed, equal starts:
    /// always the order of a sort by start, then id.
    @Test func test_putInOrder_equalsASort() {
        var lists: [[Meeting]] = []
        let areas = ["c", "a", "b"], hours = [7, 3, 5]
        lists.append((0..<500).map { (n: Int) -> Meeting in
            let day = n / 3, k = n % 3
            return meeting("m-\(1000 + day)-\(areas[k])", Double(day * 86_400 + hours[k] * 3600))
        })
        lists.append((0..<500).map { meeting("x-\($0)", Double(($0 * 7919) % 500) * 3600) })
        lists.append((0..<300).reversed().map { meeting("r-\($0)", Double($0)) })
        lists.append((0..<50).map { meeting("same-\(50 - $0)", 0) })
        lists.append([])
        lists.append([meeting("one", 1)])
        for list in lists {
            var ordered = list
            DataStore.putInOrder(&ordered)
            #expect(ordered.map(\.id) == list.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map(\.id))
        }
    }
}

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
        let years = try FileManager.default.contentsOfDirectory(atPath: root + "/meetings").filter { !$0.hasPrefix(".") }.sorted()
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
            #expect(data.meetings.map { "\($0.title) \($0.start) \($0.status)" } == full.meetings.map { "\($0.title) \($0.start) \($0.status)" })
            #expect(data.meetings.map { data.path(ofMeeting: $0.id) } == full.meetings.map { full.path(ofMeeting: $0.id) })
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
            let text = try readText(heldPath).replacingOccurrences(of: "\"id\": \"\(held.id)\"", with: "\"id\": \"\(copyID)\"")
            try text.write(toFile: (heldPath as NSString).deletingLastPathComponent + "/\(copyID).json", atomically: false, encoding: .utf8)
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
            try text.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"Renamed: ").write(toFile: temp, atomically: false, encoding: .utf8)
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
            let held = try #require(full.meetings.first { $0.status == .held && LondonTime.date($0.start).year == 2026 })
            let heldPath = try #require(full.path(ofMeeting: held.id))
            try FileManager.default.createDirectory(atPath: root + "/meetings/2026-old", withIntermediateDirectories: false)
            let copyID = held.id + "-old"
            let text = try readText(heldPath).replacingOccurrences(of: "\"id\": \"\(held.id)\"", with: "\"id\": \"\(copyID)\"")
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
            let text = try readText(heldPath).replacingOccurrences(of: "\"id\": \"\(held.id)\"", with: "\"id\": \"\(copyID)\"")
            try text.write(toFile: (heldPath as NSString).deletingLastPathComponent + "/\(copyID).json", atomically: false, encoding: .utf8)
            disk = ReadRecordingFileSystem()
            keys = DataStore(folder: DataFolder(root), fs: disk).loadKeys().1
            #expect(keys.contains { $0.id == copyID } && keys.count == expected.count + 1)
            #expect(yearFoldersListed(disk, root) == [((heldPath as NSString).deletingLastPathComponent as NSString).lastPathComponent])
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
            #expect(DataStore(folder: DataFolder(root), fs: first).loadIndexed(now: now).1.foldersFromIndex == years.count)
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
