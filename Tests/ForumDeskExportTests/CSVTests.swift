import Foundation
import Testing
@testable import ForumDeskExport

@Suite struct CSVWriterTests {
    /// RFC 4180 §2: CRLF, a header, fields with commas, quotes or line breaks quoted, quotes doubled.
    @Test func test_quotingAndLineEnds() {
        let text = CSV.document(header: ["id", "title"], rows: [["1", "Hall, Room \"A\"\nupstairs"], ["2", "plain"]])
        #expect(text == "id,title\r\n1,\"Hall, Room \"\"A\"\"\nupstairs\"\r\n2,plain\r\n")
    }

    @Test func test_excel_addsABOM_andDefusesFormulas_onlyInExcelMode() {
        let rows = [["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "ordinary"]]
        let excel = CSV.document(header: ["a", "b", "c", "d", "e"], rows: rows, excel: true)
        #expect(excel.hasPrefix("\u{FEFF}a,b"))
        #expect(excel.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(A1),ordinary"))
        let plain = CSV.document(header: ["a", "b", "c", "d", "e"], rows: rows)
        #expect(!plain.hasPrefix("\u{FEFF}"))
        #expect(plain.contains(",+1,-2,@SUM(A1),ordinary"))
    }
}
