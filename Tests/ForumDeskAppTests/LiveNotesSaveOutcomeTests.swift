import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import TerminalUI

/// Live notes keep the typed line until its save succeeded: the save's outcome comes back to the screen that
/// asked (`Screen.editFinished`), so a refused save leaves the line to retry instead of losing it.
@Suite struct LiveNotesSaveOutcomeTests {
    static let id = LiveNotesFlowTests.id
    static let line = "Ask the police for the speeding figures"

    @Test func test_aRefusedSave_keepsTheTypedLine_andEnterSavesItOnceTheFileIsRight() throws {
        let w = try Workspace()
        var a = w.app(width: 120, keys: LiveNotesFlowTests.open + [.char("a")] + typing(Self.line))
        let path = try #require(w.path(Self.id))
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        // Someone's hand edit broke the file while the line was typed: ForumDesk must not overwrite it.
        try Data("{ \"id\": \"broken".utf8).write(to: URL(fileURLWithPath: path))
        a.handle(.key(.enter))
        #expect(a.screenText.contains(Self.line), "\(a.screenText)")
        #expect(a.screenText.contains("your line is kept"), "\(a.screenText)")
        #expect(a.unsavedCount == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{ \"id\": \"broken".utf8))

        try good.write(to: URL(fileURLWithPath: path))
        _ = a.filesChanged([path])
        a.handle(.key(.enter))
        #expect(w.meetingOnDisk(Self.id)?.actions.last?.description == Self.line)
        #expect(!a.screenText.contains("your line is kept"), "\(a.screenText)")
        #expect(a.isTakingText == false, "the line closed once saved")
    }

    @Test func test_aSavedLine_closes() throws {
        let w = try Workspace()
        let a = w.app(width: 120, keys: LiveNotesFlowTests.open + [.char("a")] + typing(Self.line) + [.enter])
        #expect(w.meetingOnDisk(Self.id)?.actions.last?.description == Self.line)
        #expect(a.isTakingText == false)
    }
}
