import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
@testable import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// The data users actually see at start comes through the start-up index: closed meetings as summaries. Every
/// main screen drawn from it must be the screen drawn from a full load of the same folder, and an edit made on a
/// summary must reach the file as the same edit made on the full meeting.
@Suite struct IndexedScreensTests {
    /// Each main screen, its other panes and a scrolled view: what a summary feeds (lists, counts, owners, topics).
    static let views: [(name: String, keys: [Key])] = [
        ("dashboard", []),
        ("dashboard-next", [.tab]),
        ("meetings", [.char("2")]),
        ("meetings-end", [.char("2"), .char("G")]),
        ("meetings-search", [.char("2"), .char("/")] + typing("sandy")),
        ("actions", [.char("3")]),
        ("actions-all", [.char("3"), .char("f")]),
        ("actions-end", [.char("3"), .char("G")]),
        ("directory", [.char("4")]),
        ("reports", [.char("5")]),
        ("reports-previous-year", [.char("5"), .char("[")]),
        ("topics", [.char("6")]),
        ("topics-queue", [.char("6"), .tab]),
    ]

    static func app(_ data: DataSet, _ store: DataStore, keys: [Key]) -> App {
        var a = App(data: data, now: fixedNow, width: 160, height: 48, store: store, access: .editable)
        for key in keys { a.handle(.key(key)) }
        return a
    }

    @Test func test_everyMainScreen_fromTheIndex_isTheScreenFromAFullLoad() throws {
        let w = try Workspace()
        _ = w.store.loadIndexed(now: fixedNow)  // builds the index
        let (indexed, report) = w.store.loadIndexed(now: fixedNow)
        #expect(report.decoded < report.files && indexed.meetings.contains(where: \.isSummary))
        let full = w.store.load()
        for (name, keys) in Self.views {
            let fromIndex = Self.app(indexed, w.store, keys: keys).render().text
            let fromFiles = Self.app(full, w.store, keys: keys).render().text
            #expect(fromIndex == fromFiles, "\(name): the screen drawn from the index differs from a full load")
        }
    }

