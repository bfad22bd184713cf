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

/// Editing against a real data folder: a fresh copy of the sample data per test.
final class Workspace {
    let copy: SampleCopy
    let store: DataStore
    var folder: String { copy.folder }

    init(fs: FileSystem = PosixFileSystem()) throws {
        copy = try SampleCopy()
        store = DataStore(folder: DataFolder(copy.path), fs: fs)
    }

    func app(width: Int = 100, height: Int = 30, keys: [Key] = [], access: Access = .editable) -> App {
        var a = App(data: store.load(), now: fixedNow, width: width, height: height, store: store, access: access)
        for key in keys { a.handle(.key(key)) }
        return a
    }

    func meetingOnDisk(_ id: String) -> Meeting? { store.load().meeting(id) }

    func path(_ id: String) -> String? { store.load().path(ofMeeting: id) }

    /// Changes the first councillor's current notice of a meeting on disk; gives the councillor and the notice's index.
    func setCurrentNotice(of id: String, _ change: (inout CouncillorNotification) -> Void) throws -> (Person, Int) {
        var data = store.load()
        var m = try #require(data.meeting(id))
        let first = NotificationRules.statuses(for: m, in: data.directory)[0].councillor
        let index = try #require(NotificationRules.currentInvitationIndex(ofCouncillor: first.id, in: m))
        change(&m.notifications[index])
        try store.save(m, in: &data)
        return (first, index)
    }
}

