import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Consultations as records: the sample's load clean and canonical; a save is the durable checked save; a file
/// that cannot be read is reported with its position and never overwritten; validation names each bad reference.
@Suite struct ConsultationStoreTests {
    static let now = LondonTime.parse("2026-11-23T12:00")!

    @Test func test_sampleConsultations_loadCanonical_andStagesFollowToday() throws {
        let data = DataStore(folder: DataFolder(sampleData)).load()
        #expect(
            data.consultations.map(\.id) == [
                "policing-priorities-2027", "library-opening-hours-2027", "budget-2027-28",
            ])
        for c in data.consultations {
            let path = try DataFolder(sampleData).consultationFile(c.id)
            #expect(JSONWriter.write(Codec.encode(c)) == Array(FileManager.default.contents(atPath: path)!), "\(path)")
        }
        let today = LondonTime.date(Self.now)
        #expect(data.consultations.map { $0.stage(on: today) } == [.reported, .open, .coming])
        #expect(ConsultationRules.awaitingResults(data.consultations, today: today).isEmpty)
        // A week after the library consultation closes, its results are due.
        let later = CalendarDate(year: 2026, month: 12, day: 6)
        #expect(
            ConsultationRules.awaitingResults(data.consultations, today: later).map(\.id) == [
                "library-opening-hours-2027"
            ])
        #expect(
            ConsultationRules.reminder(data.consultations[1], today: later).contains(
                "closed on 2026-11-29, 7 days ago: no results recorded"))
    }

    @Test func test_save_reload_andAnUnreadableFileIsNeverOverwritten() throws {
        let tmp = NSTemporaryDirectory() + "forumdesk-consultation-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let root = try copyOfSampleData(into: tmp)
        let store = DataStore(folder: DataFolder(root))
        var data = store.load()
        var library = try #require(data.consultation("library-opening-hours-2027"))
        library.results = "Most people asked for Saturday afternoons."
        library.equality = ["age": ["65+": 60]]
        try store.save(library, in: &data)
        let again = store.load()
        #expect(again.consultation(library.id) == library)

        let broken = try DataFolder(root).consultationFile("budget-2027-28")
        let bad =
            "{\n  \"schema\": 1,\n  \"id\": \"budget-2027-28\",\n  \"title\": \"Budget\",\n  \"engagementLevel\": \"shout\"\n}\n"
        try bad.write(toFile: broken, atomically: true, encoding: .utf8)
        var reloaded = store.load()
        let error = try #require(reloaded.loadErrors.first { $0.path == broken })
        #expect(error.position?.line == 5, "\(error)")
        #expect(reloaded.consultation("budget-2027-28") == nil)
        let attempt = Consultation(
            id: "budget-2027-28", title: "Budget", engagementLevel: .consult,
            opens: CalendarDate(year: 2026, month: 12, day: 7), closes: CalendarDate(year: 2027, month: 1, day: 18))
        #expect(throws: SaveError.self) { try store.save(attempt, in: &reloaded) }
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == bad)
    }

    @Test func test_validation_namesEachBadReference() throws {
        let data = DataStore(folder: DataFolder(sampleData)).load()
        var c = Consultation(
            id: "bad-one", title: "Bad", engagementLevel: .involve, opens: CalendarDate(year: 2026, month: 5, day: 2),
            closes: CalendarDate(year: 2026, month: 5, day: 1), organisation: "no-such-org", contact: "nobody",
            areas: ["atlantis"], wards: ["nowhere"])
        c.link = "http://insecure.example.org"
        c.topics = ["no-topic"]
        c.items = [
            ConsultationItem(meeting: "2026-10-15-sandy-biggleswade-ltt", item: 99),
            ConsultationItem(meeting: "2020-01-01-none", item: 1),
        ]
        c.responses = 10
        c.equality = ["age": ["65+": 11]]
        c.changes = "We changed things"
        let messages = ConsultationRules.problems(
            [c], directory: data.directory, meetings: data.meetings, topics: data.topics
        ).map(\.message)
        for expected in [
            "unknown area `atlantis`", "unknown ward `nowhere`", "closes (2026-05-01) before it opens", "https://",
            "unknown topic `no-topic`", "has no agenda item 99", "unknown meeting `2020-01-01-none`",
            "11 counted by age but 10",
            "not the results", "no-such-org", "nobody",
        ] {
            #expect(messages.contains { $0.contains(expected) }, "\(expected) in \(messages)")
        }
        #expect(
            ConsultationRules.problems(
                data.consultations, directory: data.directory, meetings: data.meetings, topics: data.topics
            ).isEmpty)
    }
}
