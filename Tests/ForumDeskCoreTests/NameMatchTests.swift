import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct NameMatchTests {
    let areas: [(id: String, name: String)] = [
        ("sandy-biggleswade", "Sandy and Biggleswade"),
        ("leighton-rural", "Leighton Rural"),
        ("leighton-buzzard-linslade", "Leighton Buzzard and Linslade"),
    ]

    @Test func test_matchesIdNameAnyCaseOrUniquePrefix() throws {
        #expect(try NameMatch.resolve("SANDY", kind: "area", among: areas) == "sandy-biggleswade")
        #expect(try NameMatch.resolve("leighton rural", kind: "area", among: areas) == "leighton-rural")
        #expect(try NameMatch.resolve("Leighton B", kind: "area", among: areas) == "leighton-buzzard-linslade")
    }

    @Test func test_ambiguousOrUnknown_failsWithCandidates() {
        #expect(
            throws: NameMatch.Failure.ambiguous(
                query: "leigh", kind: "area",
                candidates: ["Leighton Rural", "Leighton Buzzard and Linslade"])
        ) {
            try NameMatch.resolve("leigh", kind: "area", among: areas)
        }
        #expect(throws: NameMatch.Failure.self) { try NameMatch.resolve("Sandyy", kind: "area", among: areas) }
    }
}
