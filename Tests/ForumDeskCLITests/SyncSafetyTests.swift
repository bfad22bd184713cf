import Foundation
import ForumDeskTestSupport
import Testing

/// Sharing that never loses a teammate's work, never spreads a broken file, and never trusts what it pulls
/// (issue 33): a killed sync's leftovers, files nobody can read, links, plain-git teammates.
@Suite struct SyncSafetyTests {
    let minuted = "2026-11-26-leighton-rural-ltt"
    let other = "2026-12-17-sandy-biggleswade-ltt"

    /// Plain git run as a teammate would, with an identity.
    func plainGit(_ team: Team, _ arguments: [String], in folder: String, user: String = "Ivy IT") throws -> (status: Int32, output: String) {
        let run = try runProgram(["git", "-C", folder, "-c", "user.name=\(user)", "-c", "user.email=ivy@example.org"] + arguments,
                                 environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
        return (run.status, run.out)
    }

    /// Every git lock a killed process can leave (`HEAD.lock`, a branch's, the index's): the next sync removes them.
    @Test(arguments: [".git/HEAD.lock", ".git/index.lock", ".git/refs/heads/master.lock", ".git/config.lock"])
    func test_staleLockOfAKilledGit_isRemovedByTheNextSync(lock: String) throws {
        let team = try Team()
        try team.edit(team.laptopA, other) { $0["title"] = "Retitled on A" }
        #expect(FileManager.default.createFile(atPath: team.laptopA + "/" + lock, contents: Data()))
        let run = try team.sync(team.laptopA)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("removed 1 lock"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: team.laptopA + "/" + lock))
        #expect(try team.git(["show", "HEAD:meetings/2026/\(other).json"], in: team.remote).contains("Retitled on A"))
    }

    /// A sync killed after git wrote the team's files into the folder but before it recorded the merge: the next
    /// sync puts those files back rather than committing them as the officer's own edit, so the teammate's newer
    /// value is not beaten by the stale one.
    @Test func test_mergeKilledAfterTheFilesWereWritten_isNotCommittedAsTheOfficersEdit() throws {
        let team = try Team()
        try team.edit(team.desk, other) { $0["title"] = "Desk, first" }
        #expect(try team.sync(team.desk, user: "Cleo Desk").status == 0)
        // Laptop A's sync: committed its own edit, fetched, and git had written the desk's file when it was killed.
        try team.edit(team.laptopA, minuted) { $0["residentsPresent"] = 31 }
        #expect(try plainGit(team, ["commit", "-qam", "Ana's own edit"], in: team.laptopA, user: "Ana Note").status == 0)
        let head = try team.git(["rev-parse", "HEAD"], in: team.laptopA).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try team.git(["fetch", "-q", "origin"], in: team.laptopA)
        let theirs = try team.git(["rev-parse", "@{u}"], in: team.laptopA).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try team.git(["checkout", theirs, "--", "meetings/2026/\(other).json"], in: team.laptopA)
        _ = try team.git(["reset", "-q"], in: team.laptopA)
        let journal = #"{"phase": "merge", "head": "\#(head)", "theirs": "\#(theirs)", "pid": "999999"}"#
        try journal.write(toFile: team.laptopA + "/.git/forumdesk-sync.json", atomically: true, encoding: .utf8)
        // Meanwhile the desk changes the title again.
        try team.edit(team.desk, other) { $0["title"] = "Desk, second" }
        #expect(try team.sync(team.desk, user: "Cleo Desk").status == 0)
        let run = try team.sync(team.laptopA, user: "Ana Note")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("undid the part of a merge"), "\(run.stdout)")
        for folder in [team.laptopA, team.desk] {
            if folder == team.desk { #expect(try team.sync(folder, user: "Cleo Desk").status == 0) }
            #expect(try team.meeting(folder, other)["title"] as? String == "Desk, second", "\(folder)")
            #expect(try team.meeting(folder, minuted)["residentsPresent"] as? Int == 31, "\(folder)")
        }
        // No commit by Ana touches the desk's meeting.
        let anas = try team.git(["log", "--no-merges", "--author=Ana Note", "--format=%h", "--", "meetings/2026/\(other).json"], in: team.laptopA)
        #expect(anas.isEmpty, "\(anas)")
    }

