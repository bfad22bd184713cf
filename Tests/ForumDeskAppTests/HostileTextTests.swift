import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct HostileTextTests {
    /// A title or venue holding a terminal escape (set window title), a bell and a bidi override never
    /// reaches the buffer raw, on any screen that shows it.
    @Test func test_controlCharactersInData_areShownAsPlaceholders() {
        var data = sampleData
        let hostile = "Let's Talk\u{1B}]0;pwned\u{07}\u{202E}gnikcah"
        data.meetings[0].title = hostile
        data.meetings[0].venue.name = "Hall\u{1B}[2J\u{9B}31m"
        // The list opens at today: g goes to the first (oldest) meeting, the hostile one.
        let keysets: [[Key]] = [
            [.char("2"), .char("g")], [.char("2"), .char("g"), .enter], [.char("2"), .char("g"), .enter, .backTab],
        ]
        for keys in keysets {
            let buffer = app(width: 120, height: 40, data: data, keys: keys).render()
            for cell in buffer.cells {
                #expect(
                    !cell.text.unicodeScalars.contains {
                        $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E
                    },
                    "\(keys)")
            }
        }
        let meeting = app(width: 120, height: 40, data: data, keys: [.char("2"), .char("g"), .enter]).screenText
        #expect(meeting.contains("Let's Talk\u{241B}]0;pwned\u{2407}\u{FFFD}gnikcah"))
    }
}
