import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Who has a meeting open: no lock, a file per meeting and process, ignored once its process is gone.
@Suite struct PresenceTests {
    let now = LondonTime.parse("2026-11-23T12:00")!
    let id = "2026-11-24-sandy-biggleswade-ltt"

    func write(_ folder: String, pid: Int32, host: String, since: String, seen: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: folder + "/.presence", withIntermediateDirectories: true)
        let seenField = seen.map { ", \"seen\": \"\($0)\"" } ?? ""
        try writeText(
            "{\"pid\": \(pid), \"host\": \"\(host)\", \"user\": \"ana\", \"since\": \"\(since)\"\(seenField)}",
            to: folder + "/.presence/\(id).\(host).\(pid).json")
    }

    @Test func test_announceAndWithdraw_ownFileIsNotOthers() {
        withTemporaryFolder { folder in
            let presence = Presence(folder: DataFolder(folder))
            let me = ProcessOwner.current(now: now)
            presence.announce(meetingID: id, owner: me)
            #expect(FileManager.default.fileExists(atPath: folder + "/.presence/\(id).\(me.host).\(me.pid).json"))
            #expect(presence.others(now: now).isEmpty)
            presence.withdraw(meetingID: id, owner: me)
            #expect((try? FileManager.default.contentsOfDirectory(atPath: folder + "/.presence"))?.isEmpty == true)
        }
    }

    @Test func test_liveProcessOnThisHost_isShown_deadOneIsRemoved() throws {
        try withTemporaryFolder { folder in
            let presence = Presence(folder: DataFolder(folder))
            try write(folder, pid: getppid(), host: ProcessOwner.hostName, since: "2026-11-23T09:00")
            #expect(presence.others(now: now)[id]?.first?.pid == getppid())
            try FileManager.default.removeItem(atPath: folder + "/.presence")
            try write(folder, pid: 4_194_000, host: ProcessOwner.hostName, since: "2026-11-23T09:00")
            #expect(presence.others(now: now).isEmpty)
            #expect((try? FileManager.default.contentsOfDirectory(atPath: folder + "/.presence"))?.isEmpty == true)
        }
    }

    /// Another machine's pid cannot be checked: it counts while it has been seen in the last five minutes.
    @Test func test_otherHost_isShownUntilNotSeenForFiveMinutes() throws {
        try withTemporaryFolder { folder in
            let presence = Presence(folder: DataFolder(folder))
            try write(folder, pid: 1, host: "other-laptop", since: "2026-11-23T09:00", seen: "2026-11-23T11:58")
            #expect(presence.others(now: now)[id]?.first?.host == "other-laptop")
            try write(folder, pid: 1, host: "other-laptop", since: "2026-11-23T09:00", seen: "2026-11-23T11:50")
            #expect(presence.others(now: now).isEmpty)
        }
    }

    @Test func test_readOnlyFolder_isReportedAsSuch() {
        guard getuid() != 0 else { return }  // root writes anywhere
        withTemporaryFolder { folder in
            #expect(DataStore.unwritableReason(DataFolder(folder)) == nil)
            chmod(folder, 0o500)
            defer { chmod(folder, 0o700) }
            #expect(DataStore.unwritableReason(DataFolder(folder)) != nil)
        }
    }
}
