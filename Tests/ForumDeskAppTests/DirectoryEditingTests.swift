import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DirectoryEditingTests {
    @Test func test_newCouncillor_isSavedToPeople_withWardsUnderstood() throws {
        let w = try Workspace()
        _ = w.app(
            keys: [.char("4"), .tab, .char("n"), .ctrl("u")] + typing("Cllr Ada Newfield") + [.tab]
                + typing("Sandy, potton")
                + [.tab] + typing("ada.newfield@councillors.example.org") + [.ctrl("s")])
        let person = try #require(w.store.load().directory.people.first { $0.name == "Cllr Ada Newfield" })
        #expect(person.id == "cllr-ada-newfield")
        #expect(person.kind == .councillor)
        #expect(person.wards == ["sandy", "potton"])
        // The meetings of those wards now owe her a notice.
        let next = w.store.load().meetings.first {
            $0.area == "sandy-biggleswade" && $0.start > fixedNow && $0.status != .cancelled
        }!
        #expect(NotificationRules.state(ofCouncillor: person.id, for: next) == .notNotified)
    }

    @Test func test_badEmail_andUnknownWard_areShownNextToTheFields() throws {
        let w = try Workspace()
        let a = w.app(
            keys: [.char("4"), .tab, .char("n")] + typing("Ada") + [.tab] + typing("atlantis") + [.tab]
                + typing("not-an-address") + [.ctrl("s")])
        let text = a.screenText
        #expect(text.contains("✗ no such ward: atlantis"))
        #expect(text.contains("✗ “not-an-address” is not an address like name@example.org"))
        #expect(text.contains("Fix the fields marked ✗ first"))
    }

    /// Non-ASCII addresses are refused on entry (ForumDesk does not send RFC 6531 mail), as are malformed ones.
    @Test(arguments: [
        ("tamsín@example.org", "non-ASCII"), ("ada..newfield@example.org", "the part before @"),
        ("ada@localhost", "the domain after @"),
    ])
    func test_unusableEmail_isRefusedOnEntry(address: String, reason: String) throws {
        let w = try Workspace()
        let a = w.app(
            width: 160,
            keys: [.char("4"), .tab, .char("n"), .ctrl("u")] + typing("Cllr Ada Newfield") + [.tab] + typing("Sandy")
                + [.tab] + typing(address) + [.ctrl("s")])
        #expect(a.screenText.contains(reason), "\(a.screenText)")
        #expect(w.store.load().directory.people.first { $0.name == "Cllr Ada Newfield" } == nil)
    }

    @Test func test_invitation_saysWhichRequiredRolesAreMissing_andSaves() throws {
        let w = try Workspace()
        let id = "2026-12-08-cranfield-marston-woburn-ltt"  // police not invited in the sample
        var a = w.app(keys: [.char("2"), .char("/")] + typing(id) + [.enter, .enter, .tab, .tab, .char("a")])
        #expect(a.screenText.contains("still missing: police"))
        for key in [Key.enter] + typing("bedfordshire police") + [.enter, .ctrl("s")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk(id))
        #expect(m.invitations.contains { $0.organisation == "bedfordshire-police" })
        #expect(CoverageRules.gaps(for: m, in: w.store.load().directory).isEmpty)
    }

    @Test func test_coverageRule_andWard_areSavedToAreas() throws {
        let w = try Workspace()
        _ = w.app(
            keys: [.char("4"), .char("r"), .tab, .tab, .ctrl("u")] + typing("health, fire-and-rescue") + [.ctrl("s")])
        _ = w.app(keys: [.char("4"), .char("w")] + typing("Ampthill Fields") + [.ctrl("s")])
        let directory = w.store.load().directory
        #expect(
            directory.coverageRules.last
                == CoverageRule(
                    area: "ampthill-flitwick", kind: .letsTalkTogether, required: [.health, .fireAndRescue]))
        #expect(
            directory.areas.first { $0.id == "ampthill-flitwick" }?.wards.last
                == Ward(id: "ampthill-fields", name: "Ampthill Fields"))
        #expect(w.store.problems(in: w.store.load(), now: fixedNow).isEmpty)
        // Rename the ward (its id stays) and change the rule.
        _ = w.app(
            keys: [.char("4"), .char("W")] + typing("fields") + [.enter, .ctrl("u")]
                + typing("Ampthill Fields and Park") + [.ctrl("s")])
        _ = w.app(
            keys: [.char("4"), .char("R"), .char("G"), .enter, .tab, .tab, .ctrl("u")] + typing("health") + [.ctrl("s")]
        )
        let changed = w.store.load().directory
        #expect(
            changed.areas.first { $0.id == "ampthill-flitwick" }?.wards.last
                == Ward(id: "ampthill-fields", name: "Ampthill Fields and Park"))
        #expect(changed.coverageRules.count == directory.coverageRules.count)
    }
}
