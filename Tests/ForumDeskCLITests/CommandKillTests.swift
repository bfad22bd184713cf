import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Every command recovers from its own kill: `scripts/kill-commands` kills `publish`, `import csv meetings`,
/// `person erase` and `purge` with SIGKILL at random moments and runs each again; the rerun must succeed, never
/// report its own file as "changed by someone else", leave no temp file, journal or open transaction, and reach
/// the state of an uninterrupted run. FORUMDESK_KILL_TRIALS sets the trials per command (3 here; the script
/// alone runs 20 by default).
@Suite(.serialized) struct CommandKillTests {
    /// A pid that no process has now: a child that has exited and been reaped.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func test_killedCommands_areFinishedOrUndoneByTheirRerun() throws {
        let trials = ProcessInfo.processInfo.environment["FORUMDESK_KILL_TRIALS"] ?? "3"
        let script = repositoryRoot.appendingPathComponent("scripts/kill-commands").path
        let run = try forumdesk(
            ["sh", "-c", "python3 '\(script)' --trials \(trials) --binary '\(binary)'"], viaShell: true)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        for command in ["publish", "import", "erase", "purge"] {
            #expect(run.stdout.contains("\(command): \(trials) trials"), "\(run.stdout)")
        }
        print(run.stdout)
    }

    /// Temp files of a run that died are removed by the next run of publish (in the site) and of any command that
    /// takes the commands' turn (in the data folder); a live process's are left alone.
    @Test func test_tempFilesOfDeadRuns_areRemoved() throws {
        let copy = try SampleCopy()
        let site = copy.folder + "/site"
        let now = ["--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["publish", "--data", copy.path, "--out", site] + now).status == 0)
        let dead = try deadPID()
        let siteTemp = site + "/meetings/2026/.x.html.tmp-\(dead)-1"
        let dataTemp = copy.path + "/meetings/2026/.x.json.tmp-\(dead)-2"
        let live = copy.path + "/meetings/2026/.y.json.tmp-\(getpid())-3"
        for path in [siteTemp, dataTemp, live] { try "half".write(toFile: path, atomically: false, encoding: .utf8) }
        #expect(try forumdesk(["publish", "--data", copy.path, "--out", site] + now).status == 0)
        #expect(!FileManager.default.fileExists(atPath: siteTemp))
        #expect(try forumdesk(["purge", "--before", "2026-01-01", "--data", copy.path] + now).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dataTemp))
        #expect(FileManager.default.fileExists(atPath: live), "a live process's temp file stays")
        try? FileManager.default.removeItem(atPath: live)
    }

    /// A first publish killed after its first page: the folder is one publish knows, and the next run finishes it.
    @Test func test_aFirstPublishKilledEarly_isFinishedByTheNext() throws {
        let copy = try SampleCopy()
        let site = copy.folder + "/site"
        let now = ["--now", "2026-11-23T12:00"]
        // What a kill right after the first page leaves: the journal manifest and one page.
        #expect(try forumdesk(["publish", "--data", copy.path, "--out", site] + now).status == 0)
        let manifest = try String(contentsOfFile: site + "/.forumdesk-site.json", encoding: .utf8)
        let page = "meetings/2026/2026-12-17-sandy-biggleswade-ltt.html"
        let journal = manifest.replacingOccurrences(
            of: #""hash":"[0-9a-f]+""#, with: #""hash":"""#, options: .regularExpression)
        #expect(journal != manifest)
        let keep = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site)
        try FileManager.default.createDirectory(atPath: site + "/meetings/2026", withIntermediateDirectories: true)
        try journal.write(toFile: site + "/.forumdesk-site.json", atomically: true, encoding: .utf8)
        try keep.write(toFile: site + "/" + page, atomically: true, encoding: .utf8)
        let rerun = try forumdesk(["publish", "--data", copy.path, "--out", site] + now)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        #expect(try String(contentsOfFile: site + "/.forumdesk-site.json", encoding: .utf8) == manifest)
    }
}
