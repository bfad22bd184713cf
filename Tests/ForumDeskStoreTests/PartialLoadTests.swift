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
            #expect(
                data.directory == full.directory && data.settings == full.settings
                    && data.topics.map(\.id) == full.topics.map(\.id))
            #expect(
                meetingFiles(disk.read) == Set([full.path(ofMeeting: upcoming.id)!, full.path(ofMeeting: held.id)!]))
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
            var text = try readText(editedPath).replacingOccurrences(
                of: "\"area\": \"\(edited.area)\"", with: "\"area\": \"\(otherArea)\"")
            text += "\n"  // a size the index does not know, whatever the clock's resolution
            try writeText(text, to: editedPath)
            var added = edited
            added.id = "2026-12-30-added-by-hand"
            added.start = LondonTime.parse("2026-12-30T19:00")!
            added.end = LondonTime.parse("2026-12-30T21:00")!
            try writeText(
                String(decoding: DataStore.encoded(added), as: UTF8.self), to: root + "/meetings/2026/\(added.id).json")
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
