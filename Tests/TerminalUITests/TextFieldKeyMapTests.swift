import PropertyBased
import Testing
@testable import TerminalUI

/// Every key the field's key map lists does what help says: it moves the cursor or changes the text.
@Suite struct TextFieldKeyMapTests {
    @Test func test_everyBoundKey_movesTheCursorOrEdits() {
        for binding in TextField.keyMap.bindings {
            for key in binding.keys {
                var field = TextField("ab cd ef")
                field.cursor = 4
                let before = field
                let taken = field.handle(key)
                #expect(taken, "\(key.label) not taken")
                #expect(field != before, "\(key.label) (\(binding.help)) did nothing")
            }
        }
    }
}
