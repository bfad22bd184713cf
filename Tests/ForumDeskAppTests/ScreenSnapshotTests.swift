import SnapshotTesting
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import TerminalUI

/// Snapshots of every screen on the sample data, at the smallest supported size and a wide one: the text, then
/// the styles (one letter a cell), so a lost highlight fails as a lost word does.
/// To re-record after an intended change: `SNAPSHOT_TESTING_RECORD=failed swift test --filter ScreenSnapshotTests`.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    /// Opens the held Sandy and Biggleswade meeting of 15 October 2026 through the Meetings screen's search.
    static let openMeeting: [Key] = [.char("2"), .char("/")] + typing("2026-10-15 sandy") + [.enter, .enter]

    static let screens: [(name: String, keys: [Key])] = [
        ("dashboard", []),
        ("meetings", [.char("2")]),
        ("meetings-filtered", [.char("2"), .char("a")] + typing("leighton b") + [.enter]),
        ("meeting-details", openMeeting),
        ("meeting-agenda", openMeeting + [.tab]),
        ("meeting-attendance", openMeeting + [.tab, .tab]),
        ("meeting-councillors", openMeeting + [.tab, .tab, .tab]),
        ("meeting-actions", openMeeting + [.tab, .tab, .tab, .tab]),
        ("meeting-minutes", openMeeting + [.backTab]),
        ("actions", [.char("3")]),
        ("actions-overdue", [.char("3"), .char("o")]),
        ("directory-areas", [.char("4")]),
        ("directory-councillors", [.char("4"), .tab]),
        ("directory-organisations", [.char("4"), .tab, .tab]),
        ("directory-contacts", [.char("4"), .backTab]),
        (
            "directory-delete-refused",
            [.char("4"), .backTab, .char("/")] + typing("harpreet zeph") + [.enter, .char("D")]
        ),
        (
            "directory-delete-confirm",
            [.char("4"), .backTab, .char("/")] + typing("wilf lanternby") + [.enter, .char("D")]
        ),
        ("reports", [.char("5")]),
        ("reports-area-2025", [.char("5"), .char("["), .char("a")] + typing("sandy") + [.enter]),
        ("help-dashboard", [.char("?")]),
        ("help-meetings", [.char("2"), .char("?")]),
        ("palette", [.char(":")] + typing("dir")),
        ("picker-ward", [.char("2"), .char("w")] + typing("dun")),
        ("form-new-meeting", [.char("2"), .char("n")]),
        (
            "form-new-meeting-typed",
            [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton")
                + [.tab] + typing("3 Dec 7pm") + [.tab] + typing("9pm")
        ),
        ("form-agenda-item", openMeeting + [.tab, .char("e")]),
        ("form-action", [.char("3"), .enter]),
        ("form-postpone", openMeeting + [.char("P")] + typing("31 feb")),
        ("live-attendance", openMeeting + [.char("L")]),
        ("live-agenda", openMeeting + [.char("L"), .tab, .char("n"), .char("n")]),
        ("live-action-entry", openMeeting + [.char("L"), .char("a")] + typing("Fix the lights @Cllr Otis R")),
        ("live-arising", openMeeting + [.char("L"), .tab, .tab, .tab]),
        ("help-live", openMeeting + [.char("L"), .char("?")]),
        ("help-form", [.char("2"), .char("n"), .function(1)]),
        (
            "form-councillor",
            [.char("4"), .tab, .char("n")] + typing("Cllr Ada Newfield") + [.tab] + typing("sandy, potton, atlantis")
        ),
        // A councillor who prefers a letter, with their postal address (issue 24): the field and what it understood.
        ("form-councillor-postal", [.char("4"), .tab, .char("/")] + typing("orla hollowell") + [.enter, .enter]),
        ("directory-councillor-postal", [.char("4"), .tab, .char("/")] + typing("orla hollowell") + [.enter]),
        ("form-organisation", [.char("4"), .tab, .tab, .enter]),
        ("form-coverage-rule", [.char("4"), .char("r")]),
        (
            "form-invitation",
            [.char("2"), .char("G"), .enter, .tab, .tab, .char("a"), .enter] + typing("police") + [.enter]
        ),
        ("meeting-issues", openMeeting + [.backTab, .backTab]),
        ("live-issues", openMeeting + [.char("L"), .backTab]),
        ("topics-rollout", [.char("6")]),
        ("topics-rollout-lbl", [.char("6"), .char("G"), .right, .right, .right, .right, .right, .right]),
        ("topics-queue", [.char("6"), .tab]),
        ("topics-all-statuses", [.char("6"), .char("f"), .down, .enter]),
        ("form-topic", [.char("6"), .char("e")]),
        ("form-issue", openMeeting + [.char("i")] + typing("Street lights out on Mill Lane #highways")),
        // Consultations (issue 39): the list from the Topics screen, one in full, its form, its help.
        ("consultations", [.char("6"), .char("C")]),
        ("consultation-detail", [.char("6"), .char("C"), .char("G"), .enter]),
        ("form-consultation", [.char("6"), .char("C"), .char("e")]),
        ("help-consultations", [.char("6"), .char("C"), .char("?")]),
        // Agenda templates edited in the app (issue 40): the list from the Meetings screen, an item's form, its help.
        ("templates", [.char("2"), .char("T"), .char("j")]),
        ("form-template-item", [.char("2"), .char("T"), .char("e")]),
        ("help-templates", [.char("2"), .char("T"), .char("?")]),
    ]

    @Test(arguments: screens.map(\.name))
    func test_screen(name: String) {
        let keys = Self.screens.first { $0.name == name }!.keys
        for (width, height) in Self.sizes {
            assertSnapshot(
                of: app(width: width, height: height, keys: keys).screenSnapshot, as: .lines,
                named: "\(name)-\(width)x\(height)")
        }
    }

    /// The Chased column after `forumdesk remind` ran two days before: the day each overdue action's owner was
    /// last chased, "never" for the open ones it did not reach, and the detail under the table says to whom.
    @Test func test_actionsChased_showsWhenEachWasLastChased() {
        var data = sampleData
        let chasedAt = fixedNow.addingTimeInterval(-2 * 86_400)
        let plan = ReminderRules.plan(
            meetings: data.meetings, directory: data.directory, now: chasedAt, within: 0, intervalDays: 7)
        for meeting in ReminderRules.recorded(Array(plan.digests.prefix(3)), at: chasedAt, in: data.meetings) {
            if let i = data.meetings.firstIndex(where: { $0.id == meeting.id }) { data.meetings[i] = meeting }
        }
        for (width, height) in Self.sizes {
            assertSnapshot(
                of: app(width: width, height: height, data: data, keys: [.char("3"), .char("o"), .down, .down])
                    .screenSnapshot, as: .lines,
                named: "actions-chased-\(width)x\(height)")
        }
    }

    @Test func test_tooSmall_asksToEnlarge() {
        assertSnapshot(of: app(width: 50, height: 12).screenSnapshot, as: .lines, named: "too-small-50x12")
    }
}
