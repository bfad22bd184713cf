import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct QuitQuestionTests {
    @Test func test_ctrlC_onTheDiscardQuestion_asksAboutQuitting_andASecondCtrlCQuits() {
        var a = app(keys: [.char("2"), .char("n"), .tab, .tab, .tab] + typing("Hall") + [.escape])
        #expect(a.screenText.contains("Discard changes?"))
        a.handle(.key(.ctrl("c")))
        #expect(!a.isFinished && a.screenText.contains("Quit without saving?"))
        a.handle(.key(.ctrl("c")))
        #expect(a.isFinished)
    }
}
