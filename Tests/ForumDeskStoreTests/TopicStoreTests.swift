import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct TopicStoreTests {
    static func request(_ id: String = "winter-gritting-routes") -> TopicRequest {
        var t = TopicRequest(
            id: id, title: "Winter gritting routes", minutes: 20, organisation: "cbc-sustainable-communities",
            purpose: [.information], engagementLevel: .consult, areas: ["leighton-rural"],
            notBefore: CalendarDate(iso: "2026-11-23"), notAfter: CalendarDate(iso: "2027-01-31"))
        t.extra = ["budgetCode": .string("HW-07")]
        return t
    }

    @Test func test_saveAndLoad_roundTrip_keepingUnknownFields() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            var data = store.load()
            var topic = Self.request("bus-timetable")
            topic.reason = "line one\nline two"
            try store.save(topic, in: &data)
            #expect(mode(of: try store.folder.topicFile("bus-timetable")) == 0o600)
            #expect(store.load().topic("bus-timetable") == topic)
            try store.delete(topicID: "bus-timetable", in: &data)
            #expect(store.load().topic("bus-timetable") == nil)
        }
    }

    @Test func test_brokenTopicFile_isReported_neverOverwritten_andTheRestLoads() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            let path = try store.folder.topicFile("winter-gritting-routes")
            try writeText(
                "{\"schema\": 1, \"id\": \"winter-gritting-routes\", \"title\": \"Gritting\", \"minutes\": \"twenty\"}\n",
                to: path)
            var data = store.load()
            let error = try #require(data.loadErrors.first { $0.path == path })
            #expect(error.description.contains("1:") && error.description.contains("`minutes`"))
            #expect(data.topics.count >= 6 && data.meetings.count >= 40)
            #expect(throws: SaveError.unreadableOnDisk(path: path)) { try store.save(Self.request(), in: &data) }
            #expect(try readText(path).contains("twenty"))
        }
    }

    @Test func test_topicChangedByAnotherProgram_isNotClobbered() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            var data = store.load()
            let path = try store.folder.topicFile("winter-gritting-routes")
            try writeText(
                try readText(path).replacingOccurrences(of: "\"minutes\": 20", with: "\"minutes\": 30"), to: path)
            var mine = try #require(data.topic("winter-gritting-routes"))
            mine.status = .withdrawn
            #expect(throws: SaveError.changedOnDisk(path: path)) { try store.save(mine, in: &data) }
            #expect(store.load().topic("winter-gritting-routes")?.minutes == 30)
        }
    }

    @Test func test_topicFileNamedUnlikeItsID_isNotLoaded() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            try FileManager.default.copyItem(
                atPath: try store.folder.topicFile("winter-gritting-routes"), toPath: try store.folder.topicFile("copy")
            )
            let data = store.load()
            #expect(data.topics.filter { $0.id == "winter-gritting-routes" }.count == 1)
            #expect(
                data.loadErrors.contains {
                    $0.path.hasSuffix("topics/copy.json") && $0.message.contains("its id is `winter-gritting-routes`")
                })
        }
    }

    @Test func test_validate_givesTheLineOfABadTopicReference() throws {
        try withTemporaryFolder { folder in
            let store = DataStore(folder: DataFolder(try copyOfSampleData(into: folder)))
            let path = try store.folder.topicFile("winter-gritting-routes")
            try writeText(
                try readText(path).replacingOccurrences(of: "\"areas\": []", with: "\"areas\": [\"atlantis\"]"),
                to: path)
            let problems = store.problems(in: store.load(), now: LondonTime.parse("2026-11-23T12:00")!)
            let problem = try #require(problems.first { $0.path == path })
            #expect(problem.message == "unknown area `atlantis`" && problem.position != nil)
        }
    }
}
