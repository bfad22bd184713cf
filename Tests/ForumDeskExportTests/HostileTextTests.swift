import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport

/// Text an attacker (or a careless paste) can put in a data file: escape sequences that would drive a
/// terminal, controls, bidi overrides, zero-width characters, line breaks that would start a header or a
/// calendar property of their own, and formulas.
enum Hostile {
    /// Shown escaped in test names, so that the test log itself stays clean.
    struct Text: CustomTestStringConvertible, Sendable {
        var text: String
        var testDescription: String {
            text.unicodeScalars.count > 40 ? "\(text.unicodeScalars.count) scalars" : text.debugDescription
        }
    }

    static var cases: [Text] { strings.map(Text.init) }

    static let strings = [
        "\u{1B}[31mred\u{1B}[0m", "\u{1B}[2J\u{1B}[H", "\u{1B}]0;PWNED\u{07}", "\u{1B}]2;PWNED\u{1B}\\",
        "\u{1B}P1$r0m\u{1B}\\",
        "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "\u{9B}31m", "\u{9D}0;PWNED\u{9C}", "\u{90}q\u{9C}",
        "\u{07}\u{08}\u{7F}\u{00}",
        "evil\u{202E}txt.exe", "\u{2066}isolate\u{2069}", "zero\u{200B}width\u{FEFF}", "a\u{0301}\u{0301}\u{0301}",
        "line\r\nBcc: victim@example.org", "x\r\nATTENDEE:mailto:evil@example.org", "=HYPERLINK(\"http://evil\")",
        "<script>alert(1)</script>", "\"quoted\" & 'single'", "back\\slash;semi,comma",
        String(repeating: "長い", count: 3000),
    ]

    /// Every C0 and C1 control and DEL, as raw characters in a text.
    static func controls(in text: String, allowing allowed: Set<UInt32> = [0x0A]) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 || (0x7F..<0xA0).contains($0)) && !allowed.contains($0) }
    }
}

@Suite struct HostileTextExportTests {
    static let data = DataStore(folder: DataFolder(TestPaths.sampleData)).load()
    let id = "2026-12-17-sandy-biggleswade-ltt"

    /// The meeting and its councillors with `text` in every free-text field.
    func hostile(_ text: String) -> (Meeting, Directory) {
        var directory = Self.data.directory
        var m = Self.data.meeting(id)!
        m.title = "Title " + text
        m.venue.name = "Venue " + text
        m.venue.address = text
        if !m.agenda.isEmpty { m.agenda[0].title = text; m.agenda[0].outcome = text }
        m.actions.append(Action(id: "A-2026-900", description: "Action " + text, owner: text, feedback: text))
        m.notifications = []
        for i in directory.people.indices where directory.people[i].kind == .councillor {
            directory.people[i].name = "Cllr " + text
            directory.people[i].preferredContact = .email
        }
        return (m, directory)
    }

    @Test(arguments: Hostile.cases)
    func test_invitationEmails_haveOnlyTheirOwnHeaders_andNoRawControls(_ hostileText: Hostile.Text) throws {
        let text = hostileText.text
        let (m, directory) = hostile(text)
        let plan = Notifier.plan(
            for: m, directory: directory, organiser: .init(configuredName: "Team " + text, configuredEmail: nil),
            council: "Council " + text, now: LondonTime.parse("2026-11-23T12:00")!)
        #expect(!plan.outgoing.isEmpty)
        for mail in plan.outgoing {
            // CR only as part of CRLF, LF only after CR; nothing else below 0x20, nothing 8-bit at all.
            #expect(Hostile.controls(in: mail.text.replacingOccurrences(of: "\r\n", with: "")).isEmpty)
            #expect(mail.text.utf8.allSatisfy { $0 < 0x80 }, "the message must be 7-bit")
            let head = mail.text.components(separatedBy: "\r\n\r\n")[0]
            let names = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map {
                $0.prefix { $0 != ":" }
            }
            #expect(
                Set(names).isSubset(of: ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]
                ),
                "headers: \(names)")
        }
    }

    @Test(arguments: Hostile.cases)
    func test_calendar_hasOnlyItsOwnProperties_andEscapedText(_ hostileText: Hostile.Text) throws {
        let text = hostileText.text
        let (m, directory) = hostile(text)
        let event = ICalendar.event(
            m, directory: directory, method: .request, sequence: 0, stamp: m.start,
            organiser: .init(name: "Team " + text, email: "team@example.org"),
            attendee: .init(name: "Cllr " + text, email: "x\r\nATTENDEE:mailto:evil@example.org"),
            description: text)
        let calendar = ICalendar.calendar(method: .request, events: [event], name: text)
        #expect(Hostile.controls(in: calendar.replacingOccurrences(of: "\r\n", with: ""), allowing: [0x09]).isEmpty)
        let names = ICalendar.parse(calendar).map(\.name)
        #expect(names.filter { $0 == "ATTENDEE" }.count == 1)
        #expect(
            Set(names).isSubset(of: [
                "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "TZID",
                "X-LIC-LOCATION", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "DTSTART", "RRULE", "UID",
                "SEQUENCE", "DTSTAMP", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS",
                "ORGANIZER", "ATTENDEE",
            ]), "\(names)")
    }

    @Test(arguments: Hostile.cases)
    func test_documents_escapeHTML_andCarryNoControlsOrBidiOverrides(_ hostileText: Hostile.Text) throws {
        let text = hostileText.text
        let (m, directory) = hostile(text)
        for kind in [MeetingDocument.Kind.minutes, .agenda] {
            let lines = MeetingDocument.lines(
                kind, for: m, directory: directory, allMeetings: Self.data.meetings, council: Self.data.settings.council
            )
            for format in DocumentFormat.allCases {
                let document = format.render(lines, title: m.title)
                #expect(Hostile.controls(in: document).isEmpty, "\(format) \(kind)")
                #expect(
                    !document.unicodeScalars.contains {
                        (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                    })
                if format == .html {
                    #expect(!document.contains("<script>"))
                    #expect(try isWellFormedXML(document), "the HTML is not well-formed XML")
                }
            }
        }
    }

    @Test func test_csvExport_defusesFormulas_andKeepsTheText() throws {
        for text in Hostile.strings {
            let (m, directory) = hostile(text)
            let (header, rows) = CSV.table(
                .actions, meetings: [m], directory: directory, today: CalendarDate(year: 2026, month: 11, day: 23))
            let document = CSV.document(header: header, rows: rows)
            let parsed = try CSV.parse(document)
            #expect(parsed.dropFirst().map(\.fields) == rows, "\(text.debugDescription)")
            for row in rows { for field in row { #expect(!CSV.spreadsheetSafe(field).hasPrefix("=")) } }
        }
    }
}
