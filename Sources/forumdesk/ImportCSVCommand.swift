import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// The people, organisations and meetings spreadsheets an officer already has.
struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract:
            "Import people, organisations, meetings or consultations from a CSV file: all or nothing, never duplicating a record already present.",
        discussion: """
            Columns are matched by the table in the README ("Importing spreadsheets"): case, spaces and punctuation \
            do not matter and & reads as "and" ("Meeting Date", "Venue / Location", "Start Time"); a column that \
            matches no field is reported as ignored. Areas, wards, organisations and chairs are resolved to directory \
            records by id, name or an unambiguous prefix; dates follow the README's date rule. A person with wards is \
            a councillor; one with an organisation is a contact. A record already present (same e-mail, or same name \
            and organisation; a meeting with the same id, or the same area and start) is skipped. Each problem is \
            reported as FILE:ROW: column: reason, and then nothing is imported. Meetings are listed as a table of what \
            each row becomes, with what was assumed. Consultations need a title, an engagement level (inform, consult, \
            involve, collaborate, empower) and open and close days; a consultation with the same title is skipped.
            """)

    @OptionGroup var options: DataOptions
    @Argument(help: "people, organisations, meetings or consultations") var kind: Kind
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Show what each row would become, and change nothing.") var dryRun = false

    /// Progress goes to standard error, and only to a terminal: a script's output stays clean.
    var progress: Progress { Progress(shown: isatty(STDERR_FILENO) == 1) }

    func run() throws {
        progress.say("reading \(file)")
        guard let data = FileManager.default.contents(atPath: file) else {
            progress.clear()
            Output.error("\(file): cannot read the file")
            throw ExitStatus.dataError
        }
        let sheet: SheetText
        do {
            sheet = try SheetText.read(data)
        } catch {
            progress.clear()
            Output.error("\(file): \(error.message)")
            throw ExitStatus.dataError
        }
        // UTF-8, with or without its mark, is what is asked for: anything else is said, so it can be checked.
        if (sheet.encoding != .utf8 && sheet.encoding != .utf8WithBOM) || sheet.separator != UInt8(ascii: ",") {
            progress.clear()
            Output.line(
                "\(file): read as \(sheet.encoding.description)\(sheet.separator == UInt8(ascii: "\t") ? ", tab separated" : "")"
            )
        }
        let rows: [(line: Int, fields: [String])]
        do {
            rows = try CSV.parse(sheet.text, separator: sheet.separator)
        } catch {
            progress.clear()
            Output.line("\(file):\(error.row): \(error.reason)")
            throw ExitStatus.problems
        }
        // A dry run changes nothing, so it needs no lock and works while someone edits.
        if dryRun { return try importRows(rows) }
        try withCommandTurn(options) { try importRows(rows) }
    }

    func importRows(_ rows: [(line: Int, fields: [String])]) throws {
        if kind == .meetings { return try importMeetings(rows) }
        if kind == .consultations { return try importConsultations(rows) }
        let (store, data0) = try options.load()
        var data = data0
        let report = DirectoryImport.run(kind == .people ? .people : .organisations, rows: rows, into: data.directory)
        reportIgnored(report.ignored, header: rows.first?.line ?? 1)
        try reportProblems(report.problems)
        let verb = dryRun ? "would add" : "added"
        for name in report.added { Output.line(TerminalText.sanitized("\(verb): \(name)")) }
        for name in report.skipped { Output.line(TerminalText.sanitized("skipped: \(name)")) }
        if dryRun || report.added.isEmpty { return }
        do {
            try store.saveDirectory(report.directory, in: &data)
        } catch {
            Output.error("\(error)")
            throw ExitStatus.dataError
        }
    }

    func reportIgnored<F>(_ ignored: [CSVColumns<F>.Ignored], header: Int) {
        for column in ignored {
            Output.line(TerminalText.sanitized("\(file):\(header): \(column.column): ignored, \(column.reason)"))
        }
    }

    func reportProblems(_ problems: [String]) throws {
        progress.clear()
        for problem in problems { Output.line(TerminalText.sanitized("\(file):\(problem)")) }
        guard problems.isEmpty else {
            Output.error("\(problems.count) problem(s): nothing was imported")
            throw ExitStatus.problems
        }
    }
}

extension ImportCSV {
    enum Kind: String, ExpressibleByArgument, CaseIterable { case people, organisations, meetings, consultations }

