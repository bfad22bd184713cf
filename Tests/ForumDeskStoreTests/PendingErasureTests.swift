import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskStore
import ForumDeskTestSupport
import Testing

/// An erasure killed between removing the directory entry and recording it in forumdesk.json is recorded, once,
/// by the next command; one killed before the entry went is not recorded (the rerun records it).
@Suite struct PendingErasureTests {
    func deadPID() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return Int(process.processIdentifier)
    }

    func pending(_ data: String, person: String, token: String) throws {
        let fields: [String: Any] = [
            "pid": try deadPID(), "person": DataStore.personHash(person), "token": token,
            "date": "2026-11-23", "records": 4, "files": 2,
        ]
        try JSONSerialization.data(withJSONObject: fields).write(
            to: URL(fileURLWithPath: data + "/" + DataStore.erasureRecordPrefix + token))
    }

    @Test func test_aKillAfterTheDirectoryEntryWent_isRecordedOnce() throws {
        try withTemporaryFolder { tmp in
            let data = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(data))
            try pending(data, person: "cllr-no-longer-here", token: "e1")
            #expect(store.finishInterruptedErasures().count == 1)
            #expect(store.finishInterruptedErasures().isEmpty, "done once")
            let settings = try readText(data + "/forumdesk.json")
            #expect(settings.components(separatedBy: "\"erasure\": \"e1\"").count == 2, "\(settings)")
            #expect(!FileManager.default.fileExists(atPath: data + "/" + DataStore.erasureRecordPrefix + "e1"))
        }
    }

    @Test func test_aKillBeforeTheDirectoryEntryWent_isNotRecorded() throws {
        try withTemporaryFolder { tmp in
            let data = try copyOfSampleData(into: tmp)
            let store = DataStore(folder: DataFolder(data))
            try pending(data, person: "cllr-cyrus-underhill", token: "e2")
            _ = store.finishInterruptedErasures()
            #expect(!(try readText(data + "/forumdesk.json")).contains("e2"))
            #expect(!FileManager.default.fileExists(atPath: data + "/" + DataStore.erasureRecordPrefix + "e2"))
        }
    }
}
