import Foundation
import Testing
@testable import ForumDeskCore

/// `@` names an owner by any word of the name, its id or its initials; an ambiguous word says what it could be.
@Suite struct QuickEntryOwnerWordTests {
    static let directory = Directory(
        areas: [],
        people: [
            Person(
                id: "yusuf-ambridge-cole", name: "Yusuf Ambridge-Cole", kind: .contact,
                organisation: "cbc-sustainable-communities"),
            Person(id: "cllr-otis-rookwood", name: "Cllr Otis Rookwood", kind: .councillor),
        ],
        organisations: [
            Organisation(
                id: "cbc-sustainable-communities",
                name: "Central Bedfordshire Council: Sustainable Communities (highways, waste, planning)",
                sector: .councilDirectorate),
            Organisation(
                id: "cbc-community-safety", name: "Central Bedfordshire Council: Community Safety",
                sector: .councilDirectorate),
        ])
    static let today = CalendarDate(year: 2026, month: 11, day: 26)

    static func parse(_ line: String) throws -> QuickEntry.Draft {
        try QuickEntry.parse(line, directory: directory, today: today)
    }

    @Test func test_aWordOfTheName_theId_orInitials_nameTheOwner() throws {
        let bySustainable = try Self.parse("Fix the drain @Sustainable Communities due:+7d")
        #expect(bySustainable.organisation == "cbc-sustainable-communities" && bySustainable.owner == nil)
        #expect(bySustainable.description == "Fix the drain")
        #expect(
            try Self.parse("Fix the drain @cbc-sustainable-communities").organisation == "cbc-sustainable-communities")
        #expect(try Self.parse("Fix the drain @safety").organisation == "cbc-community-safety")
        #expect(try Self.parse("Ask @Ambridge for dates").owner == "yusuf-ambridge-cole")
        #expect(try Self.parse("Ask @Ambridge for dates").description == "Ask for dates")
        #expect(try Self.parse("Ask @YAC").owner == "yusuf-ambridge-cole")
        #expect(try Self.parse("Ask @Rookwood").owner == "cllr-otis-rookwood")
        #expect(try Self.parse("Check it item:6").item == 6)
    }

    @Test func test_anAmbiguousWord_saysWhatItCouldBe_andTabOffersEachCandidate() throws {
        #expect(throws: QuickEntry.Failure.self) { try Self.parse("Fix it @Central") }
        do {
            _ = try QuickEntry.parse("Fix it @Central", directory: Self.directory, today: Self.today)
        } catch {
            #expect(error.message.contains("could be 2"))
        }
        let completions = QuickEntry.completions(of: "comm", directory: Self.directory)
        #expect(completions.count == 2)
        #expect(
            QuickEntry.completions(of: "Sustainable", directory: Self.directory).first?.hasPrefix(
                "Central Bedfordshire Council: Sustainable") == true)
    }
}
