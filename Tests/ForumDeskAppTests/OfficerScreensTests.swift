import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The officer's screens of issue 37: cancelling asks why, and the notices carry it.
@Suite struct OfficerScreensTests {
    static let linslade = "2026-12-01-leighton-buzzard-linslade-ltt"
    static let openLinslade: [Key] = [.char("2"), .char("/")] + typing("2026-12-01") + [.enter, .enter]

    /// The parts of a MIME message, base64 decoded, unfolded.
    static func decoded(_ mail: String) -> String {
        var out = "", block = "", inBlock = false
        // "\r\n" is one Character: split the text with its line ends made plain first.
        for line in mail.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            if line.hasPrefix("Content-Transfer-Encoding: base64") { inBlock = true; block = ""; continue }
            if inBlock, line.hasPrefix("--") {
                out +=
                    String(decoding: Data(base64Encoded: block) ?? Data(), as: UTF8.self).replacingOccurrences(
                        of: "\r\n ", with: "") + "\n"
                inBlock = false
            } else if inBlock {
                block += line
            }
        }
        return out
    }

    @Test func test_cancel_asksWhy_andTheCancellationCarriesIt_notThePostponementLine_norAnRSVP() throws {
        let w = try Workspace()
        // Postponed once (its public notes say so), then cancelled with X.
        _ = w.app(
            keys: Self.openLinslade + [.char("P")] + typing("2026-12-03 19:00") + [.tab, .ctrl("u")] + typing("21:00")
                + [.tab]
                + typing("hall double-booked") + [.ctrl("s")])
        let postponed = try #require(w.meetingOnDisk(Self.linslade))
        #expect(postponed.status == .postponed && postponed.publicNotes?.contains("Postponed from") == true)
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-03") + [.enter, .enter, .char("X")])
        #expect(a.screenText.contains("Why cancelled"))
        a.handle(.key(.ctrl("s")))
        #expect(a.screenText.contains("why is it cancelled?"))
        #expect(w.meetingOnDisk(Self.linslade)?.status == .postponed)
        for key in typing("the venue has closed for repairs") + [.ctrl("s")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk(Self.linslade))
        #expect(m.status == .cancelled && m.cancellationReason == "the venue has closed for repairs")
        let plan = Notifier.plan(
            for: m, directory: a.context.directory, organiser: .init(name: "Wilf Lanternby", email: "wilf@example.org"),
            council: "Central Bedfordshire Council", now: fixedNow)
        let cancellations = plan.outgoing.filter { $0.kind == .cancellation }
        #expect(!cancellations.isEmpty)
        for mail in cancellations {
            let text = Self.decoded(mail.text)
            #expect(text.contains("Reason: the venue has closed for repairs"))
            #expect(!text.contains("Postponed from"), "the postponement line is not the reason")
            #expect(text.contains("ATTENDEE;CN="))
            #expect(!text.contains("RSVP") && !text.contains("NEEDS-ACTION"), "a cancellation asks for no reply")
        }
    }

    /// The Meetings list opens at today (fixedNow is 23 Nov 2026): the first meeting from today on is selected.
    @Test func test_meetingsList_opensAtToday() throws {
        let a = app(width: 120, height: 30, keys: [.char("2")])
        let screen = try #require(a.top as? MeetingsScreen)
        let list = screen.meetings(a.context)
        let shown = screen.shownSelection(a.context, visible: 20).selected
        let startOfToday = LondonTime.instant(date: a.context.today, hour: 0, minute: 0)
        #expect(a.context.data.meetings[list[shown]].start >= startOfToday)
        #expect(shown > 0 && a.context.data.meetings[list[shown - 1]].start < startOfToday)
        // Enter opens the meeting shown selected, and j moves on from there.
        let opened = app(width: 120, height: 30, keys: [.char("2"), .enter])
        #expect(opened.screenText.contains(Format.day(a.context.data.meetings[list[shown]].start)))
        let moved = app(width: 120, height: 30, keys: [.char("2"), .char("j")])
        #expect((moved.top as? MeetingsScreen)?.browser.selection.selected == shown + 1)
    }

    /// The action log lists what is still to do first.
    @Test func test_actions_openItemsFirst() throws {
        let a = app(width: 120, height: 30, keys: [.char("3")])
        let screen = try #require(a.top as? ActionsScreen)
        let statuses = screen.actions(a.context).map { a.context.data.meetings[$0].status.isOpen }
        #expect(statuses.contains(false) && statuses.first == true)
        #expect(statuses == statuses.sorted { $0 && !$1 }, "every open action before every closed one")
    }

    /// A search for a date as the list shows it puts the meetings on that date first; "decide" comes after.
    @Test func test_dateSearch_findsTheDateAsShown_beforeLooseWords() throws {
        for query in ["Dec 2026", "Tue 1 Dec"] {
            let a = app(width: 120, height: 80, keys: [.char("2"), .char("/")] + typing(query))
            let screen = try #require(a.top as? MeetingsScreen)
            let days = screen.meetings(a.context).map { Format.day(a.context.data.meetings[$0].start) }
            let onTheDate = days.prefix { $0.hasSuffix("Dec 2026") }
            #expect(!onTheDate.isEmpty, "\(query): \(days)")
            #expect(
                days.dropFirst(onTheDate.count).allSatisfy { !$0.hasSuffix("Dec 2026") || query == "Tue 1 Dec" },
                "\(query): \(days)")
            if query == "Tue 1 Dec" {
                #expect(days.first?.replacingOccurrences(of: "  ", with: " ") == "Tue 1 Dec 2026", "\(days)")
            }
        }
    }

    /// Changing the start time moves the end with it, keeping the length, until the end is typed over.
    @Test func test_endTime_followsAChangedStart() throws {
        let w = try Workspace()
        let before = try #require(w.meetingOnDisk(Self.linslade))
        _ = w.app(
            keys: Self.openLinslade + [.char("E"), .tab, .tab, .tab, .tab, .ctrl("u")] + typing("2026-12-01 20:00") + [
                .ctrl("s")
            ])
        let m = try #require(w.meetingOnDisk(Self.linslade))
        #expect(LondonTime.hhmm(m.start) == "20:00")
        #expect(m.end.timeIntervalSince(m.start) == before.end.timeIntervalSince(before.start))
    }

    /// Pickers over a meeting start with its area's people; j and k move until something is typed.
    @Test func test_pickers_startWithTheMeetingsArea_andJKMoveOnlyBeforeTyping() throws {
        let w = try Workspace()
        var a = w.app(width: 120, height: 40, keys: LiveNotesFlowTests.open + [.char("s")])
        let screen = try #require(a.top as? LiveNotesScreen)
        let picker = try #require(screen.picker?.0)
        let m = try #require(a.context.data.meeting(LiveNotesFlowTests.id))
        let wards = Set(a.context.directory.area(m.area)?.wards.map(\.id) ?? [])
        let first = try #require(a.context.directory.person(picker.items[0].id))
        #expect(
            first.kind == .councillor && !wards.isDisjoint(with: first.wards),
            "\(first.name) is not of the meeting's area")
        var p = picker
        _ = p.handle(.char("j"))
        _ = p.handle(.char("j"))
        _ = p.handle(.char("k"))
        #expect(p.selection.selected == 1 && p.field.text.isEmpty)
        _ = p.handle(.char("a"))
        _ = p.handle(.char("j"))
        #expect(p.field.text == "aj" && p.selection.selected == 0)
        a.handle(.key(.escape))
    }

    /// A councillor's view lists only the topic to-dos of their wards' areas.
    @Test func test_councillorView_showsOnlyTheTopicToDosOfTheirAreas() throws {
        let officer = app(width: 120, height: 40)
        let alerts = officer.context.topicAlerts
        let councillor = try #require(
            sampleData.directory.people.first { p in
                p.kind == .councillor
                    && alerts.contains { alert in
                        !sampleData.directory.areas.filter { $0.wards.contains { p.wards.contains($0.id) } }.map(\.id)
                            .contains { alert.areas.contains($0) }
                    }
            })
        let view = App.councillorView(of: councillor, data: sampleData, now: fixedNow, width: 120, height: 40)
        let areas = Set(
            sampleData.directory.areas.filter { $0.wards.contains { councillor.wards.contains($0.id) } }.map(\.id))
        #expect(view.context.topicAlerts.count < alerts.count)
        #expect(view.context.topicAlerts.allSatisfy { !areas.isDisjoint(with: $0.areas) })
    }

    static let leightonRural = "2026-11-26-leighton-rural-ltt"
    static let postponeLeightonRural: [Key] =
        [.char("2"), .char("/")] + typing("2026-11-26") + [.enter, .enter, .char("P")]
        + typing("2026-12-10 18:30")

    /// Postponed past the winter vaccinations' "not after" (5 Dec): the meeting, the dashboard and validate say so.
    @Test func test_postponementPastATopicsWindow_warnsOnTheMeetingTheDashboardAndValidate() throws {
        let w = try Workspace()
        let form = w.app(width: 160, height: 48, keys: Self.postponeLeightonRural)
        #expect(
            form.screenText.contains("item 7 after “not after” 2026-12-05"), "the postpone form says so before saving")
        var a = w.app(width: 160, height: 48, keys: Self.postponeLeightonRural + [.ctrl("s")])
        let m = try #require(w.meetingOnDisk(Self.leightonRural))
        #expect(m.status == .postponed && m.agenda.contains { $0.topic == "winter-vaccinations" })
        let warning =
            "“Winter vaccinations: flu and COVID-19” (item 7) is on 2026-12-10, after its requester's “not after” 2026-12-05"
        #expect(a.screenText.contains(warning), "the meeting's Details tab")
        a.handle(.key(.char("1")))
        #expect(
            a.screenText.contains("Winter vaccinations: flu and COVID-19” (item 7) is on 2026-12-10"), "the dashboard")
        let data = w.store.load()
        let problems = Validator.validate(
            directory: data.directory, meetings: data.meetings, topics: data.topics, now: fixedNow)
        #expect(problems.contains { $0.message.hasPrefix(warning) }, "validate")
    }

    /// The postpone form offers to unschedule the topic: the item leaves the agenda, the others renumbered.
    @Test func test_postponement_offersToUnscheduleTheTopic() throws {
        let w = try Workspace()
        let before = try #require(w.meetingOnDisk(Self.leightonRural))
        _ = w.app(
            width: 160, height: 48,
            keys: Self.postponeLeightonRural + [.tab, .tab, .tab, .enter, .down, .enter, .ctrl("s")])
        let m = try #require(w.meetingOnDisk(Self.leightonRural))
        #expect(m.status == .postponed)
        #expect(!m.agenda.contains { $0.topic == "winter-vaccinations" })
        #expect(m.agenda.count == before.agenda.count - 1 && m.agenda.map(\.number) == Array(1...m.agenda.count))
        // Still on Dunstable's agenda: the topic stays scheduled.
        #expect(w.store.load().topics.first { $0.id == "winter-vaccinations" }?.status == .scheduled)
    }
}
