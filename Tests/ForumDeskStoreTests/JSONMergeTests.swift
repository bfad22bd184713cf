import Foundation
import Testing
@testable import ForumDeskStore
import ForumDeskCore

/// The merge driver's three-way merge by record, on small meeting-shaped trees.
@Suite struct JSONMergeTests {
    func tree(_ text: String) throws -> OrderedJSON { JSONMerge.ordered(try JSONParser.parse(Array(text.utf8))) }
    func text(_ json: OrderedJSON) -> String { String(decoding: JSONWriter.write(json), as: UTF8.self) }

    let base = """
        {"id": "m", "title": "Forum", "wards": ["a", "b"],
         "agenda": [{"number": 1, "title": "Welcome", "outcome": null}, {"number": 2, "title": "Parking"}],
         "attendance": [{"person": "ana", "status": "present"}],
         "actions": [{"id": "A-2026-001", "description": "Fix the drain", "status": "open", "updates": []}]}
        """

    func merge(_ ours: String, _ theirs: String) throws -> JSONMerge.Result {
        try JSONMerge.merge(base: tree(base), ours: tree(ours), theirs: tree(theirs))
    }

    /// Replaces text in the base, as an edit would.
    func edited(_ pairs: (String, String)...) -> String {
        pairs.reduce(base) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    @Test func test_actionsAddedOnBothSides_areBothKept() throws {
        let ours = edited(
            ("\"updates\": []}]", "\"updates\": []}, {\"id\": \"A-2026-002\", \"description\": \"Ours\"}]"))
        let theirs = edited(
            ("\"updates\": []}]", "\"updates\": []}, {\"id\": \"A-2026-003\", \"description\": \"Theirs\"}]"))
        let result = try merge(ours, theirs)
        #expect(result.conflicts.isEmpty)
        let merged = text(result.merged)
        #expect(merged.contains("A-2026-002") && merged.contains("A-2026-003") && merged.contains("A-2026-001"))
    }

    @Test func test_attendanceOnOneSide_agendaOnTheOther_mergeCleanly() throws {
        let ours = edited(
            (
                "{\"person\": \"ana\", \"status\": \"present\"}",
                "{\"person\": \"ana\", \"status\": \"present\"}, {\"person\": \"ben\", \"status\": \"apologies\"}"
            ))
        let theirs = edited(
            ("\"title\": \"Parking\"", "\"title\": \"Parking and buses\""),
            ("\"outcome\": null", "\"outcome\": \"Noted\""))
        let result = try merge(ours, theirs)
        #expect(result.conflicts.isEmpty)
        let merged = text(result.merged)
        #expect(merged.contains("\"ben\"") && merged.contains("Parking and buses") && merged.contains("\"Noted\""))
        #expect(!merged.contains("conflicts"))
    }

    @Test func test_sameFieldChangedOnBothSides_keepsOurs_recordsTheirs_andResolves() throws {
        let result = try merge(
            edited(("\"outcome\": null", "\"outcome\": \"Ours\"")),
            edited(("\"outcome\": null", "\"outcome\": \"Theirs\"")))
        #expect(result.conflicts.count == 1)
        #expect(result.conflicts[0].place == "agenda item 1: outcome")
        let recorded = MergeConflict.all(in: result.merged)
        #expect(recorded.count == 1 && recorded[0].theirs == .string("Theirs") && recorded[0].ours == .string("Ours"))
        #expect(text(result.merged).contains("\"outcome\": \"Ours\""))
        let theirs = try #require(MergeConflict.resolve(result.merged, index: 0, takeTheirs: true))
        #expect(text(theirs).contains("\"outcome\": \"Theirs\"") && !text(theirs).contains("conflicts"))
        let ours = try #require(MergeConflict.resolve(result.merged, index: 0, takeTheirs: false))
        #expect(text(ours).contains("\"outcome\": \"Ours\"") && !text(ours).contains("conflicts"))
    }

    @Test func test_recordDeletedOnOneSide_editedOnTheOther_keepsTheEdit() throws {
        let ours = edited(("{\"person\": \"ana\", \"status\": \"present\"}", ""))
        let theirs = edited(("\"status\": \"present\"", "\"status\": \"apologies\""))
        let result = try merge(ours, theirs)
        #expect(text(result.merged).contains("\"apologies\""))
        #expect(result.conflicts.map(\.kind) == [.deletedHere])
    }

    /// An attendance line, an invitation, a notice and a declaration merge as units: changed on both sides, ours
    /// whole with theirs recorded whole, never one side's status with the other's reason.
    @Test(arguments: [
        ("\"person\": \"ana\"", "attendance"),
        ("\"organisation\": \"police\", \"person\": \"ana\"", "invitations"),
        (
            "\"councillor\": \"ana\", \"at\": \"2026-11-01T10:00:00Z\", \"kind\": \"request\", \"method\": \"email\"",
            "notifications"
        ),
        ("\"person\": \"ana\", \"item\": 2", "declarations"),
    ])
    func test_unitRecords_changedOnBothSides_mergeWhole(identity: String, list: String) throws {
        let start = base.replacingOccurrences(of: "\"attendance\"", with: "\"\(list)\"")
            .replacingOccurrences(
                of: "{\"person\": \"ana\", \"status\": \"present\"}",
                with: "{\(identity), \"status\": \"apologies\", \"reason\": \"On duty\"}")
        let ours = start.replacingOccurrences(
            of: "\"status\": \"apologies\", \"reason\": \"On duty\"", with: "\"status\": \"present\"")
        let theirs = start.replacingOccurrences(of: "On duty", with: "Family illness")
        let result = JSONMerge.merge(base: try tree(start), ours: try tree(ours), theirs: try tree(theirs))
        let merged = text(result.merged)
        let line = merged.components(separatedBy: "\"\(list)\"")[1].components(separatedBy: "]")[0]
        #expect(line.contains("\"present\"") && !line.contains("Family illness"), "\(line)")
        #expect(result.conflicts.count == 1 && result.conflicts[0].kind == .bothChanged)
        #expect(
            text(result.conflicts[0].theirs).contains("Family illness")
                && text(result.conflicts[0].theirs).contains("apologies"))
    }

