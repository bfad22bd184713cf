import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `forumdesk purge`: personal data out of old meetings, counts, outcomes and actions kept.
@Suite struct PurgeTests {
    func json(_ path: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func files(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder)
        where name.hasSuffix(".json") || name.hasSuffix(".eml") {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    @Test func test_purge_removesNames_keepsCounts_outcomesAndActions_andOnlyTouchesOldMeetings() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let old = "2025-12-04-sandy-biggleswade-ltt"
        let path = copy.path + "/meetings/2025/\(old).json"
        // An outbox e-mail of the old meeting, which names a councillor and her address.
        try FileManager.default.createDirectory(atPath: copy.path + "/outbox/\(old)", withIntermediateDirectories: true)
        try "To: Cllr X <x@example.org>".write(
            toFile: copy.path + "/outbox/\(old)/a.eml", atomically: true, encoding: .utf8)
        let before = try json(path)
        let untouched = try files(copy.path).filter { !$0.key.contains("2025") }

        let dry = try forumdesk(["purge", "--before", "2026-01-01", "--dry-run"] + data)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("\(old): would remove 19 attendee names, 4 reasons for absence"))
        #expect(NSDictionary(dictionary: try json(path)).isEqual(to: before), "a dry run changes nothing")

        let run = try forumdesk(["purge", "--before", "2026-01-01"] + data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Removed personal data from 3 meetings that ended before 2026-01-01"))
        let after = try json(path)
        let attendance = try #require(after["attendance"] as? [[String: Any]])
        let oldAttendance = try #require(before["attendance"] as? [[String: Any]])
        #expect(
            attendance.allSatisfy {
                $0["person"] == nil && $0["reason"] == nil && $0["name"] as? String == "(name removed)"
            })
        // The counts by role and status are what they were; organisations are kept.
        func counts(_ lines: [[String: Any]]) -> [String: Int] {
            Dictionary(lines.map { ("\($0["role"] ?? "member")/\($0["status"] ?? "")", 1) }, uniquingKeysWith: +)
        }
        #expect(counts(attendance) == counts(oldAttendance))
        #expect(attendance.contains { $0["organisation"] as? String == "sandy-town-council" })
        #expect((after["declarations"] as? [Any])?.isEmpty ?? true)
        #expect(((after["invitations"] as? [[String: Any]]) ?? []).allSatisfy { $0["person"] == nil })
        #expect(after["residentsPresent"] as? Int == before["residentsPresent"] as? Int)
        #expect(NSArray(array: after["actions"] as? [Any] ?? []).isEqual(to: before["actions"] as? [Any] ?? [1]))
        #expect(
            (after["agenda"] as? [[String: Any]])?.map { $0["outcome"] as? String }
                == (before["agenda"] as? [[String: Any]])?.map { $0["outcome"] as? String })
        #expect(after["personalDataRemoved"] as? String == "2026-11-23")
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/outbox/\(old)"))
        // Nothing newer changed, the folder still validates, and a second run has nothing to do.
        #expect(try files(copy.path).filter { !$0.key.contains("2025") } == untouched)
        #expect(try forumdesk(["validate"] + data).status == 0)
        #expect(
            try forumdesk(["purge", "--before", "2026-01-01"] + data).stdout.contains(
                "No meeting that ended before 2026-01-01 holds personal data."))
        let minutes = try forumdesk(["export", "minutes", old, "--format", "text"] + data)
        #expect(minutes.stdout.contains("(name removed) – Sandy Town Council"))
    }

    @Test func test_purge_refusesAFutureDate() throws {
        let run = try forumdesk([
            "purge", "--before", "2027-01-01", "--data", TestPaths.sampleData, "--now", "2026-11-23T12:00",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is in the future"))
    }

    /// Equality monitoring is counts only: a file that records it per person is refused, with its position.
    @Test func test_equalityMonitoring_isCountsOnly() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2025/2025-12-04-sandy-biggleswade-ltt.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"residentsPresent\":",
            with: "\"equality\": {\"age\": {\"Ann Example\": \"18-24\"}},\n  \"residentsPresent\":")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try forumdesk(["validate", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status != 0)
        #expect(
            run.stdout.contains("2025-12-04-sandy-biggleswade-ltt.json:")
                || run.stderr.contains("2025-12-04-sandy-biggleswade-ltt.json:"))
    }
}
