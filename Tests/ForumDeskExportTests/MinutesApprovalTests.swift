import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
@testable import ForumDeskStore
import ForumDeskTestSupport

/// Issue 36: minutes are published as drafts, clearly marked, until they are approved: by an officer (who and when
/// recorded on the meeting) or by the next meeting's "Minutes of the previous meeting" item.
@Suite struct MinutesApprovalTests {
    static let data = PublicSiteTests.data
    static let august = "2026-08-13-sandy-biggleswade-ltt", october = "2026-10-15-sandy-biggleswade-ltt"

    @Test func test_nextMeetingsItem_approvesThePreviousMinutes_theLatestStayDraft() throws {
        let approvals = MinutesRules.approvals(in: Self.data.meetings)
        let august = try #require(approvals[Self.august])
        #expect(august.meeting == Self.october)
        #expect(august.by == Self.data.meeting(Self.october)?.chair)
        #expect(approvals[Self.october] == nil)  // the December meeting is not yet held
        let held = Self.data.meetings.filter { $0.status == .held }
        #expect(approvals.count > 0 && approvals.count < held.count)
    }

    @Test func test_itemThatRefusesOrHasNoResolution_approvesNothing() throws {
        for outcome in [
            "Resolved: That the minutes be not approved until item 4 is corrected.", "Deferred to the next meeting.",
            nil,
        ] {
            let meetings = try Self.data.meetings.map { m -> Meeting in
                guard m.id == Self.october else { return m }
                var m = m
                let i = try #require(m.agenda.firstIndex(where: MinutesRules.isApprovalItem))
                m.agenda[i].outcome = outcome
                return m
            }
            #expect(MinutesRules.approvals(in: meetings)[Self.august] == nil, "\(outcome ?? "nil")")
        }
    }

    @Test func test_recordedApproval_roundTripsThroughTheFile_andWins() throws {
        var m = try #require(Self.data.meeting(Self.october))
        let at = LondonTime.instant(date: CalendarDate(year: 2026, month: 11, day: 20), hour: 10, minute: 30)
        m.minutesApproved = MinutesApproval(by: "cllr-otis-rookwood", at: at, meeting: nil)
        let text = String(decoding: JSONWriter.write(Codec.encode(m)), as: UTF8.self)
        #expect(text.contains("\"minutesApproved\": {"))
        let read = try Codec.meeting(try JSONParser.parse(Array(text.utf8)))
        #expect(read.minutesApproved == m.minutesApproved)
        #expect(read == m)
        let meetings = Self.data.meetings.map { $0.id == m.id ? read : $0 }
        #expect(MinutesRules.approvals(in: meetings)[Self.october]?.at == at)
    }

    @Test func test_site_marksDraftMinutes_andSaysWhoApprovedTheOthers() throws {
        let site = PublicSiteTests.site(Self.data.meetings)
        let pages = Dictionary(
            site.files { _, _ in PublicSiteTests.now }.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
        let draft = try #require(pages["meetings/2026/\(Self.october).html"])
        #expect(draft.contains("<strong>Draft minutes.</strong>"))
        #expect(draft.contains("<h2 id=\"minutes\">Draft minutes</h2>"))
        #expect(draft.contains("Status: draft, not yet approved."))
        #expect(draft.contains("Actions agreed (draft minutes)"))
        let approved = try #require(pages["meetings/2026/\(Self.august).html"])
        #expect(!approved.contains("Draft minutes"))
        #expect(
            approved.contains(
                "Status: approved as a correct record at <a href=\"../../meetings/2026/\(Self.october).html\">the meeting on Thursday 15 October 2026</a>"
            ))
        let atom = try #require(pages["papers.atom"])
        #expect(atom.contains("<title>Draft minutes: "))
        let yourSay = try #require(pages["you-said-we-did/sandy-biggleswade.html"])
        #expect(yourSay.contains("15 October 2026</a> (draft minutes)"))
        #expect(site.minutesPublished.draft.map(\.id).contains(Self.october))
        #expect(site.minutesPublished.approved.map(\.id).contains(Self.august))
    }

    /// Who approved the minutes is personal data like the chair: `person show` finds it, `person erase` removes it.
    @Test func test_approver_isFoundAndErased_asPersonalData() throws {
        var m = try #require(Self.data.meeting(Self.october))
        m.minutesApproved = MinutesApproval(by: "cllr-otis-rookwood", at: PublicSiteTests.now)
        let who = PersonalData.Identity(try #require(Self.data.directory.person("cllr-otis-rookwood")))
        #expect(
            PersonalData.findings(who, in: m, directory: Self.data.directory).contains { $0.kind == .minutesApproval })
        let (erased, _) = PersonalData.erase(
            who, personOrganisation: nil, newOwner: nil, from: m, directory: Self.data.directory,
            today: PublicSiteTests.today)
        #expect(
            erased.minutesApproved?.by == Retention.removedName && erased.minutesApproved?.at == PublicSiteTests.now)
    }
}