let openSandyOctober: [Key] = [.char("2"), .char("/")] + typing("2026-10-15 sandy") + [.enter, .enter]
let newMeetingKeys: [Key] = [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton, northill")
    + [.tab] + typing("3 Dec 7pm") + [.tab, .tab] + typing("Potton Community Centre") + [.ctrl("s")]

@Suite struct DirectoryEditingTests {
    @Test func test_newCouncillor_isSavedToPeople_withWardsUnderstood() throws {
        let w = try Workspace()
        _ = w.app(keys: [.char("4"), .tab, .char("n"), .ctrl("u")] + typing("Cllr Ada Newfield") + [.tab] + typing("Sandy, potton")
                  + [.tab] + typing("ada.newfield@councillors.example.org") + [.ctrl("s")])
        let person = try #require(w.store.load().directory.people.first { $0.name == "Cllr Ada Newfield" })
        #expect(person.id == "cllr-ada-newfield")
        #expect(person.kind == .councillor)
        #expect(person.wards == ["sandy", "potton"])
        // The meetings of those wards now owe her a notice.
        let next = w.store.load().meetings.first { $0.area == "sandy-biggleswade" && $0.start > fixedNow && $0.status != .cancelled }!
        #expect(NotificationRules.state(ofCouncillor: person.id, for: next) == .notNotified)
    }

    @Test func test_badEmail_andUnknownWard_areShownNextToTheFields() throws {
        let w = try Workspace()
        let a = w.app(keys: [.char("4"), .tab, .char("n")] + typing("Ada") + [.tab] + typing("atlantis") + [.tab] + typing("not-an-address") + [.ctrl("s")])
        let text = a.screenText
        #expect(text.contains("✗ no such ward: atlantis"))
        #expect(text.contains("✗ “not-an-address” is not an address like name@example.org"))
        #expect(text.contains("Fix the fields marked ✗ first"))
    }

    /// Non-ASCII addresses are refused on entry (ForumDesk does not send RFC 6531 mail), as are malformed ones.
    @Test(arguments: [("tamsín@example.org", "non-ASCII"), ("ada..newfield@example.org", "the part before @"),
                      ("ada@localhost", "the domain after @")])
    func test_unusableEmail_isRefusedOnEntry(address: String, reason: String) throws {
        let w = try Workspace()
        let a = w.app(width: 160, keys: [.char("4"), .tab, .char("n"), .ctrl("u")] + typing("Cllr Ada Newfield") + [.tab] + typing("Sandy")
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
        _ = w.app(keys: [.char("4"), .char("r"), .tab, .tab, .ctrl("u")] + typing("health, fire-and-rescue") + [.ctrl("s")])
        _ = w.app(keys: [.char("4"), .char("w")] + typing("Ampthill Fields") + [.ctrl("s")])
        let directory = w.store.load().directory
        #expect(directory.coverageRules.last == CoverageRule(area: "ampthill-flitwick", kind: .letsTalkTogether, required: [.health, .fireAndRescue]))
        #expect(directory.areas.first { $0.id == "ampthill-flitwick" }?.wards.last == Ward(id: "ampthill-fields", name: "Ampthill Fields"))
        #expect(w.store.problems(in: w.store.load(), now: fixedNow).isEmpty)
        // Rename the ward (its id stays) and change the rule.
        _ = w.app(keys: [.char("4"), .char("W")] + typing("fields") + [.enter, .ctrl("u")] + typing("Ampthill Fields and Park") + [.ctrl("s")])
        _ = w.app(keys: [.char("4"), .char("R"), .char("G"), .enter, .tab, .tab, .ctrl("u")] + typing("health") + [.ctrl("s")])
        let changed = w.store.load().directory
        #expect(changed.areas.first { $0.id == "ampthill-flitwick" }?.wards.last == Ward(id: "ampthill-fields", name: "Ampthill Fields and Park"))
        #expect(changed.coverageRules.count == directory.coverageRules.count)
    }
}

@Suite struct EditingTests {
    @Test func test_newMeetingForm_savesTheFile_andUndoRemovesIt() throws {
        let w = try Workspace()
        var a = w.app(keys: newMeetingKeys)
        let id = "2026-12-03-sandy-biggleswade-ltt"
        let saved = try #require(w.meetingOnDisk(id))
        #expect(saved.wards == ["potton", "northill"])
        #expect(LondonTime.iso(saved.start) == "2026-12-03T19:00:00+00:00")
        #expect(saved.venue.name == "Potton Community Centre")
        #expect(a.screenText.contains("Saved: new meeting \(id)"))
        a.handle(.key(.char("u")))
        #expect(w.meetingOnDisk(id) == nil)
        a.handle(.key(.ctrl("r")))
        #expect(w.meetingOnDisk(id) != nil)
    }

    @Test func test_formWithErrors_doesNotSave_andSaysWhy() throws {
        let w = try Workspace()
        let before = w.store.load().meetings.count
        let a = w.app(keys: [.char("2"), .char("n"), .ctrl("s")])
        #expect(a.screenText.contains("Fix the fields marked ✗ first"))
        #expect(a.screenText.contains("✗ choose the SNT area"))
        #expect(w.store.load().meetings.count == before)
    }

    @Test func test_agendaReorder_andDelete_renumberAndSave() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.tab, .char("j"), .char("J")])
        var m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        #expect(m.agenda.map(\.number) == Array(1...m.agenda.count))
        #expect(m.agenda[2].title == "Minutes of the previous meeting")
        a.handle(.key(.char("d")))
        a.handle(.key(.right))
        a.handle(.key(.enter))
        m = try #require(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt"))
        #expect(!m.agenda.contains { $0.title == "Minutes of the previous meeting" })
        #expect(m.agenda.map(\.number) == Array(1...m.agenda.count))
    }

    @Test func test_actionForm_changesStatus_addsADatedUpdate_andFeedback() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("3"), .char("o"), .enter])  // first overdue action
        let title = a.screenTitle
        #expect(title.hasPrefix("Action A-"))
        let id = String(title.dropFirst("Action ".count))
        a.handle(.key(.tab))
        a.handle(.key(.enter))
        for key in typing("done") + [.enter] { a.handle(.key(key)) }
        for key in [Key.tab, .tab, .ctrl("u")] + typing("+7d") + [.tab] + typing("Contractor finished the work") + [.tab, .ctrl("u")]
            + typing("You said the drain flooded; we cleared it.") + [.ctrl("s")] { a.handle(.key(key)) }
        let raised = try #require(ActionRules.allActions(in: w.store.load().meetings).first { $0.action.id == id })
        #expect(raised.action.status == .done)
        #expect(raised.action.updates.last?.text == "Contractor finished the work")
        #expect(raised.action.updates.last?.status == .done)
        #expect(raised.action.feedback == "You said the drain flooded; we cleared it.")
        #expect(raised.action.due == LondonTime.date(fixedNow).adding(days: 7))
    }

    @Test func test_readOnly_changesNothing_andSaysWhy() throws {
        let w = try Workspace()
        _ = w.app(keys: newMeetingKeys, access: .readOnly("Ana on laptop is editing"))
        // A full-width line under the top bar says who holds the folder, at any width from 80 columns.
        #expect(w.app(width: 80, access: .readOnly("Ana on laptop is editing")).render().lines[1].contains("READ-ONLY: Ana on laptop is editing."))
        #expect(w.meetingOnDisk("2026-12-03-sandy-biggleswade-ltt") == nil)
        // No form opens, so nothing is typed that would be lost: the key says why.
        let b = w.app(keys: [.char("2"), .char("n")], access: .readOnly("opened with --read-only"))
        #expect(!(b.top is FormScreen))
        #expect(b.screenText.contains("Read-only: opened with --read-only. Nothing can be changed here."))
    }

    @Test func test_fileChangedOnDisk_asks_andKeepMineAsACopy_savesBoth() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L")])
        let path = try #require(w.path("2026-10-15-sandy-biggleswade-ltt"))
        // Someone else edits the file in a text editor.
        let theirs = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"residentsPresent\": 57", with: "\"residentsPresent\": 60")
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        for key in [Key.char("r"), .ctrl("u")] + typing("61") + [.enter] { a.handle(.key(key)) }
        #expect(a.screenText.contains("Changed by someone else"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)  // nothing overwritten
        a.handle(.key(.right))  // "Keep mine as a copy"
        a.handle(.key(.enter))
        let copies = try FileManager.default.contentsOfDirectory(atPath: w.folder + "/data/conflicts")
        #expect(copies.count == 1)
        let mine = try DataStore.decodeMeeting(Array(FileManager.default.contents(atPath: w.folder + "/data/conflicts/" + copies[0])!))
        #expect(mine.residentsPresent == 61)
        #expect(a.context.data.meeting("2026-10-15-sandy-biggleswade-ltt")?.residentsPresent == 60)
    }

    @Test func test_fileChangedOnDisk_showBoth_thenReloadTheirs() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L")])
        let path = try #require(w.path("2026-10-15-sandy-biggleswade-ltt"))
        let theirs = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"residentsPresent\": 57", with: "\"residentsPresent\": 60")
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        for key in [Key.char("r"), .ctrl("u")] + typing("61") + [.enter, .right, .right, .enter] { a.handle(.key(key)) }
        let both = a.screenText
        #expect(both.contains("-   \"residentsPresent\": 60,"))
        #expect(both.contains("+   \"residentsPresent\": 61,"))
        a.handle(.key(.escape))  // back to the question
        #expect(a.screenText.contains("Changed by someone else"))
        a.handle(.key(.enter))  // "Reload theirs"
        #expect(a.context.data.meeting("2026-10-15-sandy-biggleswade-ltt")?.residentsPresent == 60)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)
    }
}

