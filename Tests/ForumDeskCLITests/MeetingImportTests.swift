import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct MeetingImportTests {
    @Test func test_roundTrip_exportThenImportIntoAnEmptyFolder_givesTheSameMeetings() throws {
        let copy = try SampleCopy()
        let csv = copy.folder + "/meetings.csv"
        #expect(try forumdesk(["export", "csv", "meetings", "-o", csv, "--data", copy.path]).status == 0)
        // A folder with the same directory but no meetings.
        let empty = copy.folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty + "/directory", withIntermediateDirectories: true)
        for file in ["forumdesk.json", "directory/areas.json", "directory/people.json", "directory/organisations.json"]
        {
            try FileManager.default.copyItem(atPath: copy.path + "/" + file, toPath: empty + "/" + file)
        }
        let run = try forumdesk(["import", "csv", "meetings", csv, "--data", empty])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let original = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try forumdesk(["list", "meetings", "--json", "--data", copy.path]).stdout.utf8))
                as? [[String: Any]])
        let imported = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try forumdesk(["list", "meetings", "--json", "--data", empty]).stdout.utf8))
                as? [[String: Any]])
        #expect(imported.count == original.count)
        for (a, b) in zip(original, imported) {
            for key in ["id", "title", "kind", "area", "wards", "start", "end", "venue", "status"] {
                #expect(String(describing: a[key]) == String(describing: b[key]), "\(a["id"] ?? "") \(key)")
            }
        }
        // Importing again duplicates nothing.
        let again = try forumdesk(["import", "csv", "meetings", csv, "--data", empty])
        #expect(!again.stdout.contains("added:"))
        // The export's counts are reported as worked out by ForumDesk; every meeting is skipped.
        #expect(
            again.stdout.split(separator: "\n").filter { !$0.hasPrefix("skipped: ") } == [
                "\(csv):1: agenda_items: ignored, ForumDesk works this out itself",
                "\(csv):1: actions: ignored, ForumDesk works this out itself",
                "\(csv):1: invitations: ignored, ForumDesk works this out itself",
            ])
    }

    @Test func test_problemRows_areReportedByRow_andNothingIsImported() throws {
        let copy = try SampleCopy()
        let csv =
            "Date,Area,Venue,Wards,Status\n"
            + "3 Dec 2026 7pm,Sandy and Biggleswade,Potton Community Centre,Potton,planned\n"
            + "31 Feb 2027 7pm,Sandy and Biggleswade,Hall,,\n"
            + "4 Dec 2026 7pm,Atlantis,Hall,,\n"
            + "5 Dec 2026 7pm,Leighton Rural,Hall,Sandy,\n"
            + "6 Dec 2026 7pm,Leighton Rural,Hall,,someday\n"
        let file = copy.folder + "/bad.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2026").count
        let run = try forumdesk(["import", "csv", "meetings", file, "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status == 1)
        #expect(
            run.stdout.split(separator: "\n").map(String.init) == [
                "\(file):3: Date: 31 Feb 2027 is not a day of the calendar",
                "\(file):4: Area: no area matches `Atlantis`; known: Cranfield, Marston and Woburn, Sandy and Biggleswade, Ampthill and Flitwick, "
                    + "Shefford, Stotfold and Arlesey, Dunstable, Houghton Regis and Rural, Leighton Rural, Leighton Buzzard and Linslade",
                "\(file):5: Wards: no ward of Leighton Rural matches `Sandy`; known: Heath and Reach, Eaton Bray, Toddington",
                "\(file):6: Status: no status matches `someday`; known: Planned, Confirmed, Held, Postponed, Cancelled",
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2026").count == before)
    }
}
