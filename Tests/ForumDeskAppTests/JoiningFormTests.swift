import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
import ForumDeskExport

/// The meeting form's joining fields: a changed link on a meeting already announced raises its SEQUENCE, so every
/// notice is stale and owed an update carrying the new link; a link that is not https is marked and not saved.
@Suite(.serialized) struct JoiningFormTests {
    static let id = "2026-12-08-cranfield-marston-woburn-ltt"
    /// The meeting form's fields after "Why cancelled": join online, link, dial-in, how to join, mode, on website.
    static let toLink: [Key] = Array(repeating: Key.tab, count: 14)

    @Test func test_aChangedLink_makesTheNoticesStale() throws {
        let w = try Workspace()
        let before = try #require(w.meetingOnDisk(Self.id))
        #expect(before.online?.kind == .teams)
        var a = w.app(
            keys: [.char("2"), .char("/")] + typing("2026-12-08 cranfield") + [.enter, .enter, .char("E")] + Self.toLink
        )
        for key in [Key.ctrl("u")] + typing("https://teams.microsoft.com/l/meetup-join/new-link") + [.ctrl("s")] {
            a.handle(.key(key))
        }
        let after = try #require(w.meetingOnDisk(Self.id))
        #expect(after.online?.url == "https://teams.microsoft.com/l/meetup-join/new-link", "\(a.screenText)")
        #expect(after.sequence == before.sequence + 1)
        #expect(NotificationRules.statuses(for: after, in: w.store.load().directory).allSatisfy { $0.state == .stale })
    }

    @Test func test_aLinkThatIsNotHTTPS_isMarked_andNotSaved() throws {
        let w = try Workspace()
        var a = w.app(
            keys: [.char("2"), .char("/")] + typing("2026-12-08 cranfield") + [.enter, .enter, .char("E")] + Self.toLink
        )
        for key in [Key.ctrl("u")] + typing("http://insecure.example.org/join") + [.ctrl("s")] { a.handle(.key(key)) }
        #expect(a.screenText.contains("a link starts with https://"), "\(a.screenText)")
        #expect(w.meetingOnDisk(Self.id)?.online?.url?.hasPrefix("https://teams.microsoft.com") == true)
    }
}
