import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

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
            try writeText(
                String(decoding: DataStore.encoded(late), as: UTF8.self), to: root + "/meetings/2026/\(late.id).json")
            let after = store.load()
            #expect(
                after.fileProblems.map(\.message) == ["the meeting starts in 2026 but is filed under meetings/2025/"])
            #expect(after.meeting(late.id) != nil)
        }
    }
}
