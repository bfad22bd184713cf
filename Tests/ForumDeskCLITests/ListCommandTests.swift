import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct ListCommandTests {
    let now = ["--now", "2026-11-23T12:00"]

    @Test func test_listMeetings_filtersByAreaPrefixAnyCase_andDateRange() throws {
        let run = try forumdesk(
            ["list", "meetings", "--area", "SANDY", "--from", "2026-06-01", "--to", "2026-06-30"] + now)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DATE") == true)
        #expect(
            lines.dropFirst(2).dropLast().allSatisfy { $0.contains("Sandy and Biggleswade") && $0.contains("2026-06-") }
        )
        #expect(lines.last == "2 meetings")
    }

    @Test func test_listMeetings_byWard_json_hasWarnings() throws {
        let run = try forumdesk(["list", "meetings", "--ward", "linslade", "--status", "confirmed", "--json"] + now)
        #expect(run.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["2026-12-01-leighton-buzzard-linslade-ltt"])
        #expect((items[0]["warnings"] as? [String])?.first?.hasPrefix("stale notice") == true)
    }

    @Test func test_listTopics_filtersByAreaAndStatus_json_showsTheRollOut() throws {
        let run = try forumdesk(["list", "topics", "--area", "leighton b", "--json"] + now)
        #expect(run.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.contains { $0["id"] as? String == "local-plan-housing-sites" })
        #expect(!items.contains { $0["id"] as? String == "winter-vaccinations" })  // not wanted in Leighton Buzzard
        let budget = try #require(items.first { $0["id"] as? String == "budget-2027-28" })
        let areas = try #require(budget["areas"] as? [String: [String: String]])
        #expect(
            areas["sandy-biggleswade"]?["state"] == "presented"
                && areas["sandy-biggleswade"]?["meeting"] == "2026-10-15-sandy-biggleswade-ltt")
        #expect(areas["leighton-rural"]?["state"] == "scheduled")
        #expect(areas["leighton-buzzard-linslade"]?["state"] == "to-schedule")

        let declined = try forumdesk(["list", "topics", "--status", "declined"] + now)
        #expect(declined.stdout.contains("library-opening-hours") && !declined.stdout.contains("budget-2027-28"))
        #expect(declined.stdout.contains("1 topic request."))
        let bad = try forumdesk(["list", "topics", "--status", "maybe"] + now)
        #expect(bad.status == 2)
    }

    @Test func test_exportTopicsCSV_oneRowPerTopicAndArea() throws {
        let run = try forumdesk(["export", "csv", "topics", "--area", "sandy"] + now)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("topic,title,organisation") == true)
        let budget = try #require(lines.first { $0.hasPrefix("budget-2027-28,") })
        #expect(budget.contains(",sandy-biggleswade,presented,2026-10-15-sandy-biggleswade-ltt,"))
        #expect(budget.contains("protect adult social care"))
        #expect(lines.dropFirst().allSatisfy { $0.contains(",sandy-biggleswade,") })
    }

    @Test func test_listActions_overdueForAnOwner() throws {
        let all = try forumdesk(["list", "actions", "--overdue", "--json"] + now)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["overdue"] as? Bool == true })
        let owner = try #require(items[0]["ownerName"] as? String)
        let mine = try forumdesk(["list", "actions", "--overdue", "--owner", owner.lowercased()] + now)
        #expect(mine.status == 0)
        #expect(
            mine.stdout.split(separator: "\n").dropFirst(2).dropLast().allSatisfy {
                $0.contains(owner) && $0.contains(" !")
            })
    }

    @Test func test_usageErrors_exitTwo_withAClearMessage() throws {
        let ambiguous = try forumdesk(["list", "meetings", "--area", "leighton"])
        #expect(ambiguous.status == 2)
        #expect(
            ambiguous.stderr.contains(
                "`leighton` matches more than one area: Leighton Rural, Leighton Buzzard and Linslade"))
        let badStatus = try forumdesk(["list", "meetings", "--status", "helld"])
        #expect(badStatus.status == 2)
        #expect(badStatus.stderr.contains("helld"))
        let badDate = try forumdesk(["list", "meetings", "--from", "24/11/2026"])
        #expect(badDate.status == 2)
        let unknownCommand = try forumdesk(["lsit"])
        #expect(unknownCommand.status == 2)
    }

    @Test func test_noArguments_printsTheDashboard() throws {
        let run = try forumdesk(now)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Central Bedfordshire Council: "))
        #expect(run.stdout.contains("cancellation notice owed"))
        #expect(run.stdout.contains("Overdue actions ("))
    }

    @Test func test_hostileText_neverReachesTheTerminalRaw() throws {
        try withBrokenCopy { folder in
            let path = folder.appendingPathComponent("data/meetings/2026/2026-11-05-shefford-stotfold-arlesey-ltt.json")
            let text = try String(contentsOf: path, encoding: .utf8)
            try #require(text.contains("\"name\": \"Arlesey Village Hall\""))
            try text.replacingOccurrences(
                of: "\"name\": \"Arlesey Village Hall\"",
                with: "\"name\": \"Hall\\u001b]0;pwned\\u0007\\u001b[2J\\u202e\""
            )
            .write(to: path, atomically: true, encoding: .utf8)
            let run = try forumdesk(["list", "meetings", "--data", "data", "--area", "shefford"], in: folder)
            #expect(!run.stdout.contains("\u{1B}"))
            #expect(!run.stdout.contains("\u{07}"))
            #expect(!run.stdout.contains("\u{202E}"))
            #expect(run.stdout.contains("Hall\u{241B}]0;pwned\u{2407}\u{241B}[2J\u{FFFD}"))
        }
    }
}
