import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Several `forumdesk` processes writing one data folder at once: they take turns (flock), and every change is
/// in the files afterwards.
@Suite struct ConcurrentWritersTests {
    func reply(_ meeting: String, _ name: String, _ email: String, _ answer: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:\(meeting)@forumdesk\r\n"
            + "ATTENDEE;PARTSTAT=\(answer);CN=\(name):mailto:\(email)\r\nSEQUENCE:1\r\nDTSTAMP:20261123T120000Z\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    @Test func test_fiveWritersAtOnce_onDifferentAndTheSameMeeting_loseNothing() throws {
        let copy = try SampleCopy()
        let now = ["--now", "2026-11-23T12:00", "--data", copy.path]
        let shared = "2026-12-01-leighton-buzzard-linslade-ltt"
        #expect(try forumdesk(["notify", shared] + now).status == 0)
        let replyA = copy.folder + "/a.ics", replyB = copy.folder + "/b.ics", csv = copy.folder + "/new.csv"
        try reply(shared, "Cllr Marisol Yewdale", "marisol.yewdale@councillors.example.org", "ACCEPTED")
            .write(toFile: replyA, atomically: true, encoding: .utf8)
        try reply(shared, "Cllr Leon Emberton", "leon.emberton@councillors.example.org", "DECLINED")
            .write(toFile: replyB, atomically: true, encoding: .utf8)
        try
            "Date,Area,Venue,Wards,Status\n14 Jan 2027 7pm,Sandy and Biggleswade,Potton Community Centre,Potton,planned\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let writers = try [
            ["notify", "2026-12-17-sandy-biggleswade-ltt"],  // a different meeting
            ["notify", "2026-12-10-flitwick-ward-forum"],  // another one (a cancellation)
            ["import", "reply", replyA],  // the same meeting, twice
            ["import", "reply", replyB],
            ["import", "csv", "meetings", csv],  // a new meeting file
        ].map { try start($0 + now) }
        for (process, err) in writers {
            let stderr = String(decoding: readAll(err.fileHandleForReading), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(process.arguments ?? []): \(stderr)")
        }
        func notifications(_ id: String) throws -> [[String: Any]] {
            let url = URL(fileURLWithPath: "\(copy.path)/meetings/\(id.prefix(4))/\(id).json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            return json["notifications"] as? [[String: Any]] ?? []
        }
        let replies = try notifications(shared).compactMap { n in
            (n["councillor"] as? String).map { ($0, n["reply"] as? String) }
        }
        #expect(replies.contains { $0 == ("cllr-marisol-yewdale", "accepted") })
        #expect(replies.contains { $0 == ("cllr-leon-emberton", "declined") })
        #expect(
            try notifications("2026-12-17-sandy-biggleswade-ltt").contains {
                $0["councillor"] as? String == "cllr-tamsin-lanternby"
            })
        #expect(
            try notifications("2026-12-10-flitwick-ward-forum").contains { $0["kind"] as? String == "cancellation" })
        #expect(
            FileManager.default.fileExists(atPath: copy.path + "/meetings/2027/2027-01-14-sandy-biggleswade-ltt.json"))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/.forumdesk.lock"))
        // Every file is still valid.
        #expect(try forumdesk(["validate"] + now).status == 0)
    }
}
