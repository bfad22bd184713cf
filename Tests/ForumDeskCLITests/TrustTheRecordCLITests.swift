import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 17's examples, driven through the real binary: ids used as paths, numbers that trapped, output that
/// reached the terminal raw, and `-o` onto things that are not files.
@Suite struct TrustTheRecordCLITests {
    let now = ["--now", "2026-11-23T12:00"]

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture text not found: \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func files(under folder: String) -> [String] {
        // The start-up index is a cache a load may write; the commands' turn lock (an empty file flock(2) holds,
        // kept so that no two commands ever lock different inodes) holds no data.
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasSuffix(".forumdesk-index") && !$0.hasSuffix(".forumdesk-commands.lock") }.sorted()
    }

    /// `../meetings/2026` in a CSV's id column, then a routine purge, deleted every 2026 meeting.
    @Test(arguments: [
        "../meetings/2026", "../../../elsewhere/x", ".hidden", "2027-01-07-x\u{1}y", "/tmp/x",
        String(repeating: "a", count: 300),
    ])
    func test_importCSV_hostileID_isAFileRowError_andNothingIsWritten(id: String) throws {
        let copy = try SampleCopy()
        let csv = copy.folder + "/import.csv"
        try
            "id,Date,Area,Venue\nok-1,8 Jan 2031 7pm,Sandy and Biggleswade,Potton Community Centre\n\"\(id)\",9 Jan 2031 7pm,Sandy and Biggleswade,Potton Community Centre\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let before = files(under: copy.folder)
        let run = try forumdesk(["import", "csv", "meetings", csv, "--data", copy.path] + now)
        #expect(run.status != 0)
        #expect(run.stdout.contains("\(csv):3: id "), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("is not a valid meeting id"))
        #expect(files(under: copy.folder) == before, "nothing was written, not even the good row")
        // And the routine purge afterwards deletes no meeting file.
        let purge = try forumdesk(["purge", "--before", "2026-01-01", "--data", copy.path] + now)
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(files(under: copy.path + "/meetings/2026") == files(under: TestPaths.sampleData + "/meetings/2026"))
    }

    /// A person id with `/` in people.json made notify write e-mails two folders above the data folder.
    @Test func test_personIDWithSlash_isRefusedAtLoad_andNotifyWritesNothingOutside() throws {
        let copy = try SampleCopy()
        try replace(copy.path + "/directory/people.json", "\"id\": \"cllr-", "\"id\": \"../../cllr-")
        let validate = try forumdesk(["validate", "--data", copy.path] + now)
        #expect(validate.status != 0)
        #expect(validate.stdout.contains("people.json:") || validate.stderr.contains("people.json:"))
        #expect((validate.stdout + validate.stderr).contains("is not a valid person id"))
        let before = files(under: copy.folder)
        _ = try forumdesk(["notify", "2026-12-17-sandy-biggleswade-ltt", "--data", copy.path] + now)
        #expect(
            files(under: copy.folder).filter { !$0.hasPrefix("data/") && $0 != "data" }
                == before.filter { !$0.hasPrefix("data/") && $0 != "data" })
        #expect(!FileManager.default.fileExists(atPath: copy.folder + "/../outbox"))
    }

    /// `"minutes": 9223372036854775807` trapped list, dashboard, report and notify while validate said "no problems".
    @Test func test_intMaxMinutes_trapsNothing_andValidateReportsIt() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/2026-12-17-sandy-biggleswade-ltt.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let minutes = try #require(text.range(of: "\"minutes\": [0-9]+", options: .regularExpression))
        try text.replacingCharacters(in: minutes, with: "\"minutes\": 9223372036854775807").write(
            toFile: path, atomically: true, encoding: .utf8)
        let data = ["--data", copy.path]
        for arguments in [
            ["list", "meetings"] + now, ["dashboard"] + now, ["report", "--year", "2026"],
            ["notify", "2026-12-17-sandy-biggleswade-ltt"] + now, ["list", "actions"] + now,
        ] {
            let run = try forumdesk(arguments + data)
            #expect(run.status <= 3, "\(arguments) died: status \(run.status) \(run.stderr)")
        }
        let validate = try forumdesk(["validate"] + data + now)
        #expect(validate.status != 0)
        let all = validate.stdout + validate.stderr
        #expect(all.contains("2026-12-17-sandy-biggleswade-ltt.json:"), "\(all)")
        #expect(all.contains("field `minutes` must be a whole number from 0 to 1440, not 9223372036854775807"))
    }

    @Test func test_dashOutput_refusesAFIFO_aDevice_andASymbolicLink() throws {
        let copy = try SampleCopy()
        let fifo = copy.folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let target = copy.folder + "/target.ics"
        try "mine".write(toFile: target, atomically: true, encoding: .utf8)
        let link = copy.folder + "/link.ics"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        // A device node of our own (as root; 1,3 is glibc's makedev(1, 3), a macro Swift does not import): were the check ever to fail, an atomic write would replace this
        // node, not the machine's /dev/null. Without the right to make one, /dev/null is safe: /dev is not writable.
        let ownDevice = copy.folder + "/null-device"
        let device = mknod(ownDevice, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 ? ownDevice : "/dev/null"
        for (output, kind) in [
            (fifo, "a FIFO (named pipe)"), (device, "a device"), (link, "a symbolic link"), (copy.folder, "a folder"),
        ] {
            let run = try forumdesk(["export", "ics", "-o", output, "--data", copy.path] + now)
            #expect(run.status == 2, "\(output): \(run.status)")
            #expect(run.stderr.contains("is \(kind); -o writes only a regular file or a new path"), "\(run.stderr)")
        }
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine")
        // A regular file and a new path are written.
        #expect(try forumdesk(["export", "ics", "-o", target, "--data", copy.path] + now).status == 0)
        #expect(
            try forumdesk(["export", "ics", "-o", copy.folder + "/new.ics", "--data", copy.path] + now).status == 0)
    }

    @Test func test_listJSON_andParserErrors_putNoRawEscapeOrBidiOverride() throws {
        let copy = try SampleCopy()
        try replace(
            copy.path + "/meetings/2026/2026-12-17-sandy-biggleswade-ltt.json", "\"title\": \"",
            "\"title\": \"\u{202E}evil\\u001b[2J ")
        let run = try forumdesk(["list", "meetings", "--json", "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" })
        #expect(run.stdout.contains("\\u202e"), "the same title, written visibly")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.contains { ($0["title"] as? String)?.hasPrefix("\u{202E}evil\u{1B}[2J") == true } == true)
        for arguments in [
            ["list", "meetings", "--status", "\u{1B}[2J\u{202E}x"], ["list", "\u{1B}]0;owned\u{7}"],
            ["--\u{1B}[31mred"],
        ] {
            let bad = try forumdesk(arguments + ["--data", copy.path])
            #expect(bad.status == 2, "\(arguments)")
            #expect(
                !(bad.stderr + bad.stdout).unicodeScalars.contains {
                    $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7}"
                }, "\(bad.stderr)")
        }
    }

    @Test func test_purge_namesEachFileItDeletes_scrubsExportsAndConflicts_andKeepsOthers() throws {
        let copy = try SampleCopy()
        let old = "2025-12-04-sandy-biggleswade-ltt"
        let ours = [
            "outbox/\(old)/20251101T100000-cllr-x-request-0.eml", "exports/\(old)-minutes.md",
            "exports/\(old)-minutes.html",
            "conflicts/\(old)-2025-12-05T101500.json",
        ]
        let others = [
            "exports/\(old)-notes.md", "exports/2026-12-17-sandy-biggleswade-ltt-agenda.md", "conflicts/readme.txt",
        ]
        for f in ours + others {
            try FileManager.default.createDirectory(
                atPath: ((copy.path + "/" + f) as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try "Cllr Example".write(toFile: copy.path + "/" + f, atomically: true, encoding: .utf8)
        }
        let run = try forumdesk(["purge", "--before", "2026-01-01", "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        for f in ours {
            #expect(run.stdout.contains("deleted \(f)\n"), "\(run.stdout)")
            #expect(!FileManager.default.fileExists(atPath: copy.path + "/" + f))
        }
        #expect(run.stdout.contains("deleted outbox/\(old)\n"))
        for f in others { #expect(FileManager.default.fileExists(atPath: copy.path + "/" + f), "\(f)") }
    }

    @Test func test_purge_doesNotDeleteThroughALinkedOutbox() throws {
        let copy = try SampleCopy()
        let old = "2025-12-04-sandy-biggleswade-ltt"
        let elsewhere = copy.folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "keep".write(toFile: elsewhere + "/a.eml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: copy.path + "/outbox", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: copy.path + "/outbox/\(old)", withDestinationPath: elsewhere)
        let run = try forumdesk(["purge", "--before", "2026-01-01", "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/a.eml"))
    }

    /// A notice a crash left open (`outbox-pending/<meeting>/`): the commands that only read cannot repair it, so
    /// they say so on standard error (validate counts it as a problem) instead of staying silent; the next command
    /// that takes the lock finishes it.
    @Test func test_readOnlyCommands_reportAnOpenNoticeTransaction() throws {
        let copy = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        try FileManager.default.createDirectory(
            atPath: copy.path + "/outbox-pending/\(id)", withIntermediateDirectories: true)
        try "To: x\n".write(
            toFile: copy.path + "/outbox-pending/\(id)/cllr-x-request-9.eml", atomically: true, encoding: .utf8)
        let said = "outbox-pending/\(id): an unfinished notice of meeting \(id)"
        for command in [["list", "meetings"], ["list", "actions"], ["list", "topics"], ["dashboard"]] {
            let run = try forumdesk(command + ["--data", copy.path] + now)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stderr.contains(said), "\(command): \(run.stderr)")
        }
        let validate = try forumdesk(["validate", "--data", copy.path] + now)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains(said), "\(validate.stdout)")
        let notify = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(
            notify.stderr.contains("repaired: interrupted notice of \(id): discarded cllr-x-request-9.eml"),
            "\(notify.stderr)")
        let after = try forumdesk(["list", "meetings", "--data", copy.path] + now)
        #expect(!after.stderr.contains("unfinished"), "\(after.stderr)")
    }

    /// `import csv meetings` shows its progress on a terminal (standard error, rewriting one line) and never in a
    /// pipe or a file, so a script's output stays clean.
    @Test func test_importProgress_showsOnATerminal_only() throws {
        let copy = try SampleCopy()
        let csv = copy.folder + "/many.csv"
        var rows = "id,Date,Area,Venue\n"
        for i in 0..<30 {
            rows += "progress-\(i),\(1 + i % 28) \(i < 28 ? "Feb" : "Mar") 2031 7pm,Sandy and Biggleswade,Hall\n"
        }
        try rows.write(toFile: csv, atomically: true, encoding: .utf8)
        let piped = try forumdesk(["import", "csv", "meetings", csv, "--dry-run", "--data", copy.path] + now)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("\r") && !piped.stdout.contains("\r"), "\(piped.stderr)")
        // script(1) gives the command a terminal; its output (both streams) is what the terminal was sent.
        let command = ([binary, "import", "csv", "meetings", csv, "--data", copy.path] + now).joined(separator: " ")
        let terminal = try forumdesk(["sh", "-c", "script -qec '\(command)' /dev/null"], viaShell: true)
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\rforumdesk: checking row 0 of 30\u{1B}[K"), "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\rforumdesk: writing meeting 30 of 30\u{1B}[K"), "\(terminal.stdout)")
        #expect(terminal.stdout.contains("added 30 meeting(s):"), "\(terminal.stdout)")
    }
}
