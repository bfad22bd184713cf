import Foundation
import SnapshotTesting
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport

@Suite struct AnnualReportTests {
    static let data = DocumentTests.data
    static func report(_ format: DocumentFormat, area: String? = nil) -> String {
        format.render(
            AnnualReport.lines(
                year: 2026, area: area, directory: data.directory, meetings: data.meetings,
                today: CalendarDate(year: 2026, month: 11, day: 23), council: data.settings.council),
            title: "Community meetings 2026")
    }

    @Test func test_report2026_golden() {
        assertSnapshot(of: Self.report(.markdown), as: .lines, named: "report-2026.md")
    }

    @Test func test_report_hasEverySection_withFiguresFromTheData() {
        let text = Self.report(.text)
        for section in [
            "MEETINGS", "RESIDENTS TAKING PART", "Residents a meeting, by quarter", "WHO TOOK PART",
            "PARTNERS IN THE ROOM",
            "COUNCILLORS NOTIFIED", "ACTIONS: YOU SAID, WE DID", "WHAT RESIDENTS RAISED MOST",
        ] {
            #expect(text.contains(section), "\(section)")
        }
        let held = Self.data.meetings.filter { $0.status == .held && LondonTime.date($0.start).year == 2026 }
        let residents = held.compactMap(\.residentsPresent).reduce(0, +)
        #expect(text.contains("\(residents) residents at \(held.filter { $0.residentsPresent != nil }.count) meetings"))
        #expect(Self.report(.text, area: "leighton-rural").contains("Leighton Rural: "))
        #expect(!Self.report(.text, area: "leighton-rural").contains("Sandy and Biggleswade: "))
    }

    @Test func test_reportHTML_withSVGCharts_isWellFormed() throws {
        let html = Self.report(.html)
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(try isWellFormedXML(html), "the report's HTML is not well-formed XML")
    }
}
