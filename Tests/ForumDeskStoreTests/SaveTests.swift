import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite(.serialized) struct SaveTests {
    func loadCopy(_ folder: String, fs: FileSystem = PosixFileSystem()) throws -> (DataStore, DataSet, String) {
        let root = try copyOfSampleData(into: folder)
        let store = DataStore(folder: DataFolder(root), fs: fs)
        return (store, store.load(), root)
    }

    @Test func test_save_writesTheFile_leavesNoTempFile_andSets0600() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            var data = data0
            var meeting = data.meetings[0]
            meeting.publicNotes = "Updated by the test"
            try store.save(meeting, in: &data)
            let path = try #require(data.path(ofMeeting: meeting.id))
            #expect(try readText(path).contains("Updated by the test"))
            #expect(mode(of: path) == 0o600)
            #expect(!listing((path as NSString).deletingLastPathComponent).contains { $0.hasPrefix(".") })
            #expect(store.load().meeting(meeting.id) == meeting)
            _ = root
        }
    }

    @Test func test_newYearFolder_isCreated0700_whateverTheUmask() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            for mask: mode_t in [0o000, 0o077, 0o277] {
                var data = data0
                let old = umask(mask)
                defer { umask(old) }
                var meeting = data.meetings[0]
                meeting.id = "2031-05-01-umask-\(mask)"
                meeting.start = LondonTime.parse("2031-05-01T19:00")!
                meeting.end = LondonTime.parse("2031-05-01T21:00")!
                try store.save(meeting, in: &data)
                #expect(mode(of: root + "/meetings/2031") == 0o700)
                #expect(mode(of: root + "/meetings/2031/\(meeting.id).json") == 0o600)
                try? FileManager.default.removeItem(atPath: root + "/meetings/2031")
            }
        }
    }

    @Test func test_save_refusesToOverwriteAFileChangedOnDisk() throws {
        try withTemporaryFolder { folder in
            let (store, data0, _) = try loadCopy(folder)
            var data = data0
            let meeting = data.meetings[3]
            let path = try #require(data.path(ofMeeting: meeting.id))
            let theirs = try readText(path).replacingOccurrences(
                of: "\"sequence\": 0", with: "\"sequence\": 0, \"note\": \"theirs\"")
            try writeText(theirs, to: path)
            var mine = meeting
            mine.publicNotes = "mine"
            #expect(throws: SaveError.changedOnDisk(path: path)) { try store.save(mine, in: &data) }
            #expect(try readText(path) == theirs)
            #expect(data.meeting(meeting.id) == meeting)  // nothing recorded as saved
        }
    }

    @Test func test_save_refusesToOverwriteAFileThatCouldNotBeRead() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            let good = try readText(path)
            let meeting = try DataStore.decodeMeeting(Array(good.utf8))
            try writeText(String(good.dropLast(30)), to: path)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            #expect(throws: SaveError.unreadableOnDisk(path: path)) { try store.save(meeting, in: &data) }
            #expect(try readText(path) == String(good.dropLast(30)))
        }
    }

    @Test func test_save_ofANewMeeting_refusesIfSomeoneCreatedTheSameFile() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            var data = data0
            var meeting = data.meetings[0]
            meeting.id = "2026-12-30-new"
            meeting.start = LondonTime.parse("2026-12-30T19:00")!
            meeting.end = LondonTime.parse("2026-12-30T20:00")!
            try writeText("{}", to: root + "/meetings/2026/2026-12-30-new.json")
            #expect(throws: SaveError.changedOnDisk(path: root + "/meetings/2026/2026-12-30-new.json")) {
                try store.save(meeting, in: &data)
            }
        }
    }

    @Test(arguments: [FaultyFileSystem.Operation.create, .write, .fsync, .rename], [ENOSPC, EIO, EACCES, EROFS])
    func test_failedWrite_leavesOldFileIntact_noTempFile_andRetrySucceeds(
        operation: FaultyFileSystem.Operation, code: Int32
    ) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let faulty = DataStore(folder: DataFolder(root), fs: FaultyFileSystem(failing: operation, code: code))
            var data = faulty.load()
            var meeting = data.meetings[5]
            let path = try #require(data.path(ofMeeting: meeting.id))
            let before = try readText(path)
            meeting.publicNotes = "typed during the meeting"
            do {
                try faulty.save(meeting, in: &data)
                Issue.record("the save should have failed")
            } catch let error as SaveError {
                #expect(error.description.contains("nothing was written"))
                #expect(error.description.contains(SystemCallError(operation: "", path: "", code: code).reason))
            }
            #expect(try readText(path) == before)
            #expect(!listing((path as NSString).deletingLastPathComponent).contains { $0.hasPrefix(".") })
            // The disk recovers: the same data set saves.
            try DataStore(folder: DataFolder(root)).save(meeting, in: &data)
            #expect(try readText(path).contains("typed during the meeting"))
        }
    }

    @Test func test_failedFolderSync_afterRename_saysTheChangeMayNotBeDurable_andRetryIsNotAConflict() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let faulty = DataStore(folder: DataFolder(root), fs: FaultyFileSystem(failing: .fsyncFolder, code: EIO))
            var data = faulty.load()
            var meeting = data.meetings[5]
            meeting.publicNotes = "typed during the meeting"
            #expect(throws: SaveError.self) { try faulty.save(meeting, in: &data) }
            try DataStore(folder: DataFolder(root)).save(meeting, in: &data)
        }
    }

    @Test func test_meetingMovedToAnotherYear_movesItsFile() throws {
        try withTemporaryFolder { folder in
            let (store, data0, root) = try loadCopy(folder)
            var data = data0
            var meeting = try #require(data.meetings.last)
            let oldPath = try #require(data.path(ofMeeting: meeting.id))
            meeting.start = LondonTime.parse("2028-01-10T19:00")!
            meeting.end = LondonTime.parse("2028-01-10T21:00")!
            try store.save(meeting, in: &data)
            #expect(!FileManager.default.fileExists(atPath: oldPath))
            #expect(FileManager.default.fileExists(atPath: root + "/meetings/2028/\(meeting.id).json"))
            #expect(store.load().meetings.count == data0.meetings.count)
        }
    }

    @Test func test_directorySave_keepsUnknownFileFields_andOnlyWritesChangedFiles() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let peoplePath = root + "/directory/people.json"
            try writeText(
                try readText(peoplePath).replacingOccurrences(
                    of: "\"schema\": 1,", with: "\"schema\": 1,\n  \"owner\": \"HR\","),
                to: peoplePath)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            let areasBefore = try readText(root + "/directory/areas.json")
            var directory = data.directory
            directory.people[0].phone = "01632 960999"
            try store.saveDirectory(directory, in: &data)
            #expect(try readText(peoplePath).contains("\"owner\": \"HR\""))
            #expect(try readText(peoplePath).contains("01632 960999"))
            #expect(try readText(root + "/directory/areas.json") == areasBefore)
        }
    }

    @Test func test_abandonedTempFiles_ofDeadProcesses_areRemoved() throws {
        try withTemporaryFolder { folder in
            let (store, _, root) = try loadCopy(folder)
            let deadPid = 4_194_000  // above any pid this machine hands out
            let stale = root + "/meetings/2026/.x.json.tmp-\(deadPid)-1"
            let mine = root + "/meetings/2026/.y.json.tmp-\(getpid())-2"
            try writeText("{", to: stale)
            try writeText("{", to: mine)
            #expect(store.removeAbandonedTempFiles() == 1)
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(FileManager.default.fileExists(atPath: mine))
        }
    }
}
