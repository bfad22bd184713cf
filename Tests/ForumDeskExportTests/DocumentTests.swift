import Foundation
import SnapshotTesting
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport

/// Golden files of the documents on the sample data. To re-record after an intended change, delete the
/// files under __Snapshots__/DocumentTests and run the tests twice.
@Suite struct DocumentTests {
    static let data = DataStore(folder: DataFolder(TestPaths.sampleData)).load()

    static func document(_ kind: MeetingDocument.Kind, _ id: String, _ format: DocumentFormat) -> String {
        let m = data.meeting(id)!
        return format.render(
            MeetingDocument.lines(
                kind, for: m, directory: data.directory, allMeetings: data.meetings, council: data.settings.council),
            title: "\(m.title): \(kind.rawValue)")
    }

    @Test(arguments: DocumentFormat.allCases)
    func test_minutesOfAHeldMeeting(format: DocumentFormat) {
        assertSnapshot(
            of: Self.document(.minutes, "2026-10-15-sandy-biggleswade-ltt", format), as: .lines,
            named: "minutes-2026-10-15.\(format.fileExtension)")
    }

    @Test(arguments: DocumentFormat.allCases)
    func test_agendaOfAMeetingToCome(format: DocumentFormat) {
        assertSnapshot(
            of: Self.document(.agenda, "2026-12-01-leighton-buzzard-linslade-ltt", format), as: .lines,
            named: "agenda-2026-12-01.\(format.fileExtension)")
    }

    @Test func test_minutes_followTheSeedsFormat() {
        let text = Self.document(.minutes, "2026-10-15-sandy-biggleswade-ltt", .text)
        for heading in [
            "PRESENT:", "MEMBERS", "SUPPORT OFFICERS/ADVISORS", "\n1  APOLOGIES FOR ABSENCE (REF: 1)\n",
            "Apologies for absence from the meeting were received on behalf of:",
            "\n4  DISCLOSURES OF INTEREST (REF: 4)\n",
            "Resolved: That the apologies be noted.", "\n3  MATTERS ARISING (REF: 3)\n",
            "\n5  FLOOD RESILIENCE AND DRAINAGE (REF: 5)\n",
            "Actions:",
        ] {
            #expect(text.contains(heading), "\(heading)")
        }
    }

    /// User text is shown, never obeyed: in HTML it is escaped, and the page is well-formed XML.
    @Test func test_html_escapesUserText_andIsWellFormed() throws {
        var data = Self.data
        var m = data.meeting("2026-10-15-sandy-biggleswade-ltt")!
        m.title = "<script>alert(1)</script> & \"friends\""
        m.agenda[0].outcome = "Resolved: That <b>bold</b> claims be noted."
        data.meetings = [m]
        let html = DocumentFormat.html.render(
            MeetingDocument.lines(
                .minutes, for: m, directory: data.directory, allMeetings: [m], council: data.settings.council),
            title: m.title)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt; &amp; &quot;FRIENDS&quot;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))  // the page title keeps the case
        #expect(html.contains("That &lt;b&gt;bold&lt;/b&gt; claims"))
        #expect(try isWellFormedXML(html), "the HTML is not well-formed XML")
    }

    @Test func test_markdown_escapesFormattingCharacters() {
        #expect(
            DocumentFormat.escapeMarkdown("*not bold* _x_ [link](y) <b> #tag | c:\\")
                == "\\*not bold\\* \\_x\\_ \\[link\\](y) \\<b\\> \\#tag \\| c:\\\\")
    }
}

/// Whether Python's XML parser (an independent, strict one) accepts the text.
func isWellFormedXML(_ text: String) throws -> Bool {
    let file = NSTemporaryDirectory() + "forumdesk-" + UUID().uuidString + ".html"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])", file]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}
