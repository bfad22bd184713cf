import Foundation
import Testing
@testable import ForumDeskCore

/// Issue 27: finding a person in text, and a meeting without them.
@Suite struct PersonalDataTests {
    let who = PersonalData.Identity(
        Person(
            id: "cllr-ann-smith", name: "Cllr Ann Smith", kind: .councillor, wards: ["sandy"],
            email: "ann.smith@example.org", phone: "01632 960001",
            extra: ["postalAddress": .string("3 Mill Lane, Sandy")]))

    @Test func test_identity_findsWholeNamesAddressesAndPhones_anyCase_notInsideLongerWords() {
        for text in [
            "Cllr Ann Smith said", "ANN SMITH agreed.", "write to ann.smith@example.org", "call 01632960001",
            "cllr-ann-smith", "Zoë and Ann Smith", "at 3 Mill Lane, Sandy",
        ] {
            #expect(who.isNamed(in: text), "\(text)")
        }
        for text in [
            "Ann Smithson", "Joann Smith", "cllr-ann-smith-2", "xann.smith@example.org", "ann.smith@example.org.uk",
            "Ann",
        ] {
            #expect(!who.isNamed(in: text), "\(text)")
        }
        #expect(
            who.scrubbed("Cllr Ann Smith and Ann Smith (ann.smith@example.org).")
                == "(name removed) and (name removed) ((name removed)).")
        #expect(who.scrubbed("Ann Smithson") == "Ann Smithson")
    }

    @Test func test_erase_keepsEveryLineAndCount_removesTheirOwnRecords() {
        let d = Fixture.directory
        let sgt = PersonalData.Identity(d.person("sgt")!)
        var m = Fixture.meeting()
        m.chair = "sgt"
        m.attendance = [
            Attendance(person: "sgt", role: .member, status: .apologies, reason: "on leave"),
            Attendance(person: "pcso", role: .member, status: .substitute, substituteFor: "sgt"),
            Attendance(person: "cllr-a", status: .present),
        ]
        m.declarations = [Declaration(person: "sgt", item: 1, nature: "lives nearby")]
        m.actions = [Action(id: "A-2026-001", description: "Patrol", owner: "sgt")]
        let found = PersonalData.findings(sgt, in: m, directory: d).map(\.kind)
        #expect(found == [.chair, .apologies, .substitutedFor, .declaration, .action])
        let (after, erased) = PersonalData.erase(
            sgt, personOrganisation: "police", newOwner: nil, from: m, directory: d,
            today: CalendarDate(iso: "2026-11-30")!)
        #expect(erased.counts.values.reduce(0, +) == 5)
        #expect(after.chair == nil && after.declarations.isEmpty)
        #expect(after.attendance.map(\.status) == m.attendance.map(\.status))
        #expect(
            after.attendance[0]
                == Attendance(name: "(name removed)", organisation: "police", role: .member, status: .apologies))
        #expect(after.attendance[1].substituteFor == "(name removed)")
        #expect(after.actions[0].owner == nil && after.actions[0].organisation == "police")
        #expect(PersonalData.findings(sgt, in: after, directory: d).isEmpty)
        #expect(after.extra[PersonalData.marker] == .string("2026-11-30"))
    }
}
