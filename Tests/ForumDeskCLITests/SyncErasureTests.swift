import Foundation
import ForumDeskTestSupport
import Testing

/// Where a person's data still is in one clone (or the remote): files under the folder holding a needle as bytes
/// (working files and everything in `.git`, packs included), and git objects holding one once decompressed (every
/// object in the store, reachable or not).
struct Traces: Equatable, CustomStringConvertible {
    var files: Int
    var objects: Int
    var description: String { "\(files) files, \(objects) objects" }
}

func runGit(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return (127, Data()) }
    let data = readAll(out.fileHandleForReading)
    process.waitUntilExit()
    return (process.terminationStatus, data)
}

func lowered(_ data: Data) -> Data { Data(data.map { (65...90).contains($0) ? $0 + 32 : $0 }) }

func traces(of needles: [String], in folder: String, gitDir: String) -> Traces {
    let wanted = needles.map { Data($0.lowercased().utf8) }
    func holds(_ data: Data) -> Bool { let l = lowered(data); return wanted.contains { l.range(of: $0) != nil } }
    var files = 0
    if let walk = FileManager.default.enumerator(atPath: folder) {
        for case let rel as String in walk {
            let path = folder + "/" + rel
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            if holds(data) { files += 1 }
        }
    }
    // Every object, decompressed: `<sha> <type> <size>\n<content>\n`.
    let all = runGit(["--git-dir", gitDir, "cat-file", "--batch-all-objects", "--batch"]).output
    var objects = 0
    var at = all.startIndex
    while at < all.endIndex, let newline = all[at...].firstIndex(of: 0x0A) {
        let header = String(decoding: all[at..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3, let size = Int(header[2]) else { break }
        let start = newline + 1, end = min(all.endIndex, start + size)
        if holds(all[start..<end]) {
            objects += 1
            if ProcessInfo.processInfo.environment["FORUMDESK_SHOW_TRACES"] != nil {
                print(
                    "TRACE \(gitDir) \(header[0]) \(header[1]): \(String(decoding: all[start..<min(end, start + 400)], as: UTF8.self))"
                )
            }
        }
        at = end + 1
    }
    return Traces(files: files, objects: objects)
}

extension Team {
    /// Every clone (working folder and `.git`) and the bare remote, by name.
    var places: [(name: String, folder: String, gitDir: String)] {
        [
            ("desk (Ana)", desk, desk + "/.git"), ("laptop A (Ben)", laptopA, laptopA + "/.git"),
            ("laptop B (Cat)", laptopB, laptopB + "/.git"), ("remote", remote, remote),
        ]
    }

    func traces(of needles: [String]) -> [String: Traces] {
        Dictionary(
            uniqueKeysWithValues: places.map {
                ($0.name, ForumDeskCLITests.traces(of: needles, in: $0.folder, gitDir: $0.gitDir))
            })
    }

    func fsck(_ gitDir: String) -> Bool {
        runGit(["--git-dir", gitDir, "fsck", "--full", "--no-progress"]).status == 0
    }

    func people(_ folder: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/directory/people.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["people"] as? [[String: Any]] ?? []
    }

    func editPeople(_ folder: String, _ change: (inout [[String: Any]]) -> Void) throws {
        let url = URL(fileURLWithPath: folder + "/directory/people.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var people = json["people"] as? [[String: Any]] ?? []
        change(&people)
        json["people"] = people
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    /// Syncs until every clone holds the remote's branch (each once more after all have synced).
    func settle(_ order: [String]) throws {
        for folder in order + order {
            let run = try sync(folder)
            #expect(run.status == 0, "\(folder): \(run.stdout)\(run.stderr)")
        }
    }

    /// After everything: nothing of the person anywhere, every repository sound, every folder valid.
    func expectGone(_ needles: [String], _ label: String) {
        for (name, found) in traces(of: needles) {
            #expect(found == Traces(files: 0, objects: 0), "\(label): \(name) still holds \(found)")
        }
        for place in places { #expect(fsck(place.gitDir), "\(label): git fsck failed in \(place.name)") }
        for folder in [desk, laptopA, laptopB] {
            let run = try? forumdesk(["validate", "--data", folder, "--now", "2026-11-23T12:00"])
            #expect(run?.status == 0, "\(label): validate \(folder): \(run?.stdout ?? "")\(run?.stderr ?? "")")
        }
    }
}

@Suite struct SyncErasureTests {
    let minuted = "2026-11-26-leighton-rural-ltt"
    let other = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]

    func unrelatedAction(_ description: String, id: String) -> (inout [String: Any]) -> Void {
        { m in m["actions"] = actions(m) + [["id": id, "item": 6, "description": description, "status": "open"]] }
    }

    /// The issue's scenario: Ana erases a partner contact and syncs; Ben, offline, had changed the contact's phone
    /// number and minuted an action they own (and one that has nothing to do with them); Cat had exported minutes
    /// naming them. After everyone syncs, in any order, nothing of the person is in any clone, any object of any
    /// `.git` or the remote; Ben's work is everywhere, the contact's action kept with their organisation.
    @Test(arguments: [["ben", "cat"], ["cat", "ben"]])
    func test_erasedContact_neverReturns_andLeavesNoTraceInAnyHistory(order: [String]) throws {
        let team = try Team()
        for laptop in [team.laptopA, team.laptopB] { #expect(try team.sync(laptop).status == 0) }
        let contact = "nikhil-kestrel"
        let needles = ["Nikhil Kestrel", contact, "nikhil.kestrel@example.org", "01632 960101", "01632 960999"]
        // Cat's own export names him (exports are local: never committed).
        let export = team.laptopB + "/exports/2026-01-08-shefford-stotfold-arlesey-ltt-minutes.md"
        try FileManager.default.createDirectory(atPath: team.laptopB + "/exports", withIntermediateDirectories: true)
        let exported = try forumdesk(
            ["export", "minutes", "2026-01-08-shefford-stotfold-arlesey-ltt", "-o", export, "--data", team.laptopB]
                + now)
        #expect(exported.status == 0, "\(exported.stderr)")
        // And a conflict copy of a meeting that names him, and an e-mail to him in her outbox.
        let held = "2026-01-08-shefford-stotfold-arlesey-ltt"
        try FileManager.default.createDirectory(atPath: team.laptopB + "/conflicts", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: team.file(team.laptopB, held), toPath: team.laptopB + "/conflicts/\(held)-2026-11-20T101500.json")
        try FileManager.default.createDirectory(
            atPath: team.laptopB + "/outbox/\(other)", withIntermediateDirectories: true)
        try Data("To: Nikhil Kestrel <nikhil.kestrel@example.org>\nSubject: Invitation\n\nDear Nikhil Kestrel,\n".utf8)
            .write(to: URL(fileURLWithPath: team.laptopB + "/outbox/\(other)/\(contact)-request-0.eml"))
        // Ben, offline: a new phone number for him, an action he owns, and an unrelated action.
        try team.editPeople(team.laptopA) { people in
            for i in people.indices where people[i]["id"] as? String == contact { people[i]["phone"] = "01632 960999" }
        }
        try team.edit(team.laptopA, minuted) { m in
            m["actions"] =
                actions(m) + [
                    [
                        "id": "A-2026-090", "item": 6, "description": "Check the CCTV rota", "status": "open",
                        "owner": contact,
                    ],
                    ["id": "A-2026-091", "item": 6, "description": "Ben's unrelated action", "status": "open"],
                ]
        }
        let before = team.traces(of: needles)
        for place in team.places {
            #expect(before[place.name]!.objects > 0, "\(place.name) holds him before: \(before)")
        }

        // Ana erases him and syncs: the history is rewritten and pushed.
        let dry = try forumdesk(["person", "erase", contact, "--dry-run", "--data", team.desk] + now)
        #expect(
            dry.stdout.contains(
                ".git: git history (earlier versions, shared with the team): rewritten by the next `forumdesk sync`")
                && !dry.stdout.contains("not ForumDesk's"), "\(dry.stdout)")
        let erase = try forumdesk(["person", "erase", contact, "--yes", "--data", team.desk] + now)
        #expect(erase.status == 0, "\(erase.stdout)\(erase.stderr)")
        #expect(erase.stderr.contains("the next `forumdesk sync` rewrites it"), "\(erase.stderr)")
        let settings = try String(contentsOfFile: team.desk + "/forumdesk.json", encoding: .utf8)
        #expect(!settings.contains(contact) && settings.contains("\"fingerprints\""))
        let ana = try team.sync(team.desk, user: "Ana")
        #expect(ana.status == 0, "\(ana.stdout)\(ana.stderr)")
        print("order \(order), Ana's sync:\n\(ana.stdout)")
        #expect(ana.stdout.contains("rewrote the history"), "\(ana.stdout)")
        #expect(team.traces(of: needles)["desk (Ana)"] == Traces(files: 0, objects: 0))

        for who in order {
            let folder = who == "ben" ? team.laptopA : team.laptopB
            let run = try team.sync(folder, user: who == "ben" ? "Ben" : "Cat")
            #expect(run.status == 0, "\(who): \(run.stdout)\(run.stderr)")
            print("order \(order), \(who)'s sync:\n\(run.stdout)")
            #expect(run.stdout.contains("applied an erasure made on 23 Nov 2026 by Ana"), "\(who): \(run.stdout)")
            if who == "ben" {
                #expect(
                    run.stdout.contains("records in your unsynced work changed") && !run.stdout.contains(": 0 records"),
                    "\(run.stdout)")
            } else {
                #expect(
                    run.stdout.contains("deleted exports/2026-01-08-shefford-stotfold-arlesey-ltt-minutes.md"),
                    "\(run.stdout)")
                #expect(
                    run.stdout.contains(
                        "deleted outbox/\(other)/\(contact)-request-0.eml: it named a person erased on 2026-11-23"),
                    "\(run.stdout)")
                #expect(
                    run.stdout.contains(
                        "removed them from conflicts/2026-01-08-shefford-stotfold-arlesey-ltt-2026-11-20T101500.json"),
                    "\(run.stdout)")
                #expect(
                    FileManager.default.fileExists(
                        atPath: team.laptopB
                            + "/conflicts/2026-01-08-shefford-stotfold-arlesey-ltt-2026-11-20T101500.json"))
            }
        }
        try team.settle([team.desk, team.laptopA, team.laptopB])
        let after = team.traces(of: needles)
        print("erased contact, order \(order): before \(before), after \(after)")
        team.expectGone(needles, "contact")
        for folder in [team.desk, team.laptopA, team.laptopB] {
            let list = actions(try team.meeting(folder, minuted))
            #expect(list.contains { $0["description"] as? String == "Ben's unrelated action" }, "\(folder)")
            let kept = list.first { $0["description"] as? String == "Check the CCTV rota" }
            #expect(
                kept != nil && (kept?["owner"] == nil || kept?["owner"] is NSNull)
                    && kept?["organisation"] as? String == "cbc-community-engagement",
                "\(folder): \(String(describing: kept))")
            #expect(try !team.people(folder).contains { $0["id"] as? String == contact })
        }
    }

    /// A councillor erased on Cat's laptop and a year purged at the desk, while Ben stays offline with work of his
    /// own (an edit of the councillor, names minuted in the purged year, an unrelated action): Ben comes back after
    /// both rewrites and keeps all his work except what they removed.
    @Test(arguments: [["cat", "desk", "ben"], ["cat", "ben", "desk", "ben"], ["desk", "ben", "cat"]])
    func test_councillorErased_andYearPurged_offlineLaptopKeepsItsWork(order: [String]) throws {
        let team = try Team()
        for laptop in [team.laptopA, team.laptopB] { #expect(try team.sync(laptop).status == 0) }
        let councillor = "cllr-orla-hollowell"
        let old = "2025-12-04-sandy-biggleswade-ltt"
        // Names and reasons in the purged year that everybody has in history.
        try team.edit(team.desk, old) { m in
            m["attendance"] =
                (m["attendance"] as? [[String: Any]] ?? []) + [
                    [
                        "name": "Quentin Marchpane", "role": "observer", "status": "apologies",
                        "reason": "away at the Zanzibar conference",
                    ]
                ]
        }
        #expect(try team.sync(team.desk).status == 0)
        #expect(try team.sync(team.laptopA).status == 0)
        #expect(try team.sync(team.laptopB).status == 0)
        let names = ["Quentin Marchpane", "Zanzibar conference", "Rosalind Quirke", "Aldeburgh"]
        let person = [
            "Orla Hollowell", councillor, "orla.hollowell@councillors.example.org", "01632 960173", "Hollowell Lodge",
        ]
        // Ben goes offline: names in the old meeting, an edit of the councillor, an unrelated action.
        try team.edit(team.laptopA, old) { m in
            m["attendance"] =
                (m["attendance"] as? [[String: Any]] ?? []) + [
                    [
                        "name": "Rosalind Quirke", "role": "observer", "status": "apologies",
                        "reason": "at a wedding in Aldeburgh",
                    ]
                ]
        }
        try team.editPeople(team.laptopA) { people in
            for i in people.indices where people[i]["id"] as? String == councillor {
                people[i]["postalAddress"] = ["Hollowell Lodge", "Sandy"]
            }
        }
        try team.edit(team.laptopA, other, unrelatedAction("Ben's offline action", id: "A-2026-095"))
        let beforeNames = team.traces(of: names), beforePerson = team.traces(of: person)

        // Cat erases the councillor and syncs, the desk purges 2025 and syncs, Ben syncs: in the order given.
        for step in order {
            switch step {
            case "cat":
                let erase = try forumdesk(["person", "erase", councillor, "--yes", "--data", team.laptopB] + now)
                #expect(erase.status == 0, "\(erase.stdout)\(erase.stderr)")
                let run = try team.sync(team.laptopB, user: "Cat")
                #expect(run.status == 0 && run.stdout.contains("rewrote the history"), "\(run.stdout)\(run.stderr)")
            case "desk":
                let purge = try forumdesk(["purge", "--before", "2026-01-01", "--data", team.desk] + now)
                #expect(
                    purge.status == 0 && purge.stdout.contains("the next `forumdesk sync` rewrites it"),
                    "\(purge.stdout)\(purge.stderr)")
                let run = try team.sync(team.desk, user: "Ana")
                #expect(run.status == 0 && run.stdout.contains("rewrote the history"), "\(run.stdout)\(run.stderr)")
            default:
                // Ben, back after weeks offline.
                let ben = try team.sync(team.laptopA, user: "Ben")
                #expect(ben.status == 0 && ben.stdout.contains("applied "), "\(ben.stdout)\(ben.stderr)")
            }
        }
        try team.settle([team.laptopB, team.desk, team.laptopA])
        print(
            "order \(order): purge: before \(beforeNames), after \(team.traces(of: names)); councillor: before \(beforePerson), after \(team.traces(of: person))"
        )
        team.expectGone(names, "purge")
        team.expectGone(person, "councillor")
        for folder in [team.desk, team.laptopA, team.laptopB] {
            #expect(
                actions(try team.meeting(folder, other)).contains {
                    $0["description"] as? String == "Ben's offline action"
                }, "\(folder)")
            let meeting = try team.meeting(folder, old)
            let attendance = meeting["attendance"] as? [[String: Any]] ?? []
            #expect(
                attendance.count >= 21 && attendance.allSatisfy { $0["name"] as? String == "(name removed)" },
                "\(folder): counts stay: \(attendance) \(String(describing: meeting["conflicts"]))")
        }
    }

    /// A server that refuses rewritten history (`receive.denyNonFastForwards`): the history keeps the person until
    /// it allows one, but no merge brings them back into the files. Ben's offline edit of the contact and his action
    /// for them merge in without them; a copy put back by hand is reported by `validate`.
    @Test func test_erasedPerson_neverReturnsThroughAPlainMerge() throws {
        let team = try Team()
        for laptop in [team.laptopA, team.laptopB] { #expect(try team.sync(laptop).status == 0) }
        try team.git(["config", "receive.denyNonFastForwards", "true"], in: team.remote)
        let contact = "lowri-kingfisher"
        let needles = ["Lowri Kingfisher", contact, "lowri.kingfisher@example.org", "01632 960103", "01632 960888"]
        try team.editPeople(team.laptopA) { people in
            for i in people.indices where people[i]["id"] as? String == contact { people[i]["phone"] = "01632 960888" }
        }
        try team.edit(team.laptopA, minuted) { m in
            m["actions"] =
                actions(m) + [
                    [
                        "id": "A-2026-090", "item": 6, "description": "Ask about the youth club", "status": "open",
                        "owner": contact,
                    ]
                ]
        }
        #expect(try forumdesk(["person", "erase", contact, "--yes", "--data", team.desk] + now).status == 0)
        let ana = try team.sync(team.desk, user: "Ana")
        #expect(
            ana.status == 0 && ana.stdout.contains("the history was not rewritten on the remote"),
            "\(ana.stdout)\(ana.stderr)")
        let ben = try team.sync(team.laptopA, user: "Ben")
        #expect(
            ben.status == 0 && ben.stdout.contains("came back with the merge: removed again"),
            "\(ben.stdout)\(ben.stderr)")
        try team.settle([team.desk, team.laptopA, team.laptopB])
        for folder in [team.desk, team.laptopA, team.laptopB] {
            let tip = runGit(
                ["-C", folder, "grep", "-i", "-F", "-c"] + needles.flatMap { ["-e", $0] } + [
                    "HEAD", "--", "directory", "meetings", "topics",
                ]
            ).output
            #expect(tip.isEmpty, "\(folder): the pushed files name her: \(String(decoding: tip, as: UTF8.self))")
            #expect(try !team.people(folder).contains { $0["id"] as? String == contact }, "\(folder)")
            #expect(
                actions(try team.meeting(folder, minuted)).contains {
                    $0["description"] as? String == "Ask about the youth club"
                        && $0["organisation"] as? String == "cbc-community-engagement"
                })
            let validate = try forumdesk(["validate", "--data", folder] + now)
            #expect(validate.status == 0, "\(folder): \(validate.stdout)\(validate.stderr)")
        }
        // Put back by hand (a copy from a backup): validate says so, naming the entry's line.
        try team.editPeople(team.laptopB) { people in
            people.append([
                "id": contact, "kind": "contact", "name": "Lowri Kingfisher",
                "organisation": "cbc-community-engagement",
            ])
        }
        let validate = try forumdesk(["validate", "--data", team.laptopB] + now)
        #expect(
            validate.status == 1 && validate.stdout.contains("people.json:")
                && validate.stdout.contains("\(contact) was erased on 2026-11-23 and is back"), "\(validate.stdout)")
    }

    /// History within retention: with `"historyRetentionDays"`, commits older than that are squashed into one
    /// root at sync (later ones kept with their authors); another laptop with unsynced work takes it over.
    @Test func test_historyOlderThanRetention_isSquashed_andTakenOverElsewhere() throws {
        let team = try Team()
        for laptop in [team.laptopA, team.laptopB] { #expect(try team.sync(laptop).status == 0) }
        for (title, date) in [
            ("Old title alpha", "2025-01-01T12:00:00+00:00"), ("Old title beta", "2025-02-01T12:00:00+00:00"),
        ] {
            try team.edit(team.desk, other) { $0["title"] = title }
            let env = [
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Old",
                "GIT_COMMITTER_NAME": "Old",
                "GIT_AUTHOR_EMAIL": "old@example.org", "GIT_COMMITTER_EMAIL": "old@example.org",
            ]
            #expect(
                runGit(["-C", team.desk, "commit", "-q", "-a", "-m", "edit \(title)"], environment: env).status == 0)
        }
        #expect(try team.sync(team.desk).status == 0)
        #expect(try team.sync(team.laptopA).status == 0)
        #expect(team.traces(of: ["Old title alpha"])["laptop A (Ben)"]!.objects > 0)
        try team.edit(team.laptopA, minuted, unrelatedAction("Ben's action after the squash", id: "A-2026-096"))
        var settings = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: team.desk + "/forumdesk.json"))) as? [String: Any])
        settings["historyRetentionDays"] = 200
        try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys]).write(
            to: URL(fileURLWithPath: team.desk + "/forumdesk.json"))
        let desk = try team.sync(team.desk, user: "Ana")
        #expect(
            desk.status == 0 && desk.stdout.contains("squashed the history older than 200 days"),
            "\(desk.stdout)\(desk.stderr)")
        #expect(
            String(decoding: runGit(["-C", team.remote, "rev-list", "--count", "HEAD"]).output, as: UTF8.self)
                .hasPrefix("2"))
        let ben = try team.sync(team.laptopA, user: "Ben")
        #expect(
            ben.status == 0 && ben.stdout.contains("applied history before 2025-02-01 squashed"),
            "\(ben.stdout)\(ben.stderr)")
        try team.settle([team.laptopB, team.desk, team.laptopA])
        let after = team.traces(of: ["Old title alpha"])
        print("retention: after \(after)")
        for (name, found) in after { #expect(found.objects == 0, "\(name): \(found)") }
        for place in team.places { #expect(team.fsck(place.gitDir), "\(place.name)") }
        for folder in [team.desk, team.laptopA, team.laptopB] {
            #expect(
                actions(try team.meeting(folder, minuted)).contains {
                    $0["description"] as? String == "Ben's action after the squash"
                }, "\(folder)")
            #expect(try team.meeting(folder, other)["title"] as? String == "Old title beta")
        }
    }

    /// The subject access pack says, in words, what the folder's history still holds: each earlier version of the
    /// directory entry by date, and the commits that changed records naming them.
    @Test func test_subjectAccessPack_describesTheHistory() throws {
        let team = try Team()
        let contact = "wilf-lanternby"
        try team.editPeople(team.desk) { people in
            for i in people.indices where people[i]["id"] as? String == contact { people[i]["phone"] = "01632 960777" }
        }
        #expect(try team.sync(team.desk, user: "Ana").status == 0)
        let pack = team.root + "/sar.md"
        let run = try forumdesk(["person", "show", contact, "-o", pack, "--data", team.desk] + now)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: pack, encoding: .utf8)
        #expect(!text.contains("could not be read as text"), "\(text)")
        #expect(
            text.contains("## History of the data folder")
                && text.contains("Earlier versions kept in the folder's history"), "\(text)")
        #expect(
            text.contains("committed by ana: the directory entry read: Wilf Lanternby; contact")
                && text.contains("01632 960102")
                && text.contains("01632 960777"), "\(text)")
        #expect(text.contains("a version with records naming them added or removed"), "\(text)")
    }

    /// Two officers erase two people on two laptops, each before seeing the other's erasure (each laptop makes its
    /// own key): both erasures reach everyone, and each person's fingerprints match on every laptop.
    @Test func test_twoErasuresOffline_onTwoLaptops_bothReachEveryone() throws {
        let team = try Team()
        for laptop in [team.laptopA, team.laptopB] { #expect(try team.sync(laptop).status == 0) }
        let first = ["Esme Rushmere", "esme-rushmere", "esme.rushmere@example.org", "01632 960107"]
        let second = ["Jomo Willowmere", "jomo-willowmere", "jomo.willowmere@example.org", "01632 960108"]
        #expect(try forumdesk(["person", "erase", "esme-rushmere", "--yes", "--data", team.desk] + now).status == 0)
        #expect(
            try forumdesk(["person", "erase", "jomo-willowmere", "--yes", "--data", team.laptopB] + now).status == 0)
        try team.edit(team.laptopA, other, unrelatedAction("Ben's action between two erasures", id: "A-2026-098"))
        #expect(try team.sync(team.desk, user: "Ana").status == 0)
        let cat = try team.sync(team.laptopB, user: "Cat")
        #expect(
            cat.status == 0 && cat.stdout.contains("applied an erasure made on 23 Nov 2026 by Ana")
                && cat.stdout.contains("rewrote the history"),
            "\(cat.stdout)\(cat.stderr)")
        let ben = try team.sync(team.laptopA, user: "Ben")
        print("two erasures, Ben's sync:\n\(ben.stdout)")
        #expect(
            ben.status == 0 && ben.stdout.contains("applied an erasure made on 23 Nov 2026 by Cat"),
            "\(ben.stdout)\(ben.stderr)")
        try team.settle([team.desk, team.laptopA, team.laptopB])
        team.expectGone(first, "first erasure")
        team.expectGone(second, "second erasure")
        for folder in [team.desk, team.laptopA, team.laptopB] {
            #expect(
                actions(try team.meeting(folder, other)).contains {
                    $0["description"] as? String == "Ben's action between two erasures"
                }, "\(folder)")
            let keys = try String(contentsOfFile: folder + "/.forumdesk-erasure-keys", encoding: .utf8)
            #expect(keys.split(separator: "\n").count == 2, "\(folder): both keys known")
        }
        // Each erased person put back by hand on Ben's laptop is recognised there.
        try team.editPeople(team.laptopA) { people in
            people += [
                [
                    "id": "esme-rushmere", "kind": "contact", "name": "Esme Rushmere",
                    "organisation": "cbc-community-safety",
                ],
                [
                    "id": "jomo-willowmere", "kind": "contact", "name": "Jomo Willowmere",
                    "organisation": "cbc-childrens-services",
                ],
            ]
        }
        let validate = try forumdesk(["validate", "--data", team.laptopA] + now)
        #expect(
            validate.stdout.contains("esme-rushmere was erased")
                && validate.stdout.contains("jomo-willowmere was erased"), "\(validate.stdout)")
    }

    /// A sync killed during a carry-over leaves the laptop on a commit made only for it: the next sync goes back to
    /// the laptop's own branch (all its work is there) and carries it over again.
    @Test func test_carryOverInterrupted_theNextSyncDoesItAgain() throws {
        let team = try Team()
        #expect(try team.sync(team.laptopA).status == 0)
        try team.edit(team.laptopA, minuted, unrelatedAction("Ben's action before the crash", id: "A-2026-097"))
        #expect(
            runGit([
                "-C", team.laptopA, "-c", "user.name=Ben", "-c", "user.email=ben@example.org", "commit", "-q", "-a",
                "-m", "Ben's work",
            ]).status == 0)
        let head = String(decoding: runGit(["-C", team.laptopA, "rev-parse", "HEAD"]).output, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            try forumdesk(["person", "erase", "yasmin-bellweather", "--yes", "--data", team.desk] + now).status == 0)
        #expect(try team.sync(team.desk, user: "Ana").status == 0)
        // As the killed sync left it: detached elsewhere, the note of where it started.
        #expect(runGit(["-C", team.laptopA, "checkout", "-q", "--detach", "HEAD~1"]).status == 0)
        try Data("main\n\(head)\n".utf8).write(to: URL(fileURLWithPath: team.laptopA + "/.git/forumdesk-carry-over"))
        let ben = try team.sync(team.laptopA, user: "Ben")
        #expect(
            ben.status == 0 && ben.stdout.contains("undid the carry-over") && ben.stdout.contains("applied an erasure"),
            "\(ben.stdout)\(ben.stderr)")
        try team.settle([team.desk, team.laptopA, team.laptopB])
        team.expectGone(
            ["Yasmin Bellweather", "yasmin-bellweather", "yasmin.bellweather@example.org", "01632 960105"],
            "interrupted")
        for folder in [team.desk, team.laptopA, team.laptopB] {
            #expect(
                actions(try team.meeting(folder, minuted)).contains {
                    $0["description"] as? String == "Ben's action before the crash"
                }, "\(folder)")
        }
    }

    /// Only the record is shared: e-mails, letters, conflict copies and exports a repository tracked (an older
    /// version committed them) stop being tracked and leave history; a notice says which machine holds its e-mail,
    /// and another laptop's `send` does not offer it.
    @Test func test_localFiles_stayOnTheirMachine_andTheNoticeSaysWhere() throws {
        let team = try Team()
        #expect(try team.sync(team.laptopA, user: "Ben").status == 0)
        #expect(try team.sync(team.laptopB, user: "Cat").status == 0)
        // As an older ForumDesk did: an outbox and its siblings committed (under the desk officer's name) and pushed.
        let local = [
            "outbox/\(other)/x.eml", "outbox-withdrawn/\(other)/y.eml", "outbox-sending/\(other)/z.eml",
            "sent/\(other)/w.eml",
            "letters/\(other)/l.html", "conflicts/\(other)-2026-11-20T101500.json", "exports/\(other)-minutes.md",
        ]
        for file in local {
            let path = team.desk + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("To: Zebedee Farquharson <zebedee@example.org>\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        try team.git(["add", "-f", "--"] + local, in: team.desk)
        try team.git(
            ["-c", "user.name=Ana", "-c", "user.email=ana@example.org", "commit", "-q", "-m", "old version"],
            in: team.desk)
        // To the branch the team's remote checks out (its HEAD; `master` where git's default is master).
        let upstream = try team.git(["rev-parse", "--abbrev-ref", "@{u}"], in: team.desk).trimmingCharacters(
            in: .whitespacesAndNewlines)
        try team.git(["push", "-q", "origin", "HEAD:refs/heads/" + upstream.dropFirst("origin/".count)], in: team.desk)
        #expect(try team.sync(team.laptopA, user: "Ben").status == 0)
        #expect(
            FileManager.default.fileExists(atPath: team.laptopA + "/outbox/\(other)/x.eml"),
            "Ben got a copy of the desk's e-mail")
        #expect(team.traces(of: ["Zebedee Farquharson"])["remote"]!.objects > 0)

        let run = try team.sync(team.desk, user: "Ana")
        #expect(run.status == 0 && run.stdout.contains("stopped sharing 7 local files"), "\(run.stdout)\(run.stderr)")
        #expect(try team.git(["ls-files", "--"] + local, in: team.desk).isEmpty)
        for file in local {
            #expect(FileManager.default.fileExists(atPath: team.desk + "/" + file), "kept on the desk: \(file)")
        }
        let ben = try team.sync(team.laptopA, user: "Ben")
        #expect(
            ben.status == 0
                && ben.stdout.contains("removed 7 copies of local files made on another officer's machine (Ana)"),
            "\(ben.stdout)\(ben.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: team.laptopA + "/outbox/\(other)/x.eml"), "only the desk sends it")
        for folder in [team.laptopB, team.desk, team.laptopA] {
            #expect(try team.sync(folder, user: folder == team.desk ? "Ana" : "Cat").status == 0)
        }
        for place in team.places.map(\.name) {
            #expect(team.traces(of: ["Zebedee Farquharson"])[place]!.objects == 0, "\(place)")
        }
        // Ben's laptop, which had them from the desk's commit, stops tracking them too (and has no copy left).
        #expect(
            try team.git(["ls-files", "--", "outbox", "sent", "letters", "conflicts", "exports"], in: team.laptopA)
                .isEmpty)

        // A notice e-mailed on Ben's laptop waits in his outbox only; the record says so on every laptop.
        let notify = try forumdesk(
            ["notify", other, "--data", team.laptopA] + now, environment: ["FORUMDESK_USER": "ben"])
        #expect(notify.status == 0, "\(notify.stderr)")
        #expect(try team.sync(team.laptopA, user: "Ben").status == 0)
        #expect(try team.sync(team.laptopB, user: "Cat").status == 0)
        let notices = try team.meeting(team.laptopB, other)["notifications"] as? [[String: Any]] ?? []
        let queued = notices.filter { $0["delivery"] as? String == "queued" }
        #expect(
            !queued.isEmpty && queued.allSatisfy { ($0["queuedOn"] as? String)?.hasSuffix("(ben)") == true },
            "\(queued)")
        #expect(!FileManager.default.fileExists(atPath: team.laptopB + "/outbox/\(other)"))
        let send = try forumdesk(["send", "--dry-run", "--data", team.laptopB] + now)
        #expect(!send.stdout.contains(".eml"), "\(send.stdout)")
        let list = try forumdesk(["list", "meetings", "--json", "--data", team.laptopB] + now)
        #expect(list.stdout.contains("queued on "), "\(list.stdout)")
    }
}
