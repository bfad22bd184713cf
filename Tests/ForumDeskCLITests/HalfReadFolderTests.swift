import Foundation
import ForumDeskTestSupport
import Testing

/// A folder that could not be read whole is never reported as fine: commands that depend on a file they could
/// not read say so and exit 3, and `publish` keeps the last page of a meeting whose file is unreadable now.
@Suite(.serialized) struct HalfReadFolderTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]

    func breakFile(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.dropLast(40)).write(toFile: path, atomically: true, encoding: .utf8)  // a half-written file
        return text
    }

    @Test func test_notify_withPeopleUnreadable_refuses_andWritesNothing() throws {
        let copy = try SampleCopy()
        _ = try breakFile(copy.path + "/directory/people.json")
        let before = try String(contentsOfFile: copy.path + "/meetings/2026/\(id).json", encoding: .utf8)
        let run = try forumdesk(["notify", "2026-12-10-flitwick-ward-forum", "--data", copy.path] + now)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("has an up-to-date notice"), "\(run.stdout)")
        #expect(
            run.stderr.contains("directory/people.json") && run.stderr.contains("the directory must be read whole"),
            "\(run.stderr)")
        #expect(try String(contentsOfFile: copy.path + "/meetings/2026/\(id).json", encoding: .utf8) == before)
        for command in [["remind"], ["brief"], ["import", "reply", copy.folder + "/none.ics"]] {
            let other = try forumdesk(command + ["--data", copy.path] + now)
            #expect(other.status == 3, "\(command): \(other.stdout)\(other.stderr)")
        }
    }

    @Test func test_commandsOverEveryMeeting_withOneUnreadable_exitThree() throws {
        let copy = try SampleCopy()
        _ = try breakFile(copy.path + "/meetings/2026/\(id).json")
        for command in [
            ["remind", "--dry-run"], ["person", "show", "cllr-tamsin-lanternby"],
            ["person", "erase", "cllr-tamsin-lanternby", "--yes"],
            ["person", "delete", "cllr-tamsin-lanternby", "--yes"], ["export", "csv", "meetings"], ["export", "ics"],
            ["export", "minutes", id], ["report", "--year", "2026"], ["purge", "--before", "2026-01-01"],
        ] {
            let run = try forumdesk(command + ["--data", copy.path] + now)
            #expect(run.status == 3, "\(command): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("\(id).json"), "\(command): \(run.stderr)")
        }
        #expect(
            try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8).contains(
                "cllr-tamsin-lanternby"),
            "nothing was erased")
    }

    @Test func test_publish_keepsTheLastPageOfAnUnreadableMeeting_andExitsThree() throws {
        let copy = try SampleCopy()
        let out = copy.folder + "/site"
        let arguments = ["publish", "--data", copy.path, "--out", out] + now
        #expect(try forumdesk(arguments).status == 0)
        let page = out + "/meetings/2026/\(id).html"
        let published = try String(contentsOfFile: page, encoding: .utf8)
        let file = copy.path + "/meetings/2026/\(id).json"
        let original = try breakFile(file)
        let run = try forumdesk(arguments)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("the last published page of \(id) is kept"), "\(run.stderr)")
        #expect(try String(contentsOfFile: page, encoding: .utf8) == published)
        // Readable again: the next publish is clean and the page is still there.
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        let again = try forumdesk(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: page))
    }
}
