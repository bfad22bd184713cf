import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct SearchWhatRowsShowTests {
    /// Every word must match somewhere, so "Dec 2026" also finds a 2026 meeting whose agenda says "decide";
    /// the status line then says where it matched.
    @Test func test_meetingsSearch_matchesTheDisplayedDates() {
        let december = sampleData.meetings.filter { Format.day($0.start).hasSuffix("Dec 2026") }.count
        #expect(december > 1)
        for (query, least) in [
            ("17 Dec 2026", 1), ("Dec 2026", december), ("December 2026", december), ("Thu 17 Dec", 1),
        ] {
            let a = app(width: 120, height: 80, keys: [.char("2"), .char("/")] + typing(query))
            let rows = a.render().lines.dropFirst(3).dropLast().filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            #expect(rows.filter { $0.contains("Dec 2026") }.count == least, "\(query): \(rows)")
        }
        let exact = app(width: 120, height: 40, keys: [.char("2"), .char("/")] + typing("17 Dec 2026"))
        #expect(exact.screenText.contains("1/1 (of 58)"))
    }

    @Test func test_meetingsSearch_findsAgendaTitles_andSaysWhere() throws {
        let meeting = try #require(
            sampleData.meetings.first { m in m.agenda.contains { $0.title.count > 12 } && !m.isSummary })
        let title = try #require(meeting.agenda.first { $0.title.count > 12 })
        let a = app(width: 160, height: 40, keys: [.char("2"), .char("/")] + typing(title.title.lowercased()))
        #expect(
            a.screenText.contains("found in agenda item \(title.number): \(title.title)")
                || a.screenText.contains("found in agenda item \(title.number)"),
            "\(a.screenText)")
    }

    @Test func test_meetingsSearch_findsResidentsIssues() throws {
        let (meeting, issue) = try #require(
            sampleData.meetings.lazy.compactMap { m in m.issues.first { $0.text.count > 10 }.map { (m, $0) } }.first)
        let word = try #require(issue.text.split(separator: " ").max { $0.count < $1.count }).lowercased()
        let a = app(width: 160, height: 40, keys: [.char("2"), .char("/")] + typing(word))
        #expect(a.screenText.contains("found in residents' issue"), "\(word) in \(meeting.id): \(a.screenText)")
    }
}
