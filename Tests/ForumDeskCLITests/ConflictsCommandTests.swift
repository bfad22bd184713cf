import Foundation
import ForumDeskTestSupport
import Testing

/// Conflicts in plain view (issue 33): one in the directory (which no meeting holds) is listed by the dashboard
/// and `forumdesk conflicts`, and resolved from the command line.
@Suite struct ConflictsCommandTests {
    @Test func test_directoryConflict_isListed_andResolvedFromTheCommandLine() throws {
        let team = try Team()
        func setPhone(_ folder: String, _ phone: String) throws {
            let path = folder + "/directory/people.json"
            var json = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            var people = try #require(json["people"] as? [[String: Any]])
            let i = try #require(people.firstIndex { ($0["phone"] as? String) != nil })
            people[i]["phone"] = phone
            json["people"] = people
            try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(
                to: URL(fileURLWithPath: path))
        }
        try setPhone(team.laptopA, "07700 900991")
        try setPhone(team.laptopB, "07700 900992")
        #expect(try team.sync(team.laptopA).status == 0)
        let synced = try team.sync(team.laptopB)
        #expect(synced.status == 1, "\(synced.stdout)\(synced.stderr)")
        #expect(synced.stderr.contains("forumdesk conflicts"), "\(synced.stderr)")
        let now = ["--now", "2026-11-23T12:00"]
        let listed = try forumdesk(["conflicts", "--data", team.laptopB])
        #expect(listed.status == 1)
        #expect(
            listed.stdout.contains("directory/people.json #1") && listed.stdout.contains("07700 900991"),
            "\(listed.stdout)")
        let dashboard = try forumdesk(["dashboard", "--data", team.laptopB] + now)
        #expect(
            dashboard.stdout.contains("Merge conflicts to resolve (1)")
                && dashboard.stdout.contains("directory/people.json #1"), "\(dashboard.stdout)")
        let resolved = try forumdesk(["conflicts", "directory/people.json", "1", "--theirs", "--data", team.laptopB])
        #expect(resolved.status == 0, "\(resolved.stdout)\(resolved.stderr)")
        let people = try String(contentsOfFile: team.laptopB + "/directory/people.json", encoding: .utf8)
        #expect(
            people.contains("07700 900991") && !people.contains("07700 900992") && !people.contains("\"conflicts\""),
            "\(listed.stdout)\(resolved.stdout)\(people.prefix(3000))")
        #expect(try forumdesk(["conflicts", "--data", team.laptopB]).status == 0)
        try team.validate(team.laptopB)
    }
}
