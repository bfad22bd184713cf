import Foundation
import ForumDeskTestSupport
import Testing

/// The same two sheets saved by LibreOffice as "Text CSV" in UTF-8, Windows-1252 (Excel's "CSV (Comma
/// delimited)", with a trailing empty row as Excel leaves it) and UTF-16 tab separated (Excel's "Unicode Text"):
/// Sheets/make_encodings.py.
@Suite struct SheetEncodingTests {
    static let sheets = MeetingSheetImportTests.sheets
    static let now = MeetingSheetImportTests.now

    @Test(arguments: [
        ("meetings-utf8.csv", nil), ("meetings-1252.csv", "Windows-1252"),
        ("meetings-utf16.txt", "UTF-16 (Excel's “Unicode Text”), tab separated"),
    ])
    func test_meetingSheet_inEachEncoding_readsTheSame(file: String, named: String?) throws {
        let copy = try SampleCopy()
        let path = Self.sheets + "/" + file
        let run = try forumdesk(["import", "csv", "meetings", path, "--dry-run", "--data", copy.path] + Self.now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        var lines = run.stdout.replacingOccurrences(of: path, with: "SHEET").split(separator: "\n").map(String.init)
        if let named {
            #expect(lines.first?.hasPrefix("SHEET: read as \(named)") == true, "\(lines)")
            lines.removeFirst()
        }
        #expect(lines.first == "would add 5 meeting(s):", "\(lines)")
        let shown = lines.joined(separator: "\n")
        // 3-Dec-26, 03-Dec-2026, 2026-12-03T19:00:00.000Z and the serial 46406, by the one date rule.
        #expect(
            shown.contains(
                "2    2026-12-03-sandy-biggleswade-ltt          Thu 3 Dec 2026 19:00   21:00  Sandy and Biggleswade"),
            "\(shown)")
        #expect(shown.contains("Siân's Café Hall"))
        #expect(shown.contains("3    2026-12-03-leighton-rural-ltt             Thu 3 Dec 2026 18:30   20:30"))
        #expect(shown.contains("4    2026-12-03-ampthill-flitwick-ward-forum   Thu 3 Dec 2026 19:00   21:00"))
        #expect(shown.contains("5    2027-01-19-shefford-stotfold-arlesey-ltt  Tue 19 Jan 2027 19:00  21:00"))
        #expect(
            shown.contains(
                "SHEET:6: Date: Thu 12 Mar 2026 is in the past, for a meeting to be planned; numeric dates are read day first"
            ))
        // The accents survive every encoding into the file.
        let real = try forumdesk(["import", "csv", "meetings", path, "--data", copy.path] + Self.now)
        #expect(real.status == 0, "\(real.stdout)\(real.stderr)")
        let json = try String(
            contentsOfFile: copy.path + "/meetings/2026/2026-12-03-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(json.contains("\"name\": \"Siân's Café Hall\"") && json.contains("Step-free — hearing loop"), "\(json)")
    }

    @Test(arguments: ["people-utf8.csv", "people-1252.csv", "people-utf16.txt"])
    func test_phonesASpreadsheetMangled_areRefusedByRow(file: String) throws {
        let copy = try SampleCopy()
        let path = Self.sheets + "/" + file
        let run = try forumdesk(["import", "csv", "people", path, "--dry-run", "--data", copy.path] + Self.now)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains("\(path):3: Phone: `1767123457` looks like a UK number that lost its leading 0"),
            "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "\(path):4: Phone: `1.63296E+09` is a number a spreadsheet shows in scientific notation"))
        #expect(!run.stdout.contains(":2: "), "the row typed as text is fine: \(run.stdout)")
    }
}
