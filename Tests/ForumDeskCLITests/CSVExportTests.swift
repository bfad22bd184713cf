import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct CSVExportTests {
    /// Python's csv module reads the file back: rows, and the fields of one record by column name.
    func readWithPython(_ file: String) throws -> [[String: String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8-sig')))))",
            file,
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = readAll(out.fileHandleForReading)
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
    }

    @Test func test_everyTable_parsesWithPython_oneRowPerRecord() throws {
        let copy = try SampleCopy()
        let data = copy.path
        let expected = [
            "meetings": 58,
            "actions": try forumdesk(["list", "actions", "--json", "--data", data]).stdout.components(
                separatedBy: "\"id\""
            ).count - 1,
        ]
        for table in ["meetings", "actions", "attendance", "notifications", "issues", "topics"] {
            let file = copy.folder + "/\(table).csv"
            let run = try forumdesk(["export", "csv", table, "-o", file, "--data", data, "--now", "2026-11-23T12:00"])
            #expect(run.status == 0)
            let rows = try readWithPython(file)
            #expect(!rows.isEmpty, "\(table)")
            if let count = expected[table] { #expect(rows.count == count, "\(table)") }
        }
    }

    @Test func test_hostileTitle_isDefused_rawKeepsIt_andImportGivesItBack() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
        let title = "=cmd|' /C calc'!A0, \"quoted\"\nsecond line"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let old = try #require(text.range(of: "\"title\": \"Let's Talk Together: Sandy and Biggleswade\""))
        text.replaceSubrange(old, with: "\"title\": \"=cmd|' /C calc'!A0, \\\"quoted\\\"\\nsecond line\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let raw = copy.folder + "/raw.csv", excel = copy.folder + "/excel.csv"
        #expect(try forumdesk(["export", "csv", "meetings", "--raw", "-o", raw, "--data", copy.path]).status == 0)
        #expect(try forumdesk(["export", "csv", "meetings", "--excel", "-o", excel, "--data", copy.path]).status == 0)
        #expect(try readWithPython(raw).first { $0["id"] == "2026-10-15-sandy-biggleswade-ltt" }?["title"] == title)
        #expect(
            try readWithPython(excel).first { $0["id"] == "2026-10-15-sandy-biggleswade-ltt" }?["title"] == "'" + title)
        #expect(try Data(contentsOf: URL(fileURLWithPath: excel)).starts(with: [0xEF, 0xBB, 0xBF]))
        // Imported into an empty folder, the defused export gives back the title as it was.
        let empty = copy.folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty + "/directory", withIntermediateDirectories: true)
        for file in ["forumdesk.json", "directory/areas.json", "directory/people.json", "directory/organisations.json"]
        {
            try FileManager.default.copyItem(atPath: copy.path + "/" + file, toPath: empty + "/" + file)
        }
        #expect(try forumdesk(["import", "csv", "meetings", excel, "--data", empty]).status == 0)
        let imported = try String(
            contentsOfFile: empty + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(imported.contains("\"title\": \"=cmd|' /C calc'!A0, \\\"quoted\\\"\\nsecond line\""))
    }
}
