import Foundation
import ForumDeskTestSupport
import Testing

/// `forumdesk publish`: the real binary writes the site, a second run writes nothing, and it refuses a folder it
/// did not make and an address that is not a web address.
@Suite struct PublishCommandTests {
    @Test func test_publish_writesTheSite_thenOnlyWhatChanged() throws {
        let out = NSTemporaryDirectory() + "forumdesk-publish-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let arguments = [
            "publish", "--data", TestPaths.sampleData, "--out", out, "--now", "2026-11-23T12:00",
            "--base-url", "https://www.example.gov.uk/meetings/",
        ]
        let first = try forumdesk(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("written, 0 unchanged, 0 removed"), "\(first.stdout)")
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(home.contains("<h1>Community meetings</h1>"))
        let calendar = try String(contentsOfFile: out + "/areas/sandy-biggleswade.ics", encoding: .utf8)
            .replacingOccurrences(of: "\r\n ", with: "")  // unfolded (RFC 5545 §3.1)
        #expect(
            calendar.contains(
                "URL:https://www.example.gov.uk/meetings/meetings/2026/2026-12-17-sandy-biggleswade-ltt.html"))
        let mode = try FileManager.default.attributesOfItem(atPath: out + "/index.html")[.posixPermissions] as? Int
        #expect(mode == 0o644)

        let second = try forumdesk(arguments)
        #expect(second.status == 0 && second.stdout.contains(": 0 written,"), "\(second.stdout)")
    }

    @Test func test_publish_refusesAForeignFolder_andABadAddress() throws {
        let out = NSTemporaryDirectory() + "forumdesk-publish-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "mine".write(toFile: out + "/report.docx", atomically: true, encoding: .utf8)
        let foreign = try forumdesk(["publish", "--data", TestPaths.sampleData, "--out", out])
        #expect(foreign.status == 2 && foreign.stderr.contains("not a site ForumDesk published"), "\(foreign.stderr)")
        let bad = try forumdesk([
            "publish", "--data", TestPaths.sampleData, "--out", out + "/new", "--base-url", "javascript:alert(1)",
        ])
        #expect(bad.status == 2 && bad.stderr.contains("--base-url must be an http or https address"), "\(bad.stderr)")
    }
}
