import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The agenda templates edited in the app (Meetings, `T`): each change is in `templates/<kind>.json` on disk, a new
/// meeting of that kind then starts with it, and a template file that cannot be read is shown and never overwritten.
/// Rows of the screen on the sample data: Let's Talk Together's six items (four opening, two closing), the ward
/// forum's six, then the area committee and "other", which have no template.
@Suite struct TemplateEditingTests {
    static let open: [Key] = [.char("2"), .char("T")]

    /// A Let's Talk Together meeting in Sandy and Biggleswade made with the form (as `TemplateFormTests`).
    static let newMeeting: [Key] =
        [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
        + typing("17 Feb 2027 19:00") + [.tab, .tab] + typing("Potton Community Centre") + [.ctrl("s")]
    static let newMeetingID = "2027-02-17-sandy-biggleswade-ltt"

    func items(_ w: Workspace, _ kind: MeetingKind) -> [AgendaTemplate.Item] {
        w.store.load().templates[kind]?.items ?? []
    }

    @Test func test_addedItem_isInTheFile_andANewMeetingStartsWithIt() throws {
        let w = try Workspace()
        let before = items(w, .letsTalkTogether)
        #expect(before.count == 6)
        // On the first item (opening): a new opening item, for discussion, 10 minutes, with a note.
        _ = w.app(
            keys: Self.open + [.char("a")] + typing("Community safety update") + [.tab, .tab, .ctrl("u")]
                + typing("discussion") + [.tab] + typing("10") + [.tab] + typing("Police and fire service")
                + [.ctrl("s")])
        let after = items(w, .letsTalkTogether)
        #expect(after.count == 7)
        // After the opening items, before the closing ones: the order a new meeting gets them.
        let added = after[4]
        #expect(added.title == "Community safety update")
        #expect(added.place == .opening)
        #expect(added.purpose == [.discussion])
        #expect(added.minutes == 10)
        #expect(added.notes == "Police and fire service")
        #expect(Array(after[..<4]) == Array(before[..<4]))
        #expect(Array(after[5...]) == Array(before[4...]))
        let json = try String(contentsOfFile: w.copy.path + "/templates/lets-talk-together.json", encoding: .utf8)
        #expect(json.contains("\"title\": \"Community safety update\""))

        _ = w.app(width: 160, height: 48, keys: Self.newMeeting)
        let made = try #require(w.meetingOnDisk(Self.newMeetingID))
        #expect(made.agenda.count == 7)
        #expect(made.agenda[4].title == "Community safety update")
        #expect(made.agenda[4].minutes == 10)
        #expect(made.agenda[4].notes == "Police and fire service")
    }

    @Test func test_editedItem_isInTheFile_undoPutsItBack_andANewMeetingStartsWithIt() throws {
        let w = try Workspace()
        var a = w.app(
            keys: Self.open + [.char("e"), .ctrl("u")] + typing("Welcome, introductions and apologies") + [
                .tab, .enter,
            ]
                + typing("closing") + [.enter, .tab, .ctrl("u")] + typing("3") + [.ctrl("s")])
        var after = items(w, .letsTalkTogether)
        // Now a closing item: the first of them, after the three opening items left.
        #expect(after.count == 6)
        #expect(after[3].title == "Welcome, introductions and apologies")
        #expect(after[3].place == .closing)
        #expect(after[3].minutes == 3)
        #expect(after[..<3].allSatisfy { $0.place == .opening })
        #expect(!after.contains { $0.title == "Introductions and apologies" })

        _ = w.app(width: 160, height: 48, keys: Self.newMeeting)
        let made = try #require(w.meetingOnDisk(Self.newMeetingID))
        #expect(made.agenda.map(\.title)[3] == "Welcome, introductions and apologies")
        #expect(made.agenda[3].minutes == 3)

        a.handle(.key(.char("u")))
        after = items(w, .letsTalkTogether)
        #expect(after.first?.title == "Introductions and apologies")
        #expect(after.first?.place == .opening)
        #expect(!after.contains { $0.title == "Welcome, introductions and apologies" })
    }

    @Test func test_deletedItem_leavesTheFile_andNewMeetings() throws {
        let w = try Workspace()
        _ = w.app(keys: Self.open + [.char("j"), .char("d"), .right, .enter])
        let after = items(w, .letsTalkTogether)
        #expect(after.count == 5)
        #expect(!after.contains { $0.title.hasPrefix("Minutes of the previous meeting") })
        _ = w.app(width: 160, height: 48, keys: Self.newMeeting)
        let made = try #require(w.meetingOnDisk(Self.newMeetingID))
        #expect(made.agenda.map(\.title) == after.map(\.title))
    }

    @Test func test_movedItem_isInTheFile_andStaysAmongItsPlace() throws {
        let w = try Workspace()
        let before = items(w, .letsTalkTogether)
        var a = w.app(keys: Self.open + [.char("j"), .char("J")])
        var after = items(w, .letsTalkTogether)
        #expect(after[1] == before[2])
        #expect(after[2] == before[1])
        // The cursor stays on the item moved: moving it down again past the last opening item is refused.
        a.handle(.key(.char("J")))
        #expect(items(w, .letsTalkTogether)[3] == before[1])
        a.handle(.key(.char("J")))
        after = items(w, .letsTalkTogether)
        #expect(after[3] == before[1])
        #expect(after[4] == before[4])
        #expect(a.screenText.contains("Opening items stay before the meeting's own"))
        a.handle(.key(.char("K")))
        #expect(items(w, .letsTalkTogether)[2] == before[1])
        _ = w.app(width: 160, height: 48, keys: Self.newMeeting)
        let made = try #require(w.meetingOnDisk(Self.newMeetingID))
        #expect(made.agenda[1].title == "Matters arising")
        #expect(made.agenda[2].title.hasPrefix("Minutes of the previous meeting held on "))
    }

    @Test func test_kindWithNoTemplate_getsAFile_andUndoRemovesIt() throws {
        let w = try Workspace()
        let path = w.copy.path + "/templates/area-committee.json"
        #expect(!FileManager.default.fileExists(atPath: path))
        var a = w.app(keys: Self.open + [.char("G"), .char("k")])
        #expect(a.screenText.contains("no template yet"))
        for key in [Key.char("a")] + typing("Declarations of interest") + [.ctrl("s")] { a.handle(.key(key)) }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(items(w, .areaCommittee).map(\.title) == ["Declarations of interest"])
        a.handle(.key(.char("u")))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(w.store.load().templates[.areaCommittee] == nil)
    }

    @Test func test_unreadableTemplate_isShown_andNeverOverwritten() throws {
        let w = try Workspace()
        let path = w.copy.path + "/templates/ward-forum.json"
        let broken = "{ \"schema\": 1, \"kind\": \"ward-forum\", \"items\": [ { \"title\": 7 } ] }\n"
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        // The ward forum's row is the seventh, after Let's Talk Together's six items.
        let down = Array(repeating: Key.char("j"), count: 6)
        var a = w.app(width: 160, height: 48, keys: Self.open + down)
        #expect(a.screenText.contains("cannot be read"))
        for key in [Key.char("a"), .ctrl("s")] { a.handle(.key(key)) }
        #expect(a.screenTitle == "Agenda templates")
        #expect(a.screenText.contains("ward-forum.json"))
        for key in [Key.char("e"), .char("d"), .char("J")] { a.handle(.key(key)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
        // Its own template untouched, Let's Talk Together is still edited as before.
        for key in [Key.char("g"), .char("d"), .right, .enter] { a.handle(.key(key)) }
        #expect(items(w, .letsTalkTogether).count == 5)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }

    /// A councillor's read-only view shows the templates and offers nothing that changes them.
    @Test func test_councillorView_showsTheTemplates_andCannotEditThem() throws {
        let tamsin = try #require(sampleData.directory.people.first { $0.name == "Cllr Tamsin Lanternby" })
        var a = App.councillorView(of: tamsin, data: sampleData, now: fixedNow, width: 160, height: 48)
        for key in Self.open { a.handle(.key(key)) }
        #expect(a.screenTitle == "Agenda templates")
        #expect(a.screenText.contains("Introductions and apologies"))
        for key: Key in [.char("a"), .char("e"), .enter, .char("d"), .char("J")] {
            var probe = a
            probe.handle(.key(key))
            #expect(probe.screenTitle == "Agenda templates", "\(key) opened \(probe.screenTitle)")
        }
    }

    /// A template changed on disk by someone else (a sync, a text editor) since the app read it is not saved over.
    @Test func test_templateChangedOnDisk_isNotOverwritten() throws {
        let w = try Workspace()
        let path = w.copy.path + "/templates/lets-talk-together.json"
        var a = w.app(keys: Self.open)
        var theirs = try #require(w.store.load().templates[.letsTalkTogether])
        theirs.items.removeLast()
        var data = w.store.load()
        try w.store.save(theirs, in: &data)
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        for key in [Key.char("d"), .right, .enter] { a.handle(.key(key)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == onDisk)
        #expect(items(w, .letsTalkTogether).count == 5)
        guard case .error(let said)? = a.message else {
            Issue.record("no error shown: \(String(describing: a.message))")
            return
        }
        #expect(said.contains("lets-talk-together.json") && said.contains("changed"), "\(said)")
    }

    /// A file named for one kind that says another is not used, and so not saved over either.
    @Test func test_templateOfAnotherKind_isShown_andNeverOverwritten() throws {
        let w = try Workspace()
        let path = w.copy.path + "/templates/ward-forum.json"
        let other = try String(contentsOfFile: w.copy.path + "/templates/lets-talk-together.json", encoding: .utf8)
        try other.write(toFile: path, atomically: true, encoding: .utf8)
        var a = w.app(width: 160, height: 48, keys: Self.open + Array(repeating: Key.char("j"), count: 6))
        #expect(a.screenText.contains("but its kind is"))
        a.handle(.key(.char("a")))
        #expect(a.screenTitle == "Agenda templates", "the form opened")
        // Had the form opened, an item typed and saved must still not reach the file.
        if a.screenTitle != "Agenda templates" {
            for key in typing("Welcome") + [.ctrl("s")] { a.handle(.key(key)) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == other)
    }
}
