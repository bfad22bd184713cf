import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// A conflict a sync recorded in a meeting's file: the meeting says so, H lists it, t takes theirs (saved, undoable).
@Suite struct MergeConflictScreenTests {
    @Test func test_conflictShown_thenResolvedByTakingTheirs_andUndone() throws {
        let w = try Workspace()
        let id = "2026-10-15-sandy-biggleswade-ltt"
        let path = try #require(w.path(id))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let outcome = try #require(text.range(of: "\"outcome\": \"")).upperBound
        let ours = String(text[outcome...].prefix { $0 != "\"" })
        text =
            String(text.dropLast(2))
            + ",\n  \"conflicts\": [{\"path\": [\"agenda\", {\"number\": 1}, \"outcome\"], \"kind\": \"both-changed\", "
            + "\"ours\": \"\(ours)\", \"theirs\": \"Theirs: apologies noted\", \"note\": \"theirs by Ben\"}]\n}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var a = w.app(keys: openSandyOctober)
        #expect(a.render().lines[1].contains("1 merge conflict from a sync"))
        a.handle(.key(.char("H")))
        #expect(a.screenText.contains("agenda item 1: outcome: changed on both sides"))
        #expect(a.screenText.contains("theirs:      “Theirs: apologies noted”"))
        a.handle(.key(.char("t")))
        let saved = try #require(w.meetingOnDisk(id))
        #expect(saved.agenda.first { $0.number == 1 }?.outcome == "Theirs: apologies noted")
        #expect(saved.extra["conflicts"] == nil)
        #expect(a.screenText.contains("No merge conflicts."))
        a.handle(.key(.char("u")))
        #expect(w.meetingOnDisk(id)?.agenda.first { $0.number == 1 }?.outcome == ours)
    }
}