    /// A teammate who used plain `git pull` pushed a meeting with conflict markers: sync merges nothing, pushes
    /// nothing, names the file, the commit and its author, and exits 3; the folder's own copy stays readable.
    @Test func test_conflictMarkersPushedByAPlainGitTeammate_stopTheSync_namingFileCommitAndAuthor() throws {
        let team = try Team()
        let path = "meetings/2026/\(minuted).json"
        var text = try String(contentsOfFile: team.file(team.laptopB, minuted), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"title\":", with: "<<<<<<< HEAD\n\"title\":", options: [], range: text.range(of: "\"title\":"))
        text = text.replacingOccurrences(of: "\"title\":", with: "=======\n>>>>>>> origin\n\"title\":", options: [], range: text.range(of: "\"title\":", options: .backwards))
        try text.write(toFile: team.file(team.laptopB, minuted), atomically: true, encoding: .utf8)
        #expect(try plainGit(team, ["commit", "-qam", "merged by hand"], in: team.laptopB).status == 0)
        #expect(try plainGit(team, ["push", "-q", "origin", "HEAD"], in: team.laptopB).status == 0)
        try team.edit(team.laptopA, other) { $0["title"] = "Work on A" }
        let before = try team.git(["rev-parse", "HEAD"], in: team.remote)
        let run = try team.sync(team.laptopA)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(path) && run.stderr.contains("conflict markers") && run.stderr.contains("Ivy IT"), "\(run.stderr)")
        #expect(try team.git(["rev-parse", "HEAD"], in: team.remote) == before)
        try team.validate(team.laptopA)
        // validate names the markers as such in the teammate's folder.
        let broken = try forumdesk(["validate", "--data", team.laptopB, "--now", "2026-11-23T12:00"])
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("conflict markers"), "\(broken.stdout)\(broken.stderr)")
    }

    /// A file this folder cannot read is never committed: the sync stops before it, naming the file.
    @Test func test_unreadableLocalFile_isNotCommitted() throws {
        let team = try Team()
        try "{ \"schema\": 1, \"id\": ".write(toFile: team.file(team.laptopA, minuted), atomically: true, encoding: .utf8)
        let run = try team.sync(team.laptopA)
        #expect(run.status == 3)
        #expect(run.stderr.contains("meetings/2026/\(minuted).json"), "\(run.stderr)")
        #expect(try team.git(["status", "--porcelain"], in: team.laptopA).contains(minuted))
        #expect(!(try team.git(["show", "HEAD:meetings/2026/\(minuted).json"], in: team.remote).contains("\"id\": \n")))
    }

    /// Git stores links: a commit that makes `outbox/` or a meeting file a link is refused, and git here checks
    /// links out as plain files, so nothing is ever read or written through one.
    @Test(arguments: ["outbox", "meetings/2026/2026-11-26-leighton-rural-ltt.json"])
    func test_symbolicLinkCommittedByATeammate_isRefused(linked: String) throws {
        let team = try Team()
        let place = team.laptopB + "/" + linked
        try? FileManager.default.removeItem(atPath: place)
        try FileManager.default.createSymbolicLink(atPath: place, withDestinationPath: "/tmp")
        #expect(try plainGit(team, ["add", "-A"], in: team.laptopB).status == 0)
        #expect(try plainGit(team, ["commit", "-qm", "link"], in: team.laptopB).status == 0)
        #expect(try plainGit(team, ["push", "-q", "origin", "HEAD"], in: team.laptopB).status == 0)
        let run = try team.sync(team.laptopA)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(linked) && run.stderr.contains("symbolic link"), "\(run.stderr)")
        var isLink = false
        if let type = try? FileManager.default.attributesOfItem(atPath: team.laptopA + "/" + linked)[.type] as? FileAttributeType {
            isLink = type == .typeSymbolicLink
        }
        #expect(!isLink)
        #expect(try team.git(["config", "core.symlinks"], in: team.laptopA).contains("false"))
    }

    /// Plain git works beside sync: a bare remote whose HEAD names `master` gets the data on `master` (a plain
    /// clone checks it out), and `git pull` works in a folder made by sync.
    @Test func test_plainGitClone_andPull_workWithAFolderMadeBySync() throws {
        let team = try Team()
        let heads = try team.git(["for-each-ref", "--format=%(refname)", "refs/heads"], in: team.remote)
        #expect(heads.split(separator: "\n").count == 1, "\(heads)")
        let clone = team.root + "/plain-clone"
        _ = try team.git(["clone", "-q", team.remote, clone], in: team.root)
        #expect(FileManager.default.fileExists(atPath: team.file(clone, minuted)))
        // A teammate pushes with plain git; `git pull` in the desk's folder (made by sync) merges it.
        try team.edit(clone, other) { $0["title"] = "From a plain clone" }
        #expect(try plainGit(team, ["commit", "-qam", "plain edit"], in: clone).status == 0)
        #expect(try plainGit(team, ["push", "-q"], in: clone).status == 0)
        let pull = try plainGit(team, ["pull", "-q"], in: team.desk)
        #expect(pull.status == 0, "\(pull.output)")
        #expect(try team.meeting(team.desk, other)["title"] as? String == "From a plain clone")
    }
}

