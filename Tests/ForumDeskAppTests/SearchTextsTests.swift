import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
@testable import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The Meetings search's texts kept from one change to the next (`SearchTexts`): a saved meeting is searched as
/// it is now, the others are not made again, and texts made on another thread after a load are those of the
/// meetings as loaded.
@Suite struct SearchTextsTests {
    let sandyOctober = "2026-10-15-sandy-biggleswade-ltt"

    func matches(_ a: App, _ text: String) -> [String] {
        var b = a
        b.handle(.key(.char("2")))
        b.handle(.key(.char("/")))
        for c in text { b.handle(.key(.char(c))) }
        guard let screen = b.stack.last as? MeetingsScreen else { return [] }
        return screen.searchMatches(b.context).map { b.context.data.meetings[$0].id }
    }

    @Test func test_aSavedMeeting_isSearchedAsItIsNow_andTheOthersAreKept() throws {
        let w = try Workspace()
        var a = w.app()
        #expect(matches(a, "quokka").isEmpty)
        #expect(a.context.searchTexts.cached(a.context.data.meetings).allSatisfy { $0 != nil })
        var m = try #require(a.context.data.meeting(sandyOctober))
        m.title += " quokka"
        #expect(a.applyEdit(.saveMeeting(m, label: "title")) == .saved)
        // Only the saved meeting's text is to be made again.
        let missing = zip(a.context.data.meetings, a.context.searchTexts.cached(a.context.data.meetings)).filter {
            $0.1 == nil
        }.map(\.0.id)
        #expect(missing == [sandyOctober])
        #expect(matches(a, "quokka") == [sandyOctober])
        // Undone: the old title is searched again.
        a.handle(.key(.char("u")))
        #expect(matches(a, "quokka").isEmpty)
    }

    @Test func test_textsMadeOnAnotherThread_equalTheTextsMadeOnDemand() throws {
        let w = try Workspace()
        _ = w.store.loadIndexed(now: fixedNow)
        let (data, _) = w.store.loadIndexed(now: fixedNow)
        let a = App(data: data, now: fixedNow, width: 120, height: 40, store: w.store, access: .editable)
        a.prepareSearch()
        let deadline = Date().addingTimeInterval(60)
        var ready = a.context.searchTexts.cached(a.context.data.meetings)
        while Date() < deadline, ready.contains(where: { $0 == nil }) {
            Thread.sleep(forTimeInterval: 0.05)
            ready = a.context.searchTexts.cached(a.context.data.meetings)
        }
        let direct = a.context.data.meetings.map { MeetingsScreen.haystack($0, a.context) }
        #expect(ready.map { $0 ?? [] } == direct)
        // A change of the whole data makes every text again.
        var b = a
        b.context.refresh()
        #expect(b.context.searchTexts.cached(b.context.data.meetings).allSatisfy { $0 == nil })
    }

    @Test func test_wordsNoDateCanHold_areKnownWithoutLookingAtEachDate() {
        let searches = [
            "b", "bi", "big", "biggleswade", "tue", "tues", "dec", "december", "2026", "1", "24", "2026-12", "nov 2026",
            "sandy", "mon", "fri 4", "x1", "ju", "jun", "2026-11-2",
        ]
        for text in searches {
            let words = text.split(separator: " ").map(String.init)
            if !MeetingsScreen.mayBeOnADate(words) {
                #expect(!sampleData.meetings.contains { MeetingsScreen.isOnTheDate($0, words) }, "\(text)")
            }
        }
        #expect(!MeetingsScreen.mayBeOnADate(["biggleswade"]) && !MeetingsScreen.mayBeOnADate(["b"]))
        #expect(
            MeetingsScreen.mayBeOnADate(["dec"]) && MeetingsScreen.mayBeOnADate(["2026"])
                && MeetingsScreen.mayBeOnADate(["tue", "24"]))
        #expect(sampleData.meetings.contains { MeetingsScreen.isOnTheDate($0, ["tue"]) })
    }
}
