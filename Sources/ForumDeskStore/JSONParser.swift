import ForumDeskCore

/// A syntax error with the place it was found and what was expected there.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var position: SourcePosition
    public var reason: String
}

/// A strict JSON (RFC 8259) parser over UTF-8 bytes that records the position of every value.
/// Written by hand because Foundation's decoder reports neither line nor column for a wrong type.
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    // Column of `columnIndex` on the current line, so positions cost O(1) amortised even on one long line.
    private var columnIndex = 0
    private var column = 1
    static let maximumDepth = 200

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        // tolerate a BOM
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3; parser.columnIndex = 3 }
        // Refused rather than repaired: saving a repaired file would silently change text the user never saw.
        if let bad = firstInvalidUTF8(bytes) {
            parser.moveTo(bad)
            throw parser.error(
                "the file is not valid UTF-8 here (save it as UTF-8, as a spreadsheet's \"CSV UTF-8\" does)")
        }
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.error("unexpected text after the end of the document") }
        return node
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Moves to `target` counting lines, for errors found outside the parse itself.
    private mutating func moveTo(_ target: Int) {
        while index < target {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
    }

    /// The offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF), or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int, low: UInt8, high: UInt8
            switch b {
            case 0xC2...0xDF: length = 2; low = 0x80; high = 0xBF
            case 0xE0: length = 3; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; low = 0x80; high = 0xBF
            case 0xED: length = 3; low = 0x80; high = 0x9F
            case 0xF0: length = 4; low = 0x90; high = 0xBF
            case 0xF1...0xF3: length = 4; low = 0x80; high = 0xBF
            case 0xF4: length = 4; low = 0x80; high = 0x8F
            default: return i
            }
            guard i + length <= n, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<max(length, 2) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The column counts characters, not bytes, so it matches what an editor shows for non-ASCII text.
    private var position: SourcePosition {
        var column = 1
        var i = lineStart
        while i < index {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private mutating func here() -> SourcePosition {
        if columnIndex < lineStart { columnIndex = lineStart; column = 1 }
        while columnIndex < index {
            if bytes[columnIndex] & 0xC0 != 0x80 { column += 1 }
            columnIndex += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private func error(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(position: position, reason: reason) }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private func describeHere() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "`\(Character(UnicodeScalar(b)))`" }
        return "an unexpected character"
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        let start = here()
        guard index < bytes.count else { throw error("expected a value but found the end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(value: try parseObject(), position: start)
        case UInt8(ascii: "["): return JSONNode(value: try parseArray(), position: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), position: start)
        case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(value: .bool(true), position: start)
        case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(value: .bool(false), position: start)
        case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(value: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), position: start)
        default:
            throw error(
                "expected a value (text in double quotes, a number, true, false, null, [ or {) but found \(describeHere())"
            )
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
            throw error("expected a value but found \(describeHere()) (text must be in double quotes)")
        }
        index += w.count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested more than \(Self.maximumDepth) levels deep") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONNode.Member] = []
        var keys: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(
                    members.isEmpty
                        ? "expected a field name in double quotes or `}` but found \(describeHere())"
                        : "expected a field name in double quotes but found \(describeHere())")
            }
            let keyPosition = here()
            let key = try parseString()
            // A repeated field is ambiguous (which one counts?), so it is an error, not a silent choice.
            // Small objects (every object of ForumDesk's files) compare directly; a huge one uses a set.
            if members.count >= 32 {
                for member in members[keys.count...] { keys.insert(member.key) }
            }
            if members.count < 32 ? members.contains(where: { $0.key == key }) : keys.contains(key),
                let first = members.first(where: { $0.key == key })
            {
                throw JSONSyntaxError(
                    position: keyPosition,
                    reason: "the field \"\(key)\" appears twice in this object "
                        + "(first at line \(first.keyPosition.line))")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the field name \"\(key)\" but found \(describeHere())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}' but found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}' but found \(describeHere())")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']' but found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw error("expected ',' or ']' but found \(describeHere())")
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.index
            while p.index < p.bytes.count, p.bytes[p.index] >= 48, p.bytes[p.index] <= 57 { p.index += 1 }
            return p.index - s
        }
        let intStart = index
        let intDigits = digits(&self)
        if intDigits == 0 { throw error("expected a digit in the number") }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw error("numbers must not start with 0") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            if digits(&self) == 0 { throw error("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        var buffer: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("text is missing its closing double quote") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                defer { index += 1 }
                // The common case, no escapes: decode straight from the file's bytes.
                if buffer.isEmpty, runStart == start { return String(decoding: bytes[runStart..<index], as: UTF8.self) }
                buffer.append(contentsOf: bytes[runStart..<index])
                break
            }
            if b < 0x20 {
                throw error(
                    b == 0x0A
                        ? "text is missing its closing double quote before the end of the line"
                        : "a control character must be written as an escape such as \\n or \\u0007")
            }
            if b == UInt8(ascii: "\\") {
                buffer.append(contentsOf: bytes[runStart..<index])
                index += 1
                guard index < bytes.count else { throw error("text is missing its closing double quote") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count,
                        bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                        }
                    }
                    let char = UnicodeScalar(scalar) ?? "\u{FFFD}"
                    buffer.append(contentsOf: Array(String(char).utf8))
                default:
                    index -= 1
                    throw error("unknown escape `\\\(Character(UnicodeScalar(e)))` in text")
                }
                runStart = index
                continue
            }
            index += 1
        }
        // Invalid UTF-8 becomes U+FFFD rather than failing the whole file.
        return String(decoding: buffer, as: UTF8.self)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 48...57: digit = UInt32(b - 48)
            case 65...70: digit = UInt32(b - 55)
            case 97...102: digit = UInt32(b - 87)
            default: throw error("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
