import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 27: a person's data on request. A fictional police sergeant is added to a copy of the sample in every
/// kind of record (directory with a postal address, chair, presenter, free text, invitation, attendance, apologies
/// with a reason, both sides of a substitution, declaration, notice with a reply, action, topic contact) and every
/// kind of file (outbox e-mail from a real `notify`, withdrawn and sent e-mails, a real minutes export, a conflict
/// copy, the start-up index).
@Suite struct PersonDataTests {
    static let now = ["--now", "2026-11-23T12:00"]
    static let id = "morwenna-quillbrook", name = "Morwenna Quillbrook",
        email = "morwenna.quillbrook@police.example.org"
    static let phone = "01632 960999", address = "7 Lantern Row, Sandy SG19 9ZZ"
    static let held = "2026-10-06-cranfield-marston-woburn-ltt", apologies = "2026-08-04-cranfield-marston-woburn-ltt"
    static let stoodIn = "2026-06-02-cranfield-marston-woburn-ltt", toCome = "2026-12-17-sandy-biggleswade-ltt"

    /// A data folder with the sergeant everywhere, and each (file, record) that names her.
    struct Fixture {
        let copy: SampleCopy
        var expected: [String]
        var data: [String] { ["--data", copy.path] + PersonDataTests.now }
    }

    static func edit(_ path: String, _ change: (inout [String: Any]) throws -> Void) throws {
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        try change(&json)
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(
            to: URL(fileURLWithPath: path))
    }

    static func meeting(_ id: String) -> String { "meetings/\(id.prefix(4))/\(id).json" }

    static func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func fixture() throws -> Fixture {
        let copy = try SampleCopy()
        let root = copy.path + "/"
        var expected: [String] = []
        try edit(root + "directory/people.json") { json in
            var people = json["people"] as! [[String: Any]]
            expected.append("directory/people.json people[\(people.count)]")
            people.append([
                "id": id, "name": name, "kind": "contact", "organisation": "bedfordshire-police", "title": "Sergeant",
                "email": email, "phone": phone, "preferredContact": "email", "postalAddress": address,
            ])
            json["people"] = people
        }
        let m1 = meeting(held)
        try edit(root + m1) { m in
            m["chair"] = id
            var agenda = m["agenda"] as! [[String: Any]]
            agenda[0]["presenter"] = id
            agenda[1]["discussion"] = "\(name) said the beat team would walk the high street."
            m["agenda"] = agenda
            var invitations = m["invitations"] as! [[String: Any]]
            #expect(invitations[0]["organisation"] as? String == "bedfordshire-police")
            invitations[0]["person"] = id
            m["invitations"] = invitations
            var attendance = m["attendance"] as! [[String: Any]]
            expected.append("\(m1) attendance[\(attendance.count)]")
            attendance.append(["person": id, "role": "member", "status": "present"])
            m["attendance"] = attendance
            var declarations = m["declarations"] as? [[String: Any]] ?? []
            expected.append("\(m1) declarations[\(declarations.count)]")
            declarations.append(["person": id, "item": 1, "nature": "Personal interest: lives on the high street"])
            m["declarations"] = declarations
            var notices = m["notifications"] as? [[String: Any]] ?? []
            expected.append("\(m1) notifications[\(notices.count)]")
            notices.append([
                "councillor": id, "at": "2026-09-10T09:20:00+01:00", "method": "email", "kind": "invitation",
                "sequence": 0,
                "reply": "accepted", "comment": "I will bring the beat team",
            ])
            m["notifications"] = notices
            var actions = m["actions"] as? [[String: Any]] ?? []
            expected.append("\(m1) actions[\(actions.count)]")
            actions.append([
                "id": "A-2026-990", "item": 1, "description": "Walk the high street with residents", "owner": id,
                "status": "open", "tags": [String](), "updates": [[String: Any]](),
            ])
            m["actions"] = actions
        }
        expected += ["\(m1) chair", "\(m1) agenda[0]", "\(m1) agenda[1].discussion", "\(m1) invitations[0]"]
        let m3 = meeting(apologies)
        try edit(root + m3) { m in
            var attendance = m["attendance"] as! [[String: Any]]
            expected += ["\(m3) attendance[\(attendance.count)]", "\(m3) attendance[\(attendance.count + 1)]"]
            attendance.append(["person": id, "role": "member", "status": "apologies", "reason": "hospital appointment"])
            attendance.append([
                "name": "Visiting Sergeant", "organisation": "bedfordshire-police", "role": "member",
                "status": "substitute",
                "substituteFor": id,
            ])
            m["attendance"] = attendance
        }
        let m4 = meeting(stoodIn)
        try edit(root + m4) { m in
            var attendance = m["attendance"] as! [[String: Any]]
            expected.append("\(m4) attendance[\(attendance.count)]")
            attendance.append([
                "person": id, "role": "member", "status": "substitute", "substituteFor": "rhodri-copperfield",
            ])
            m["attendance"] = attendance
        }
        let m2 = meeting(toCome)
        var notified = 0
        try edit(root + m2) { m in
            var invitations = m["invitations"] as! [[String: Any]]
            let k = try #require(invitations.firstIndex { $0["organisation"] as? String == "bedfordshire-police" })
            invitations[k]["person"] = id
            invitations[k]["at"] = nil  // not yet sent: notify --partners writes hers
            invitations[k]["reply"] = "no-reply"
            expected.append("\(m2) invitations[\(k)]")
            m["invitations"] = invitations
            notified = (m["notifications"] as? [Any])?.count ?? 0
        }
        try edit(root + "topics/winter-gritting-routes.json") { t in t["contact"] = id }
        expected.append("topics/winter-gritting-routes.json contact")
        // Real files: an e-mail from notify (and its notice), minutes exported, the index; others as ForumDesk names them.
        let data = ["--data", copy.path] + now
        let notify = try forumdesk(["notify", toCome, "--partners"] + data)
        #expect(notify.status == 0, "\(notify.stdout)\(notify.stderr)")
        let after = try String(contentsOfFile: root + m2, encoding: .utf8)
        let notices = after.components(separatedBy: "\"councillor\": \"").dropFirst().map {
            $0.prefix(while: { $0 != "\"" })
        }
        let k = try #require(notices.firstIndex(of: Substring(id)))
        #expect(k >= notified)
        expected.append("\(m2) notifications[\(k)]")
        expected.append("outbox/\(toCome)/\(id)-request-0.eml")
        try FileManager.default.createDirectory(atPath: root + "exports", withIntermediateDirectories: true)
        let export = try forumdesk(["export", "minutes", held, "-o", root + "exports/\(held)-minutes.md"] + data)
        #expect(export.status == 0, "\(export.stderr)")
        expected.append("exports/\(held)-minutes.md")
        try write(
            try String(contentsOfFile: root + m1, encoding: .utf8), root + "conflicts/\(held)-2026-10-07T101500.json")
        expected.append("conflicts/\(held)-2026-10-07T101500.json")
        let mail = "To: \"\(name)\" <\(email)>\r\nSubject: Let's Talk Together\r\n\r\nDear \(name),\r\n"
        try write(mail, root + "sent/\(held)/\(id)-request-0.eml")
        try write(mail, root + "outbox-withdrawn/\(held)/\(id)-request-1.eml")
        expected += ["sent/\(held)/\(id)-request-0.eml", "outbox-withdrawn/\(held)/\(id)-request-1.eml"]
        _ = try forumdesk(["list", "meetings"] + data)  // writes the start-up index
        return Fixture(copy: copy, expected: expected)
    }

