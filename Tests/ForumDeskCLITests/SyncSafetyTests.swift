import Foundation
import ForumDeskTestSupport
import Testing

/// Sharing that never loses a teammate's work, never spreads a broken file, and never trusts what it pulls
/// (issue 33): a killed sync's leftovers, files nobody can read, links, plain-git teammates.
@Suite struct SyncSafetyTests {
    let minuted = "2026-11-26-leighton-rural-ltt"
    let other = "2026-12-17-sandy-biggleswade-ltt"

    /// Plain git run as a teammate would, with an identity.
    func plainGit(
        _ team: Team, _ arguments: [String], in folder: String, user: String = "Ivy IT"
    ) throws -> (status: Int32, output: String) {
        let run = try runProgram(
            ["git", "-C", folder, "-c", "user.name=\(user)", "-c", "user.email=ivy@example.org"] + arguments,
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
        #expect(
            try plainGit(team, ["commit", "-qam", "Ana's own edit"], in: team.laptopA, user: "Ana Note").status == 0)
        let head = try team.git(["rev-parse", "HEAD"], in: team.laptopA).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try team.git(["fetch", "-q", "origin"], in: team.laptopA)
        let theirs = try team.git(["rev-parse", "@{u}"], in: team.laptopA).trimmingCharacters(
            in: .whitespacesAndNewlines)
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
        let anas = try team.git(
            ["log", "--no-merges", "--author=Ana Note", "--format=%h", "--", "meetings/2026/\(other).json"],
            in: team.laptopA)
        #expect(anas.isEmpty, "\(anas)")
    }

    /// A teammate who used plain `git pull` pushed a meeting with conflict markers: sync merges nothing, pushes
    /// nothing, names the file, the commit and its author, and exits 3; the folder's own copy stays readable.
    @Test func test_conflictMarkersPushedByAPlainGitTeammate_stopTheSync_namingFileCommitAndAuthor() throws {
        let team = try Team()
        let path = "meetings/2026/\(minuted).json"
        var text = try String(contentsOfFile: team.file(team.laptopB, minuted), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"title\":", with: "<<<<<<< HEAD\n\"title\":", options: [], range: text.range(of: "\"title\":"))
        text = text.replacingOccurrences(
            of: "\"title\":", with: "=======\n>>>>>>> origin\n\"title\":", options: [],
            range: text.range(of: "\"title\":", options: .backwards))
        try text.write(toFile: team.file(team.laptopB, minuted), atomically: true, encoding: .utf8)
        #expect(try plainGit(team, ["commit", "-qam", "merged by hand"], in: team.laptopB).status == 0)
        #expect(try plainGit(team, ["push", "-q", "origin", "HEAD"], in: team.laptopB).status == 0)
        try team.edit(team.laptopA, other) { $0["title"] = "Work on A" }
        let before = try team.git(["rev-parse", "HEAD"], in: team.remote)
        let run = try team.sync(team.laptopA)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains(path) && run.stderr.contains("conflict markers") && run.stderr.contains("Ivy IT"),
            "\(run.stderr)")
        #expect(try team.git(["rev-parse", "HEAD"], in: team.remote) == before)
        try team.validate(team.laptopA)
        // validate names the markers as such in the teammate's folder.
        let broken = try forumdesk(["validate", "--data", team.laptopB, "--now", "2026-11-23T12:00"])
        #expect(
            broken.status != 0 && (broken.stdout + broken.stderr).contains("conflict markers"),
            "\(broken.stdout)\(broken.stderr)")
    }

    /// A file this folder cannot read is never committed: the sync stops before it, naming the file.
    @Test func test_unreadableLocalFile_isNotCommitted() throws {
        let team = try Team()
        try "{ \"schema\": 1, \"id\": ".write(
            toFile: team.file(team.laptopA, minuted), atomically: true, encoding: .utf8)
        let run = try team.sync(team.laptopA)
        #expect(run.status == 3)
        #expect(run.stderr.contains("meetings/2026/\(minuted).json"), "\(run.stderr)")
        #expect(try team.git(["status", "--porcelain"], in: team.laptopA).contains(minuted))
        #expect(
            !(try team.git(["show", "HEAD:meetings/2026/\(minuted).json"], in: team.remote).contains("\"id\": \n")))
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
        if let type = try? FileManager.default.attributesOfItem(atPath: team.laptopA + "/" + linked)[.type]
            as? FileAttributeType
        {
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
