import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct CSVImportTests {
    func write(_ text: String, _ copy: SampleCopy, _ name: String = "import.csv") throws -> String {
        let path = copy.folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func test_people_withLooseColumnNames_areAdded_andNotDuplicatedOnASecondImport() throws {
        let copy = try SampleCopy()
        // As a spreadsheet saves it: a BOM, CRLF, quoted fields, a name with an apostrophe and a comma inside quotes.
        let csv =
            "\u{FEFF}Full name,E-mail address,Organisation,Job title,Telephone,Ward\r\n"
            + "Seán O'Brien,sean.obrien@example.org,Sandy Town Council,\"Deputy Clerk, Finance\",01632 960901,\r\n"
            + "Cllr Rukhsana Begum,rukhsana.begum@councillors.example.org,,,01632 960902,Parkside\r\n"
        let file = try write(csv, copy)
        let dry = try forumdesk(["import", "csv", "people", file, "--dry-run", "--data", copy.path])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would add: Seán O'Brien (Sandy Town Council)"))
        #expect(!(try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)).contains("Seán"))
        let run = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let people = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        #expect(people.contains("\"title\": \"Deputy Clerk, Finance\""))
        #expect(people.contains("\"id\": \"cllr-rukhsana-begum\""))
        #expect(try forumdesk(["validate", "--data", copy.path]).status == 0)
        let again = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(again.stdout.contains("skipped: Seán O'Brien (already present as sean-o-brien)"))
        #expect(!again.stdout.contains("added:"))
    }

    @Test func test_problemRows_areReportedByRow_andNothingIsImported() throws {
        let copy = try SampleCopy()
        let before = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        let csv =
            "Name,Email,Organisation,Ward\n"
            + "Good Person,good@example.org,Sandy Town Council,\n"
            + "Bad Email,not-an-address,,\n"
            + "Nobody's Org,x@example.org,Acme Widgets,\n"
            + "Wrong Ward,w@example.org,,Atlantis\n"
            + "Too,many,fields,here,extra\n"
        let file = try write(csv, copy)
        let run = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(run.status == 1)
        #expect(
            run.stdout.split(separator: "\n").map(String.init) == [
                "\(file):3: Email: “not-an-address” is not an address like name@example.org (exactly one @)",
                "\(file):4: Organisation: no organisation matches `Acme Widgets` (import organisations first, or add it in the Directory)",
                "\(file):5: Ward: no ward matches `Atlantis`",
                "\(file):6: 5 fields, but the header has 4",
            ])
        #expect(run.stderr.contains("nothing was imported"))
        #expect(try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8) == before)
    }

    @Test func test_organisations_sectorWordsAndAreas() throws {
        let copy = try SampleCopy()
        let csv =
            "Organisation,Type,Serves,Email\n"
            + "Potton Residents' Forum,Community group,Sandy,forum@example.org\n"
            + "Bedfordshire Fire and Rescue Service,Fire,,\n"
        let run = try forumdesk(["import", "csv", "organisations", try write(csv, copy), "--data", copy.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("added: Potton Residents' Forum"))
        #expect(
            run.stdout.contains(
                "skipped: Bedfordshire Fire and Rescue Service (already present as bedfordshire-fire-rescue)"))
        let orgs = try String(contentsOfFile: copy.path + "/directory/organisations.json", encoding: .utf8)
        #expect(orgs.contains("\"id\": \"potton-residents-forum\""))
        #expect(orgs.contains("\"sector\": \"voluntary-and-community\""))
    }

    @Test func test_unclosedQuote_isReportedWithItsRow() throws {
        let copy = try SampleCopy()
        let run = try forumdesk([
            "import", "csv", "people", try write("Name,Email\n\"Broken,x@example.org\n", copy), "--data", copy.path,
        ])
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix(":2: a quoted field is not closed before the end of the file\n"))
    }
}