    @Test func test_plainLists_mergeAsSets() throws {
        let result = try merge(
            edited(("[\"a\", \"b\"]", "[\"a\", \"b\", \"c\"]")), edited(("[\"a\", \"b\"]", "[\"b\"]")))
        guard case .object(let members) = result.merged,
            case .array(let wards)? = members.first(where: { $0.0 == "wards" })?.1
        else {
            Issue.record("no wards"); return
        }
        #expect(wards == [.string("b"), .string("c")])
    }

    /// Fields ForumDesk does not know yet (a reminder on an action, a sent mark on a notice) merge as any other.
    @Test func test_unknownFields_mergeWithoutChanges() throws {
        let ours = edited(("\"status\": \"open\"", "\"status\": \"open\", \"reminders\": [\"2026-12-01\"]"))
        let theirs = edited(
            ("\"description\": \"Fix the drain\"", "\"description\": \"Fix the drain\", \"erased\": true"))
        let merged = text(try merge(ours, theirs).merged)
        #expect(merged.contains("reminders") && merged.contains("\"erased\": true"))
    }

    /// Two laptops allocate the same action id: both records stay (sync then renumbers ours); both add agenda
    /// item 3: ours becomes item 4.
    @Test func test_sameNumberAllocatedOnBothSides_keepsTwoRecords() throws {
        let ours = edited(
            ("\"updates\": []}]", "\"updates\": []}, {\"id\": \"A-2026-002\", \"description\": \"Ours\"}]"),
            (
                "{\"number\": 2, \"title\": \"Parking\"}",
                "{\"number\": 2, \"title\": \"Parking\"}, {\"number\": 3, \"title\": \"Ours\"}"
            ))
        let theirs = edited(
            ("\"updates\": []}]", "\"updates\": []}, {\"id\": \"A-2026-002\", \"description\": \"Theirs\"}]"),
            (
                "{\"number\": 2, \"title\": \"Parking\"}",
                "{\"number\": 2, \"title\": \"Parking\"}, {\"number\": 3, \"title\": \"Theirs\"}"
            ))
        let result = try merge(ours, theirs)
        let merged = text(result.merged)
        #expect(merged.components(separatedBy: "A-2026-002").count == 3)
        #expect(
            merged.contains("{\n      \"number\": 4,\n      \"title\": \"Ours\"") || merged.contains("\"number\": 4"))
        #expect(result.conflicts.map(\.kind) == [.renumbered])
    }

    /// Whatever the inputs, the result is valid JSON as the store writes it.
    @Test func test_result_isCanonicalJSON() throws {
        let result = try merge(edited(("\"Forum\"", "\"Ours\"")), edited(("\"Forum\"", "\"Theirs\"")))
        let bytes = JSONWriter.write(result.merged)
        #expect(JSONWriter.write(JSONMerge.ordered(try JSONParser.parse(bytes))) == bytes)
    }
}
