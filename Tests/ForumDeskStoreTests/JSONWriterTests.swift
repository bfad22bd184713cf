import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct JSONWriterTests {
    @Test func test_writesTwoSpaceIndentedJSONWithNewlineAtEnd() {
        let json = OrderedJSON.object([
            ("b", .int(1)), ("a", .array([.string("x"), .null])), ("e", .array([])), ("o", .object([])),
        ])
        let text = String(decoding: JSONWriter.write(json), as: UTF8.self)
        #expect(text == "{\n  \"b\": 1,\n  \"a\": [\n    \"x\",\n    null\n  ],\n  \"e\": [],\n  \"o\": {}\n}\n")
    }

    @Test func test_controlCharactersAreEscaped_soAFileIsSafeToCat() {
        let text = String(decoding: JSONWriter.write(.string("a\u{1B}[31m\u{7F}\u{85}\"\\\n")), as: UTF8.self)
        #expect(text == "\"a\\u001b[31m\\u007f\\u0085\\\"\\\\\\n\"\n")
    }

    @Test func test_unknownObjectsAreWrittenInKeyOrder() {
        let value = JSONValue.object(["zeta": .number("1"), "alpha": .bool(false)])
        #expect(OrderedJSON(value) == .object([("alpha", .bool(false)), ("zeta", .number("1"))]))
    }
}
