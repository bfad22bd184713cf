import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport

/// The minutes in the shape of the Luton Forum's (seed 003): every minute numbered at one level with its REF,
/// PRESENT with substitutes and councillors' council, presenters as they were, apologies without reasons,
/// matters arising with what was reported and what became of each action, resolutions joined with the pre-fill.
@Suite struct MinutesShapeTests {
    static let data = DataStore(folder: DataFolder(TestPaths.sampleData)).load()
    static let sandy = "2026-10-15-sandy-biggleswade-ltt"

    static func minutes(
        _ m: Meeting, _ format: DocumentFormat = .text, meetings: [Meeting] = data.meetings,
        audience: MeetingDocument.Audience = .record
    ) -> String {
        MeetingDocument.document(
            .minutes, format, for: m, directory: data.directory, allMeetings: meetings,
            council: data.settings.council, audience: audience)
    }

    /// Sandy in October with a substitute, a presenter who sent apologies, and a walk-in.
    static func sandyWithSubstitute() throws -> Meeting {
        var m = try #require(data.meeting(sandy))
        let presenter = try #require(m.agenda[4].presenter)  // item 5's
        m.attendance.removeAll { $0.person == presenter }
        m.attendance.append(Attendance(person: presenter, status: .apologies, reason: "on a course all week"))
        m.attendance.append(
            Attendance(
                name: "Priya Okafor", organisation: "groundwork-bedfordshire", status: .substitute,
                substituteFor: presenter))
        m.attendance.append(
            Attendance(name: "Dan Reed", organisation: "bedfordshire-police", role: .observer, status: .present))
        return m
    }

    @Test func test_everyMinute_isNumberedAtOneLevel_inTextAndMarkdown() throws {
        let m = try #require(Self.data.meeting(Self.sandy))
        let text = Self.minutes(m)
        let numbered = text.split(separator: "\n").filter { $0.contains("(REF: ") }
        #expect(numbered.count == m.agenda.count)
        for (i, line) in numbered.enumerated() { #expect(line.hasPrefix("\(i + 1)  "), "\(line)") }
        #expect(text.contains("\n8  ISSUES RAISED BY RESIDENTS\n"))
        let markdown = Self.minutes(m, .markdown)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
        // "## PRESENT:" and its role groups ("### MEMBERS"), then every minute at "##" with its number.
        let minutes = headings.drop { !$0.contains("(REF: 1)") }
        #expect(minutes.count == m.agenda.count + 1)
        for heading in minutes {
            #expect(heading.hasPrefix("## ") && heading.dropFirst(3).first?.isNumber == true, "\(heading)")
        }
        #expect(markdown.contains("\n## 1  APOLOGIES FOR ABSENCE (REF: 1)\n"))
        #expect(markdown.contains("\n## 2  MINUTES OF THE PREVIOUS MEETING (REF: 2)\n"))
        #expect(
            headings.filter { $0.hasPrefix("### ") }.allSatisfy {
                ["### MEMBERS", "### OBSERVERS", "### SUPPORT OFFICERS/ADVISORS"].contains(String($0))
            })
    }

    /// Without standing items on the agenda the sections still get numbers, before the items.
    @Test func test_standingSections_withoutAgendaItems_areNumberedToo() throws {
        var m = try #require(Self.data.meeting(Self.sandy))
        m.agenda.removeFirst(4)
        let text = Self.minutes(m)
        #expect(text.contains("\n1  APOLOGIES FOR ABSENCE\n") && text.contains("\n2  DISCLOSURES OF INTEREST\n"))
        #expect(text.contains("\n3  FLOOD RESILIENCE AND DRAINAGE (REF: 5)\n"))
        #expect(text.contains("  MATTERS ARISING\n"))
    }

    @Test func test_present_includesSubstitutes_andCouncillorsWithTheirCouncil() throws {
        let text = Self.minutes(try Self.sandyWithSubstitute())
        let present = String(text[text.range(of: "PRESENT:")!.lowerBound..<text.range(of: "1  APOLOGIES")!.lowerBound])
        #expect(present.contains("  Priya Okafor – Groundwork Bedfordshire (substitute for Carys Brackenbury)\n"))
        #expect(present.contains("  Councillor Otis Rookwood – Central Bedfordshire Council – Chair\n"))
        #expect(present.contains("OBSERVERS\n  Dan Reed – Bedfordshire Police\n"))
        #expect(!text.contains("SUBSTITUTES"))
    }

