import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A team through git: a bare remote and three clones on local disk (an officer's desk and two note-takers'
/// laptops), each synced with `forumdesk sync`.
final class Team {
    let copy: SampleCopy
    var root: String { copy.folder }
    var remote: String { root + "/remote.git" }
    var desk: String { copy.path }
    var laptopA: String { root + "/laptop-a" }
    var laptopB: String { root + "/laptop-b" }

    init() throws {
        copy = try SampleCopy()
        try git(["init", "-q", "--bare", remote], in: root)
        let first = try sync(desk, remote: remote)
        #expect(first.status == 0, "\(first.stderr)")
        // Laptops clone the team's repository (`forumdesk sync --remote` into an empty folder does the same;
        // the offline test covers that path): their first sync names the merge driver.
        for laptop in [laptopA, laptopB] { try git(["clone", "-q", remote, laptop], in: root) }
    }

    @discardableResult
    func git(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = readAll(out.fileHandleForReading)
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func sync(_ folder: String, remote: String? = nil, user: String = "ana") throws -> Run {
        try forumdesk(
            ["sync", "--data", folder] + (remote.map { ["--remote", $0] } ?? []),
            environment: [
                "GIT_AUTHOR_NAME": user, "GIT_COMMITTER_NAME": user, "FORUMDESK_USER": user,
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            ])
    }

    func file(_ folder: String, _ id: String) -> String { "\(folder)/meetings/\(id.prefix(4))/\(id).json" }

    func meeting(_ folder: String, _ id: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file(folder, id))))
                as? [String: Any])
    }

    /// Changes a meeting's file as an editor would.
    func edit(_ folder: String, _ id: String, _ change: (inout [String: Any]) -> Void) throws {
        var json = try meeting(folder, id)
        change(&json)
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(
            to: URL(fileURLWithPath: file(folder, id)))
    }

    func validate(_ folder: String) throws {
        let run = try forumdesk(["validate", "--data", folder, "--now", "2026-11-23T12:00"])
        #expect(run.status == 0, "\(folder): \(run.stdout)\(run.stderr)")
    }
}

func actions(_ m: [String: Any]) -> [[String: Any]] { m["actions"] as? [[String: Any]] ?? [] }

@Suite struct SyncTests {
    let minuted = "2026-11-26-leighton-rural-ltt"
    let other = "2026-12-17-sandy-biggleswade-ltt"

    /// Three people edit different meetings, and two note-takers add an action each to one meeting offline, both
    /// numbered A-2026-090 (the same next number): after everyone syncs, all three folders hold every change,
    /// the ids are unique (the second to sync yields) and the history says who did what.
    @Test func test_threeClones_differentMeetingsAndActionsAddedOffline_allMerge() throws {
        let team = try Team()
        func add(_ description: String) -> (inout [String: Any]) -> Void {
            { m in
                m["actions"] =
                    actions(m) + [["id": "A-2026-090", "item": 6, "description": description, "status": "open"]]
            }
        }
        try team.edit(team.laptopA, minuted, add("Laptop A's action"))
        try team.edit(team.laptopB, minuted, add("Laptop B's action"))
        try team.edit(team.desk, other) { $0["title"] = "Retitled at the desk" }
        #expect(try team.sync(team.laptopA, user: "Ana Note").status == 0)
        #expect(try team.sync(team.laptopB, user: "Ben Note").status == 0)
        let desk = try team.sync(team.desk, user: "Cleo Desk")
        #expect(desk.status == 0, "\(desk.stderr)")
        for folder in [team.laptopA, team.laptopB] { #expect(try team.sync(folder).status == 0) }
        for folder in [team.desk, team.laptopA, team.laptopB] {
            let list = actions(try team.meeting(folder, minuted)).filter {
                ($0["description"] as? String)?.hasPrefix("Laptop") == true
            }
            #expect(list.map { $0["id"] as? String } == ["A-2026-090", "A-2026-091"], "\(folder)")
            #expect(try team.meeting(folder, other)["title"] as? String == "Retitled at the desk")
        }
        try team.validate(team.desk)
        let history = try forumdesk(["history", minuted, "--data", team.desk])
        #expect(
            history.stdout.contains("Ana Note") && history.stdout.contains("added action A-2026-090"),
            "\(history.stdout)")
        #expect(history.stdout.contains("Ben Note"), "\(history.stdout)")
    }