    /// Every file under `folder` (hidden ones too) whose bytes hold any of `needles`, any case.
    static func filesHolding(_ needles: [String], under folder: String) -> [String] {
        let lowered = needles.map { Data($0.lowercased().utf8) }
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: folder)
        while let rel = walker?.nextObject() as? String {
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + rel) else { continue }
            let lower = Data(bytes.map { (65...90).contains($0) ? $0 + 32 : $0 })
            if lowered.contains(where: { lower.range(of: $0) != nil })
                || lowered.contains(where: { rel.lowercased().contains(String(decoding: $0, as: UTF8.self)) })
            {
                found.append(rel)
            }
        }
        return found.sorted()
    }

    static let needles = [name, id, email, phone, address, "quillbrook", "960999", "Lantern Row"]

    @Test func test_show_listsEachPlaceOnce_andErase_leavesNoTrace_countsUnchanged() throws {
        let f = try Self.fixture()
        // show: each place exactly once, nothing else but (possibly) the index.
        let show = try forumdesk(["person", "show", Self.name, "--format", "json"] + f.data)
        #expect(show.status == 0, "\(show.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let places = (json["places"] as? [[String: Any]] ?? []).map { p in
            [(p["file"] as? String) ?? "", (p["record"] as? String) ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        }
        #expect(Set(places).count == places.count, "a place listed twice: \(places)")
        for place in f.expected {
            #expect(places.filter { $0 == place }.count == 1, "\(place) not listed once in \(places)")
        }
        #expect(
            Set(places).subtracting(f.expected).subtracting([".forumdesk-index"]).isEmpty,
            "unexpected: \(Set(places).subtracting(f.expected))")
        #expect(show.stdout.contains("hospital appointment") && show.stdout.contains("I will bring the beat team"))

        // The pack: one Markdown file with a section per file and each e-mail's text.
        let pack = f.copy.folder + "/sar.md"
        let written = try forumdesk(["person", "show", Self.id, "-o", pack] + f.data)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: pack, encoding: .utf8)
        #expect(text.hasPrefix("# Subject access: \(Self.name)"))
        for file in Set(f.expected.map { $0.split(separator: " ")[0] }) {
            #expect(text.contains("File `\(file)`."), "\(file)")
        }
        #expect(text.contains("Dear \(Self.name),"))

        // Deleting her is refused while a meeting to come names her.
        let delete = try forumdesk(["person", "delete", Self.id, "--yes"] + f.data)
        #expect(delete.status == 1)
        #expect(delete.stderr.contains("\(Self.toCome): invitation"), "\(delete.stderr)")
        #expect(Self.filesHolding([Self.email], under: f.copy.path).contains("directory/people.json"))

        // Erasure: no trace in any byte of any file; validate passes; the report and the action log are as they were.
        let report = try forumdesk(["report", "--year", "2026"] + f.data)
        let actions = try forumdesk(["list", "actions", "--json"] + f.data)
        let dry = try forumdesk(["person", "erase", Self.id, "--dry-run"] + f.data)
        #expect(dry.status == 0 && dry.stdout.contains("would delete"), "\(dry.stdout)\(dry.stderr)")
        #expect(!Self.filesHolding(Self.needles, under: f.copy.path).isEmpty, "dry run changed nothing")
        let erase = try forumdesk(["person", "erase", Self.id, "--yes"] + f.data)
        #expect(erase.status == 0, "\(erase.stdout)\(erase.stderr)")
        #expect(Self.filesHolding(Self.needles, under: f.copy.path) == [], "still named after erasure")
        let validate = try forumdesk(["validate"] + f.data)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(try forumdesk(["report", "--year", "2026"] + f.data).stdout == report.stdout)
        let actionsAfter = try forumdesk(["list", "actions", "--json"] + f.data).stdout
        #expect(
            actionsAfter.components(separatedBy: "\"id\"").count
                == actions.stdout.components(separatedBy: "\"id\"").count)
        #expect(actionsAfter.contains("A-2026-990"), "the action stays, with her organisation")
        // Minutes read "(name removed)"; the conflict copy is kept without her; the erasure is on record, without a name.
        let minutes = try forumdesk(["export", "minutes", Self.apologies] + f.data).stdout
        #expect(minutes.contains("(name removed)"))
        #expect(FileManager.default.fileExists(atPath: f.copy.path + "/conflicts/\(Self.held)-2026-10-07T101500.json"))
        let settings = try String(contentsOfFile: f.copy.path + "/forumdesk.json", encoding: .utf8)
        #expect(settings.contains("\"erasures\"") && settings.contains("\"date\": \"2026-11-23\""))
        // Run again: nobody to erase.
        #expect(try forumdesk(["person", "erase", Self.id, "--yes"] + f.data).status == 2)
    }

    @Test func test_erase_withoutConfirmation_changesNothing() throws {
        let copy = try SampleCopy()
        let before = Self.filesHolding(["harpreet.vantwood"], under: copy.path)
        let run = try forumdesk(["person", "erase", "Harpreet Vantwood", "--data", copy.path] + Self.now)
        #expect(run.status == 2 && run.stderr.contains("--yes"), "\(run.stderr)")
        #expect(Self.filesHolding(["harpreet.vantwood"], under: copy.path) == before)
        let ambiguous = try forumdesk(["person", "show", "vantwood", "--data", copy.path] + Self.now)
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("Cllr Harpreet Vantwood, Cllr Barnaby Vantwood"))
    }

    @Test func test_organisationMerge_keepsEveryReferenceValid_andCounts() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path] + Self.now
        let report = try forumdesk(["report", "--year", "2026"] + data).stdout
        let refused = try forumdesk(["organisation", "delete", "sandy-town-council"] + data)
        #expect(
            refused.status == 1 && refused.stderr.contains("\(Self.toCome): ")
                && refused.stderr.contains("(a meeting to come)"), "\(refused.stderr)")
        let kinds = try forumdesk(["organisation", "merge", "sandy-town-council", "bedfordshire-police"] + data)
        #expect(kinds.status == 2 && kinds.stderr.contains("different partner roles"))
        let merge = try forumdesk(["organisation", "merge", "Sandy Town Council", "potton-town-council"] + data)
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        #expect(Self.filesHolding(["sandy-town-council"], under: copy.path) == [])
        let validate = try forumdesk(["validate"] + data)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(try forumdesk(["report", "--year", "2026"] + data).stdout == report)
        // An organisation nothing refers to can go.
        try Self.edit(copy.path + "/directory/organisations.json") { json in
            json["organisations"] =
                (json["organisations"] as! [[String: Any]]) + [
                    ["id": "lapsed-forum", "name": "Lapsed Forum", "sector": "other"]
                ]
        }
        let unused = try forumdesk(["organisation", "delete", "Lapsed Forum"] + data)
        #expect(unused.status == 0, "\(unused.stderr)")
        #expect(Self.filesHolding(["lapsed-forum"], under: copy.path) == [])
    }
}
