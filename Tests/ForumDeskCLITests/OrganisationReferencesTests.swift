import Foundation
import ForumDeskTestSupport
import Testing

/// An organisation that leads a consultation or lets a venue is still referred to: `organisation delete` refuses
/// it and says where, and `organisation merge` moves those references to the organisation it is merged into.
@Suite struct OrganisationReferencesTests {
    static let now = ["--now", "2026-11-23T12:00"]

    /// A sample copy with a new council directorate that leads the library consultation and lets Sandy's venue;
    /// gives the copy and the directorate's id.
    func copyWithNewDirectorate() throws -> (SampleCopy, String) {
        let copy = try SampleCopy()
        let sheet = copy.folder + "/organisations.csv"
        try "name,sector\nCentral Bedfordshire Council: Libraries,council directorate\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = try forumdesk(["import", "csv", "organisations", sheet, "--data", copy.path] + Self.now)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let file =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: copy.path + "/directory/organisations.json")))
            as? [String: Any]
        let id = try #require(
            (file?["organisations"] as? [[String: Any]])?.first {
                $0["name"] as? String == "Central Bedfordshire Council: Libraries"
            }?["id"]
                as? String)
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = copy.path + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(file)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("consultations/library-opening-hours-2027.json", "\"cbc-customer-shared-services\"", "\"\(id)\"")
        let venue = try #require(
            try FileManager.default.contentsOfDirectory(atPath: copy.path + "/venues").first { name in
                (try? String(contentsOfFile: copy.path + "/venues/" + name, encoding: .utf8))?.contains(
                    "sandy-town-council") == true
            })
        try edit("venues/" + venue, "\"sandy-town-council\"", "\"\(id)\"")
        return (copy, id)
    }

    @Test func test_delete_isRefused_whileAConsultationOrAVenueNamesIt() throws {
        let (copy, id) = try copyWithNewDirectorate()
        let run = try forumdesk(["organisation", "delete", id, "--data", copy.path] + Self.now)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("consultation library-opening-hours-2027: led by it"), "\(run.stderr)")
        #expect(run.stderr.contains("booked through it"), "\(run.stderr)")
        let organisations = try String(contentsOfFile: copy.path + "/directory/organisations.json", encoding: .utf8)
        #expect(organisations.contains(id))
    }

    @Test func test_merge_movesTheConsultationsLeadAndTheVenue_thenValidateIsClean() throws {
        let (copy, id) = try copyWithNewDirectorate()
        let run = try forumdesk(
            ["organisation", "merge", id, "cbc-customer-shared-services", "--data", copy.path] + Self.now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains("consultation library-opening-hours-2027: names cbc-customer-shared-services"),
            "\(run.stdout)")
        let consultation = try String(
            contentsOfFile: copy.path + "/consultations/library-opening-hours-2027.json", encoding: .utf8)
        #expect(consultation.contains("\"cbc-customer-shared-services\"") && !consultation.contains(id))
        let validate = try forumdesk(["validate", "--data", copy.path] + Self.now)
        #expect(!(validate.stdout + validate.stderr).contains(id), "\(validate.stdout)\(validate.stderr)")
    }
}
