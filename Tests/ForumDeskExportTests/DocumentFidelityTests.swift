import Foundation
import SnapshotTesting
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport

/// The documents as other programs read them (issue 20): Markdown through a CommonMark implementation, HTML
/// through the Nu HTML Checker, and the text details a clerk would otherwise fix by hand.
@Suite struct DocumentFidelityTests {
    static let data = DocumentTests.data

    static func render(_ m: Meeting, _ kind: MeetingDocument.Kind, _ format: DocumentFormat) -> String {
        format.render(
            MeetingDocument.lines(
                kind, for: m, directory: data.directory, allMeetings: data.meetings, council: data.settings.council),
            title: m.title)
    }

    /// "**Resolved:**" after a list (names, actions) was read as a lazy continuation of the last bullet.
    @Test func test_markdown_resolvedIsItsOwnParagraph_inCommonMark() throws {
        for m in Self.data.meetings where m.status == .held && m.agenda.contains(where: { $0.outcome != nil }) {
            let html = try commonMarkHTML(Self.render(m, .minutes, .markdown))
            let resolved = html.components(separatedBy: "<strong>Resolved:</strong>").count - 1
            #expect(resolved == m.agenda.filter { $0.outcome != nil }.count, "\(m.id)")
            #expect(
                html.components(separatedBy: "<p><strong>Resolved:</strong>").count - 1 == resolved, "\(m.id): \(html)")
        }
        let report = try commonMarkHTML(AnnualReportTests.report(.markdown))
        #expect(report.contains("<p>Total: 47 meetings, 40 held, 2 cancelled.</p>"), "\(report)")
    }

    /// Text that looks like a Markdown block ("1. …", "- …") stays text.
    @Test func test_markdown_lineThatLooksLikeAList_staysText() throws {
        var m = try #require(Self.data.meeting("2026-10-15-sandy-biggleswade-ltt"))
        m.agenda[4].discussion = "1. Residents first.\n- then the council"
        let html = try commonMarkHTML(Self.render(m, .minutes, .markdown))
        #expect(html.contains("<p>1. Residents first.</p>") && html.contains("<p>- then the council</p>"), "\(html)")
    }

    /// Bengali, Urdu, Gujarati and Punjabi carry `lang` and `dir` (Urdu right to left), wherever they appear,
    /// and the page passes the Nu HTML Checker.
    @Test func test_html_communityLanguages_haveLangAndDir_andThePageIsValidHTML5() throws {
        var m = try #require(Self.data.meeting("2026-11-17-dunstable-houghton-regis-ltt"))
        m.agenda[0].discussion = "A resident spoke in Urdu: آپ کا شکریہ and in Bengali: ধন্যবাদ."
        m.status = .held
        let html = Self.render(m, .minutes, .html)
        for (code, dir) in [("bn", "ltr"), ("ur", "rtl"), ("gu", "ltr"), ("pa", "ltr")] {
            #expect(html.contains("<span lang=\"\(code)\" dir=\"\(dir)\">"), "\(code)")
        }
        #expect(
            html.contains(
                "Urdu: <span lang=\"ur\" dir=\"rtl\">آپ کا شکریہ</span> and in Bengali: <span lang=\"bn\" dir=\"ltr\">ধন্যবাদ</span>."
            ))
        #expect(html.contains("@page{size:A4"))
        let file = NSTemporaryDirectory() + "forumdesk-minutes-\(UUID().uuidString).html"
        try html.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try html5Problems(file) == "")
        let report = NSTemporaryDirectory() + "forumdesk-report-\(UUID().uuidString).html"
        try AnnualReportTests.report(.html).write(toFile: report, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: report) }
        #expect(try html5Problems(report) == "")
    }

    /// An address pasted from a spreadsheet cell keeps its lines; a right-to-left mark in an Urdu title is kept,
    /// not printed as "�".
    @Test func test_addressLineBreaks_andRightToLeftMark() throws {
        var m = try #require(Self.data.meeting("2026-12-01-leighton-buzzard-linslade-ltt"))
        m.venue.address = "Lake Street\r\nLeighton Buzzard\nLU7 1RX"
        m.noticeTitles["ur"] = "\u{200F}آئیے مل کر بات کریں"
        for format in DocumentFormat.allCases {
            let text = Self.render(m, .agenda, format)
            #expect(!text.contains("\u{FFFD}"), "\(format)")
            #expect(text.contains("\u{200F}آئیے"), "\(format)")
        }
        #expect(
            Self.render(m, .agenda, .text).contains(
                "Leighton Buzzard Library Theatre\nLake Street\nLeighton Buzzard\nLU7 1RX\n"))
        #expect(
            Self.render(m, .agenda, .markdown).contains(
                "Leighton Buzzard Library Theatre  \nLake Street  \nLeighton Buzzard  \nLU7 1RX  \n"))
        let html = try commonMarkHTML(Self.render(m, .agenda, .markdown))
        #expect(html.contains("Lake Street<br />\nLeighton Buzzard<br />"))
    }

    /// "cut?. To come back": a full stop is added only where the text has none.
    @Test func test_noDoubledPunctuation() throws {
        var m = try #require(Self.data.meeting("2026-10-15-sandy-biggleswade-ltt"))
        m.issues[0].text = "Will the library hours be cut?"
        m.issues[0].status = .topic
        m.issues[1].answer = "Not this year."
        m.attendance[m.attendance.firstIndex { $0.status == .apologies }!].reason = "unwell."
        let text = Self.render(m, .minutes, .text)
        #expect(text.contains("Will the library hours be cut? To come back to a later meeting as a topic."))
        #expect(text.contains("Not this year."))
        #expect(!text.contains("unwell"), "a reason for absence is never minuted")
        for doubled in ["?.", "!.", "..", ".)."] { #expect(!text.contains(doubled), "\(doubled)") }
    }

    /// Each chart label sits on its own line above its bar: no bar is drawn over a label, however long.
    @Test func test_chartLabels_areNotUnderBars() throws {
        let line = DocumentLine.chart(
            "Partners", [.init("the voluntary and community sector", 100), .init("police", 40)])
        let svg = DocumentFormat.svg(line)
        let texts = svg.split(separator: "\n").filter { $0.hasPrefix("<text") }
        let rects = svg.split(separator: "\n").filter { $0.hasPrefix("<rect") }
        func number(_ s: Substring, _ name: String) -> Int {
            Int(s.components(separatedBy: "\(name)=\"")[1].prefix { $0.isNumber })!
        }
        for (i, rect) in rects.enumerated() {
            let label = texts[i * 2]
            // The label's baseline is above the bar's top: the glyphs (13 px) end before the bar starts.
            #expect(number(label, "y") <= number(rect, "y"), "\(label) \(rect)")
            if i + 1 < rects.count {
                #expect(number(texts[(i + 1) * 2], "y") - 13 >= number(rect, "y") + number(rect, "height"))
            }
        }
    }

    /// An action owned by an organisation keeps its owner in the minutes.
    @Test func test_minutes_organisationOwner() throws {
        var m = try #require(Self.data.meeting("2026-10-15-sandy-biggleswade-ltt"))
        m.actions.append(
            Action(
                id: "A-2026-990", item: 5, description: "Clear the gullies", organisation: "sandy-town-council",
                due: CalendarDate(year: 2026, month: 12, day: 15)))
        #expect(
            Self.render(m, .minutes, .text).contains(
                "A-2026-990  Clear the gullies · Sandy Town Council · due 15 Dec 2026\n"))
    }
}
