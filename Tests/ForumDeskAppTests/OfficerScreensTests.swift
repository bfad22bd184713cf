import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The officer's screens of issue 37: cancelling asks why, and the notices carry it.
@Suite struct OfficerScreensTests {
    static let linslade = "2026-12-01-leighton-buzzard-linslade-ltt"
    static let openLinslade: [Key] = [.char("2"), .char("/")] + typing("2026-12-01") + [.enter, .enter]

    /// The parts of a MIME message, base64 decoded, unfolded.
    static func decoded(_ mail: String) -> String {
        var out = "", block = "", inBlock = false
        // "\r\n" is one Character: split the text with its line ends made plain first.
        for line in mail.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Content-Transfer-Encoding: base64") { inBlock = true; block = ""; continue }
            if inBlock, line.hasPrefix("--") {
                out += String(decoding: Data(base64Encoded: block) ?? Data(), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "") + "\n"
                inBlock = false
            } else if inBlock { block += line }
        }
        return out
    }

    @Test func test_cancel_asksWhy_andTheCancellationCarriesIt_notThePostponementLine_norAnRSVP() throws {
        let w = try Workspace()
        // Postponed once (its public notes say so), then cancelled with X.
        _ = w.app(keys: Self.openLinslade + [.char("P")] + typing("2026-12-03 19:00") + [.tab, .ctrl("u")] + typing("21:00") + [.tab]
                  + typing("hall double-booked") + [.ctrl("s")])
        let postponed = try #require(w.meetingOnDisk(Self.linslade))
        #expect(postponed.status == .postponed && postponed.publicNotes?.contains("Postponed from") == true)
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-03") + [.enter, .enter, .char("X")])
        #expect(a.screenText.contains("Why cancelled"))
        a.handle(.key(.ctrl("s")))
        #expect(a.screenText.contains("why is it cancelled?"))
        #expect(w.meetingOnDisk(Self.linslade)?.status == .postponed)
        for key in typing("the venue has closed for repairs") + [.ctrl("s")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk(Self.linslade))
        #expect(m.status == .cancelled && m.cancellationReason == "the venue has closed for repairs")
        let plan = Notifier.plan(for: m, directory: a.context.directory, organiser: .init(name: "Wilf Lanternby", email: "wilf@example.org"),
                                 council: "Central Bedfordshire Council", now: fixedNow)
        let cancellations = plan.outgoing.filter { $0.kind == .cancellation }
        #expect(!cancellations.isEmpty)
        for mail in cancellations {
            let text = Self.decoded(mail.text)
            #expect(text.contains("Reason: the venue has closed for repairs"))
            #expect(!text.contains("Postponed from"), "the postponement line is not the reason")
            #expect(text.contains("ATTENDEE;CN="))
            #expect(!text.contains("RSVP") && !text.contains("NEEDS-ACTION"), "a cancellation asks for no reply")
        }
    }
}
