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

let newMeetingKeys: [Key] =
    [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton, northill")

    + [.tab] + typing("3 Dec 7pm") + [.tab, .tab] + typing("Potton Community Centre") + [.ctrl("s")]

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
        for key in [Key.tab, .tab, .ctrl("u")] + typing("+7d") + [.tab] + typing("Contractor finished the work") + [
            .tab, .ctrl("u"),
        ]
            + typing("You said the drain flooded; we cleared it.") + [.ctrl("s")]
        { a.handle(.key(key)) }
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
        #expect(
            w.app(width: 80, access: .readOnly("Ana on laptop is editing")).render().lines[1].contains(
                "READ-ONLY: Ana on laptop is editing."))
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
        let theirs = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"residentsPresent\": 57", with: "\"residentsPresent\": 60")
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        for key in [Key.char("r"), .ctrl("u")] + typing("61") + [.enter] { a.handle(.key(key)) }
        #expect(a.screenText.contains("Changed by someone else"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)  // nothing overwritten
        a.handle(.key(.right))  // "Keep mine as a copy"
        a.handle(.key(.enter))
        let copies = try FileManager.default.contentsOfDirectory(atPath: w.folder + "/data/conflicts")
        #expect(copies.count == 1)
        let mine = try DataStore.decodeMeeting(
            Array(FileManager.default.contents(atPath: w.folder + "/data/conflicts/" + copies[0])!))
        #expect(mine.residentsPresent == 61)
        #expect(a.context.data.meeting("2026-10-15-sandy-biggleswade-ltt")?.residentsPresent == 60)
    }

    @Test func test_fileChangedOnDisk_showBoth_thenReloadTheirs() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L")])
        let path = try #require(w.path("2026-10-15-sandy-biggleswade-ltt"))
        let theirs = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"residentsPresent\": 57", with: "\"residentsPresent\": 60")
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
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        try real.makeDirectory(path, mode: mode)
    }
    func remove(_ path: String) { real.remove(path) }
    func read(_ path: String) throws(SystemCallError) -> [UInt8] { try real.read(path) }
    func status(_ path: String) throws(SystemCallError) -> FileStatus? { try real.status(path) }
    func list(_ directory: String) throws(SystemCallError) -> [String] { try real.list(directory) }
}

/// The small directory of the core tests, for rules checked from here.
enum Fixture {
    static let directory = Directory(
        areas: [Area(id: "sandy", name: "Sandy", wards: [Ward(id: "sandy", name: "Sandy")])],
        people: [Person(id: "cllr-a", name: "Cllr Ada Ashgrove", kind: .councillor, wards: ["sandy"])])

    static func meeting() -> Meeting {
        let start = LondonTime.parse("2026-12-10T19:00")!
        return Meeting(
            id: "m", kind: .letsTalkTogether, title: "T", area: "sandy", wards: ["sandy"], start: start,
            end: start.addingTimeInterval(7200), venue: Venue(name: "Hall"), status: .confirmed)
    }
}
