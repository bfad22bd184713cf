import Foundation

extension CSV {
    public struct ParseError: Error, Sendable, Equatable {
        public var row: Int
        public var reason: String
    }

    /// Reads RFC 4180 CSV (and what spreadsheets write: a BOM, LF or CRLF, quoted fields over several lines).
    /// Each row comes with its line number in the file, for error messages. The apostrophe ForumDesk puts
    /// before a formula-like field is taken off again, so an export imports as the same text.
    public static func parse(_ text: String) throws(ParseError) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1, rowStart = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endField() {
            fields.append(unprefixed(field))
            field = ""
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty: quoted = true
                case ",": endField()
                case "\r" where i + 1 < chars.count && chars[i + 1] == "\n":
                    break
                case "\n", "\r":
                    endRow()
                    line += 1
                    rowStart = line
                default: field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if quoted { throw ParseError(row: rowStart, reason: "a quoted field is not closed before the end of the file") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    /// A column name reduced to letters and digits, so "E-mail address" and "email_address" match.
    public static func normalised(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }
}
