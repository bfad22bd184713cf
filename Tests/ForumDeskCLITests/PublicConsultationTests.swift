import Foundation
import ForumDeskTestSupport
import Testing

/// The public engagement calendar through the real binary: `publish` writes the consultation pages, the area and
/// ward calendars carry each consultation's open days (read by Python's icalendar), the Atom feed its entries (read
/// by feedparser), the pages pass the Nu HTML Checker, and an agenda item links the consultation it carries.
@Suite(.serialized) struct PublicConsultationTests {
    static let base = "https://www.example.gov.uk/meetings/"

    @Test func test_publish_consultations_pagesCalendarsAndFeed() throws {
        let copy = try SampleCopy()
        let out = copy.folder + "/site"
        let run = try forumdesk([
            "publish", "--data", copy.path, "--out", out, "--now", "2026-11-23T12:00", "--base-url", Self.base,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: out + "/consultations/index.html", encoding: .utf8)
        for text in [
            "<h3>Open now</h3>", "Library opening hours from April 2027", "<h3>Coming</h3>",
            "The council&#39;s budget for 2027/28",
            "<h3>Closed</h3>", "Policing priorities for 2027",
        ] {
            #expect(
                index.contains(text) || index.contains(text.replacingOccurrences(of: "&#39;", with: "'")), "\(text)")
        }
        let policing = try String(contentsOfFile: out + "/consultations/policing-priorities-2027.html", encoding: .utf8)
        #expect(policing.contains("<h2>You said, we did</h2>") && policing.contains("Community Speed Watch"))
        #expect(!policing.contains("Rhodri"), "a contact is never named")
        let library = try String(
            contentsOfFile: out + "/consultations/library-opening-hours-2027.html", encoding: .utf8)
        #expect(library.contains("href=\"https://www.example.org/libraries/opening-hours-2027\">Take part online</a>"))
        let sandy = try String(contentsOfFile: out + "/areas/sandy-biggleswade.html", encoding: .utf8)
        #expect(sandy.contains("<h2>Consultations</h2>") && sandy.contains("library-opening-hours-2027.html"))
        let leighton = try String(contentsOfFile: out + "/areas/leighton-buzzard-linslade.html", encoding: .utf8)
        #expect(!leighton.contains("library-opening-hours-2027.html"), "not consulted there")
        let meeting = try String(
            contentsOfFile: out + "/meetings/2026/2026-11-26-leighton-rural-ltt.html", encoding: .utf8)
        #expect(
            meeting.contains("Part of the consultation <a href=\"../../consultations/budget-2027-28.html\">"),
            "\(meeting)")

        let script = """
            import json, sys, icalendar, feedparser
            site = sys.argv[1]
            cal = icalendar.Calendar.from_ical(open(site + '/wards/potton.ics', 'rb').read())
            events = [{'uid': str(e['UID']), 'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
                       'url': str(e.get('URL', ''))} for e in cal.walk('VEVENT') if str(e['UID']).startswith('consultation-')]
            f = feedparser.parse(site + '/papers.atom')
            entries = [{'title': e.title, 'link': e.link} for e in f.entries if e.title.startswith('Consultation')]
            print(json.dumps({'events': events, 'entries': entries, 'bozo': bool(f.bozo)}))
            """
        let output = try runPython(["-c", script, out])
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        let events = try #require(result["events"] as? [[String: String]])
        let event = try #require(
            events.first { $0["uid"] == "consultation-library-opening-hours-2027@forumdesk" }, "\(events)")
        #expect(event["start"] == "2026-10-05" && event["end"] == "2026-11-30")
        #expect(event["url"] == Self.base + "consultations/library-opening-hours-2027.html")
        #expect(events.count == 3, "\(events)")
        #expect(result["bozo"] as? Bool == false)
        let entries = (result["entries"] as? [[String: String]] ?? []).compactMap { $0["title"] }
        #expect(entries.contains("Consultation open: Library opening hours from April 2027"), "\(entries)")
        #expect(entries.contains("Consultation results: Policing priorities for 2027"), "\(entries)")
        #expect(!entries.contains { $0.contains("budget") }, "a coming consultation is not yet news")

        let checked = copy.folder + "/checked"
        try FileManager.default.createDirectory(atPath: checked, withIntermediateDirectories: true)
        for page in [
            "consultations/index.html", "consultations/policing-priorities-2027.html",
            "consultations/library-opening-hours-2027.html",
            "areas/sandy-biggleswade.html", "wards/potton.html", "meetings/2026/2026-11-26-leighton-rural-ltt.html",
        ] {
            try FileManager.default.copyItem(
                atPath: out + "/" + page, toPath: checked + "/" + page.replacingOccurrences(of: "/", with: "-"))
        }
        let problems = try html5Problems(folder: checked)
        #expect(problems.isEmpty, "\(problems)")
    }
}
