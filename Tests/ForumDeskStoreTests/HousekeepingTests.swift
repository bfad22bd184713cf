import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct HousekeepingTests {
    @Test func test_abandonedTempFiles_inOutboxExportsAndConflicts_areRemoved() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            // A pid that cannot be running (above the kernel's pid_max).
            let dead = "99999999"
            let temps = [
                "outbox/2026-10-15-sandy-biggleswade-ltt/.20261001T100000-x-request-0.eml.tmp-\(dead)-1",
                "exports/.a-minutes.md.tmp-\(dead)-2", "conflicts/.a-2026-01-01T000000.json.tmp-\(dead)-3",
            ]
            for t in temps { try writeText("half", to: root + "/" + t) }
            try writeText("kept", to: root + "/outbox/2026-10-15-sandy-biggleswade-ltt/20261001T100000-x-request-0.eml")
            #expect(DataStore(folder: DataFolder(root)).removeAbandonedTempFiles() == 3)
            for t in temps { #expect(!FileManager.default.fileExists(atPath: root + "/" + t)) }
            #expect(
                FileManager.default.fileExists(
                    atPath: root + "/outbox/2026-10-15-sandy-biggleswade-ltt/20261001T100000-x-request-0.eml"))
        }
    }

    @Test func test_purgeFiles_areOnlyThoseForumDeskNames() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let id = "2025-12-04-sandy-biggleswade-ltt"
            let ours = [
                "outbox/\(id)/20251101T100000-cllr-x-request-0.eml", "conflicts/\(id)-2025-12-05T101500.json",
                "exports/\(id)-minutes.md", "exports/\(id)-agenda-2.html", "exports/\(id)-minutes.txt",
                // Withdrawn unsent (superseded, or undone and redone): they name their recipients too.
                "outbox-withdrawn/\(id)/cllr-x-request-0.eml", "outbox-withdrawn/\(id)/cllr-x-request-0~2.eml",
                "outbox-withdrawn/\(id)",
                // Sent (with the mail program's log) and handed over but not yet confirmed: the same.
                "sent/\(id)/cllr-x-request-0.eml", "sent/\(id)/cllr-x-request-0.eml.log", "sent/\(id)",
                "outbox-sending/\(id)/cllr-y-request-0.eml", "outbox-sending/\(id)",
            ]
            let theirs = [
                "outbox/\(id)/notes.txt", "conflicts/\(id)-2-2025-12-05T101500.json",
                "exports/\(id)-minutes-final.docx",
                "exports/\(id)-2-minutes.md", "exports/budget.md",
            ]
            for f in ours + theirs where !f.hasSuffix(id) { try writeText("x", to: root + "/" + f) }
            let store = DataStore(folder: DataFolder(root))
            let found = store.generatedFiles(ofMeeting: id).map { String($0.dropFirst(root.count + 1)) }
            #expect(Set(found) == Set(ours), "the outbox folder stays: it holds a file ForumDesk did not write")
            for path in store.generatedFiles(ofMeeting: id) { try store.deleteGenerated(path) }
            for f in theirs { #expect(FileManager.default.fileExists(atPath: root + "/" + f)) }
            #expect(store.generatedFiles(ofMeeting: "../meetings/2026").isEmpty)
        }
    }
}
