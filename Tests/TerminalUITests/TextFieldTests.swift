import Foundation
import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    @Test func test_editingKeys() {
        var field = TextField("Sandy hall")
        field.handle(.home)
        field.handle(.delete)
        field.handle(.char("W"))
        #expect(field.text == "Wandy hall" && field.cursor == 1)
        field.handle(.end)
        field.handle(.ctrl("w"))
        #expect(field.text == "Wandy ")
        field.handle(.backspace)
        field.paste("  by\nthe river")
        #expect(field.text == "Wandy  by the river")
        field.handle(.ctrl("u"))
        #expect(field.text == "" && field.cursor == 0)
        let handled = field.handle(.enter)
        #expect(!handled)
    }

    @Test func test_render_keepsTheCursorVisible() {
        var field = TextField(String(repeating: "x", count: 30))
        field.handle(.end)
        var buffer = Buffer(width: 10, height: 1)
        field.render(in: buffer.area, into: &buffer)
        #expect(buffer[9, 0].style.attributes.contains(.reverse))
    }
}
