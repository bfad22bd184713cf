import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskTestSupport

/// Issue 36: the report's charts scale to any width (a `viewBox`, no fixed size) and carry their figures as a
/// table a screen reader reads (WCAG 1.1.1, 1.4.10).
@Suite struct ChartTests {
    static var charts: [DocumentLine] {
        AnnualReport.lines(
            year: 2026, area: nil, directory: AnnualReportTests.data.directory,
            meetings: AnnualReportTests.data.meetings,
            today: CalendarDate(year: 2026, month: 11, day: 23), council: "Central Bedfordshire Council"
        ).filter { $0.kind == .chart }
    }

    static func number(_ svg: String, _ attribute: String) -> Int? {
        guard let r = svg.range(of: attribute + "=\"") else { return nil }
        return Int(svg[r.upperBound...].prefix { $0.isNumber })
    }

    @Test func test_everyChart_scalesWithAViewBox_andEveryDrawingFitsInIt() throws {
        #expect(Self.charts.count == 2)
        for chart in Self.charts + [
            .chart(
                "Long labels",
                [.init("Bedfordshire Fire and Rescue Service, Sandy and Biggleswade station", 100), .init("Q4", 7)])
        ] {
            let svg = DocumentFormat.svg(chart)
            let open = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<svg") }.map(String.init))
            #expect(!open.contains(" width=\"") && !open.contains(" height=\""), "\(open)")  // no fixed size
            let box = try #require(
                open.range(of: "viewBox=\"0 0 ").map {
                    open[$0.upperBound...].split(separator: "\"")[0].split(separator: " ")
                })
            let (width, height) = (try #require(Int(box[0])), try #require(Int(box[1])))
            // Every text ends inside the box (7.5 units a character at font size 13 is wider than the fonts'), every bar too.
            for element in svg.split(separator: "\n") where element.hasPrefix("<text") || element.hasPrefix("<rect") {
                let x = try #require(Self.number(String(element), "x")),
                    y = try #require(Self.number(String(element), "y"))
                let content =
                    element.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
                let right =
                    element.hasPrefix("<rect")
                    ? x + (Self.number(String(element), "width") ?? 0) : x + Int(Double(content.count) * 7.5)
                #expect(right <= width && y <= height, "\(chart.text): \(element) in \(width)×\(height)")
            }
        }
    }

    @Test func test_everyChart_hasItsFiguresAsATable() {
        for chart in Self.charts {
            let html = DocumentFormat.svg(chart)
            #expect(html.contains("aria-hidden=\"true\""))  // the drawing; the table is what is read
            #expect(html.contains("<caption>\(DocumentFormat.escapeHTML(chart.text)): the figures</caption>"))
            for bar in chart.bars {
                let value =
                    bar.value == bar.value.rounded() ? String(Int(bar.value)) : String(format: "%.1f", bar.value)
                #expect(
                    html.contains(
                        "<tr><th scope=\"row\">\(DocumentFormat.escapeHTML(bar.label))</th><td>\(value)</td></tr>"),
                    "\(bar.label)")
            }
        }
    }

    /// In headless Chromium at phone widths (320 and 390 CSS pixels), with its fonts: each chart of the site's report
    /// stays inside the page, each bar and text inside its drawing's box, each has its figures (scripts/check-charts.py).
    @Test func test_reportCharts_fitAPhoneScreen_inChromium() throws {
        let folder = PublicSiteTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try PublicSiteTests.publish(
            PublicSiteTests.site(AnnualReportTests.data.meetings), to: folder, at: PublicSiteTests.now)
        let script = TestPaths.repositoryRoot.appendingPathComponent("scripts/check-charts.py").path
        let out = try runPython([
            script, folder + "/reports/2026.html", "--widths", "320,390", "--shots", folder + "/shots",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)")
        #expect((json["problems"] as? [String]) == [], "\(json["problems"] ?? "")")
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.map { ($0["charts"] as? [Any])?.count } == [2, 2])
        #expect(FileManager.default.fileExists(atPath: folder + "/shots/chart-1-320px.png"))
    }
}
