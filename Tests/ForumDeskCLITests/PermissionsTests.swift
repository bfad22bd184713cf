import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Whatever the umask, what ForumDesk writes is private to the user: files 0600, folders 0700.
@Suite struct PermissionsTests {
    func modes(_ root: String) -> [String: (mode: mode_t, bytes: Data)] {
        var result: [String: (mode_t, Data)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let name = enumerator?.nextObject() as? String {
            var info = stat()
            stat(root + "/" + name, &info)
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            result[name] = (
                info.st_mode & 0o777,
                isFolder ? Data() : (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + name))) ?? Data()
            )
        }
        return result
    }

    /// Every file and folder a command writes has the data folder's modes, whatever the umask: private (0600,
    /// 0700), or readable by the group (0640, 2750) when the folder is shared by the setting. Every writer is run:
    /// a saved meeting, a notice's e-mail, an import's batch, an e-mail sent, letters, the index, a purge, and (outside
    /// the data folder, where the user's own -o path and `generate` stay private) exports.
    @Test(arguments: [("000", false), ("022", false), ("077", false), ("000", true), ("077", true)])
    func test_everyFileWritten_hasTheFoldersModes(umask: String, sharedWithGroup: Bool) throws {
        let copy = try SampleCopy()
        let settings = copy.path + "/forumdesk.json"
        var text = try String(contentsOfFile: settings, encoding: .utf8)
        // A mail program that accepts everything, so that `send` moves e-mails to sent/ and writes their logs.
        try copy.setMailProgram(["/bin/sh", "-c", "cat >/dev/null"])
        text = text.replacingOccurrences(
            of: "\"schema\": 1,", with: "\"schema\": 1," + (sharedWithGroup ? "\n  \"sharedWithGroup\": true," : ""))
        try text.write(toFile: settings, atomically: true, encoding: .utf8)
        let before = modes(copy.folder)
        let csv = copy.folder + "/new.csv"
        var sheet =
            "Date,Area,Venue,Wards,Status\n8 Jan 2031 7pm,Sandy and Biggleswade,Potton Community Centre,Potton,planned\n"
        // a batch, in a new year folder
        for day in 1...3 { sheet += "\(day) Mar 2032 7pm,Leighton Rural,Hall \(day),,planned\n" }
        try sheet.write(toFile: csv, atomically: true, encoding: .utf8)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        for arguments in [
            ["notify", "2026-12-17-sandy-biggleswade-ltt"],  // outbox folder and e-mail, meeting saved
            ["send"],  // sent/ folder, the e-mails moved and their logs
            ["letters", "2027-01-12-ampthill-flitwick-ltt"],  // letters/ folder, the letters (HTML, PDF), meeting saved
            ["remind"],  // outbox/reminders/, actions saved with their reminders
            ["brief"],  // outbox/briefings/
            ["import", "csv", "meetings", csv],  // new year folders and meeting files
            ["list", "meetings"],  // the start-up index
            ["export", "csv", "actions", "-o", copy.folder + "/exports/actions.csv"],
            ["export", "minutes", "2026-10-15-sandy-biggleswade-ltt", "-o", copy.folder + "/exports/minutes.html"],
            ["generate", "--meetings", "20", "--out", copy.folder + "/generated"],
            ["purge", "--before", "2026-01-01"],
        ] {
            let run = try forumdesk(
                ["sh", "-c", "umask \(umask); exec \"$0\" \"$@\"", binary] + arguments
                    + (arguments[0] == "generate" ? [] : data),
                viaShell: true)
            // `remind` says 1 when an owner has no e-mail address (the sample has one).
            #expect(run.status == 0 || (arguments[0] == "remind" && run.status == 1), "\(arguments): \(run.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: copy.path + "/sent/2026-12-17-sandy-biggleswade-ltt"))
        #expect(
            FileManager.default.fileExists(atPath: copy.path + "/outbox/reminders")
                && FileManager.default.fileExists(atPath: copy.path + "/outbox/briefings"))
        let after = modes(copy.folder)
        var checked = 0
        for (name, now) in after where name != "new.csv" {
            let old = before[name]
            guard old == nil || old?.bytes != now.bytes else { continue }  // untouched sample files keep their mode
            let isFolder =
                now.bytes.isEmpty
                && (try? FileManager.default.contentsOfDirectory(atPath: copy.folder + "/" + name)) != nil
            if old != nil && isFolder { continue }
            let shared = sharedWithGroup && name.hasPrefix("data/")
            let expected: mode_t = isFolder ? (shared ? 0o750 : 0o700) : (shared ? 0o640 : 0o600)
            #expect(
                now.mode == expected,
                "umask \(umask), shared \(sharedWithGroup): \(name) is \(String(now.mode, radix: 8))")
            checked += 1
        }
        #expect(checked > 30)
    }
}