    func importMeetings(_ rows: [(line: Int, fields: [String])]) throws {
        let now = try options.currentTime()
        // New meetings are checked against the existing ones' ids, areas and starts: their keys suffice, read from the
        // start-up index where it is current, so adding one meeting does not read the history.
        let (store, data0, existing) = try options.loadKeys()
        var data = data0
        let total = max(rows.count - 1, 0)
        let progress = self.progress
        let report = MeetingImport.run(
            rows: rows, directory: data.directory, existing: existing, today: LondonTime.date(now)
        ) { done in
            progress.say("checking row \(done) of \(total)")
        }
        reportIgnored(report.ignored, header: rows.first?.line ?? 1)
        try reportProblems(report.problems)
        // Made while the files are written: the table of a million rows takes seconds.
        let rows = report.rows, directory = data.directory
        let table = Pending { rows.isEmpty ? "" : Self.table(rows, directory: directory) }
        // Each new meeting gets its kind's standing agenda items, and is checked for clashes.
        let planned = try planImported(report.meetings, data: data, now: now)
        if !dryRun {
            do {
                try store.saveNew(planned.meetings, in: &data) { done in
                    progress.say("writing meeting \(done) of \(report.rows.count)")
                }
            } catch {
                progress.clear()
                Output.error("\(error); nothing was imported")
                throw ExitStatus.dataError
            }
            progress.clear()
        }
        if !report.rows.isEmpty {
            Output.line(
                dryRun ? "would add \(report.rows.count) meeting(s):" : "added \(report.rows.count) meeting(s):")
            // Cells are sanitised as the table is built: written as it is, without a second pass (after what
            // `print` holds, so the order stays).
            fflush(nil)
            FileHandle.standardOutput.write(Data((table.value + "\n").utf8))
        }
        let clashes = planned.clashes
        for row in report.rows {
            for warning in row.warnings { Output.line(TerminalText.sanitized("\(file):\(row.line): \(warning)")) }
            for clash in clashes[row.meeting.id] ?? [] { Output.line("\(file):\(row.line): clash: \(clash.message)") }
        }
        for skipped in report.skipped { Output.line(TerminalText.sanitized("skipped: \(skipped)")) }
    }

    /// What each row became: the fields an officer checks against the sheet. Columns aligned in terminal
    /// columns (Bengali, CJK); cells sanitised; no trailing spaces. Built as bytes in one pass per row, as it may
    /// list a million rows.
    static func table(_ rows: [MeetingImport.Row], directory: Directory) -> String {
        var areaNames: [String: String] = [:], wardNames: [String: String] = [:], allWards: [String: [String]] = [:]
        for a in directory.areas {
            areaNames[a.id] = a.name
            allWards[a.id] = a.wards.map(\.id)
            for w in a.wards { wardNames[w.id] = w.name }
        }
        var chairs: [String: String] = [:]
        let headers = ["row", "id", "start", "end", "area", "wards", "venue", "chair"]
        var cells: [[String]] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let m = row.meeting
            let sameDay = LondonTime.date(m.start) == LondonTime.date(m.end)
            let chair =
                m.chair.map { id in
                    if let known = chairs[id] { return known }
                    let name = directory.displayName(ofPerson: id)
                    chairs[id] = name
                    return name
                } ?? ""
            cells.append(
                [
                    String(row.line), m.id, LondonTime.display(m.start),
                    sameDay ? LondonTime.hhmm(m.end) : LondonTime.display(m.end),
                    areaNames[m.area] ?? m.area,
                    allWards[m.area] == m.wards
                        ? "all \(m.wards.count)" : m.wards.map { wardNames[$0] ?? $0 }.joined(separator: ", "),
                    m.venue.name, chair,
                ].map { TerminalText.sanitized($0) })
        }
        func width(_ text: String) -> Int {
            text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : DisplayWidth.of(text)
        }
        var widths = headers.map(width)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        var out: [UInt8] = []
        func line(_ row: [String]) {
            var pending = 0  // spaces owed before the next non-empty cell, so that a line never ends in spaces
            for (i, cell) in row.enumerated() {
                if !cell.isEmpty {
                    out.append(contentsOf: repeatElement(0x20, count: pending))
                    out.append(contentsOf: cell.utf8)
                    pending = 0
                }
                pending += (i == row.count - 1 ? 0 : widths[i] - width(cell) + 2)
            }
            out.append(0x0A)
        }
        line(headers)
        line(widths.map { String(repeating: "-", count: $0) })
        for row in cells { line(row) }
        out.removeLast()
        return String(decoding: out, as: UTF8.self)
    }
}

/// A progress line on standard error that rewrites itself (callers say something every 10,000 rows).
struct Progress {
    var shown: Bool

    func say(_ text: String) {
        guard shown else { return }
        FileHandle.standardError.write(Data("\rforumdesk: \(text)\u{1B}[K".utf8))
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
