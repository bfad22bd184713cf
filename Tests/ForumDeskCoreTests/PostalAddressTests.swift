import Foundation
import Testing
@testable import ForumDeskCore

/// Issue 24: a postal address for letters, checked wherever it comes in, and part of what identifies a person.
@Suite struct PostalAddressTests {
    @Test func test_lines_splitAtCommasAndLineBreaks_trimmed_emptyDropped() {
        #expect(
            PostalAddress.lines(from: " 10 Cambridge Road ,  Sandy\r\nSG19   1ZA,, ") == [
                "10 Cambridge Road", "Sandy", "SG19 1ZA",
            ])
        #expect(PostalAddress.lines(from: "  ") == [])
        #expect(PostalAddress.oneLine(["10 Cambridge Road", "Sandy"]) == "10 Cambridge Road, Sandy")
    }

    @Test func test_problem_limitsLinesLengthAndControls() {
        #expect(PostalAddress.problem([]) == nil)
        #expect(
            PostalAddress.problem(["c/o Sandy Town Council Offices", "10 Cambridge Road", "Sandy", "SG19 1ZA"]) == nil)
        #expect(PostalAddress.problem(Array(repeating: "Line", count: 7))?.contains("at most 6") == true)
        #expect(PostalAddress.problem([String(repeating: "x", count: 46)])?.contains("46 characters") == true)
        #expect(PostalAddress.problem([String(repeating: "x", count: 45)]) == nil)
        #expect(PostalAddress.problem(["ok", " "])?.contains("line 2 is empty") == true)
        #expect(PostalAddress.problem(["10 Cambridge\u{202E} Road"])?.contains("control or formatting") == true)
        #expect(PostalAddress.problem(["10 Cambridge\u{07} Road"])?.contains("control or formatting") == true)
        // Bengali with a zero-width joiner is a script, not a control.
        #expect(PostalAddress.problem(["১০ ক্\u{200D}ষ রোড"]) == nil)
    }

    @Test func test_validate_reportsAnUnprintableAddress() {
        var d = Fixture.directory
        d.people[0].postalAddress = Array(repeating: "Line", count: 8)
        let problems = Validator.validate(directory: d, meetings: [], topics: [], now: Fixture.at("2026-11-23T12:00"))
        #expect(problems.contains { $0.message.contains("postal address: 8 lines") }, "\(problems)")
    }

    @Test func test_identity_findsTheAddress_wholeOrItsFirstLine() {
        var p = Fixture.directory.people[0]
        p.postalAddress = ["7 Lantern Row", "Sandy", "SG19 9ZZ"]
        let who = PersonalData.Identity(p)
        #expect(who.isNamed(in: "write to 7 Lantern Row please"))
        #expect(who.isNamed(in: "7 Lantern Row, Sandy, SG19 9ZZ"))
        #expect(!who.isNamed(in: "Sandy"), "a town alone names nobody")
        #expect(who.scrubbed("sent to 7 Lantern Row, Sandy, SG19 9ZZ.") == "sent to \(PersonalData.removedName).")
    }

    @Test func test_letterFileNames_matchTheirRecipientExactly() {
        #expect(LetterFiles.isLetterFile("cllr-ann-request-3.html", of: "cllr-ann"))
        #expect(LetterFiles.isLetterFile("cllr-ann-cancel-12.pdf", of: "cllr-ann"))
        #expect(!LetterFiles.isLetterFile("cllr-ann-smith-request-3.html", of: "cllr-ann"))
        #expect(!LetterFiles.isLetterFile("cllr-ann-request-3.eml"))
        #expect(!LetterFiles.isLetterFile(".cllr-ann-request-3.html"))
        #expect(!LetterFiles.isLetterFile("notes.html"))
    }
}
