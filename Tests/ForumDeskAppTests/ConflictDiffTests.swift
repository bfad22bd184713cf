import ForumDeskStore
import Testing
@testable import ForumDeskApp

/// The "Show both" view of a save that met someone else's change: each side read back from the marked lines.
@Suite struct ConflictDiffTests {
    func sides(_ lines: [String]) -> (theirs: [String], mine: [String]) {
        (
            lines.filter { !$0.hasPrefix("+ ") }.map { String($0.dropFirst(2)) },
            lines.filter { !$0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        )
    }

    @Test func test_diff_marksOnlyWhatChanged_andEachSideReadsBack() {
        let theirs = [
            "{", "  \"title\": \"Sandy LTT\",", "  \"venue\": \"Sandy Hall\",", "  \"wards\": [\"sandy\"]", "}",
        ]
        let mine = [
            "{", "  \"title\": \"Sandy LTT\",", "  \"venue\": \"Potton Hall\",", "  \"wards\": [\"sandy\"],",
            "  \"notes\": \"x\"", "}",
        ]
        let lines = App.diff(theirs, mine).map(\.plainText)
        #expect(lines.filter { !$0.hasPrefix("  ") }.count == 5, "\(lines)")
        #expect(lines.contains("-   \"venue\": \"Sandy Hall\","))
        #expect(lines.contains("+   \"venue\": \"Potton Hall\","))
        #expect(sides(lines).theirs == theirs)
        #expect(sides(lines).mine == mine)
    }

    @Test(arguments: 0..<40)
    func test_diff_ofRandomVersions_readsBackBothSides(_ seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 1)
        let words = ["a", "b", "c", "d", "e"]
        let theirs = (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)!
        }
        let mine = (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
        let lines = App.diff(theirs, mine).map(\.plainText)
        #expect(sides(lines).theirs == theirs)
        #expect(sides(lines).mine == mine)
    }
}