/// A disk whose chosen system call fails with a chosen errno until it is told to recover.
final class FlakyDisk: FileSystem, @unchecked Sendable {
    enum Call: String, Sendable, CaseIterable { case create, write, fsync, rename }
    let real = PosixFileSystem()
    let call: Call
    let code: Int32
    /// Only paths containing this fail (e.g. "/meetings/": the meeting file, not the outbox).
    let only: String?
    var failing = true

    init(failing call: Call = .create, with code: Int32 = ENOSPC, onlyPathsContaining only: String? = nil) {
        self.call = call
        self.code = code
        self.only = only
    }

    func fail(_ call: Call, _ path: String) throws(SystemCallError) {
        if failing, call == self.call, only.map(path.contains) ?? true {
            throw SystemCallError(operation: call.rawValue, path: path, code: code)
        }
    }
    func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32 {
        try fail(.create, path)
        return try real.openForCreate(path, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        try fail(.write, path)
        try real.write(fd, bytes, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(SystemCallError) {
        try fail(.fsync, path)
        try real.fsync(fd, path: path)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, _ to: String) throws(SystemCallError) {
        try fail(.rename, to)
        try real.rename(from, to)
    }
    func link(_ from: String, _ to: String) throws(SystemCallError) { try real.link(from, to) }
    func fsyncDirectory(_ path: String) throws(SystemCallError) { try real.fsyncDirectory(path) }
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) { try real.makeDirectory(path, mode: mode) }
    func remove(_ path: String) { real.remove(path) }
    func read(_ path: String) throws(SystemCallError) -> [UInt8] { try real.read(path) }
    func status(_ path: String) throws(SystemCallError) -> FileStatus? { try real.status(path) }
    func list(_ directory: String) throws(SystemCallError) -> [String] { try real.list(directory) }
}

@Suite struct FailedSaveTests {
    @Test func test_diskFull_keepsTheEntryInMemory_saysSo_andCtrlSRetries() throws {
        let disk = FlakyDisk()
        let w = try Workspace(fs: disk)
        var a = w.app(keys: openSandyOctober + [.char("L"), .char("a")] + typing("Repaint the bus shelter #highways") + [.enter])
        let text = a.screenText
        #expect(text.contains("NOT SAVED, nothing was written: No space left on device (disk full)"))
        a.handle(.key(.tab))
        a.handle(.key(.tab))
        #expect(a.screenText.contains("Repaint the bus shelter"))  // kept in memory, still on screen
        #expect(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt")?.actions.contains { $0.description == "Repaint the bus shelter" } == false)
        // Quitting now asks first; stay.
        a.handle(.key(.ctrl("c")))
        #expect(a.screenText.contains("Changes not saved"))
        a.handle(.key(.escape))
        #expect(!a.isFinished)
        disk.failing = false
        a.handle(.key(.ctrl("s")))
        #expect(a.screenText.contains("Saved 1 change that had failed before"))
        #expect(w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt")?.actions.contains { $0.description == "Repaint the bus shelter" } == true)
        #expect(a.unsavedCount == 0)
    }

    /// Each fault at each step of a save, entering an action in live notes: the entry stays on screen, the
    /// footer names what failed, the file is byte for byte what it was, no temp file is left, Ctrl-S saves it.
    @Test(arguments: FlakyDisk.Call.allCases, [(ENOSPC, "disk full"), (EIO, "I/O error"), (EACCES, "permission denied"),
                                              (EROFS, "read-only file system")])
    func test_faultAtEachStep_keepsTheEntry_saysWhatFailed_andRetrySaves(call: FlakyDisk.Call, fault: (Int32, String)) throws {
        let disk = FlakyDisk(failing: call, with: fault.0)
        let w = try Workspace(fs: disk)
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let path = try #require(w.path(id))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .char("L"), .char("a")]
                      + typing("Survey the footpath #highways") + [.enter])
        let text = a.screenText
        #expect(text.contains("NOT SAVED"), "\(call) \(fault.1): \(text)")
        #expect(text.contains("(\(fault.1))"), "\(call) \(fault.1): \(text)")
        a.handle(.key(.tab))
        a.handle(.key(.tab))
        #expect(a.screenText.contains("Survey the footpath"))  // kept in memory, on the actions pane
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
        disk.failing = false
        a.handle(.key(.ctrl("s")))
        #expect(a.screenText.contains("Saved 1 change that had failed before"))
        #expect(w.meetingOnDisk(id)?.actions.contains { $0.description == "Survey the footpath" } == true)
    }

    @Test func test_quitWithUnsavedChanges_asksFirst() throws {
        let disk = FlakyDisk()
        let w = try Workspace(fs: disk)
        var a = w.app(keys: openSandyOctober + [.char("L"), .char("r")] + typing("40") + [.enter])
        #expect(a.unsavedCount == 1)
        for _ in 0..<4 { a.handle(.key(.char("q"))) }
        #expect(!a.isFinished)
        #expect(a.screenText.contains("Changes not saved"))
        a.handle(.key(.right))
        a.handle(.key(.enter))  // Quit anyway
        #expect(a.isFinished)
    }
}

@Suite struct LiveNotesTests {
    /// The comment a councillor sent with a declined calendar reply is offered as the apology reason.
    @Test func test_apologies_offerTheDeclineComment() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let (first, _) = try w.setCurrentNotice(of: id) {
            $0.reply = .declined
            $0.comment = "sorry, I have planning committee that evening"
        }
        _ = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .char("L"), .char("o"), .enter])
        let m = try #require(w.meetingOnDisk(id))
        let entry = try #require(m.attendance.first { $0.person == first.id })
        #expect(entry.status == .apologies && entry.reason == "sorry, I have planning committee that evening")
    }

    @Test func test_minuteAMeeting_attendanceOutcomesActions_allOnDisk() throws {
        let w = try Workspace()
        let id = "2026-11-26-leighton-rural-ltt"
        var keys: [Key] = [.char("2"), .char("/")] + typing("2026-11-26") + [.enter, .enter, .char("L")]
        keys += [.char("p"), .char("j"), .char("o")] + typing("unwell") + [.enter]
        keys += [.char("j"), .char("s")] + typing("Sam") + [.escape]  // a picker opened and cancelled changes nothing
        keys += [.tab, .enter, .ctrl("u")] + typing("Resolved: That the apologies be noted.") + [.enter]
        keys += [.char("j"), .enter, .ctrl("u")] + typing("Resolved: That the minutes be approved.") + [.enter]
        keys += [.char("a")] + typing("Check the bus shelter @Yusuf Ambridge-Cole due:+14d #highways") + [.enter]
        keys += [.char("a")] + typing("Publish the gritting map #highways") + [.enter]
        keys += [.char("a")] + typing("Invite the youth club @Leighton Buzzard Youth Forum due:15/1") + [.enter]
        keys += [.char("r")] + typing("23") + [.enter]
        let a = w.app(keys: keys)
        let m = try #require(w.meetingOnDisk(id))
        #expect(m.attendance.filter { $0.status == .present }.count == 1)
        #expect(m.attendance.first { $0.status == .apologies }?.reason == "unwell")
        #expect(m.agenda[0].outcome == "Resolved: That the apologies be noted.")
        #expect(m.agenda[1].outcome == "Resolved: That the minutes be approved.")
        #expect(m.actions.map(\.description) == ["Check the bus shelter", "Publish the gritting map", "Invite the youth club"])
        #expect(m.actions[0].owner == "yusuf-ambridge-cole")
        #expect(m.actions[0].due == CalendarDate(year: 2026, month: 12, day: 7))
        #expect(m.actions[2].organisation == "leighton-youth-forum")
        #expect(m.actions[2].due == CalendarDate(year: 2027, month: 1, day: 15))
        #expect(Set(m.actions.map(\.id)).count == 3)
        #expect(m.residentsPresent == 23)
        #expect(a.screenText.contains("Saved: 23 residents present"))
        // After each entry only that meeting's warnings are recomputed: the result must equal a full recompute.
        let full = Context(data: a.context.data, now: a.context.now)
        #expect(a.context.warnings == full.warnings)
        #expect(a.context.overdue == full.overdue)
    }

    @Test func test_badQuickEntry_staysOpenWithTheReason() throws {
        let w = try Workspace()
        let a = w.app(keys: openSandyOctober + [.char("L"), .char("a")] + typing("Do it @Nobody due:31/2/2027") + [.enter])
        #expect(a.screenText.contains("✗ no person or organisation called “Nobody…”"))
        #expect(a.screenText.contains("Action (item 1): Do it @Nobody"))
    }

    @Test func test_substitute_recordsApologiesAndTheStandIn_inOneSave() throws {
        let w = try Workspace()
        let id = "2026-11-26-leighton-rural-ltt"
        let a = w.app(keys: [.char("2"), .char("/")] + typing("2026-11-26") + [.enter, .enter, .char("L"), .char("s")] + typing("Imogen") + [.enter])
        _ = a
        let m = try #require(w.meetingOnDisk(id))
        let sub = try #require(m.attendance.first { $0.status == .substitute })
        #expect(m.attendance.contains { $0.status == .apologies && $0.person == sub.substituteFor })
    }

    @Test func test_mattersArising_doneUpdatesTheEarlierMeeting() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L"), .tab, .tab, .tab])
        let before = w.store.load()
        let arising = ActionRules.mattersArising(for: try #require(before.meeting("2026-10-15-sandy-biggleswade-ltt")), in: before.meetings)
        let first = try #require(arising.first)
        a.handle(.key(.char("c")))
        let after = try #require(w.meetingOnDisk(first.meeting.id)?.actions.first { $0.id == first.action.id })
        #expect(after.status == .done)
        #expect(after.updates.last?.status == .done)
    }
}

