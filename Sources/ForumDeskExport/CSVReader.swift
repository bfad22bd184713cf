import Foundation

extension CSV {
    public struct ParseError: Error, Sendable, Equatable {
        public var row: Int
        public var reason: String
    }

    /// Reads RFC 4180 CSV (and what spreadsheets write: a BOM, LF, CRLF or CR, quoted fields over several
    /// lines). Each row comes with its row number as a spreadsheet shows it (the header is row 1; a field with
    /// line breaks does not count extra rows), for error messages. The apostrophe ForumDesk
    /// puts before a formula-like field is taken off again, so an export imports as the same text. One pass over
    /// the UTF-8 bytes: a million rows take seconds, not minutes.
    /// `separator` is a comma, or a tab for tab-separated text (Excel's "Unicode Text"). A row with every field
    /// empty (`,,,`, which spreadsheets leave after the last row) is skipped.
    public static func parse(
        _ text: String, separator: UInt8 = UInt8(ascii: ",")
    ) throws(ParseError) -> [(line: Int, fields: [String])] {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(ParseError) in try parse(bytes: bytes, separator: separator) }
        }
        return try result.get()
    }

    static func parse(
        bytes all: UnsafeBufferPointer<UInt8>, separator: UInt8
    ) throws(ParseError) -> [(line: Int, fields: [String])] {
        var b = all[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        let quote = UInt8(ascii: "\""), comma = separator, cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        var row = 1
        var i = b.startIndex
        let end = b.endIndex
        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            fields.append(field.first == UInt8(ascii: "'") ? unprefixed(text) : text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !fields.allSatisfy(\.isEmpty) { rows.append((row, fields)) }
            fields = []
            fields.reserveCapacity(16)
        }
        while i < end {
            let c = b[i]
            if quoted {
                if c == quote {
                    if i + 1 < end, b[i + 1] == quote { field.append(quote); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else {
                switch c {
                case quote where field.isEmpty && !wasQuoted:
                    quoted = true
                    wasQuoted = true
                case comma: endField()
                case cr where i + 1 < end && b[i + 1] == lf:
                    break
                case lf, cr:
                    endRow()
                    row += 1
                default: field.append(c)
                }
            }
            i += 1
        }
        if quoted { throw ParseError(row: row, reason: "a quoted field is not closed before the end of the file") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    /// A column name reduced to letters and digits, `&` read as "and", so "E-mail address" and "email_address"
    /// match, and "Venue / Location" is `venuelocation`.
    public static func normalised(_ header: String) -> String {
        String(
            header.lowercased().replacingOccurrences(of: "&", with: "and").unicodeScalars
                .filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }
}
