import Foundation
import Testing
@testable import ForumDeskExport

@Suite struct CSVWriterTests {
    /// RFC 4180 §2: CRLF, a header, fields with commas, quotes or line breaks quoted, quotes doubled.
    @Test func test_quotingAndLineEnds() {
        let text = CSV.document(
            header: ["id", "title"], rows: [["1", "Hall, Room \"A\"\nupstairs"], ["2", "plain"]])
        #expect(text == "id,title\r\n1,\"Hall, Room \"\"A\"\"\nupstairs\"\r\n2,plain\r\n")
    }

    /// OWASP's CSV-injection advice: a field that starts like a formula starts with an apostrophe instead,
    /// in every export; `raw` is for programs; `excel` only adds the byte-order mark.
    @Test func test_formulasAreDefusedByDefault_excelAddsABOM_rawLeavesThem() {
        let rows = [["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "ordinary", "'=already", "\tTAB"]]
        let header = ["a", "b", "c", "d", "e", "f", "g"]
        let safe = CSV.document(header: header, rows: rows)
        #expect(!safe.hasPrefix("\u{FEFF}"))
        #expect(
            safe.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(A1),ordinary,''=already,'\tTAB"))
        #expect(CSV.document(header: header, rows: rows, excel: true).hasPrefix("\u{FEFF}a,b"))
        #expect(
            CSV.document(header: header, rows: rows, raw: true).contains(",+1,-2,@SUM(A1),ordinary,'=already,\tTAB"))
    }

    /// Whatever the text, export then import gives it back exactly, and no exported field starts a formula.
    @Test func test_anyText_roundTrips_andNeverStartsAFormula() throws {
        let pieces = ["=", "+", "-", "@", "'", "\t", "\r", "\n", "\"", ",", "a", "1", " ", "é", "😀", "\r\n"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let document = CSV.document(header: ["h", "i"], rows: [[text, "x"]])
            let rows = try CSV.parse(document)
            #expect(
                rows.count == 2 && rows.last?.fields == [text, "x"],
                "\(text.debugDescription) → \(document.debugDescription)")
            #expect(CSV.spreadsheetSafe(text).unicodeScalars.first.map { !CSV.formulaStarts.contains($0) } ?? true)
        }
    }
}
