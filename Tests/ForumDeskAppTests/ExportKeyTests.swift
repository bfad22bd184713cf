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

@Suite struct ExportKeyTests {
    @Test func test_eOnTheMinutesTab_writesAllThreeFormats() throws {
        let w = try Workspace()
        let a = w.app(keys: openSandyOctober + [.backTab, .char("e")])
        #expect(a.screenText.contains("Wrote the minutes to exports/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: w.copy.path + "/exports").sorted()
        #expect(
            files == [
                "2026-10-15-sandy-biggleswade-ltt-minutes.html", "2026-10-15-sandy-biggleswade-ltt-minutes.md",
                "2026-10-15-sandy-biggleswade-ltt-minutes.txt",
            ])
    }
}
