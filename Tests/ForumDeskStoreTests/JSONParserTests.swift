import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode { try JSONParser.parse(Array(text.utf8)) }

    func syntaxError(_ text: String) -> JSONSyntaxError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func test_missingComma_isReportedWhereTheNextFieldStarts() {
        let error = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(
            error
                == JSONSyntaxError(
                    position: SourcePosition(line: 3, column: 3), reason: "expected ',' or '}' but found `\"`"))
    }

    @Test func test_positionsCountCharactersNotBytes() throws {
        let node = try parse("{\"t\": \"বাংলা\", \"n\": 1}")
        guard case .object(let members) = node.value else { Issue.record("not an object"); return }
        // বাংলা is five Unicode scalars, so `1` stands at column 21.
        #expect(members[1].value.position == SourcePosition(line: 1, column: 21))
        #expect(syntaxError("[\"বাংলা\" 1]")?.position == SourcePosition(line: 1, column: 10))
    }

    @Test func test_commonMistakes_haveReasonsInPlainWords() {
        #expect(syntaxError("{\"a\": 1,}")?.reason == "expected a field name in double quotes but found `}`")
        #expect(syntaxError("{'a': 1}")?.reason == "expected a field name in double quotes or `}` but found `'`")
        #expect(syntaxError("{\"a\" 1}")?.reason == "expected ':' after the field name \"a\" but found `1`")
        #expect(syntaxError("[1, 2")?.reason == "expected ',' or ']' but found the end of the file")
        #expect(
            syntaxError("{\"a\": \"x\n\"}")?.reason
                == "text is missing its closing double quote before the end of the line")
        #expect(syntaxError("{\"a\": tru}")?.reason == "expected a value but found `t` (text must be in double quotes)")
        #expect(syntaxError("{\"a\": 01}")?.reason == "numbers must not start with 0")
        #expect(syntaxError("{} {}")?.reason == "unexpected text after the end of the document")
        #expect(syntaxError("")?.reason == "expected a value but found the end of the file")
    }

    @Test func test_escapes_decodeToTheirCharacters() throws {
        let node = try parse(#"["a\"b\\c\/\n\t\u00e9\ud83d\ude00\u001b"]"#)
        #expect(node.plain == .array([.string("a\"b\\c/\n\té😀\u{1B}")]))
    }

    @Test func test_numbersKeepTheirText() throws {
        #expect(
            try parse("[1.50, -0, 2e10, 3E-2]").plain
                == .array([.number("1.50"), .number("-0"), .number("2e10"), .number("3E-2")]))
    }

    @Test func test_deepNesting_isAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(syntaxError(deep)?.reason == "nested more than 200 levels deep")
    }

    @Test func test_byteOrderMark_isTolerated() throws {
        #expect(
            try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": true}".utf8)).plain == .object(["a": .bool(true)]))
    }

    @Test func test_position_ofPathFindsTheField() throws {
        let node = try parse("{\n  \"wards\": [\n    \"sandy\",\n    \"nowhere\"\n  ]\n}")
        #expect(node.position(of: [.key("wards"), .index(1)]) == SourcePosition(line: 4, column: 5))
        #expect(node.position(of: [.key("missing")]) == SourcePosition(line: 1, column: 1))
    }
}
