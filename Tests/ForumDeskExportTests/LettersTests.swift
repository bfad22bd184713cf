import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskTestSupport

/// Issue 24, letters: who gets one, that it says what the e-mail says, and that the page is valid HTML5 for A4.
@Suite struct LettersTests {
    static let now = LondonTime.parse("2026-11-23T12:00")!
    static let sender = Letters.Sender(
        organiser: Notifier.Organiser(name: "Community Engagement Team", email: "engagement@example.org"),
        council: "Central Bedfordshire Council",
        address: ["Council Offices", "2 Market Square", "Shefford", "SG17 5ZZ"])

    static func directory() -> Directory {
        Directory(
            areas: [
                Area(
                    id: "sandy-biggleswade", name: "Sandy and Biggleswade",
                    wards: [Ward(id: "sandy", name: "Sandy"), Ward(id: "potton", name: "Potton")])
            ],
            people: [
                Person(
                    id: "cllr-mail", name: "Cllr Mae Mailer", kind: .councillor, wards: ["sandy"],
                    email: "mae@example.org"),
                Person(
                    id: "cllr-letter", name: "Cllr Leo Letterby", kind: .councillor, wards: ["sandy"],
                    email: "leo@example.org",
                    preferredContact: .letter,
                    postalAddress: ["c/o Sandy Town Council Offices", "10 Cambridge Road", "Sandy", "SG19 1ZA"]),
                Person(
                    id: "cllr-nowhere", name: "Cllr Nia Nowhere", kind: .councillor, wards: ["potton"],
                    preferredContact: .letter),
                Person(
                    id: "cllr-phone", name: "Cllr Pip Phoner", kind: .councillor, wards: ["potton"],
                    preferredContact: .phone,
                    postalAddress: ["1 Phone Street", "Potton"]),
            ])
    }

    static func meeting() -> Meeting {
        let start = LondonTime.parse("2026-12-17T19:00")!
        var m = Meeting(
            id: "2026-12-17-sandy-biggleswade-ltt", kind: .letsTalkTogether,
            title: "Let's Talk Together: Sandy and Biggleswade",
            area: "sandy-biggleswade", wards: ["sandy", "potton"], start: start, end: start.addingTimeInterval(7200),
            venue: Venue(name: "Potton Community Centre", address: "Brook End, Potton"), status: .confirmed)
        m.agenda = [
            AgendaItem(number: 1, title: "Welcome & introductions"),
            AgendaItem(number: 2, title: "Housing repairs <and> damp"),
        ]
        return m
    }

    @Test func test_plan_lettersOnlyForThoseWhoPreferOne_missingAddressListed_noticesRecordedByLetter() {
        let plan = Letters.plan(for: Self.meeting(), directory: Self.directory(), sender: Self.sender, now: Self.now)
        #expect(plan.letters.map(\.person.id) == ["cllr-letter"])
        #expect(plan.missing.map(\.person.id) == ["cllr-nowhere"])
        #expect(plan.missing.first?.reason == "no postal address in the directory")
        let recorded = plan.meeting.notifications
        #expect(recorded.count == 1)
        #expect(recorded.first?.councillor == "cllr-letter" && recorded.first?.method == .letter)
        #expect(recorded.first?.delivery == .sent && recorded.first?.sentAt == Self.now)
        #expect(plan.letters.first?.path == "letters/2026-12-17-sandy-biggleswade-ltt/cllr-letter-request-0.html")
        // Recorded, the councillor is notified: a second plan owes nothing.
        #expect(NotificationRules.state(ofCouncillor: "cllr-letter", for: plan.meeting) == .notified)
        let again = Letters.plan(for: plan.meeting, directory: Self.directory(), sender: Self.sender, now: Self.now)
        #expect(again.letters.isEmpty)
    }

    @Test func test_letter_saysWhatTheEmailSays() throws {
        let m = Self.meeting(), d = Self.directory()
        let person = try #require(d.person("cllr-letter"))
        let html = Letters.html(
            m, directory: d, to: person, kind: .invitation, stale: false, sender: Self.sender, now: Self.now)
        let email = Notifier.message(
            for: m, directory: d, to: person.name, kind: .invitation, stale: false,
            organiser: Self.sender.organiser, council: Self.sender.council)
        // Every line of the e-mail about the meeting is in the letter (HTML-escaped).
        for line in [
            "Dear Cllr Leo Letterby,", "Let's Talk Together: Sandy and Biggleswade",
            "Thursday 17 December 2026, 7.00 pm to 9.00 pm",
            "Potton Community Centre, Brook End, Potton", "Wards: Sandy, Potton", "1. Welcome & introductions",
            "2. Housing repairs <and> damp",
        ] {
            #expect(email.contains(line), "e-mail lacks \(line)")
            #expect(html.contains(DocumentFormat.escapeHTML(line)), "letter lacks \(line)")
        }
        #expect(html.contains("@page{size:A4"))
        #expect(
            html.contains(
                "<address class=\"address\" style=\"font-size:11.0pt;line-height:1.25\">Cllr Leo Letterby<br/>\nc/o Sandy Town Council Offices<br/>"
            ))
        #expect(html.contains("Council Offices<br/>\n2 Market Square"))
        #expect(html.contains("<p class=\"date\">23 November 2026</p>"))
        #expect(!html.contains("<and>"))
    }

    @Test func test_letter_isValidHTML5_forEveryKindOfNotice() throws {
        let d = Self.directory(), person = try #require(d.person("cllr-letter"))
        let folder = NSTemporaryDirectory() + "forumdesk-letters-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var cancelled = Self.meeting()
        cancelled.status = .cancelled
        cancelled.cancellationReason = "the hall flooded"
        cancelled.venue.accessibility = "Step-free access; hearing loop"
        for (name, m, kind, stale) in [
            ("invitation", Self.meeting(), NoticeKind.invitation, false),
            ("update", Self.meeting(), .invitation, true), ("cancel", cancelled, .cancellation, false),
        ] {
            try Letters.html(m, directory: d, to: person, kind: kind, stale: stale, sender: Self.sender, now: Self.now)
                .write(toFile: "\(folder)/\(name).html", atomically: true, encoding: .utf8)
        }
        #expect(try html5Problems(folder: folder) == "")
        let cancel = try String(contentsOfFile: folder + "/cancel.html", encoding: .utf8)
        #expect(cancel.contains("Reason: the hall flooded") && !cancel.contains("Agenda so far"))
    }
}
