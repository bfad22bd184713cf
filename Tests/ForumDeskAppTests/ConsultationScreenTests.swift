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
        keys += [.tab, .tab, .tab, .tab] + [.ctrl("u")] + typing("Sandy and Biggleswade") + [.tab] + [.tab] + typing("2026-11-02")
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
        #expect(k.items == [ConsultationItem(meeting: "2026-10-15-sandy-biggleswade-ltt", item: 6),
                            ConsultationItem(meeting: "2026-08-13-sandy-biggleswade-ltt", item: 6)])
        #expect(k.stage(on: LondonTime.date(fixedNow)) == .open)
        #expect(a.screenText.contains("Leisure centre charges"), "\(a.screenText)")

        // Edit it: the results and what changed (the last two fields).
        a.handle(.key(.char("/")))
        for key in typing("leisure") + [.enter, .char("e")] { a.handle(.key(key)) }
        for _ in 0..<14 { a.handle(.key(.tab)) }
        for key in typing("Most wanted lower charges for under-18s.") + [.tab] + typing("Under-18 swims are free from April.") + [.ctrl("s")] {
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
        keys += typing("2026-11-02") + [.tab] + typing("2026-12-14") + [.tab, .tab] + typing("javascript:alert(1)") + [.tab, .tab]
        keys += typing("2026-10-15-sandy-biggleswade-ltt#99") + [.ctrl("s")]
        let a = w.app(width: 160, height: 48, keys: keys)
        #expect(a.screenText.contains("✗ a link starts with https://"), "\(a.screenText)")
        #expect(a.screenText.contains("✗ no agenda item `2026-10-15-sandy-biggleswade-ltt#99`"), "\(a.screenText)")
        #expect(w.store.load().consultation("bins") == nil)
    }
}

/// Live notes of a hybrid meeting: `O` marks someone present as joined online, saved at once; the minutes list them
/// "(online)" and count them apart; a meeting with no joining link refuses it.
@Suite(.serialized) struct OnlineAttendanceTests {
    @Test func test_O_marksPresentOnline_andTheMinutesCountIt() throws {
        let w = try Workspace()
        let id = "2026-12-08-cranfield-marston-woburn-ltt"
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-08 cranfield") + [.enter, .enter, .char("L")])
        #expect(a.screenText.contains("Attendance"), "\(a.screenText)")
        a.handle(.key(.char("O")))
        #expect(a.screenText.contains("present first (p)"), "\(a.screenText)")
        for key in [Key.char("p"), .char("k"), .char("O")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk(id))
        let entry = try #require(m.attendance.first)
        #expect(entry.status == .present && entry.online, "\(m.attendance)")
        #expect(a.screenText.contains("online"))
        let minutes = MeetingDocument.document(.minutes, .text, for: m, directory: w.store.load().directory, allMeetings: [m],
                                               council: "Council", audience: .record)
        #expect(minutes.contains(" (online)\n") && minutes.contains("Present online (listed above): 1 of 1"), "\(minutes)")
        a.handle(.key(.char("O")))
        #expect(w.meetingOnDisk(id)?.attendance.first?.online == false)
        // Residents: "30 6 online" is 30 in all, 6 of them online.
        for key in [Key.char("r"), .ctrl("u")] + typing("30 6 online") + [.enter] { a.handle(.key(key)) }
        let counted = try #require(w.meetingOnDisk(id))
        #expect(counted.residentsPresent == 30 && counted.residentsOnline == 6, "\(a.screenText)")
        for key in [Key.char("r"), .ctrl("u")] + typing("5 6 online") + [.enter] { a.handle(.key(key)) }
        #expect(a.screenText.contains("or 34 6 online"), "more online than in all is refused")
        #expect(w.meetingOnDisk(id)?.residentsPresent == 30)
    }

    @Test func test_O_onAMeetingWithNoJoiningLink_isRefused() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-11-26 leighton rural") + [.enter, .enter, .char("L"), .char("p"), .char("k")])
        a.handle(.key(.char("O")))
        #expect(a.screenText.contains("no joining link"), "\(a.screenText)")
        #expect(w.meetingOnDisk("2026-11-26-leighton-rural-ltt")?.attendance.contains(where: \.online) == false)
    }
}

/// The meeting form's joining fields: a changed link on a meeting already announced raises its SEQUENCE, so every
/// notice is stale and owed an update carrying the new link; a link that is not https is marked and not saved.
@Suite(.serialized) struct JoiningFormTests {
    static let id = "2026-12-08-cranfield-marston-woburn-ltt"
    /// The meeting form's fields after "Why cancelled": join online, link, dial-in, how to join, mode, on website.
    static let toLink: [Key] = Array(repeating: Key.tab, count: 14)

    @Test func test_aChangedLink_makesTheNoticesStale() throws {
        let w = try Workspace()
        let before = try #require(w.meetingOnDisk(Self.id))
        #expect(before.online?.kind == .teams)
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-08 cranfield") + [.enter, .enter, .char("E")] + Self.toLink)
        for key in [Key.ctrl("u")] + typing("https://teams.microsoft.com/l/meetup-join/new-link") + [.ctrl("s")] { a.handle(.key(key)) }
        let after = try #require(w.meetingOnDisk(Self.id))
        #expect(after.online?.url == "https://teams.microsoft.com/l/meetup-join/new-link", "\(a.screenText)")
        #expect(after.sequence == before.sequence + 1)
        #expect(NotificationRules.statuses(for: after, in: w.store.load().directory).allSatisfy { $0.state == .stale })
    }

    @Test func test_aLinkThatIsNotHTTPS_isMarked_andNotSaved() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-08 cranfield") + [.enter, .enter, .char("E")] + Self.toLink)
        for key in [Key.ctrl("u")] + typing("http://insecure.example.org/join") + [.ctrl("s")] { a.handle(.key(key)) }
        #expect(a.screenText.contains("a link starts with https://"), "\(a.screenText)")
        #expect(w.meetingOnDisk(Self.id)?.online?.url?.hasPrefix("https://teams.microsoft.com") == true)
    }
}

/// The dashboard reminds of a consultation closed with no results recorded, and stops once they are.
@Suite struct ConsultationReminderTests {
    @Test func test_dashboard_listsResultsDue_untilRecorded() throws {
        let w = try Workspace()
        let later = LondonTime.parse("2026-12-06T12:00")!
        var data = w.store.load()
        let a = App(data: data, now: later, width: 160, height: 60, store: w.store, access: .editable)
        #expect(a.screenText.contains("Library opening hours from April 2027 (library-opening-hours-2027) closed on 2026-11-29"), "\(a.screenText)")
        var k = try #require(data.consultation("library-opening-hours-2027"))
        k.results = "Saturday afternoons came first."
        try w.store.save(k, in: &data)
        let b = App(data: w.store.load(), now: later, width: 160, height: 60, store: w.store, access: .editable)
        #expect(!b.screenText.contains("library-opening-hours-2027"), "\(b.screenText)")
    }
}
