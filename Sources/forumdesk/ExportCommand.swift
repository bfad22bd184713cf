import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write calendars and documents from the data.",
        subcommands: [ExportAgenda.self, ExportMinutes.self, ExportICS.self, ExportCSV.self])
}

/// The public engagement calendar (strategy item 30): subscribable, public fields only.
struct ExportICS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract:
            "Write a public calendar of upcoming and recent meetings (no personal e-mail addresses or phone numbers).")

    @OptionGroup var options: DataOptions
    @OptionGroup var filter: MeetingFilter
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let now = try options.currentTime()
        let (_, data) = try options.load()
        Output.reportLoadErrors(data)
        // Upcoming and recent: what a subscriber's calendar should hold.
        let recent = now.addingTimeInterval(-90 * 86_400)
        // Public: a passage naming someone or an address waits for `publish --review`, as on the site.
        let meetings = PublicReview.publishable(try filter.select(data).filter { $0.end >= recent }, data.directory)
            .meetings
        let events = meetings.map { m in
            ICalendar.event(
                m, directory: data.directory, method: .publish, sequence: m.sequence, stamp: now,
                organiser: nil, attendee: nil, description: PublicSite.eventDescription(m))
        }
        let name = "\(data.settings.council): community meetings" + (try filter.areaName(data).map { " (\($0))" } ?? "")
        try Output.write(ICalendar.calendar(method: .publish, events: events, name: name), to: output)
        if let output { Output.error("\(output): \(meetings.count) meeting(s)") }
        try Output.failIfIncomplete(data, "the calendar")
    }
}

/// What `export agenda` and `export minutes` take.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id.") var meeting: String
    @Option(help: "md (the default), text or html (a standalone printable page).") var format: DocumentFormat =
        .markdown
    @Option(
        name: .customLong("for"),
        help:
            "record (the default: everyone named, as the council keeps it) or residents (as the public site publishes it: councillors by name, others by organisation)."
    )
    var audience: MeetingDocument.Audience = .record
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    /// The agenda or the minutes of a meeting, in the format of the Luton Forum's papers.
    func write(_ kind: MeetingDocument.Kind) throws {
        let (_, data) = try options.load()
        let m = try Output.meeting(meeting, in: data, folder: options.folder)
        try Output.write(
            MeetingDocument.document(
                kind, format, for: m, directory: data.directory, allMeetings: data.meetings,
                council: data.settings.council, audience: audience), to: output)
    }
}

struct ExportAgenda: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: "Write a meeting's agenda.")
    @OptionGroup var document: DocumentOptions
    func run() throws { try document.write(.agenda) }
}

struct ExportMinutes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "minutes", abstract: "Write a meeting's minutes.")
    @OptionGroup var document: DocumentOptions
    func run() throws { try document.write(.minutes) }
}

extension DocumentFormat: ExpressibleByArgument {}
extension MeetingDocument.Audience: ExpressibleByArgument {}

/// The spreadsheets ForumDesk replaces, as RFC 4180 CSV.
struct ExportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract:
            "Write meetings, actions, attendance, notifications, residents' issues or the topics' roll-out as CSV (RFC 4180), one row per record, ISO 8601 dates."
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "meetings, actions, attendance, notifications, issues or topics (one row per topic and area)")
    var table: CSV.Table
    @OptionGroup var filter: MeetingFilter
    @Flag(help: "For Excel: start with a UTF-8 byte-order mark.")
    var excel = false
    @Flag(
        help:
            "Leave fields that begin like a formula (= + - @) as they are, for programs rather than spreadsheets. Without it they get an apostrophe in front, which `import csv` takes off again."
    )
    var raw = false
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let now = try options.currentTime()
        let (_, data) = try options.load()
        Output.reportLoadErrors(data)
        let (header, rows) =
            table == .topics
            ? CSV.topics(
                data.topics, meetings: data.meetings, directory: data.directory, now: now,
                area: try Filters.area(filter.area, data.directory))
            : CSV.table(
                table, meetings: try filter.select(data), directory: data.directory, today: LondonTime.date(now))
        try Output.write(CSV.document(header: header, rows: rows, excel: excel, raw: raw), to: output)
        if let output { Output.error("\(output): \(rows.count) row(s)") }
        try Output.failIfIncomplete(data, "the export")
    }
}

extension CSV.Table: ExpressibleByArgument {}

/// The annual report to residents (strategy item 35).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write the annual report: meetings, residents, equality counts, partners, notices, actions, feedback, topics."
    )

    @OptionGroup var options: DataOptions
    @Option(help: "The year.") var year: Int
    @Option(help: "Only this area.") var area: String?
    @Option(help: "md (the default), text or html.") var format: DocumentFormat = .markdown
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let now = try options.currentTime()
        let (_, data) = try options.load()
        Output.reportLoadErrors(data)
        let areaID = try Filters.area(area, data.directory)
        // The report to residents is public: passages waiting for `publish --review` are held back here too.
        let lines = AnnualReport.lines(
            year: year, area: areaID, directory: data.directory,
            meetings: PublicReview.publishable(data.meetings, data.directory).meetings,
            today: LondonTime.date(now), council: data.settings.council, consultations: data.consultations)
        try Output.write(
            format.render(lines, title: "\(data.settings.council): community meetings \(year)"), to: output)
        try Output.failIfIncomplete(data, "the report")
    }
}
