import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskStore
import ForumDeskCore

/// A disk whose n-th changing system call (create, write, fsync, rename, folder sync, mkdir) fails with EIO:
/// run with n = 1, 2, 3… it injects a fault at every step of a transaction in turn.
final class StepFaultDisk: FileSystem, @unchecked Sendable {
    let real = PosixFileSystem()
    let failAt: Int
    private(set) var calls = 0
    private(set) var failed: String?

    init(failAt: Int) { self.failAt = failAt }

    private func step(_ name: String, _ path: String) throws(SystemCallError) {
        calls += 1
        if calls == failAt {
            failed = "\(name) \(path)"
            throw SystemCallError(operation: name, path: path, code: EIO)
        }
    }
    func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32 {
        try step("create", path)
        return try real.openForCreate(path, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        try step("write", path)
        try real.write(fd, bytes, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(SystemCallError) {
        try step("fsync", path)
        try real.fsync(fd, path: path)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, _ to: String) throws(SystemCallError) {
        try step("rename", to)
        try real.rename(from, to)
    }
    func link(_ from: String, _ to: String) throws(SystemCallError) {
        try step("link", to)
        try real.link(from, to)
    }
    func fsyncDirectory(_ path: String) throws(SystemCallError) {
        try step("fsync folder", path)
        try real.fsyncDirectory(path)
    }
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        try step("mkdir", path)
        try real.makeDirectory(path, mode: mode)
    }
    func remove(_ path: String) { real.remove(path) }
    func read(_ path: String) throws(SystemCallError) -> [UInt8] { try real.read(path) }
    func status(_ path: String) throws(SystemCallError) -> FileStatus? { try real.status(path) }
    func list(_ directory: String) throws(SystemCallError) -> [String] { try real.list(directory) }
}

@Suite struct NoticeTransactionTests {
    static let id = "2026-12-17-sandy-biggleswade-ltt"
    static let tamsin = "cllr-tamsin-lanternby"
    static let now = LondonTime.parse("2026-11-23T12:00")!

    /// Records an e-mail notice to each person at the meeting's current details, with its e-mail.
    static func notify(
        _ store: DataStore, _ data: inout DataSet, _ people: [String], at now: Date = now
    ) throws(SaveError) {
        var m = data.meeting(id)!
        var mails: [String: String] = [:]
        for person in people {
            let notice = CouncillorNotification(
                councillor: person, at: now, method: .email, sequence: m.sequence,
                start: m.start, end: m.end, venue: m.venue.name)
            m.notifications.append(notice)
            mails[NoticeOutbox.fileName(of: notice)] = "To: \(person)\nSEQUENCE:\(m.sequence)\n"
        }
        try store.save(m, in: &data, mails: mails)
    }

    /// The meeting half an hour later, with its sequence raised (a change of time).
    static func moved(_ m: Meeting, minutes: Double = 30) -> Meeting {
        var m = m
        m.start += minutes * 60
        m.end += minutes * 60
        m.sequence += 1
        return m
    }

    static func outbox(_ folder: String) -> [String] { listing("\(folder)/outbox/\(id)").filter { !$0.hasPrefix(".") } }
    static func withdrawn(_ folder: String) -> [String] { listing("\(folder)/outbox-withdrawn/\(id)") }

    /// The outbox holds only what the record on disk holds (no e-mail of an unrecorded or withdrawn notice), and
    /// every notice this test recorded is there; no transaction is left open.
    static func checkAgreement(_ folder: String, added: Set<String>, _ context: String) {
        let record = DataStore(folder: DataFolder(folder)).load().meeting(id)!
        let expected = NoticeOutbox.expected(record.notifications)
        let files = Set(outbox(folder))
        #expect(
            files.isSubset(of: expected), "\(context): in the outbox but not recorded: \(files.subtracting(expected))")
        #expect(
            added.intersection(expected).isSubset(of: files),
            "\(context): recorded but not in the outbox: \(added.intersection(expected).subtracting(files))")
        #expect(
            !FileManager.default.fileExists(atPath: "\(folder)/outbox-pending/\(id)"),
            "\(context): transaction left open")
    }

    /// A fresh copy of the sample data, its store and what it loads.
    static func withSample(_ body: (String, DataStore, inout DataSet) throws -> Void) throws {
        try withTemporaryFolder { tmp in
            let folder = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(folder))
            var data = store.load()
            try body(folder, store, &data)
        }
    }

    @Test func test_notice_isRecordedAndInTheOutbox_andRepeatingItWritesNoDuplicate() throws {
        try Self.withSample { folder, store, data in
            try Self.notify(store, &data, [Self.tamsin])
            #expect(Self.outbox(folder) == ["\(Self.tamsin)-request-0.eml"])
            // The same meeting saved again, with the same mails: nothing new is written.
            let m = data.meeting(Self.id)!
            try store.save(m, in: &data, mails: ["\(Self.tamsin)-request-0.eml": "again"])
            #expect(Self.outbox(folder) == ["\(Self.tamsin)-request-0.eml"])
            #expect(try readText("\(folder)/outbox/\(Self.id)/\(Self.tamsin)-request-0.eml").hasPrefix("To: "))
        }
    }

    @Test func test_undo_withdrawsTheEmail_andRedoPutsTheSameOneBack() throws {
        try Self.withSample { folder, store, data in
            let before = data.meeting(Self.id)!
            try Self.notify(store, &data, [Self.tamsin])
            let after = data.meeting(Self.id)!
            let text = try readText("\(folder)/outbox/\(Self.id)/\(Self.tamsin)-request-0.eml")
            try store.save(before, in: &data)  // undo
            #expect(Self.outbox(folder).isEmpty)
            #expect(Self.withdrawn(folder) == ["\(Self.tamsin)-request-0.eml"])
            try store.save(after, in: &data)  // redo
            #expect(Self.outbox(folder) == ["\(Self.tamsin)-request-0.eml"])
            #expect(try readText("\(folder)/outbox/\(Self.id)/\(Self.tamsin)-request-0.eml") == text)
        }
    }

    /// Undo and redo again and again keep one copy of the e-mail among the withdrawn, not one per undo
    /// (`~2.eml`, `~3.eml`…); an e-mail edited by hand in the outbox is kept beside it as a numbered copy.
    @Test func test_undoRedoRepeated_keepsOneWithdrawnCopy_andAHandEditedOneBesideIt() throws {
        try Self.withSample { folder, store, data in
            let before = data.meeting(Self.id)!
            try Self.notify(store, &data, [Self.tamsin])
            let after = data.meeting(Self.id)!
            let name = "\(Self.tamsin)-request-0.eml"
            for _ in 1...3 {
                try store.save(before, in: &data)  // undo
                try store.save(after, in: &data)  // redo
            }
            try store.save(before, in: &data)
            #expect(Self.outbox(folder).isEmpty)
            #expect(Self.withdrawn(folder) == [name])
            try store.save(after, in: &data)
            try writeText("edited by hand", to: "\(folder)/outbox/\(Self.id)/\(name)")
            try store.save(before, in: &data)
            #expect(Self.withdrawn(folder) == [name, "\(Self.tamsin)-request-0~2.eml"])
            #expect(
                try readText("\(folder)/outbox-withdrawn/\(Self.id)/\(Self.tamsin)-request-0~2.eml") == "edited by hand"
            )
        }
    }

    @Test func test_update_withdrawsTheSupersededEmail_andRecordsIt() throws {
        try Self.withSample { folder, store, data in
            try Self.notify(store, &data, [Self.tamsin])
            try store.save(Self.moved(data.meeting(Self.id)!), in: &data)
            let later = Self.now.addingTimeInterval(60)
            try Self.notify(store, &data, [Self.tamsin], at: later)
            #expect(Self.outbox(folder) == ["\(Self.tamsin)-request-1.eml"])
            #expect(Self.withdrawn(folder) == ["\(Self.tamsin)-request-0.eml"])
            let record = store.load().meeting(Self.id)!.notifications.filter { $0.councillor == Self.tamsin }
            #expect(record.map(\.withdrawn) == [later, nil])
        }
    }

    @Test func test_aNoticeWithoutItsEmail_isRefused() throws {
        try Self.withSample { folder, store, data in
            let path = data.path(ofMeeting: Self.id)!
            let bytes = try readText(path)
            var m = data.meeting(Self.id)!
            m.notifications.append(CouncillorNotification(councillor: Self.tamsin, at: Self.now, method: .email))
            #expect(throws: SaveError.noticeNotWritten(path: path, person: Self.tamsin)) {
                try store.save(m, in: &data)
            }
            #expect(try readText(path) == bytes)
            // By letter there is no e-mail to write: that saves.
            m.notifications[m.notifications.count - 1].method = .letter
            try store.save(m, in: &data)
        }
    }

    /// Moving a December meeting into January while a colleague's edit sits in the December file: nothing is
    /// written or deleted, and the conflict names the December file.
    @Test func test_moveToAnotherYear_checksTheOldFile() throws {
        try Self.withSample { folder, store, data in
            let path = data.path(ofMeeting: Self.id)!
            let theirs = try readText(path).replacingOccurrences(
                of: "\"residentsPresent\": null", with: "\"residentsPresent\": 12")
            try writeText(theirs, to: path)
            var m = data.meeting(Self.id)!
            m.start = LondonTime.parse("2027-01-14T19:00")!
            m.end = LondonTime.parse("2027-01-14T21:00")!
            #expect(throws: SaveError.changedOnDisk(path: path)) { try store.save(m, in: &data) }
            #expect(try readText(path) == theirs)
            #expect(!FileManager.default.fileExists(atPath: "\(folder)/meetings/2027/\(Self.id).json"))
            // Unchanged, the move goes through and the old file goes.
            data = store.load()
            try store.save(m, in: &data)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(FileManager.default.fileExists(atPath: "\(folder)/meetings/2027/\(Self.id).json"))
        }
    }

    enum Scenario: String, CaseIterable, Sendable { case firstNotice, update, undoOfUpdate }

    /// A fault at every changing system call of each kind of notice transaction, then the next start's repair:
    /// the outbox and the record agree; a save reported as failed recorded nothing and left nothing in the outbox.
    @Test(arguments: Scenario.allCases)
    func test_faultAtEveryStep_outboxAndRecordAgree(scenario: Scenario) throws {
        var step = 1, faults = 0
        while true {
            let done: Bool = try withTemporaryFolder { tmp in
                let folder = try copyOfSampleData(into: tmp)
                let real = DataStore(folder: DataFolder(folder))
                var data = real.load()
                // Set up with the real disk; only the transaction under test meets the fault.
                if scenario != .firstNotice {
                    try Self.notify(real, &data, [Self.tamsin])
                    try real.save(Self.moved(data.meeting(Self.id)!), in: &data)
                }
                if scenario == .undoOfUpdate { try Self.notify(real, &data, [Self.tamsin], at: Self.now + 60) }
                let undoTo = data.meeting(Self.id)!
                if scenario == .undoOfUpdate { data = real.load() }
                let disk = StepFaultDisk(failAt: step)
                let store = DataStore(folder: DataFolder(folder), fs: disk)
                let context = "\(scenario) fault at step \(step)"
                var reported: SaveError?
                do throws(SaveError) {
                    switch scenario {
                    case .firstNotice, .update: try Self.notify(store, &data, [Self.tamsin], at: Self.now + 60)
                    case .undoOfUpdate:
                        var previous = undoTo
                        previous.notifications.removeLast()
                        previous.notifications[previous.notifications.count - 1].withdrawn = nil
                        try store.save(previous, in: &data)
                    }
                } catch {
                    reported = error
                }
                guard disk.failed != nil else { return true }  // no step left to fail
                faults += 1
                let newName = "\(Self.tamsin)-request-\(scenario == .firstNotice ? 0 : 1).eml"
                let onDisk = real.load().meeting(Self.id)!
                let recorded = NoticeOutbox.expected(onDisk.notifications).contains(newName)
                switch reported {
                case .failed(_, let cause)? where !cause.replaced:
                    // Reported as not saved: the record is as before, and so is the outbox.
                    #expect(recorded == (scenario == .undoOfUpdate), "\(context): \(disk.failed!)")
                    #expect(
                        Self.outbox(folder).contains(newName) == (scenario == .undoOfUpdate),
                        "\(context): \(disk.failed!)")
                default:
                    break
                }
                // The next start finishes or rolls back what the fault interrupted.
                _ = real.recoverNotices()
                Self.checkAgreement(folder, added: [newName, "\(Self.tamsin)-request-0.eml"], context)
                return false
            }
            if done { break }
            step += 1
        }
        #expect(faults >= 8, "\(scenario): only \(faults) steps")
        print("notice transaction \(scenario): a fault injected at each of \(faults) steps")
    }
}
