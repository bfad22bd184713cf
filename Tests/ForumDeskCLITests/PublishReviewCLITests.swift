import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 36: `publish --review` lists what names someone; `publish` holds it back until `--mark-checked`.
@Suite struct PublishReviewCLITests {
    @Test func test_review_listsThePassage_publishHoldsItBack_untilMarkedChecked() throws {
        let copy = try SampleCopy()
        let now = ["--now", "2026-11-23T12:00"], out = copy.folder + "/site", id = "2026-10-15-sandy-biggleswade-ltt"
        let path = copy.path + "/meetings/2026/\(id).json"
        let said = "PCSO Fenella Merriweather answered questions about the car park"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"title\": \"Minutes of the previous meeting\",",
            with: "\"title\": \"Minutes of the previous meeting\",\n      \"discussion\": \"\(said)\",")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let review = try forumdesk(["publish", "--review", "--data", copy.path] + now)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(
            review.stdout.contains(
                "\(id), item 2 discussion\n    finds a title with a name (PCSO Fenella Merriweather)\n    “\(said)”"),
            "\(review.stdout)")
        #expect(review.stdout.contains("1 passage(s) to review: 1 held back, 0 checked."))
        let key = try #require(
            review.stdout.split(separator: "\n").first { $0.contains("item 2 discussion") }?.split(separator: " ").first
                .map(String.init))

        let held = try forumdesk(["publish", "--out", out, "--data", copy.path] + now)
        #expect(held.stdout.contains("1 passage(s) held back until checked"), "\(held.stdout)")
        var page = try String(contentsOfFile: out + "/meetings/2026/\(id).html", encoding: .utf8)
        #expect(!page.contains("Merriweather answered") && page.contains(PublicReviewText.heldBack))
        // The report to residents and the public calendar hold it back too (the calendar: an agenda item's title).
        let agendaTitle = "Item about the car park with Mrs Dan Reed"
        text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"title\": \"Minutes of the previous meeting\",", with: "\"title\": \"\(agendaTitle)\",")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let ics = try forumdesk(["export", "ics", "--data", copy.path] + now).stdout.replacingOccurrences(
            of: "\r\n ", with: "")
        #expect(ics.contains("BEGIN:VEVENT") && !ics.contains("Dan Reed"), "\(ics.prefix(300))")
        let report = try forumdesk(["report", "--year", "2026", "--data", copy.path] + now)
        #expect(report.status == 0 && !report.stdout.contains("Dan Reed"))
        text = text.replacingOccurrences(
            of: "\"title\": \"\(agendaTitle)\",", with: "\"title\": \"Minutes of the previous meeting\",")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let wrong = try forumdesk(["publish", "--mark-checked", id + ":0000000000000000", "--data", copy.path] + now)
        #expect(wrong.status == 2 && wrong.stderr.contains("no passage to review has this key"), "\(wrong.stderr)")
        let mark = try forumdesk(["publish", "--mark-checked", key, "--data", copy.path] + now)
        #expect(
            mark.status == 0 && mark.stdout.contains("\(key): checked (\(id), item 2 discussion)"),
            "\(mark.stdout)\(mark.stderr)")
        #expect(
            try forumdesk(["publish", "--review", "--data", copy.path] + now).stdout.contains(
                "1 passage(s) to review: 0 held back, 1 checked."))
        let published = try forumdesk(["publish", "--out", out, "--data", copy.path] + now)
        #expect(!published.stdout.contains("held back"), "\(published.stdout)")
        page = try String(contentsOfFile: out + "/meetings/2026/\(id).html", encoding: .utf8)
        #expect(page.contains(said))
    }
}