/// A program named in the shared folder is never run (issue 33): `"sendmail"` in forumdesk.json, set by a
/// teammate's commit or anyone who can write the shared drive, is ignored with a warning; the machine's
/// configuration names the program.
@Suite struct MachineSettingsTests {
    @Test func test_mailProgramInTheSharedFolder_isNeverRun_theMachinesIs() throws {
        let copy = try SampleCopy()
        let witness = copy.folder + "/ran"
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "\"council\":", with: "\"sendmail\": [\"/bin/sh\", \"-c\", \"touch \(witness)\"],\n  \"council\":")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let now = ["--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["notify", "2026-12-17-sandy-biggleswade-ltt", "--data", copy.path] + now).status == 0)
        let accepted = copy.folder + "/accepted"
        try copy.setMailProgram(["/bin/sh", "-c", "cat > /dev/null; touch \(accepted)"])
        let run = try forumdesk(["send", "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("is ignored"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: witness))
        #expect(FileManager.default.fileExists(atPath: accepted))
    }

    /// A machine configuration that cannot be read stops `send` with the file, the line and the reason.
    @Test func test_unreadableMachineConfiguration_isNamed() throws {
        let copy = try SampleCopy()
        try "{ \"sendmail\": \"msmtp\" }".write(toFile: copy.machineConfig, atomically: true, encoding: .utf8)
        let run = try forumdesk(["send", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("machine-config.json") && run.stderr.contains("sendmail"), "\(run.stderr)")
    }
}

/// No symbolic link in the data folder is followed, for reading or writing (issue 33).
@Suite struct DataFolderLinkTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]

    /// A meeting file that is a link to a valid meeting elsewhere is not read, and `validate` names it.
    @Test func test_meetingFileThatIsALink_isNotRead_andValidateNamesIt() throws {
        let copy = try SampleCopy()
        let file = copy.path + "/meetings/2026/\(id).json"
        let outside = copy.folder + "/outside.json"
        try FileManager.default.moveItem(atPath: file, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: outside)
        let run = try forumdesk(["validate", "--data", copy.path] + now)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("\(id).json") && run.stdout.contains("symbolic link"), "\(run.stdout)")
    }

    /// Every folder e-mails are written to or moved through, made a link: `notify` and `send` write nothing
    /// through it (the councillors' e-mails stay inside the data folder or are not written), and say why.
    @Test(arguments: ["outbox", "outbox-pending", "outbox-sending", "sent"])
    func test_mailFolderThatIsALink_isNeverWrittenThrough(folder: String) throws {
        let copy = try SampleCopy()
        let elsewhere = copy.folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: copy.path + "/" + folder)
        try FileManager.default.createSymbolicLink(atPath: copy.path + "/" + folder, withDestinationPath: elsewhere)
        try copy.setMailProgram(["/bin/sh", "-c", "cat >/dev/null"])
        let notify = try forumdesk(["notify", id, "--data", copy.path] + now)
        _ = try forumdesk(["send", "--data", copy.path] + now)
        let written = try FileManager.default.subpathsOfDirectory(atPath: elsewhere)
        #expect(written.isEmpty, "\(folder): \(written) \(notify.stdout)\(notify.stderr)")
    }
}

