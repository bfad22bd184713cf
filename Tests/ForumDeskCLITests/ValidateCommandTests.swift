import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct ValidateCommandTests {
    @Test func test_validate_sampleData_exitsZero() throws {
        let run = try forumdesk(["validate"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no problems"))
    }

    @Test func test_validate_brokenCopy_namesEachFileLineColumnAndReason_andExitsOne() throws {
        try withBrokenCopy { folder in
            let run = try forumdesk(["validate", "--data", "data"], in: folder)
            #expect(run.status == 1)
            #expect(
                run.stdout.split(separator: "\n").map(String.init) == [
                    "data/meetings/2026/2026-08-13-sandy-biggleswade-ltt.json:15:10: field `end` must be a date like 2026-11-24T19:00",
                    "data/meetings/2026/2026-10-06-cranfield-marston-woburn-ltt.json:5:3: expected ',' or '}' but found `\"`",
                    "data/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json:11:5: unknown ward `pottonn`",
                ])
            #expect(run.stderr.contains("3 problem(s) in 3 file(s); 2 file(s) could not be read"))
        }
    }

    @Test func test_list_brokenCopy_stillListsTheOtherMeetings() throws {
        try withBrokenCopy { folder in
            let all = try forumdesk(["list", "meetings", "--json"])
            let run = try forumdesk(
                ["list", "meetings", "--json"], in: folder, environment: ["FORUMDESK_DATA": "data"])
            #expect(run.status == 3)
            let listed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
            let total = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
            #expect(listed?.count == (total?.count ?? 0) - 2)
            #expect(listed?.contains { $0["id"] as? String == "2026-10-15-sandy-biggleswade-ltt" } == true)
            #expect(run.stderr.contains("2 file(s) could not be read and were skipped"))
        }
    }

    @Test func test_missingDataFolder_exitsThree_withAHint() throws {
        let run = try forumdesk(["validate", "--data", "/nonexistent/data"])
        #expect(run.status == 3)
        #expect(
            run.stderr
                == "forumdesk: /nonexistent/data: no such data folder (give one with --data DIR or FORUMDESK_DATA)\n")
    }
}
