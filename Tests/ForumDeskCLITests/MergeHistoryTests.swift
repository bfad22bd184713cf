import Foundation
import ForumDeskTestSupport
import Testing

/// History tells the truth about merges (issue 33): a merge is "merged Ana's changes" under the sync, each change
/// under its author, and renumbering by sync is said as such, not as an officer's update.
@Suite struct MergeHistoryTests {
    let minuted = "2026-11-26-leighton-rural-ltt"

    @Test func test_history_creditsEachChangeToItsAuthor_andNamesMergesAndRenumbering() throws {
        let team = try Team()
        func add(_ description: String) -> (inout [String: Any]) -> Void {
            { m in
                m["actions"] =
                    actions(m) + [["id": "A-2026-090", "item": 6, "description": description, "status": "open"]]
            }
        }
        try team.edit(team.laptopA, minuted, add("Laptop A's action"))
        try team.edit(team.laptopB, minuted, add("Laptop B's action"))
        #expect(try team.sync(team.laptopA, user: "Ana Note").status == 0)
        #expect(try team.sync(team.laptopB, user: "Ben Note").status == 0)
        #expect(try team.sync(team.desk, user: "Cleo Desk").status == 0)
        let history = try forumdesk(["history", minuted, "--data", team.desk]).stdout
        let lines = history.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Ana Note") && $0.contains("added action A-2026-090") }, "\(history)")
        #expect(lines.contains { $0.contains("Ben Note") && $0.contains("added action A-2026-090") }, "\(history)")
        #expect(
            lines.contains {
                $0.contains("sync by Ben Note") && $0.contains("renumbered action A-2026-090 to A-2026-091")
                    && $0.contains("(by sync)")
            }, "\(history)")
        #expect(
            lines.contains { $0.contains("sync by Ben Note") && $0.contains("merged Ana Note's changes") }, "\(history)"
        )
        // Nobody is credited with another's action, and renumbering is never an officer's "updated".
        #expect(!lines.contains { $0.contains("Cleo Desk") && $0.contains("action") }, "\(history)")
        #expect(!lines.contains { !$0.contains("sync by") && $0.contains("A-2026-091") }, "\(history)")
    }
}
