import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct SampleDataTests {
    @Test func test_sampleData_loadsWithoutErrorsOrProblems() {
        let store = DataStore(folder: DataFolder(sampleData))
        let data = store.load()
        #expect(data.loadErrors.isEmpty)
        #expect(data.meetings.count >= 40)
        #expect(data.directory.areas.count == 7)
        #expect(store.problems(in: data, now: LondonTime.parse("2026-11-23T12:00")!).isEmpty)
    }

    /// Every committed file is in canonical form: loading and saving it changes no byte.
    @Test func test_sampleData_isCanonical() throws {
        let data = DataStore(folder: DataFolder(sampleData)).load()
        for meeting in data.meetings {
            let path = try #require(data.path(ofMeeting: meeting.id))
            #expect(DataStore.encoded(meeting) == Array(FileManager.default.contents(atPath: path)!), "\(path)")
        }
        let directoryFiles: [(String, OrderedJSON)] = [
            (
                "directory/areas.json",
                Codec.encode(Codec.AreasFile(areas: data.directory.areas, coverageRules: data.directory.coverageRules))
            ),
            ("directory/people.json", Codec.encode(Codec.PeopleFile(people: data.directory.people))),
            (
                "directory/organisations.json",
                Codec.encode(Codec.OrganisationsFile(organisations: data.directory.organisations))
            ),
            ("forumdesk.json", Codec.encode(data.settings)),
        ]
        for (file, json) in directoryFiles {
            #expect(
                JSONWriter.write(json) == Array(FileManager.default.contents(atPath: sampleData + "/" + file)!),
                "\(file)")
        }
        #expect(data.topics.count >= 6)
        for topic in data.topics {
            let path = try DataFolder(sampleData).topicFile(topic.id)
            #expect(
                JSONWriter.write(Codec.encode(topic)) == Array(FileManager.default.contents(atPath: path)!), "\(path)")
        }
    }

    @Test func test_sampleData_coversWhatTheDashboardMustShow() {
        let data = DataStore(folder: DataFolder(sampleData)).load()
        let now = LondonTime.parse("2026-11-23T12:00")!
        let kinds = Set(Warnings.all(directory: data.directory, meetings: data.meetings, now: now).map(\.kind))
        #expect(
            kinds.isSuperset(of: [
                .councillorNotNotified, .staleNotice, .cancellationOwed, .partnerMissing, .overdueAction,
                .noAgenda, .outcomeNotRecorded,
            ]))
        let statuses = Set(data.meetings.flatMap(\.actions).map(\.status))
        #expect(statuses == Set(ActionStatus.allCases))
        let languages = Set(data.meetings.flatMap { $0.noticeTitles.keys })
        #expect(languages.isSuperset(of: ["bn", "ur", "gu", "pa"]))
        #expect(data.meetings.contains { $0.attendance.contains { $0.status == .substitute } })
        #expect(data.meetings.contains { !$0.declarations.isEmpty })
        #expect(data.directory.people.allSatisfy { ($0.email ?? "x@example.org").hasSuffix("example.org") })
    }
}
