import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct ProcessOwnerAndSharingTests {
    /// Left before a reboot: its pid (1) is running, but it is another process now.
    @Test func test_ownerWhosePidNowBelongsToAnotherProcess_isGone() throws {
        guard let running = ProcessOwner.processStart(1) else { return }  // no /proc: the start time cannot be known
        let host = ProcessOwner.hostName
        #expect(
            ProcessOwner(pid: 1, host: host, user: "ana", since: Date(), started: "another-boot/12345").isGone(
                now: Date()))
        #expect(!ProcessOwner(pid: 1, host: host, user: "ana", since: Date(), started: running).isGone(now: Date()))
        #expect(!ProcessOwner(pid: 1, host: host, user: "ana", since: Date()).isGone(now: Date()))
    }

    /// kill(-1, 0) asks about every process: a file saying pid -1 is unreadable, never a live owner.
    @Test(arguments: ["-1", "0", "-2147483648", "99999999999"])
    func test_ownerWithAPidOutOfRange_isUnreadable(pid: String) {
        let text = "{\"pid\": \(pid), \"host\": \"h\", \"user\": \"someone-else\", \"since\": \"2026-11-29T10:00\"}"
        #expect(ProcessOwner.from(Array(text.utf8)) == nil)
    }

    /// Shared by the folder's setgid bit, or by the setting: files colleagues can read, the lock among them.
    @Test(arguments: ["setgid", "setting"])
    func test_groupSharedFolder_writesGroupReadableFiles_andPresence(sharedBy: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            if sharedBy == "setgid" {
                #expect(chmod(root, 0o2770) == 0)
            } else {
                let settings = root + "/forumdesk.json"
                try readText(settings).replacingOccurrences(
                    of: "\"schema\": 1,", with: "\"schema\": 1,\n  \"sharedWithGroup\": true,"
                )
                .write(toFile: settings, atomically: true, encoding: .utf8)
            }
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            var m = try #require(data.meeting("2026-10-15-sandy-biggleswade-ltt"))
            m.title = "Shared"
            try store.save(m, in: &data)
            #expect(mode(of: root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json") == 0o640)
            let outbox = try store.writeGenerated("x", to: "outbox/\(m.id)/a.eml")
            #expect(mode(of: outbox) == 0o640)
            #expect(mode(of: root + "/outbox/\(m.id)") & 0o750 == 0o750)
            try store.writeDigest("x", named: "nikhil-kestrel-reminder-20261123T090000.eml", in: "reminders")
            #expect(mode(of: root + "/outbox/reminders/nikhil-kestrel-reminder-20261123T090000.eml") == 0o640)
            let me = ProcessOwner.current(now: Date())
            Presence(folder: DataFolder(root)).announce(meetingID: m.id, owner: me)
            #expect(mode(of: root + "/.presence/\(m.id).\(me.host).\(me.pid).json") == 0o640)
        }
    }
}
