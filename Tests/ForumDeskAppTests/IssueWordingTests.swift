import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// Issue 36: an action or a topic request the app makes from a resident's issue does not copy the resident's name
/// or address, which would be published with it.
@Suite struct IssueWordingTests {
    @Test func test_actionFromAnIssue_leavesOutTheResidentsNameAndAddress() throws {
        let w = try Workspace()
        let said = "Mrs Dan Reed of 12 Mill Lane, LU6 3AB says the street lights are out"
        var a = w.app(keys: openSandyOctober + [.char("i")] + typing(said + " #highways") + [.ctrl("s")])
        for key in [Key.backTab, .backTab, .char("G"), .char("a")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        let issue = try #require(m.issues.last)
        #expect(issue.text == said)  // the record keeps what was said
        let action = try #require(m.actions.first { $0.id == issue.action })
        #expect(action.description == "A resident says the street lights are out")
    }

    @Test func test_topicFromAnIssue_leavesOutTheResidentsName() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L")])
        // As a note-taker does: the issue typed in live notes, then from the Issues pane made a topic request.
        for key in [Key.char("i")] + typing("Ms Jo Bloggs asked about parking near the school #highways") + [
            .enter, .backTab, .char("G"), .char("t"),
        ] {
            a.handle(.key(key))
        }
        let m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        let raised = try #require(m.issues.last)
        let topic = try #require(w.store.load().topic(raised.topic ?? ""))
        #expect(topic.title == "A resident asked about parking near the school")
        #expect(!topic.id.contains("bloggs"))
    }

    /// The review before publishing on screen (Reports, `v`): the passage that names someone is listed, held back;
    /// `c` marks it checked on its meeting, and `publish` would then print it.
    @Test func test_reviewScreen_listsThePassage_andMarksItChecked() throws {
        let w = try Workspace()
        var data = w.store.load()
        var m = try #require(data.meeting("2026-10-15-sandy-biggleswade-ltt"))
        let said = "PCSO Fenella Merriweather answered questions about the car park"
        m.agenda[1].discussion = said
        try w.store.save(m, in: &data)
        var a = w.app(width: 160, height: 30, keys: [.char("5"), .char("v")])
        #expect(a.screenTitle == "Reports: review before publishing")
        #expect(
            a.screenText.contains("2026-10-15-sandy-biggleswade-ltt, item 2 discussion  (held back)"), "\(a.screenText)"
        )
        #expect(a.screenText.contains("finds a title with a name (PCSO Fenella Merriweather)"))
        #expect(a.screenText.contains("1 held back from the site, 0 checked"))
        a.handle(.key(.char("c")))
        let saved = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        #expect(saved.checkedForPublication == [PublicReview.fingerprint(said)])
        #expect(
            a.screenText.contains("(checked)") && a.screenText.contains("0 held back from the site, 1 checked"),
            "\(a.screenText)")
        #expect(PublicReview.publishable([saved], w.store.load().directory).heldBack.isEmpty)
    }

    /// The directory form warns of an address that cannot fit the envelope's window (a warning: it still saves),
    /// and says nothing new of one that fits.
    @Test func test_directoryForm_warnsOfAnAddressThatCannotFitTheWindow() throws {
        var form = Form(
            title: "Edit",
            fields: [
                .text("name", "Name", "Cllr Orla Hollowell"),
                .text("postal", "Postal address", "THEOLDWHEELWRIGHTSWORKSHOPANDCOTTAGECHURCHEND, SHEFFORD, SG17 5TQ"),
            ])
        #expect(FormScreen.checkPostalAddress(&form).count == 3)
        let note = try #require(form.fields.first { $0.key == "postal" })
        #expect(
            note.note?.hasPrefix("⚠ no letter can be made: “THEOLDWHEELWRIGHTSWORKSHOPANDCOTTAGECHURCHEND” is") == true,
            "\(note.note ?? "")")
        #expect(!note.isError)
        form.setText("postal", "THE OLD WHEELWRIGHTS COTTAGE, CHURCH END, SHEFFORD, SG17 5TQ")
        _ = FormScreen.checkPostalAddress(&form)
        #expect(
            form.fields.first { $0.key == "postal" }?.note
                == "4 line(s) on the envelope: THE OLD WHEELWRIGHTS COTTAGE / CHURCH END / SHEFFORD / SG17 5TQ")
    }
}
