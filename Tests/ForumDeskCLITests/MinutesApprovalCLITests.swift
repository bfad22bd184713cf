import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 36: `minutes approve` records who and when; `publish` says what it published as draft or approved.
@Suite struct MinutesApprovalCLITests {
    @Test func test_publishListsDrafts_approveRecordsWhoAndWhen_thenThePageIsApproved() throws {
        let copy = try SampleCopy()
        let now = ["--now", "2026-11-23T12:00"], out = copy.folder + "/site", id = "2026-10-15-sandy-biggleswade-ltt"
        let first = try forumdesk(["publish", "--out", out, "--data", copy.path] + now)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.contains("minutes published: 31 approved, 12 marked DRAFT (not yet approved)"),
            "\(first.stdout)")
        #expect(first.stdout.contains("  draft: \(id)\n"))

        let notHeld = try forumdesk(
            ["minutes", "approve", "2026-12-17-sandy-biggleswade-ltt", "--by", "Otis Rookwood", "--data", copy.path]
                + now)
        #expect(notHeld.status == 2 && notHeld.stderr.contains("not held"), "\(notHeld.stderr)")
        let approve = try forumdesk(["minutes", "approve", id, "--by", "Otis Rookwood", "--data", copy.path] + now)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(
            approve.stdout.contains("\(id): minutes approved by Cllr Otis Rookwood, Monday 23 November 2026"),
            "\(approve.stdout)")
        let file = try String(contentsOfFile: copy.path + "/meetings/2026/\(id).json", encoding: .utf8)
        #expect(
            file.contains(
                "\"minutesApproved\": {\n    \"by\": \"cllr-otis-rookwood\",\n    \"at\": \"2026-11-23T12:00:00+00:00\""
            ), "\(file.suffix(300))")
        #expect(try forumdesk(["validate", "--data", copy.path]).status == 0)
        let list = try forumdesk(["minutes", "list", "--drafts", "--data", copy.path] + now)
        #expect(!list.stdout.contains(id) && list.stdout.contains("2026-11-05-shefford-stotfold-arlesey-ltt  DRAFT"))

        let second = try forumdesk(["publish", "--out", out, "--data", copy.path] + now)
        #expect(second.stdout.contains("minutes published: 32 approved, 11 marked DRAFT"), "\(second.stdout)")
        let page = try String(contentsOfFile: out + "/meetings/2026/\(id).html", encoding: .utf8)
        #expect(
            !page.contains("Draft minutes")
                && page.contains("Status: approved as a correct record on <time datetime=\"2026-11-23\">"))
    }
}
