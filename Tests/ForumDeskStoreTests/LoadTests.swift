import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct LoadTests {
    @Test func test_brokenFiles_areReportedWithPosition_andDoNotStopTheRest() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let total = DataStore(folder: DataFolder(root)).load().meetings.count
            let broken = root + "/meetings/2026/2026-10-06-cranfield-marston-woburn-ltt.json"
            var text = try readText(broken)
            text = text.replacingOccurrences(
                of: "\"kind\": \"lets-talk-together\",", with: "\"kind\": \"lets-talk-together\"")
            try writeText(text, to: broken)
            let wrongDate = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try writeText(
                try readText(wrongDate).replacingOccurrences(
                    of: "\"start\": \"2026-10-15T19:00:00+01:00\"",
                    with: "\"start\": \"15/10/2026 19:00\""), to: wrongDate)
            let data = DataStore(folder: DataFolder(root)).load()
            #expect(data.meetings.count == total - 2)
            #expect(
                data.loadErrors.map(\.description) == [
                    "\(broken):5:3: expected ',' or '}' but found `\"`",
                    "\(wrongDate):14:12: field `start` must be a date like 2026-11-24T19:00",
                ])
        }
    }

    @Test func test_unknownWard_isAProblemWithItsPosition_andTheMeetingStillLoads() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try writeText(try readText(path).replacingOccurrences(of: "\"potton\",", with: "\"pottonn\","), to: path)
            let store = DataStore(folder: DataFolder(root))
            let data = store.load()
            #expect(data.meeting("2026-10-15-sandy-biggleswade-ltt") != nil)
            let problems = store.problems(in: data, now: Date()).map(\.description)
            #expect(problems == ["\(path):11:5: unknown ward `pottonn`"])
        }
    }

    @Test func test_fileNamedUnlikeItsID_andDuplicateIDs_areReported() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let original = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try FileManager.default.copyItem(atPath: original, toPath: root + "/meetings/2026/copy.json")
            let data = DataStore(folder: DataFolder(root)).load()
            #expect(
                data.loadErrors.map(\.message) == [
                    "duplicate meeting id `2026-10-15-sandy-biggleswade-ltt`, already in \(original); not loaded"
                ])
        }
    }

    @Test func test_missingFolder_isOneClearError() {
        let data = DataStore(folder: DataFolder("/nonexistent/forumdesk")).load()
        #expect(data.loadErrors.map(\.description) == ["/nonexistent/forumdesk: no such data folder"])
    }

    @Test func test_dataFolder_resolution_optionThenEnvironmentThenDefault() {
        #expect(DataFolder.resolve(option: "x/", environment: ["FORUMDESK_DATA": "y"]).root == "x")
        #expect(DataFolder.resolve(option: nil, environment: ["FORUMDESK_DATA": "y"]).root == "y")
        #expect(DataFolder.resolve(option: nil, environment: [:]).root == "data")
    }
}