    @Test func test_presenter_followsTheSubstitution_andOneWhoSentApologiesIsNotNamed() throws {
        var m = try Self.sandyWithSubstitute()
        #expect(
            Self.minutes(m).contains(
                "Presented by Priya Okafor, Groundwork Bedfordshire (substitute for Carys Brackenbury)."))
        m.attendance.removeAll { $0.status == .substitute }
        let text = Self.minutes(m)
        #expect(!text.contains("Presented by Carys Brackenbury"))
    }

    @Test func test_apologies_nameAndOrganisationOnly_neverAReason() throws {
        let m = try Self.sandyWithSubstitute()
        for audience in [MeetingDocument.Audience.record, .residents] {
            let text = Self.minutes(m, audience: audience)
            for reason in m.attendance.compactMap(\.reason) { #expect(!text.contains(reason), "\(reason)") }
        }
        #expect(
            Self.minutes(m).contains(
                "received on behalf of:\n  Otis Rushmere – Bedfordshire Rural Communities Charity\n"))
        #expect(Self.minutes(m).contains("  Carys Brackenbury – Groundwork Bedfordshire\n"))
    }

    /// Matters arising say what was reported at the meeting and what became of each action, as the meeting left
    /// it: a later meeting's change does not rewrite them.
    @Test func test_mattersArising_minuteWhatWasReported_andWhatBecameOfEachAction() throws {
        var meetings = Self.data.meetings
        let m = try #require(Self.data.meeting(Self.sandy))
        let at = m.start.addingTimeInterval(1800)
        func change(_ meetingID: String, _ actionID: String, _ edit: (inout Action) -> Void) throws {
            let i = try #require(meetings.firstIndex { $0.id == meetingID })
            let k = try #require(meetings[i].actions.firstIndex { $0.id == actionID })
            edit(&meetings[i].actions[k])
        }
        try change("2026-08-13-sandy-biggleswade-ltt", "A-2026-055") { a in
            a.updates.removeLast()
            a.updates += [
                ActionUpdate(
                    at: at, text: "Harpreet reported 14 calls since September, down from 22; figures circulated",
                    meeting: Self.sandy),
                ActionUpdate(at: at, text: "Done (reported at Sandy).", status: .done, meeting: Self.sandy),
            ]
        }
        try change("2026-06-18-biggleswade-north-ward-forum", "A-2026-040") { a in
            a.updates += [
                ActionUpdate(
                    at: at, text: "Carried forward at Sandy to 28 Jan 2027.", status: .carriedForward,
                    meeting: Self.sandy)
            ]
            a.due = CalendarDate(year: 2027, month: 1, day: 28)
            // Closed at a later meeting: October's minutes still say it was carried forward.
            a.updates += [
                ActionUpdate(
                    at: at.addingTimeInterval(60 * 86_400), text: "Completed.", status: .done,
                    meeting: "2026-12-17-sandy-biggleswade-ltt")
            ]
            a.status = .done
        }
        let text = Self.minutes(m, meetings: meetings)
        #expect(
            text.contains(
                "A-2026-055  Increase patrols near the recreation ground on Friday evenings. Harpreet Zephyrine – Bedfordshire Police. Raised 13 Aug 2026. "
                    + "Reported: Harpreet reported 14 calls since September, down from 22; figures circulated. Closed at this meeting.\n"
            ))
        #expect(text.contains("Raised 18 Jun 2026. Carried forward to 28 Jan 2027.\n"))
        #expect(
            text.contains(
                "A-2025-003  Ask the practice to explain its new booking system at the next meeting. Otis Thistlewood – NHS Bedfordshire. Raised 4 Dec 2025. Still open (carried forward, due 1 Jan 2026).\n"
            ))
        #expect(!text.contains("Done (reported at"))
    }

    @Test func test_resolution_joinsThePrefill_andNumberedResolutionsArePlainParagraphs() throws {
        #expect(
            Outcome.joined("Resolved: That (i) That the report be noted (ii) That partners respond")
                == "Resolved: (i) That the report be noted (ii) That partners respond")
        #expect(Outcome.joined("Resolved: That that the report be noted.") == "Resolved: That the report be noted.")
        #expect(Outcome.joined("Resolved: That the report be noted.") == "Resolved: That the report be noted.")
        #expect(
            Outcome.resolutions(
                "Resolved: (i) That the report be noted (ii) That partners respond (iii) That it returns in March")
                == [
                    "Resolved: (i) That the report be noted", "(ii) That partners respond",
                    "(iii) That it returns in March",
                ])
        var m = try #require(Self.data.meeting(Self.sandy))
        m.agenda[4].outcome =
            "Resolved: That (i) That the presentation be noted (ii) That partner organisations be requested to respond."
        let text = Self.minutes(m)
        #expect(
            text.contains(
                "Resolved: (i) That the presentation be noted\n(ii) That partner organisations be requested to respond.\n"
            ))
        let markdown = Self.minutes(m, .markdown)
        #expect(
            markdown.contains(
                "**Resolved:** (i) That the presentation be noted\n\n(ii) That partner organisations be requested to respond.  \n"
            ))
    }

    /// For residents: the same document, councillors by name and partners by organisation.
    @Test func test_residentsMinutes_nameCouncillors_andPartnersByOrganisation() throws {
        var m = try Self.sandyWithSubstitute()
        m.attendance.append(Attendance(name: "Ann Other", organisation: "bedfordshire-police", status: .present))
        let text = Self.minutes(m, audience: .residents)
        let members = String(text[text.range(of: "MEMBERS")!.lowerBound..<text.range(of: "OBSERVERS")!.lowerBound])
        #expect(
            members.components(separatedBy: "  Bedfordshire Police\n").count == 2,
            "one organisation represented is listed once")
        #expect(text.contains("  Groundwork Bedfordshire (substitute)\n"))
        #expect(text.contains("  Councillor Otis Rookwood – Central Bedfordshire Council – Chair\n"))
        for name in ["Priya Okafor", "Carys Brackenbury", "Dan Reed", "Ann Other", "Personal interest"] {
            #expect(!text.contains(name), "\(name)")
        }
        #expect(text.contains("\n1  APOLOGIES FOR ABSENCE (REF: 1)\n"))
    }
}
