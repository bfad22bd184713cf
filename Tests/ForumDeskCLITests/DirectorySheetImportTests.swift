import Foundation
import ForumDeskTestSupport
import Testing

@Suite struct DirectorySheetImportTests {
    @Test func test_people_namesResolvedLikeTheCLI_andIgnoredColumnsReported() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/people.csv"
        try "Name,Organisation,Ward,Tel No.,Shoe size\nAda Quill,Sandy Town,Shefford & Arlesey,01632 960111,7\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(["import", "csv", "people", file, "--dry-run", "--data", copy.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(file):1: Shoe size: ignored, no person field is called that\n"))
        #expect(!run.stdout.contains("Tel No.: ignored"), "Tel No. is a person's phone")
        #expect(run.stdout.contains("\(file):2: Ward: no ward matches `Shefford & Arlesey`"))
        try "Name,Organisation,Ward\nAda Quill,Sandy Town,Stotfold & Langford\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let fixed = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        let people = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        #expect(people.contains("\"organisation\": \"sandy-town-council\""))
        #expect(people.contains("\"stotfold-langford\""))
    }

    /// Export of the directory is not a command, so people are written as a sheet from the directory itself and
    /// imported into a folder without them: the same people come back.
    @Test func test_peopleWrittenAsASheet_importBackTheSame() throws {
        let copy = try SampleCopy()
        let people =
            try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: copy.path + "/directory/people.json")))
                    as? [String: Any])["people"] as? [[String: Any]]
        let list = try #require(people)
        func field(_ value: Any?) -> String {
            let text = (value as? String) ?? ((value as? [String])?.joined(separator: ";") ?? "")
            return text.contains(",") || text.contains("\"")
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var sheet = "Name,Email,Phone,Organisation,Title,Wards,Preferred contact\r\n"
        for p in list {
            sheet +=
                [p["name"], p["email"], p["phone"], p["organisation"], p["title"], p["wards"], p["preferredContact"]]
                .map(field)
                .joined(separator: ",") + "\r\n"
        }
        let file = copy.folder + "/people.csv"
        try sheet.write(toFile: file, atomically: true, encoding: .utf8)
        var emptied = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        let start = try #require(emptied.range(of: "\"people\": ["))
        let end = try #require(emptied.range(of: "]", options: .backwards))
        emptied.replaceSubrange(start.upperBound..<end.lowerBound, with: "")
        let fresh = copy.folder + "/fresh"
        try FileManager.default.copyItem(atPath: copy.path, toPath: fresh)
        try FileManager.default.removeItem(atPath: fresh + "/meetings")
        try FileManager.default.removeItem(atPath: fresh + "/topics")
        try emptied.write(toFile: fresh + "/directory/people.json", atomically: true, encoding: .utf8)
        let run = try forumdesk(["import", "csv", "people", file, "--data", fresh])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let back =
            try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: fresh + "/directory/people.json")))
                    as? [String: Any])["people"] as? [[String: Any]]
        let imported = try #require(back)
        #expect(imported.count == list.count)
        for (a, b) in zip(list, imported) {
            for key in ["id", "name", "kind", "wards", "organisation", "title", "email", "phone", "preferredContact"] {
                #expect(String(describing: a[key]) == String(describing: b[key]), "\(a["id"] ?? "") \(key)")
            }
        }
    }
}