    /// Attendance on one laptop, the agenda on the other; then the same outcome changed on both: kept as ours,
    /// theirs recorded in the file's conflicts (exit 1).
    @Test func test_attendanceAndAgenda_merge_sameOutcome_isAConflict() throws {
        let team = try Team()
        try team.edit(team.laptopA, minuted) { m in
            m["attendance"] = [["person": "cllr-xavier-kestrel", "role": "member", "status": "present"]]
        }
        try team.edit(team.laptopB, minuted) { m in
            var agenda = m["agenda"] as? [[String: Any]] ?? []
            agenda[1]["title"] = "Minutes of the last meeting (retitled)"
            m["agenda"] = agenda
        }
        #expect(try team.sync(team.laptopA).status == 0)
        let clean = try team.sync(team.laptopB)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let merged = try team.meeting(team.laptopB, minuted)
        #expect((merged["attendance"] as? [[String: Any]])?.count == 1)
        #expect(((merged["agenda"] as? [[String: Any]])?[1]["title"] as? String)?.hasSuffix("(retitled)") == true)
        #expect(merged["conflicts"] == nil)
        // Now both change item 1's outcome.
        #expect(try team.sync(team.laptopA).status == 0)
        for (folder, text) in [(team.laptopA, "Resolved: noted (A)"), (team.laptopB, "Resolved: noted (B)")] {
            try team.edit(folder, minuted) { m in
                var agenda = m["agenda"] as? [[String: Any]] ?? []
                agenda[0]["outcome"] = text
                m["agenda"] = agenda
            }
        }
        #expect(try team.sync(team.laptopA).status == 0)
        let conflicted = try team.sync(team.laptopB)
        #expect(conflicted.status == 1, "\(conflicted.stdout)\(conflicted.stderr)")
        let result = try team.meeting(team.laptopB, minuted)
        #expect((result["agenda"] as? [[String: Any]])?[0]["outcome"] as? String == "Resolved: noted (B)")
        let conflicts = try #require(result["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1 && conflicts[0]["theirs"] as? String == "Resolved: noted (A)")
        try team.validate(team.laptopB)
        #expect(try team.git(["status", "--porcelain", "--untracked-files=no"], in: team.laptopB).isEmpty)
    }

    /// Deleted at the desk, minuted on a laptop: the minutes win, with a note.
    @Test func test_meetingDeletedOnOneSide_editedOnTheOther_theEditWins() throws {
        let team = try Team()
        try FileManager.default.removeItem(atPath: team.file(team.desk, minuted))
        try team.edit(team.laptopA, minuted) { $0["residentsPresent"] = 23 }
        #expect(try team.sync(team.desk).status == 0)
        let run = try team.sync(team.laptopA)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let kept = try team.meeting(team.laptopA, minuted)
        #expect(kept["residentsPresent"] as? Int == 23)
        #expect((kept["conflicts"] as? [[String: Any]])?.first?["kind"] as? String == "deleted-there")
        #expect(
            try team.sync(team.desk).status == 1
                || FileManager.default.fileExists(atPath: team.file(team.desk, minuted)))
        #expect(FileManager.default.fileExists(atPath: team.file(team.desk, minuted)))
    }

    /// A sync killed at any moment leaves a folder the next sync finishes: nothing half-merged, everything pushed.
    @Test(arguments: [0.03, 0.1])
    func test_killedDuringSync_theNextSyncFinishes(after delay: Double) throws {
        let team = try Team()
        try team.edit(team.laptopA, other) { $0["title"] = "From A" }
        #expect(try team.sync(team.laptopA).status == 0)
        try team.edit(team.laptopB, minuted) { $0["residentsPresent"] = 40 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sync", "--data", team.laptopB]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let again = try team.sync(team.laptopB)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: team.laptopB + "/.git/MERGE_HEAD"))
        #expect(try team.git(["status", "--porcelain", "--untracked-files=no"], in: team.laptopB).isEmpty)
        #expect(try team.meeting(team.laptopB, other)["title"] as? String == "From A")
        #expect(try team.meeting(team.laptopB, minuted)["residentsPresent"] as? Int == 40)
        #expect(
            try team.git(["rev-parse", "HEAD"], in: team.laptopB)
                == (try team.git(["rev-parse", "HEAD"], in: team.remote)))
        try team.validate(team.laptopB)
    }

    /// Offline: the changes are committed and the sync says so; once the remote is there, a later sync joins
    /// the team's history (an empty folder named with --remote fetches everything).
    @Test func test_unreachableRemote_saysOffline_andKeepsTheCommit_thenJoins() throws {
        let copy = try SampleCopy()
        // The digits 401 in the name: a name is never read as an HTTP status.
        let remote = copy.folder + "/later-8C8401A6.git"
        let run = try forumdesk(["sync", "--data", copy.path, "--remote", remote])
        #expect(run.status == 3)
        #expect(run.stderr.contains("cannot be reached"), "\(run.stderr)")
        #expect(run.stdout.contains("committed"))
        try FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "init", "-q", "--bare", remote]
        try process.run()
        process.waitUntilExit()
        #expect(try forumdesk(["sync", "--data", copy.path]).status == 0)
        let fresh = copy.folder + "/new-laptop"
        try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
        let joined = try forumdesk(["sync", "--data", fresh, "--remote", remote])
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(FileManager.default.fileExists(atPath: fresh + "/meetings/2026/\(minuted).json"))
    }
}
