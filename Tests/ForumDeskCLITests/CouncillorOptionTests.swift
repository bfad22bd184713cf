import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `--councillor` matches a name as every command does, a surname alone included, and lists the candidates
/// of an ambiguous one (issue 20).
@Suite struct CouncillorOptionTests {
    @Test func test_surnameAlone_matches_andAmbiguityListsTheCandidates() throws {
        let one = try forumdesk([
            "tui", "--data", TestPaths.sampleData, "--now", "2026-11-23", "--councillor", "Wychbold",
        ])
        #expect(one.status == 0, "\(one.stderr)")
        let two = try forumdesk([
            "tui", "--data", TestPaths.sampleData, "--now", "2026-11-23", "--councillor", "Lanternby",
        ])
        #expect(two.status == 2)
        #expect(
            two.stderr.contains(
                "`Lanternby` matches more than one councillor: Cllr Tamsin Lanternby, Cllr Dev Lanternby"))
        let none = try forumdesk([
            "tui", "--data", TestPaths.sampleData, "--now", "2026-11-23", "--councillor", "Wilf Lanternby",
        ])
        #expect(none.status == 2 && none.stderr.contains("no councillor matches `Wilf Lanternby`"), "\(none.stderr)")
    }
}
