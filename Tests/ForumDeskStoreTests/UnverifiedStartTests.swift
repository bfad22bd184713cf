import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

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
            let text = try readText(path).replacingOccurrences(
                of: "\"name\": \"\(meeting.venue.name)\"", with: "\"name\": \"Renamed In Place Hall\"")
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
