import Foundation
import Testing
@testable import ForumDeskExport

@Suite struct SheetTextTests {
    @Test func test_emptyRows_asSpreadsheetsLeaveThem_areSkipped() throws {
        let rows = try CSV.parse("Name,Email\nAda,ada@example.org\n,\n,,\n\nBo,bo@example.org\n,\r\n")
        #expect(rows.map(\.fields) == [["Name", "Email"], ["Ada", "ada@example.org"], ["Bo", "bo@example.org"]])
        #expect(rows.map(\.line) == [1, 2, 6])
    }

    @Test func test_encodings_areDetected_andNamed() throws {
        let text = "Name\tVenue\nSiân\tCafé — Hall\n"
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text.data(using: .utf16LittleEndian)!)
        let sheet = try SheetText.read(utf16)
        #expect(sheet.encoding == .utf16LittleEndian && sheet.separator == UInt8(ascii: "\t") && sheet.text == text)
        let cp1252 = try SheetText.read("Name,Venue\nSiân,Café — Hall\n".data(using: .windowsCP1252)!)
        #expect(cp1252.encoding == .windows1252 && cp1252.text == "Name,Venue\nSiân,Café — Hall\n")
        #expect(try SheetText.read(Data("Name,Venue\nSiân,Café\n".utf8)).encoding == .utf8)
    }

    /// A byte neither UTF-8 nor Windows-1252 has is refused with its row and how to save the sheet as UTF-8.
    @Test func test_aByteOfNoKnownEncoding_isRefusedWithTheRow() {
        #expect(throws: SheetText.Failure.self) { try SheetText.read(Data("Name\nAda\nB\u{0}".utf8) + Data([0x81])) }
        do {
            _ = try SheetText.read(Data("Name\nAda\nBo".utf8) + Data([0x81, 0x0A]))
        } catch {
            #expect(
                error.message.hasPrefix(
                    "row 3: byte 0x81 is not a character in UTF-8 or Windows-1252; in Excel use File › Save As"))
        }
    }

    @Test func test_numbersASpreadsheetMangled_areNamed() {
        #expect(SheetText.mangledNumber("1.63296E+09", isPhone: false) != nil)
        #expect(SheetText.mangledNumber("1767123456", isPhone: true) != nil)
        #expect(SheetText.mangledNumber("01767 123456", isPhone: true) == nil)
        #expect(SheetText.mangledNumber("+44 1767 123456", isPhone: true) == nil)
        #expect(SheetText.mangledNumber("Room 1E", isPhone: false) == nil)
    }
}