@Suite struct CouncillorNoticeTests {
    let openCouncillors: [Key] = [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .tab, .tab, .tab]

    @Test func test_notifyKey_writesTheOutbox_andClearsTheWarning() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let a = w.app(keys: openCouncillors + [.char("n")])
        #expect(a.screenText.contains("Saved: 1 notice written to outbox/\(id)/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: w.copy.path + "/outbox/\(id)")
        #expect(files.count == 1 && files[0].hasSuffix("-request-0.eml"))
        let m = try #require(w.meetingOnDisk(id))
        #expect(Warnings.warnings(for: m, directory: w.store.load().directory, now: fixedNow).allSatisfy { $0.kind != .councillorNotNotified })
    }

    @Test func test_letterAndReply_areRecorded() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        var a = w.app(keys: openCouncillors + [.char("l")])
        var m = try #require(w.meetingOnDisk(id))
        let first = NotificationRules.statuses(for: m, in: w.store.load().directory)[0].councillor.id
        #expect(m.notifications.last?.method == .letter)
        #expect(m.notifications.last?.councillor == first)
        for key in [Key.char("r"), .right, .enter] { a.handle(.key(key)) }  // "Declined"
        m = try #require(w.meetingOnDisk(id))
        #expect(NotificationRules.state(ofCouncillor: first, for: m) == .replied(.declined))
    }

    /// A reply recorded by hand on a stale notice answers the meeting as it is now: the councillor was told of the
    /// change (a phone notice is recorded with it), so the row stops saying stale, and the tab says which notice.
    @Test func test_handReplyOnAStaleNotice_recordsAPhoneNoticeOfTheNewDetails() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        var data = w.store.load()
        var m = try #require(data.meeting(id))
        m.start = m.start.addingTimeInterval(5 * 86_400)
        m.end = m.end.addingTimeInterval(5 * 86_400)
        m.sequence += 1
        try w.store.save(m, in: &data)
        let first = NotificationRules.statuses(for: m, in: data.directory)[0].councillor
        #expect(NotificationRules.state(ofCouncillor: first.id, for: m) == .stale)
        var a = w.app(width: 120, height: 30, keys: openCouncillors)  // found by its id, which keeps the first date
        #expect(a.screenText.contains("#0 17 Dec"))
        #expect(a.screenText.contains("Notice #0 for Thu 17 Dec 2026 19:00"))
        #expect(a.screenText.contains("Reply to notice #0: accepted"))
        a.handle(.key(.char("r")))
        #expect(a.screenText.contains("notice #0 announced Thu 17 Dec 2026"))
        #expect(a.screenText.contains("was told of them by phone."))
        for key in [Key.right, .enter] { a.handle(.key(key)) }  // "Accepted" (after "Keep it")
        m = try #require(w.meetingOnDisk(id))
        #expect(NotificationRules.state(ofCouncillor: first.id, for: m) == .replied(.accepted))
        let recorded = try #require(m.notifications.last)
        #expect(recorded.councillor == first.id && recorded.method == .phone && recorded.sequence == 1 && recorded.start == m.start)
        #expect(a.screenText.contains("#1 22 Dec"))
        #expect(a.screenText.contains("Reply to notice #1: accepted"))
    }

    /// On a current notice the reply is saved on that notice, and a comment from an earlier answer goes with it.
    @Test func test_handReply_answersTheCurrentNotice() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let (_, index) = try w.setCurrentNotice(of: id) { $0.comment = "see you there" }
        let data = w.store.load()
        var a = w.app(keys: openCouncillors)
        a.handle(.key(.char("r")))
        #expect(a.screenText.contains("reply to notice #0"))
        for key in [Key.right, .enter] { a.handle(.key(key)) }  // "Declined"
        let m = try #require(w.meetingOnDisk(id))
        #expect(m.notifications.count == data.meeting(id)?.notifications.count)
        #expect(m.notifications[index].reply == .declined && m.notifications[index].comment == nil)
    }

    @Test func test_noReplyAWeekBefore_isFlagged() throws {
        var m = Fixture.meeting()
        m.notifications = [CouncillorNotification(councillor: "cllr-a", at: fixedNow, method: .email, start: m.start, end: m.end,
                                                  venue: m.venue.name)]
        let tooEarly = Warnings.warnings(for: m, directory: Fixture.directory, now: m.start.addingTimeInterval(-10 * 86_400))
        #expect(!tooEarly.contains { $0.kind == .noReply })
        let close = Warnings.warnings(for: m, directory: Fixture.directory, now: m.start.addingTimeInterval(-3 * 86_400))
        #expect(close.first { $0.kind == .noReply }?.message == "no reply yet (meeting within 7 days): Cllr Ada Ashgrove")
    }
}