/// Conflicts in plain view (issue 33): one in the directory (which no meeting holds) is listed by the dashboard
/// and `forumdesk conflicts`, and resolved from the command line.
@Suite struct ConflictsCommandTests {
    @Test func test_directoryConflict_isListed_andResolvedFromTheCommandLine() throws {
        let team = try Team()
        func setPhone(_ folder: String, _ phone: String) throws {
            let path = folder + "/directory/people.json"
            var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            var people = try #require(json["people"] as? [[String: Any]])
            let i = try #require(people.firstIndex { ($0["phone"] as? String) != nil })
            people[i]["phone"] = phone
            json["people"] = people
            try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        }
        try setPhone(team.laptopA, "07700 900991")
        try setPhone(team.laptopB, "07700 900992")
        #expect(try team.sync(team.laptopA).status == 0)
        let synced = try team.sync(team.laptopB)
        #expect(synced.status == 1, "\(synced.stdout)\(synced.stderr)")
        #expect(synced.stderr.contains("forumdesk conflicts"), "\(synced.stderr)")
        let now = ["--now", "2026-11-23T12:00"]
        let listed = try forumdesk(["conflicts", "--data", team.laptopB])
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("directory/people.json #1") && listed.stdout.contains("07700 900991"), "\(listed.stdout)")
        let dashboard = try forumdesk(["dashboard", "--data", team.laptopB] + now)
        #expect(dashboard.stdout.contains("Merge conflicts to resolve (1)") && dashboard.stdout.contains("directory/people.json #1"), "\(dashboard.stdout)")
        let resolved = try forumdesk(["conflicts", "directory/people.json", "1", "--theirs", "--data", team.laptopB])
        #expect(resolved.status == 0, "\(resolved.stdout)\(resolved.stderr)")
        let people = try String(contentsOfFile: team.laptopB + "/directory/people.json", encoding: .utf8)
        #expect(people.contains("07700 900991") && !people.contains("07700 900992") && !people.contains("\"conflicts\""), "\(listed.stdout)\(resolved.stdout)\(people.prefix(3000))")
        #expect(try forumdesk(["conflicts", "--data", team.laptopB]).status == 0)
        try team.validate(team.laptopB)
    }
}

/// History tells the truth about merges (issue 33): a merge is "merged Ana's changes" under the sync, each change
/// under its author, and renumbering by sync is said as such, not as an officer's update.
@Suite struct MergeHistoryTests {
    let minuted = "2026-11-26-leighton-rural-ltt"

    @Test func test_history_creditsEachChangeToItsAuthor_andNamesMergesAndRenumbering() throws {
        let team = try Team()
        func add(_ description: String) -> (inout [String: Any]) -> Void {
            { m in m["actions"] = actions(m) + [["id": "A-2026-090", "item": 6, "description": description, "status": "open"]] }
        }
        try team.edit(team.laptopA, minuted, add("Laptop A's action"))
        try team.edit(team.laptopB, minuted, add("Laptop B's action"))
        #expect(try team.sync(team.laptopA, user: "Ana Note").status == 0)
        #expect(try team.sync(team.laptopB, user: "Ben Note").status == 0)
        #expect(try team.sync(team.desk, user: "Cleo Desk").status == 0)
        let history = try forumdesk(["history", minuted, "--data", team.desk]).stdout
        let lines = history.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Ana Note") && $0.contains("added action A-2026-090") }, "\(history)")
        #expect(lines.contains { $0.contains("Ben Note") && $0.contains("added action A-2026-090") }, "\(history)")
        #expect(lines.contains { $0.contains("sync by Ben Note") && $0.contains("renumbered action A-2026-090 to A-2026-091") && $0.contains("(by sync)") }, "\(history)")
        #expect(lines.contains { $0.contains("sync by Ben Note") && $0.contains("merged Ana Note's changes") }, "\(history)")
        // Nobody is credited with another's action, and renumbering is never an officer's "updated".
        #expect(!lines.contains { $0.contains("Cleo Desk") && $0.contains("action") }, "\(history)")
        #expect(!lines.contains { !$0.contains("sync by") && $0.contains("A-2026-091") }, "\(history)")
    }
}

/// The short run of `scripts/torture-sync` (the long run's figures are in the issue note): sync killed at random
/// moments between teammates' syncs loses nothing and credits every edit to its author.
@Suite struct SyncTortureTests {
    @Test func test_syncKilledAtRandomMoments_losesNothing_andMisattributesNothing() throws {
        let (status, text) = try runProgram(["python3", repositoryRoot.path + "/scripts/torture-sync", "--trials", "10", "--seed", "20261207", "--binary", binary])
        #expect(status == 0, "\(text)")
        #expect(text.contains("0 misattributed, 0 failures"), "\(text)")
    }
}
