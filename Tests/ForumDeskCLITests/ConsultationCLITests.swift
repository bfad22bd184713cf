import Foundation
import ForumDeskTestSupport
import Testing

/// Consultations through the real binary: `list consultations` (table, JSON, filters), the dashboard's reminder
/// of results due, `validate`'s positions, and `person show`/`erase` of a consultation's contact.
@Suite(.serialized) struct ConsultationCLITests {
    @Test func test_list_showsStages_filtersByAreaAndStage_andJSON() throws {
        let all = try forumdesk(["list", "consultations", "--data", TestPaths.sampleData, "--now", "2026-11-23T12:00"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("3 consultations, 0 closed with no results recorded"))
        let sandy = try forumdesk([
            "list", "consultations", "--data", TestPaths.sampleData, "--now", "2026-11-23T12:00",
            "--ward", "potton", "--json",
        ])
        #expect(sandy.status == 0, "\(sandy.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(sandy.stdout.utf8)) as? [[String: Any]])
        #expect(
            rows.compactMap { $0["id"] as? String } == [
                "policing-priorities-2027", "library-opening-hours-2027", "budget-2027-28",
            ])
        let leighton = try forumdesk([
            "list", "consultations", "--data", TestPaths.sampleData, "--now", "2026-11-23T12:00",
            "--area", "leighton buzzard", "--json",
        ])
        let ids = (try JSONSerialization.jsonObject(with: Data(leighton.stdout.utf8)) as? [[String: Any]] ?? [])
            .compactMap { $0["id"] as? String }
        #expect(
            ids == ["policing-priorities-2027", "budget-2027-28"], "the library consultation is not in Leighton Buzzard"
        )
        let due = try forumdesk([
            "list", "consultations", "--data", TestPaths.sampleData, "--now", "2026-12-06T12:00", "--stage",
            "awaiting-results",
        ])
        #expect(
            due.stdout.contains("library-opening-hours-2027") && due.stdout.contains("RESULTS DUE"), "\(due.stdout)")
        #expect(!due.stdout.contains("budget-2027-28"))
        let bad = try forumdesk(["list", "consultations", "--data", TestPaths.sampleData, "--stage", "finished"])
        #expect(bad.status == 2 && bad.stderr.contains("awaiting-results"), "\(bad.stderr)")
    }

    @Test func test_dashboard_remindsOfResultsDue_andValidateGivesThePosition() throws {
        let copy = try SampleCopy()
        let dashboard = try forumdesk(["dashboard", "--data", copy.path, "--now", "2026-12-06T12:00"])
        #expect(dashboard.stdout.contains("Consultations closed with no results recorded (1):"), "\(dashboard.stdout)")
        #expect(
            dashboard.stdout.contains(
                "Library opening hours from April 2027 (library-opening-hours-2027) closed on 2026-11-29, 7 days ago"))
        let before = try forumdesk(["dashboard", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(!before.stdout.contains("Consultations closed"))

        let path = copy.path + "/consultations/budget-2027-28.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"closes\": \"2027-01-18\"", with: "\"closes\": \"2026-01-18\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let validate = try forumdesk(["validate", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("consultations/budget-2027-28.json:10:"), "\(validate.stdout)")
        #expect(validate.stdout.contains("it closes (2026-01-18) before it opens (2026-12-07)"))
    }

    @Test func test_personShowAndErase_coverAConsultationsContact() throws {
        let copy = try SampleCopy()
        let show = try forumdesk([
            "person", "show", "tobias-foxhollow", "--data", copy.path, "--now", "2026-11-23T12:00",
        ])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("consultations/library-opening-hours-2027.json"), "\(show.stdout)")
        let erase = try forumdesk([
            "person", "erase", "tobias-foxhollow", "--yes", "--data", copy.path, "--now", "2026-11-23T12:00",
        ])
        #expect(erase.status == 0, "\(erase.stdout)\(erase.stderr)")
        let after = try String(
            contentsOfFile: copy.path + "/consultations/library-opening-hours-2027.json", encoding: .utf8)
        #expect(!after.contains("tobias-foxhollow"))
        #expect(after.contains("\"title\": \"Library opening hours from April 2027\""))
    }

    @Test func test_importCSV_addsConsultations_skipsKnownOnes_andIsAllOrNothing() throws {
        let copy = try SampleCopy()
        let sheet = copy.folder + "/consultations.csv"
        try """
        Consultation,Lead partner,Engagement level,Area,Opens,Closes,Methods,Survey link,Summary,Responses
        Bus shelters in Potton,Central Bedfordshire Council: Sustainable Communities,consult,Sandy and Biggleswade,2026-11-02,2026-12-20,"survey, drop-in",https://www.example.org/buses,Where new shelters should go.,14
        Policing priorities for 2027,Bedfordshire Police,involve,,2026-07-20,2026-09-30,survey,,,

        """.write(toFile: sheet, atomically: true, encoding: .utf8)
        let run = try forumdesk([
            "import", "csv", "consultations", sheet, "--data", copy.path, "--now", "2026-11-23T12:00",
        ])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("added: bus-shelters-in-potton (2026-11-02 to 2026-12-20, consult)"))
        #expect(run.stdout.contains("skipped: Policing priorities for 2027"))
        let file = try String(contentsOfFile: copy.path + "/consultations/bus-shelters-in-potton.json", encoding: .utf8)
        #expect(
            file.contains("\"organisation\": \"cbc-sustainable-communities\"") && file.contains("\"responses\": 14"))
        #expect(try forumdesk(["validate", "--data", copy.path, "--now", "2026-11-23T12:00"]).status == 0)

        let bad = copy.folder + "/bad.csv"
        try
            "Title,Level,Opens,Closes,Link\nGood one,consult,1 Dec,31 Dec,\nBad one,consult,1 Dec,31 Dec,javascript:alert(1)\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try forumdesk([
            "import", "csv", "consultations", bad, "--data", copy.path, "--now", "2026-11-23T12:00",
        ])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("bad.csv:3: Link: a link starts with https://"), "\(refused.stdout)")
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/consultations/good-one.json"), "all or nothing")
    }

    /// Sync's merge driver merges a consultation as any record: a teammate's results and our count of responses.
    @Test func test_mergeFile_mergesTwoOfficersChangesToAConsultation() throws {
        let copy = try SampleCopy()
        let base = try String(
            contentsOfFile: copy.path + "/consultations/library-opening-hours-2027.json", encoding: .utf8)
        let ours = copy.folder + "/ours.json", theirs = copy.folder + "/theirs.json",
            basePath = copy.folder + "/base.json"
        try base.write(toFile: basePath, atomically: true, encoding: .utf8)
        try base.replacingOccurrences(of: "\"responses\": 187", with: "\"responses\": 240").write(
            toFile: ours, atomically: true, encoding: .utf8)
        try base.replacingOccurrences(
            of: "\"responses\": 187", with: "\"responses\": 187,\n  \"results\": \"Saturday afternoons came first.\""
        )
        .write(toFile: theirs, atomically: true, encoding: .utf8)
        let run = try forumdesk(["merge-file", basePath, ours, theirs, "consultations/library-opening-hours-2027.json"])
        #expect(run.status == 0, "\(run.stderr)")
        let merged = try String(contentsOfFile: ours, encoding: .utf8)
        #expect(
            merged.contains("\"responses\": 240") && merged.contains("\"results\": \"Saturday afternoons came first.\"")
        )
    }
}
