import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskTestSupport

/// Issue 24: the people sheet's postal address column.
@Suite struct PostalAddressImportTests {
    @Test func test_peopleSheet_postalAddressColumn_linesFromLineBreaksOrCommas_checked() throws {
        let sheet = """
            Name,Ward,Prefers,Postal address
            Cllr Wren Quillby,Sandy,letter,"c/o Sandy Town Council Offices
            10 Cambridge Road
            Sandy, SG19 1ZA"
            Cllr Otto Overlong,Potton,letter,"\(String(repeating: "x", count: 50))"

            """
        let rows = try CSV.parse(sheet)
        let d = LettersTests.directory()
        let report = DirectoryImport.run(.people, rows: Array(rows.prefix(2)), into: d)
        #expect(report.problems.isEmpty, "\(report.problems)")
        let wren = try #require(report.directory.people.first { $0.name == "Cllr Wren Quillby" })
        #expect(wren.postalAddress == ["c/o Sandy Town Council Offices", "10 Cambridge Road", "Sandy", "SG19 1ZA"])
        #expect(wren.preferredContact == .letter)
        let bad = DirectoryImport.run(.people, rows: [rows[0], rows[2]], into: d)
        #expect(
            bad.problems.count == 1
                && bad.problems[0].contains("Postal address: postal address: line 1 has 50 characters"),
            "\(bad.problems)")
    }
}