/// The small directory of the core tests, for rules checked from here.
enum Fixture {
    static let directory = Directory(
        areas: [Area(id: "sandy", name: "Sandy", wards: [Ward(id: "sandy", name: "Sandy")])],
        people: [Person(id: "cllr-a", name: "Cllr Ada Ashgrove", kind: .councillor, wards: ["sandy"])])

    static func meeting() -> Meeting {
        let start = LondonTime.parse("2026-12-10T19:00")!
        return Meeting(id: "m", kind: .letsTalkTogether, title: "T", area: "sandy", wards: ["sandy"], start: start,
                       end: start.addingTimeInterval(7200), venue: Venue(name: "Hall"), status: .confirmed)
    }
}

@Suite struct ExportKeyTests {
    @Test func test_eOnTheMinutesTab_writesAllThreeFormats() throws {
        let w = try Workspace()
        let a = w.app(keys: openSandyOctober + [.backTab, .char("e")])
        #expect(a.screenText.contains("Wrote the minutes to exports/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: w.copy.path + "/exports").sorted()
        #expect(files == ["2026-10-15-sandy-biggleswade-ltt-minutes.html", "2026-10-15-sandy-biggleswade-ltt-minutes.md",
                          "2026-10-15-sandy-biggleswade-ltt-minutes.txt"])
    }
}