    /// The warnings of closed meetings come stored with the index, judged once against the directory: a start must
    /// show exactly the warnings a full load judges, and stop trusting them as soon as the directory changes (here
    /// the police loses its role, so closed meetings it alone covered are no longer represented), whether the
    /// change comes from the files at the next start or from an edit in the running app.
    @Test func test_warnings_fromTheIndex_areThoseOfAFullLoad_alsoAfterTheDirectoryChanges() throws {
        let w = try Workspace()
        _ = w.store.loadIndexed(now: fixedNow)
        var (indexed, report) = w.store.loadIndexed(now: fixedNow)
        #expect(!report.indexWritten)
        let stored = try #require(indexed.storedWarnings(now: fixedNow))
        #expect(
            stored.values.joined().contains { $0.kind == .partnerMissing }, "the sample has closed meetings with a gap")
        let before = Context(data: w.store.load(), now: fixedNow).warnings
        #expect(Context(data: indexed, now: fixedNow).warnings == before)
        // The same list as `Warnings.all` of a full load (`forumdesk dashboard`), without judging the history.
        let full = w.store.load()
        #expect(
            indexed.allWarnings(now: fixedNow)
                == Warnings.all(directory: full.directory, meetings: full.meetings, now: fixedNow))

        var data = w.store.load()
        var directory = data.directory
        let police = try #require(directory.organisations.firstIndex { $0.id == "bedfordshire-police" })
        directory.organisations[police].sector = .other
        // In the running app, before any save: the stored warnings no longer hold.
        indexed.directory = directory
        try w.store.saveDirectory(directory, in: &data)
        let after = Context(data: w.store.load(), now: fixedNow).warnings
        let gained = after.filter { id, list in
            indexed.meeting(id)?.isSummary == true && list.contains { $0.kind == .partnerMissing } && before[id] != list
        }
        #expect(!gained.isEmpty, "closed meetings covered by the police alone now have a gap")
        #expect(Context(data: indexed, now: fixedNow).warnings == after)
        let changedFull = w.store.load()
        #expect(
            indexed.allWarnings(now: fixedNow)
                == Warnings.all(directory: changedFull.directory, meetings: changedFull.meetings, now: fixedNow))
        // At the next start: judged again, the index written with them, and the start after uses them.
        let (reloaded, again) = w.store.loadIndexed(now: fixedNow)
        #expect(again.indexWritten && reloaded.storedWarnings(now: fixedNow) != stored)
        #expect(Context(data: reloaded, now: fixedNow).warnings == after)
        let (third, last) = w.store.loadIndexed(now: fixedNow)
        #expect(!last.indexWritten)
        #expect(Context(data: third, now: fixedNow).warnings == after)
    }

    /// A summary edited and saved becomes the full meeting, so its warnings are judged again, not taken from the
    /// index: here marked cancelled, which ends its coverage gap, both at once and at the next full refresh.
    @Test func test_editOnASummary_judgesItsWarningsAgain() throws {
        let viaIndex = try Workspace(), viaFiles = try Workspace()
        _ = viaIndex.store.loadIndexed(now: fixedNow)
        let (indexed, _) = viaIndex.store.loadIndexed(now: fixedNow)
        let stored = try #require(indexed.storedWarnings(now: fixedNow))
        let id = try #require(stored.filter { $0.value.contains { $0.kind == .partnerMissing } }.keys.min())
        var a = Self.app(indexed, viaIndex.store, keys: [])
        var b = Self.app(viaFiles.store.load(), viaFiles.store, keys: [])
        var cancelled = try #require(a.context.data.meeting(id))
        cancelled.status = .cancelled
        a.applyEdit(.saveMeeting(cancelled, label: "cancel"))
        cancelled = try #require(b.context.data.meeting(id))
        cancelled.status = .cancelled
        b.applyEdit(.saveMeeting(cancelled, label: "cancel"))
        #expect(a.context.data.meeting(id)?.isSummary == false)
        #expect(a.context.warnings == b.context.warnings)
        a.context.refresh()
        b.context.refresh()
        #expect(a.context.warnings == b.context.warnings)
        #expect(a.context.warnings[id]?.contains { $0.kind == .partnerMissing } != true)
    }

    /// A first start (no index) keeps closed meetings only as their summaries, as they are decoded, so the rebuild
    /// never holds the whole history in full: it must give what a start with the index gives, screens included.
    @Test func test_loadWithoutTheIndex_givesTheSummariesOfALoadWithIt() throws {
        let w = try Workspace()
        let (cold, built) = w.store.loadIndexed(now: fixedNow)
        #expect(built.indexRebuilt && built.decoded == built.files)
        let (warm, report) = w.store.loadIndexed(now: fixedNow)
        #expect(!report.indexRebuilt && report.decoded < report.files)
        #expect(cold.meetings.filter(\.isSummary).count > 20)
        #expect(cold.meetings == warm.meetings)
        #expect(Context(data: cold, now: fixedNow).warnings == Context(data: warm, now: fixedNow).warnings)
        for (name, keys) in Self.views {
            #expect(
                Self.app(cold, w.store, keys: keys).render().text == Self.app(warm, w.store, keys: keys).render().text,
                "\(name)")
        }
    }

    /// What a summary promises to keep (`MeetingSummary`), field by field against the file: a summary that silently
    /// drops one shows wrong lists, counts or reports.
    @Test func test_summary_keepsEveryFieldItPromises() throws {
        let w = try Workspace()
        _ = w.store.loadIndexed(now: fixedNow)
        let (indexed, _) = w.store.loadIndexed(now: fixedNow)
        let full = w.store.load()
        let summaries = indexed.meetings.filter(\.isSummary)
        #expect(summaries.count > 20)
        for s in summaries {
            let m = try #require(full.meeting(s.id))
            #expect(s.kind == m.kind && s.title == m.title && s.area == m.area && s.wards == m.wards, "\(s.id)")
            #expect(
                s.start == m.start && s.end == m.end && s.venue.name == m.venue.name && s.status == m.status, "\(s.id)")
            #expect(
                s.chair == m.chair && s.sequence == m.sequence && s.residentsPresent == m.residentsPresent, "\(s.id)")
            #expect(
                s.agenda.map {
                    [
                        $0.number.description, $0.title, $0.tags.joined(separator: ","), $0.minutes?.description ?? "",
                        $0.topic ?? "",
                    ]
                }
                    == m.agenda.map {
                        [
                            $0.number.description, $0.title, $0.tags.joined(separator: ","),
                            $0.minutes?.description ?? "", $0.topic ?? "",
                        ]
                    })
            #expect(
                s.invitations.map { "\($0.organisation) \($0.reply)" }
                    == m.invitations.map { "\($0.organisation) \($0.reply)" })
            #expect(
                s.attendance.map { "\($0.person ?? "") \($0.organisation ?? "") \($0.role) \($0.status)" }
                    == m.attendance.filter { $0.status.isInRoom }.map {
                        "\($0.person ?? "") \($0.organisation ?? "") \($0.role) \($0.status)"
                    })
            #expect(
                s.actions.map { MeetingSummary.leanAction($0) } == m.actions.map { MeetingSummary.leanAction($0) },
                "\(s.id)")
            #expect(
                s.actions.map {
                    "\($0.id) \($0.owner ?? "") \($0.organisation ?? "") \($0.due?.description ?? "") \($0.status)"
                }
                    == m.actions.map {
                        "\($0.id) \($0.owner ?? "") \($0.organisation ?? "") \($0.due?.description ?? "") \($0.status)"
                    })
            #expect(
                s.issues.map { "\($0.id) \($0.tags) \($0.item ?? 0) \($0.status) \($0.action ?? "") \($0.topic ?? "")" }
                    == m.issues.map {
                        "\($0.id) \($0.tags) \($0.item ?? 0) \($0.status) \($0.action ?? "") \($0.topic ?? "")"
                    })
        }
    }

    /// The same change (chair, title, residents, an action's owner) made on the summary in the indexed app and on the
    /// full meeting in a fully loaded app: the two files and the two meeting screens must come out the same.
    @Test func test_editOnASummary_savesWhatTheSameEditOnTheFullMeetingSaves() throws {
        let id = "2026-10-15-sandy-biggleswade-ltt"
        let viaIndex = try Workspace(), viaFiles = try Workspace()
        _ = viaIndex.store.loadIndexed(now: fixedNow)
        let (indexed, _) = viaIndex.store.loadIndexed(now: fixedNow)
        try #require(indexed.meeting(id)?.isSummary == true)
        let chair = try #require(
            indexed.directory.people.first { $0.kind == .councillor && $0.id != indexed.meeting(id)?.chair }
        ).id
        func change(_ m: Meeting) -> Meeting {
            var m = m
            m.chair = chair
            m.title += " (renamed)"
            m.residentsPresent = 77
            m.actions[0].owner = nil
            m.actions[0].organisation = "police"
            return m
        }
        var a = Self.app(indexed, viaIndex.store, keys: [])
        var b = Self.app(viaFiles.store.load(), viaFiles.store, keys: [])
        a.applyEdit(.saveMeeting(change(try #require(a.context.data.meeting(id))), label: "change"))
        b.applyEdit(.saveMeeting(change(try #require(b.context.data.meeting(id))), label: "change"))
        let onDiskA = try #require(viaIndex.meetingOnDisk(id)), onDiskB = try #require(viaFiles.meetingOnDisk(id))
        #expect(onDiskA == onDiskB)
        #expect(onDiskA.chair == chair && onDiskA.residentsPresent == 77)
        a.open(meetingID: id, live: false)
        b.open(meetingID: id, live: false)
        #expect(a.render().text == b.render().text)
    }
}
