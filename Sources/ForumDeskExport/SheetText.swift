import Foundation

/// The text of a spreadsheet saved as CSV, in the encodings Excel and LibreOffice write: "CSV UTF-8" (with a
/// BOM), plain "CSV (Comma delimited)" (Windows-1252 on a UK Windows), and "Unicode Text" (UTF-16 with a BOM,
/// tab separated). The encoding is detected, never guessed silently: it is named to the user.
public struct SheetText: Sendable, Equatable {
    public enum Encoding: Sendable, Equatable {
        case utf8, utf8WithBOM, utf16LittleEndian, utf16BigEndian, windows1252

        /// How the dry run names it, with the spreadsheet save option that writes it.
        public var description: String {
            switch self {
            case .utf8: "UTF-8"
            case .utf8WithBOM: "UTF-8 with a byte order mark (Excel's “CSV UTF-8”)"
            case .utf16LittleEndian, .utf16BigEndian: "UTF-16 (Excel's “Unicode Text”)"
            case .windows1252: "Windows-1252 (Excel's “CSV (Comma delimited)”): check accented names below"
            }
        }
    }

    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    public var text: String
    public var encoding: Encoding
    /// A comma, or a tab for "Unicode Text" and other tab-separated files.
    public var separator: UInt8

    static let howToSave =
        "in Excel use File › Save As › “CSV UTF-8 (Comma delimited)”; in LibreOffice, Save As “Text CSV” with "
        + "character set “Unicode (UTF-8)”"

    public static func read(_ data: Data) throws(Failure) -> SheetText {
        let bytes = [UInt8](data)
        let encoding: Encoding
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            encoding = little ? .utf16LittleEndian : .utf16BigEndian
            guard (bytes.count - 2) % 2 == 0,
                let decoded = String(
                    data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw Failure(message: "starts as UTF-16 but is not whole UTF-16 text; \(howToSave)")
            }
            text = decoded
        } else if let decoded = String(validatingUTF8Bytes: bytes) {
            encoding = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? .utf8WithBOM : .utf8
            text = decoded
        } else {
            // Windows-1252 leaves five bytes undefined: a file holding one is neither.
            if let (row, byte) = position(in: bytes, where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) {
                throw Failure(
                    message:
                        "row \(row): byte 0x\(String(byte, radix: 16, uppercase: true)) is not a character in UTF-8 "
                        + "or Windows-1252; \(howToSave)")
            }
            guard let decoded = String(data: data, encoding: .windowsCP1252) else {
                throw Failure(message: "cannot read the file as UTF-8 or Windows-1252 text; \(howToSave)")
            }
            encoding = .windows1252
            text = decoded
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        let tabs =
            encoding == .utf16LittleEndian || encoding == .utf16BigEndian
            || (firstLine.contains("\t") && !firstLine.contains(","))
        return SheetText(text: text, encoding: encoding, separator: tabs ? UInt8(ascii: "\t") : UInt8(ascii: ","))
    }

    /// The spreadsheet row (line, counting from 1) and value of the first byte that matches.
    static func position(in bytes: [UInt8], where matches: (UInt8) -> Bool) -> (Int, UInt8)? {
        var row = 1
        for b in bytes {
            if b == 10 { row += 1 }
            if matches(b) { return (row, b) }
        }
        return nil
    }

    /// What Excel does to numbers it reads from a typed cell: a long number shown in scientific notation
    /// (`1.63296E+09`: the digits after the sixth are gone) and a phone number without its leading 0. Nil when
    /// the cell looks as typed.
    public static func mangledNumber(_ cell: String, isPhone: Bool) -> String? {
        let value = cell.trimmingCharacters(in: .whitespaces)
        let scientific = value.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        if scientific.count == 2, let mantissa = Double(scientific[0]), mantissa >= 1, mantissa < 10,
            scientific[1].drop(while: { $0 == "+" }).allSatisfy(\.isNumber), !scientific[1].isEmpty
        {
            return
                "`\(value)` is a number a spreadsheet shows in scientific notation: its last digits are lost; format the column "
                + "as Text, type the numbers again and save as CSV"
        }
        if isPhone {
            let digits = value.filter { $0 != " " }
            if digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), !digits.hasPrefix("0") {
                return
                    "`\(value)` looks like a UK number that lost its leading 0 (a spreadsheet drops it): 0\(digits)? format "
                    + "the column as Text and save as CSV again"
            }
        }
        return nil
    }
}

extension String {
    /// The text of UTF-8 bytes, or nil if they are not valid UTF-8 (never replaced with U+FFFD).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
