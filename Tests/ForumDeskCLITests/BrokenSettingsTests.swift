import Foundation
import ForumDeskTestSupport
import Testing

/// A `forumdesk.json` that cannot be read: every command that writes or sends refuses (exit 3) and writes nothing,
/// rather than sign letters and e-mails "Unnamed council" with default rules; views go on and show the problem.
@Suite struct BrokenSettingsTests {
    static let writers: [[String]] = [
        ["notify", "2026-12-17-sandy-biggleswade-ltt"],
        ["letters", "2027-01-12-ampthill-flitwick-ltt"],
        ["remind", "--force"],
        ["brief"],
        ["send"],
        ["purge", "--before", "2026-01-01"],
        ["export", "minutes", "2026-10-15-sandy-biggleswade-ltt"],
    ]

    @Test(arguments: writers, ["\"reminderIntervalDays\": 0,", "\"council\": 42,"])
    func test_unreadableSettings_stopEveryCommandThatWritesOrSends(arguments: [String], fault: String) throws {
        let copy = try SampleCopy()
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1,\n  \(fault)")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let before = try FileManager.default.subpathsOfDirectory(atPath: copy.path).filter {
            !$0.hasPrefix(".forumdesk")
        }.sorted()
        let run = try forumdesk(arguments + ["--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status == 3, "\(arguments): \(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("forumdesk.json must be read"), "\(run.stderr)")
        #expect(!run.stdout.contains("Unnamed council"))
        let after = try FileManager.default.subpathsOfDirectory(atPath: copy.path).filter {
            !$0.hasPrefix(".forumdesk")
        }.sorted()
        #expect(after == before, "\(arguments) wrote \(Set(after).subtracting(before))")
    }

    @Test func test_unreadableSettings_viewsGoOn_andValidateSaysWhy() throws {
        let copy = try SampleCopy()
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1,\n  \"reminderIntervalDays\": 0,")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        // Listed all the same (exit 3 says a file was skipped, as for any file that cannot be read).
        let list = try forumdesk(["list", "meetings"] + data)
        #expect(list.stdout.contains("58 meetings"), "\(list.stderr)")
        #expect(!list.stderr.contains("must be read"))
        let validate = try forumdesk(["validate"] + data)
        #expect(validate.status != 0)
        #expect((validate.stdout + validate.stderr).contains("forumdesk.json"))
    }
}
