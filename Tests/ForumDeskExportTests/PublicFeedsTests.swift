import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
@testable import ForumDeskStore
import ForumDeskTestSupport

/// Issue 36: the feeds keep their promises: an Atom entry is the same entry wherever the site is served from, and
/// no control or bidi override character reaches a page, a calendar or the feed.
@Suite struct PublicFeedsTests {
    static let data = PublicSiteTests.data

    static func ids(_ atom: String) -> [String] {
        atom.components(separatedBy: "<id>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func test_atomIDs_areTheSame_whateverTheBaseURL() {
        let stamp = { (_: String) in PublicSiteTests.now }
        func atom(_ base: String?) -> String {
            PublicSite(
                council: Self.data.settings.council, directory: Self.data.directory, meetings: Self.data.meetings,
                today: PublicSiteTests.today, baseURL: base, feedAuthority: "example.gov.uk"
            ).atom(changedAt: stamp).content
        }
        let http = atom("http://www.example.gov.uk/meetings/"), https = atom("https://www.example.gov.uk/meetings/"),
            none = atom(nil)
        #expect(Self.ids(http).count == PublicSite.feedEntries + 1)
        #expect(Self.ids(http) == Self.ids(https) && Self.ids(https) == Self.ids(none))
        #expect(Self.ids(http).allSatisfy { $0.hasPrefix("tag:example.gov.uk,2026:forumdesk/") })
        #expect(http.contains("href=\"http://www.example.gov.uk/meetings/"))  // the links do follow the address
    }

    @Test func test_controlsAndBidiOverrides_areInNothingPublic() throws {
        var meetings = Self.data.meetings
        let i = try #require(meetings.firstIndex { $0.id == "2026-12-17-sandy-biggleswade-ltt" })
        let hostile = "Flood\u{202E}gnp.exe\u{2066}x\u{2069}\u{1B}[2J\u{7}\u{0}\u{85}"
        meetings[i].title = hostile
        meetings[i].publicNotes = hostile
        meetings[i].venue.name = hostile
        meetings[i].venue.address = hostile
        meetings[i].agenda[0].title = hostile
        let site = PublicSite(
            council: Self.data.settings.council, directory: Self.data.directory, meetings: meetings,
            today: PublicSiteTests.today, baseURL: PublicSiteTests.base)
        let exported = ICalendar.calendar(
            method: .publish,
            events: [
                ICalendar.event(
                    meetings[i], directory: Self.data.directory, method: .publish, sequence: 0,
                    stamp: PublicSiteTests.now,
                    organiser: nil, attendee: nil, description: PublicSite.eventDescription(meetings[i]))
            ])
        let files =
            site.files { _, _ in PublicSiteTests.now }.map { ($0.path, $0.content) } + [("export.ics", exported)]
        var checked = 0
        for (path, content) in files where content.contains("gnp.exe") {
            checked += 1
            let bad = content.unicodeScalars.filter {
                String.isBidiOverride($0) || ($0.value < 0x20 && !["\r", "\n"].contains($0))
                    || (0x7F..<0xA0).contains($0.value)
            }
            #expect(bad.isEmpty, "\(path): \(bad.map { String($0.value, radix: 16) })")
            #expect(!content.contains("\u{FFFD}"), "\(path)")  // removed, not shown as a placeholder
        }
        #expect(checked >= 5)  // the meeting's page, the area's and ward's pages and calendars, the export
    }
}
