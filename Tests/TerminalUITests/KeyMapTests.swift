import Foundation
import Testing
@testable import TerminalUI

@Suite struct KeyMapTests {
    enum Cmd: String, Hashable, Sendable { case up, open }

    @Test func test_lookup_andHintsComeFromTheSameTable() {
        let map = KeyMap<Cmd>([
            .init(
                "Move",
                [
                    Binding([.up, .char("k")], "Move up", .up),
                    Binding([.enter], "Open", .open, hint: "open"),
                ])
        ])
        #expect(map.command(for: .char("k")) == .up)
        #expect(map.command(for: .char("x")) == nil)
        #expect(map.hints.map(\.label) == ["open"])
        #expect(map.bindings.first?.keyLabel == "↑/k")
    }
}
