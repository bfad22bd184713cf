import Foundation
import ForumDeskTestSupport
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// The planning files: forumdesk.json's closed days and pre-election periods, and `templates/<kind>.json`, read and
/// written back byte for byte, unknown fields kept; a template named for another kind is reported and not used.
@Suite struct PlanningFilesTests {
    @Test func test_settings_planning_roundTripsWithUnknownFields() throws {
        let text = """
            {
              "schema": 1,
              "council": "Central Bedfordshire Council",
              "closedDays": [
                {
                  "date": "2027-12-29",
                  "label": "Offices closed",
                  "byNewerVersion": true
                }
              ],
              "preElectionPeriods": [
                {
                  "from": "2027-03-22",
                  "until": "2027-05-06",
                  "label": "Town and parish elections"
                }
              ]
            }

            """
        let settings = try Codec.settings(try JSONParser.parse(Array(text.utf8)))
        #expect(settings.planning.closedDays.map(\.date.description) == ["2027-12-29"])
        #expect(settings.planning.preElection(CalendarDate(iso: "2027-05-06")!)?.label == "Town and parish elections")
        #expect(settings.planning.preElection(CalendarDate(iso: "2027-05-07")!) == nil)
        #expect(String(decoding: JSONWriter.write(Codec.encode(settings)), as: UTF8.self) == text)
    }

    @Test func test_sampleTemplates_areCanonical_andLoaded() throws {
        let folder = DataFolder(TestPaths.sampleData)
        let data = DataStore(folder: folder).load()
        #expect(Set(data.templates.keys) == [.letsTalkTogether, .wardForum])
        for (kind, template) in data.templates {
            #expect(
                JSONWriter.write(Codec.encode(template))
                    == Array(FileManager.default.contents(atPath: folder.templateFile(kind))!))
        }
        #expect(RecordFileCheck.kind(of: "templates/ward-forum.json") == .template)
        #expect(data.venues.map(\.id) == ["biggleswade-community-centre", "sandy-village-hall"])
        for venue in data.venues {
            #expect(
                JSONWriter.write(Codec.encode(venue))
                    == Array(FileManager.default.contents(atPath: try folder.venueFile(venue.id))!))
        }
        #expect(RecordFileCheck.kind(of: "venues/grove-house.json") == .venue)
        let programme = folder.programme
        guard case .read(let file) = DataStore(folder: folder).readProgramme() else {
            Issue.record("programme.json"); return
        }
        #expect(file.rules.count == 7)
        #expect(JSONWriter.write(Codec.encode(file)) == Array(FileManager.default.contents(atPath: programme)!))
    }

    @Test func test_aTemplateOfAnotherKind_orBroken_isReportedAndNotUsed() throws {
        let copy = try SampleCopy()
        let folder = DataFolder(copy.path)
        let text = try String(contentsOfFile: folder.templateFile(.wardForum), encoding: .utf8)
        try text.replacingOccurrences(of: "\"ward-forum\"", with: "\"other\"").write(
            toFile: folder.templateFile(.wardForum), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "\"place\": \"closing\"", with: "\"place\": \"middle\"")
            .write(toFile: folder.templateFile(.letsTalkTogether), atomically: true, encoding: .utf8)
        let data = DataStore(folder: folder).load()
        #expect(data.templates.isEmpty)
        #expect(
            data.fileProblems.contains {
                $0.path.hasSuffix("templates/ward-forum.json") && $0.description.contains("its kind is `other`")
            })
        #expect(
            data.loadErrors.contains {
                $0.path.hasSuffix("templates/lets-talk-together.json") && $0.description.contains("place")
            },
            "\(data.loadErrors)")
    }
}
