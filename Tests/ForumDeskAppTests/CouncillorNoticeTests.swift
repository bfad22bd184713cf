import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

@Suite struct CouncillorNoticeTests {
    let openCouncillors: [Key] =
        [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .tab, .tab, .tab]

    @Test func test_notifyKey_writesTheOutbox_andClearsTheWarning() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let a = w.app(keys: openCouncillors + [.char("n")])
        #expect(a.screenText.contains("Saved: 1 notice written to outbox/\(id)/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: w.copy.path + "/outbox/\(id)")
        #expect(files.count == 1 && files[0].hasSuffix("-request-0.eml"))
        let m = try #require(w.meetingOnDisk(id))
        #expect(
            Warnings.warnings(for: m, directory: w.store.load().directory, now: fixedNow).allSatisfy {
                $0.kind != .councillorNotNotified
            })
    }

    @Test func test_letterAndReply_areRecorded() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        var a = w.app(keys: openCouncillors + [.char("l")])
        var m = try #require(w.meetingOnDisk(id))
        let first = NotificationRules.statuses(for: m, in: w.store.load().directory)[0].councillor.id
        #expect(m.notifications.last?.method == .letter)
        #expect(m.notifications.last?.councillor == first)
        for key in [Key.char("r"), .right, .enter] { a.handle(.key(key)) }  // "Declined"
        m = try #require(w.meetingOnDisk(id))
        #expect(NotificationRules.state(ofCouncillor: first, for: m) == .replied(.declined))
    }

    /// A reply recorded by hand on a stale notice answers the meeting as it is now: the councillor was told of the
    /// change (a phone notice is recorded with it), so the row stops saying stale, and the tab says which notice.
    @Test func test_handReplyOnAStaleNotice_recordsAPhoneNoticeOfTheNewDetails() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        var data = w.store.load()
        var m = try #require(data.meeting(id))
        m.start = m.start.addingTimeInterval(5 * 86_400)
        m.end = m.end.addingTimeInterval(5 * 86_400)
        m.sequence += 1
        try w.store.save(m, in: &data)
        let first = NotificationRules.statuses(for: m, in: data.directory)[0].councillor
        #expect(NotificationRules.state(ofCouncillor: first.id, for: m) == .stale)
        var a = w.app(width: 120, height: 30, keys: openCouncillors)  // found by its id, which keeps the first date
        #expect(a.screenText.contains("#0 17 Dec"))
        #expect(a.screenText.contains("Notice #0 for Thu 17 Dec 2026 19:00"))
        #expect(a.screenText.contains("Reply to notice #0: accepted"))
        a.handle(.key(.char("r")))
        #expect(a.screenText.contains("notice #0 announced Thu 17 Dec 2026"))
        #expect(a.screenText.contains("was told of them by phone."))
        for key in [Key.right, .enter] { a.handle(.key(key)) }  // "Accepted" (after "Keep it")
        m = try #require(w.meetingOnDisk(id))
        #expect(NotificationRules.state(ofCouncillor: first.id, for: m) == .replied(.accepted))
        let recorded = try #require(m.notifications.last)
        #expect(
            recorded.councillor == first.id && recorded.method == .phone && recorded.sequence == 1
                && recorded.start == m.start)
        #expect(a.screenText.contains("#1 22 Dec"))
        #expect(a.screenText.contains("Reply to notice #1: accepted"))
    }

    /// On a current notice the reply is saved on that notice, and a comment from an earlier answer goes with it.
    @Test func test_handReply_answersTheCurrentNotice() throws {
        let w = try Workspace()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let (_, index) = try w.setCurrentNotice(of: id) { $0.comment = "see you there" }
        let data = w.store.load()
        var a = w.app(keys: openCouncillors)
        a.handle(.key(.char("r")))
        #expect(a.screenText.contains("reply to notice #0"))
        for key in [Key.right, .enter] { a.handle(.key(key)) }  // "Declined"
        let m = try #require(w.meetingOnDisk(id))
        #expect(m.notifications.count == data.meeting(id)?.notifications.count)
        #expect(m.notifications[index].reply == .declined && m.notifications[index].comment == nil)
    }

    @Test func test_noReplyAWeekBefore_isFlagged() throws {
        var m = Fixture.meeting()
        m.notifications = [
            CouncillorNotification(
                councillor: "cllr-a", at: fixedNow, method: .email, start: m.start, end: m.end,
                venue: m.venue.name)
        ]
        let tooEarly = Warnings.warnings(
            for: m, directory: Fixture.directory, now: m.start.addingTimeInterval(-10 * 86_400))
        #expect(!tooEarly.contains { $0.kind == .noReply })
        let close = Warnings.warnings(
            for: m, directory: Fixture.directory, now: m.start.addingTimeInterval(-3 * 86_400))
        #expect(
            close.first { $0.kind == .noReply }?.message == "no reply yet (meeting within 7 days): Cllr Ada Ashgrove")
    }
}
