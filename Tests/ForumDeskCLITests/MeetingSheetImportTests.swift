import Foundation
import ForumDeskTestSupport
import Testing

/// `import csv meetings` on sheets as officers' spreadsheet programs save them, and the issue's own example.
@Suite struct MeetingSheetImportTests {
    static let sheets = repositoryRoot.appendingPathComponent("Tests/ForumDeskCLITests/Sheets").path
    static let now = ["--now", "2026-11-23T12:00"]

    /// The dry run's whole output, with the sheet's path shown as `SHEET`, against `Sheets/<name>.expected`.
    /// A missing expected file is written from this run (look at it, then commit it) and the test fails.
    @Test(arguments: ["excel", "libreoffice", "google-sheets"])
    func test_dryRun_ofSheetsAsSpreadsheetsWriteThem_showsWhatEachRowBecomes(sheet: String) throws {
        let copy = try SampleCopy()
        let file = Self.sheets + "/\(sheet).csv"
        let before = try FileManager.default.subpathsOfDirectory(atPath: copy.path + "/meetings").sorted()
        let run = try forumdesk(["import", "csv", "meetings", file, "--dry-run", "--data", copy.path] + Self.now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let shown = run.stdout.replacingOccurrences(of: file, with: "SHEET")
        let expectedPath = Self.sheets + "/\(sheet).expected"
        guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
            try shown.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedPath); check it and run again")
            return
        }
        #expect(shown == expected)
        #expect(
            try FileManager.default.subpathsOfDirectory(atPath: copy.path + "/meetings").sorted() == before,
            "a dry run writes nothing")
    }

    @Test func test_issueExample_importsWithTheRightTimes_andTheChairResolved() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/officer.csv"
        try """
        Date,Start Time,Finish,SNT Area,Type of meeting,Venue,Venue Address,Access notes,Chair
        03/12/2026,7pm,9pm,Sandy and Biggleswade,LTT,Potton Community Centre,"Potton Road, Potton",Step-free; hearing loop,Cllr Saoirse Merriweather
        14/01/2027,18:30,20:30,Ampthill & Flitwick,Ward Forum,Flitwick Rufus Centre,"Steppingstones, Flitwick",,

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let dry = try forumdesk(["import", "csv", "meetings", file, "--dry-run", "--data", copy.path] + Self.now)
        #expect(dry.status == 0, "\(dry.stdout)\(dry.stderr)")
        #expect(
            dry.stdout.contains(
                "2026-12-03-sandy-biggleswade-ltt         Thu 3 Dec 2026 19:00   21:00  Sandy and Biggleswade  all 5  Potton Community Centre  Cllr Saoirse Merriweather\n"
            ))
        #expect(
            dry.stdout.contains(
                "2027-01-14-ampthill-flitwick-ward-forum  Thu 14 Jan 2027 18:30  20:30  Ampthill and Flitwick  all 5  Flitwick Rufus Centre\n"
            ))
        #expect(
            !FileManager.default.fileExists(
                atPath: copy.path + "/meetings/2027/2027-01-14-ampthill-flitwick-ward-forum.json"))

        let run = try forumdesk(["import", "csv", "meetings", file, "--data", copy.path] + Self.now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("added 2 meeting(s):\n"))
        let json = try String(
            contentsOfFile: copy.path + "/meetings/2027/2027-01-14-ampthill-flitwick-ward-forum.json", encoding: .utf8)
        #expect(json.contains("\"start\": \"2027-01-14T18:30:00+00:00\""))
        #expect(json.contains("\"end\": \"2027-01-14T20:30:00+00:00\""))
        #expect(json.contains("\"kind\": \"ward-forum\""))
        let december = try String(
            contentsOfFile: copy.path + "/meetings/2026/2026-12-03-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(december.contains("\"chair\": \"cllr-saoirse-merriweather\""))
        #expect(december.contains("\"accessibility\": \"Step-free; hearing loop\""))
        #expect(try forumdesk(["validate", "--data", copy.path]).status == 0)
    }

    /// A row skipped says which row, and why: a repeat of an earlier row of the same sheet (same area and start,
    /// or same id) is told apart from a meeting already in the folder.
    @Test func test_skippedRows_sayTheRow_andWhetherTheSheetOrTheFolderHadIt() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/repeats.csv"
        try """
        Id,Date,Start,Area,Type,Venue
        ,05/01/2028,19:00,Sandy and Biggleswade,LTT,Hall A
        ,05/01/2028,19:00,Sandy and Biggleswade,Ward Forum,Hall B
        x-2028-a,06/01/2028,19:00,Leighton Rural,LTT,Hall C
        x-2028-a,07/01/2028,19:00,Leighton Rural,LTT,Hall D
        2026-12-17-sandy-biggleswade-ltt,17/12/2026,19:00,Sandy and Biggleswade,LTT,Hall E
        ,17/12/2026,19:00,Sandy and Biggleswade,Ward Forum,Hall F

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(["import", "csv", "meetings", file, "--data", copy.path] + Self.now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("added 2 meeting(s):\n"), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "skipped: row 3: Sandy and Biggleswade Wed 5 Jan 2028 19:00 (the same area and start as row 2 of this sheet)"
            ), "\(run.stdout)")
        #expect(run.stdout.contains("skipped: row 5: x-2028-a (the same id as row 4 of this sheet)"), "\(run.stdout)")
        #expect(
            run.stdout.contains("skipped: row 6: 2026-12-17-sandy-biggleswade-ltt (already present)"), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "skipped: row 7: Sandy and Biggleswade Thu 17 Dec 2026 19:00 (already present: 2026-12-17-sandy-biggleswade-ltt is in the same area at the same time)"
            ), "\(run.stdout)")
    }

    /// A morning meeting from a date column and a start-time column: 10:00 to 12:00, not refused.
    @Test func test_separateStartTimeColumn_isUsed_andUnknownColumnsAreReported() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/morning.csv"
        try
            "Meeting Date,Time,Finish,Venue / Location,SNT Area,Tel No.\n16/03/2027,10:00,12:00,Linslade Community Hall,Leighton Buzzard & Linslade,01632 960000\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(["import", "csv", "meetings", file, "--dry-run", "--data", copy.path] + Self.now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("\(file):1: Tel No.: ignored, no meeting field is called that\n"))
        #expect(run.stdout.contains("Tue 16 Mar 2027 10:00  12:00  Leighton Buzzard and Linslade"))
    }

    @Test func test_unknownAndAmbiguousNames_andMisreadDates_areRowErrors_andNothingIsWritten() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/bad.csv"
        try """
        Date,Venue,SNT Area,Ward,Chair
        3 Dec 26,Hall,Sandy,,Merriweather
        Thu 3 Dec 26 7pm,Hall,Leighton,,
        Sat 3 Dec 2026 7pm,Hall,Sandy,,
        28/03/2027 01:30,Hall,Sandy,,
        31/10/2027 01:30,Hall,Sandy,,
        4 Dec 2026 7pm,Hall,Leighton Rural,Sandy,
        5 Dec 2026 7pm,Hall,Atlantis,,

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2026").count
        let run = try forumdesk(["import", "csv", "meetings", file, "--data", copy.path] + Self.now)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "\(file):2: Chair: no person matches `Merriweather`; known: Cllr Maud Merriweather, Cllr Saoirse Merriweather, "
                    + "Cllr Deepak Merriweather, Fenella Merriweather, Yasmin Merriweather",
                "\(file):3: SNT Area: `Leighton` matches more than one area: Leighton Rural, Leighton Buzzard and Linslade",
                "\(file):4: Date: 3 Dec 2026 is a Thursday, not a Saturday",
                "\(file):5: Date: 01:30 on Sun 28 Mar 2027 does not exist in London: the clocks go forward an hour that night",
                "\(file):6: Date: 01:30 on Sun 31 Oct 2027 happens twice in London (the clocks go back an hour that night): add BST for the first or GMT for the second",
                "\(file):7: Ward: no ward of Leighton Rural matches `Sandy`; known: Heath and Reach, Eaton Bray, Toddington",
                "\(file):8: SNT Area: no area matches `Atlantis`; known: Cranfield, Marston and Woburn, Sandy and Biggleswade, Ampthill and Flitwick, "
                    + "Shefford, Stotfold and Arlesey, Dunstable, Houghton Regis and Rural, Leighton Rural, Leighton Buzzard and Linslade",
            ])
        #expect(run.stderr.contains("7 problem(s): nothing was imported"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2026").count == before)
    }

    /// Export → import is the identity for meetings' imported fields (the export's counts are reported as
    /// worked out by ForumDesk): checked on the sample data and on generated histories of several seeds.
    @Test(arguments: [0, 1, 2])
    func test_exportThenImport_givesTheSameMeetings(seed: Int) throws {
        let copy = try SampleCopy()
        var source = copy.path
        if seed > 0 {
            source = copy.folder + "/generated"
            let made = try forumdesk([
                "generate", "--meetings", "400", "--seed", String(seed), "--out", source, "--data", copy.path,
            ])
            #expect(made.status == 0, "\(made.stderr)")
        }
        let csv = copy.folder + "/meetings.csv"
        #expect(try forumdesk(["export", "csv", "meetings", "-o", csv, "--data", source]).status == 0)
        let empty = copy.folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty + "/directory", withIntermediateDirectories: true)
        for file in ["forumdesk.json", "directory/areas.json", "directory/people.json", "directory/organisations.json"]
        {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: empty + "/" + file)
        }
        let run = try forumdesk(["import", "csv", "meetings", csv, "--data", empty])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let again = copy.folder + "/again.csv"
        #expect(try forumdesk(["export", "csv", "meetings", "-o", again, "--data", empty]).status == 0)
        // Every column but the counts of agendas, actions and invitations, which a CSV does not carry.
        func rows(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).dropLast(3).joined(separator: ",")
            }
        }
        let original = try rows(csv), imported = try rows(again)
        #expect(original.count == imported.count)
        #expect(original == imported)
    }
}
