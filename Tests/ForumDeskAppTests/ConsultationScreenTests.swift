import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
import ForumDeskExport

/// The consultations screen against a real data folder: a consultation typed into the form is saved to its
/// own file, linked to a topic and two agenda items; its results recorded later; undo takes a new one away.
@Suite(.serialized) struct ConsultationScreenTests {
    @Test func test_newConsultation_typedInTheForm_isSaved_thenResultsRecorded_andUndone() throws {
        let w = try Workspace()
        // Topics (6), consultations (C), new (n); fields in order: title, lead, contact, level, areas, wards, opens, closes,
        // methods, link, topics, items, summary, responses, results, what we did.
        var keys: [Key] = [.char("6"), .char("C"), .char("n")] + typing("Leisure centre charges")
        keys +=
            [.tab, .tab, .tab, .tab] + [.ctrl("u")] + typing("Sandy and Biggleswade") + [.tab] + [.tab]
            + typing("2026-11-02")
        keys += [.tab] + typing("2026-12-14") + [.tab, .ctrl("u")] + typing("survey, drop-in, meeting-item") + [.tab]
        keys += typing("https://www.example.org/leisure") + [.tab] + typing("budget-2027-28") + [.tab]
        keys += typing("2026-10-15-sandy-biggleswade-ltt#6, 2026-08-13-sandy-biggleswade-ltt#6") + [.tab]
        keys += typing("What the centres should charge from April.") + [.ctrl("s")]
        var a = w.app(keys: keys)
        let saved = w.store.load().consultation("leisure-centre-charges")
        let k = try #require(saved, "\(a.screenText)")
        #expect(k.areas == ["sandy-biggleswade"])
        #expect(k.methods == [.survey, .dropIn, .meetingItem])
        #expect(k.topics == ["budget-2027-28"])
        #expect(
            k.items == [
                ConsultationItem(meeting: "2026-10-15-sandy-biggleswade-ltt", item: 6),
                ConsultationItem(meeting: "2026-08-13-sandy-biggleswade-ltt", item: 6),
            ])
        #expect(k.stage(on: LondonTime.date(fixedNow)) == .open)
        #expect(a.screenText.contains("Leisure centre charges"), "\(a.screenText)")

        // Edit it: the results and what changed (the last two fields).
        a.handle(.key(.char("/")))
        for key in typing("leisure") + [.enter, .char("e")] { a.handle(.key(key)) }
        for _ in 0..<14 { a.handle(.key(.tab)) }
        for key in typing("Most wanted lower charges for under-18s.") + [.tab]
            + typing("Under-18 swims are free from April.") + [.ctrl("s")]
        {
            a.handle(.key(key))
        }
        let reported = try #require(w.store.load().consultation("leisure-centre-charges"))
        #expect(reported.results == "Most wanted lower charges for under-18s.", "\(a.screenText)")
        #expect(reported.changes == "Under-18 swims are free from April.")

        a.handle(.key(.char("u")))
        #expect(w.store.load().consultation("leisure-centre-charges")?.results == nil)
        a.handle(.key(.char("u")))
        #expect(w.store.load().consultation("leisure-centre-charges") == nil)
        #expect(!FileManager.default.fileExists(atPath: w.copy.path + "/consultations/leisure-centre-charges.json"))
    }

    @Test func test_aBadLink_orAnUnknownItem_isMarked_andNothingIsSaved() throws {
        let w = try Workspace()
        var keys: [Key] = [.char("6"), .char("C"), .char("n")] + typing("Bins")
        for _ in 0..<6 { keys.append(.tab) }
        keys +=
            typing("2026-11-02") + [.tab] + typing("2026-12-14") + [.tab, .tab] + typing("javascript:alert(1)") + [
                .tab, .tab,
            ]
        keys += typing("2026-10-15-sandy-biggleswade-ltt#99") + [.ctrl("s")]
        let a = w.app(width: 160, height: 48, keys: keys)
        #expect(a.screenText.contains("✗ a link starts with https://"), "\(a.screenText)")
        #expect(a.screenText.contains("✗ no agenda item `2026-10-15-sandy-biggleswade-ltt#99`"), "\(a.screenText)")
        #expect(w.store.load().consultation("bins") == nil)
    }
}
