import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write calendars and documents from the data.",
                                                    subcommands: [ExportAgenda.self, ExportMinutes.self, ExportICS.self, ExportCSV.self])
}

/// The public engagement calendar (strategy item 30): subscribable, public fields only.
struct ExportICS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write a public calendar of upcoming and recent meetings (no personal e-mail addresses or phone numbers).")

    @OptionGroup var options: DataOptions
    @Option(help: "Only this area.") var area: String?
    @Option(help: "Only meetings covering this ward.") var ward: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let now = try options.currentTime()
        let (_, data) = try options.load()
        let areaID = try Filters.area(area, data.directory)
        let wardID = try Filters.ward(ward, data.directory)
        let recent = now.addingTimeInterval(-90 * 86_400)
        let meetings = data.meetings.filter { m in
            m.end >= recent && (areaID == nil || m.area == areaID) && (wardID == nil || m.wards.contains(wardID!))
        }
        let events = meetings.map { m in
            let agenda = m.agenda.map { "\($0.number). \($0.title)" }.joined(separator: "\n")
            let description = [m.publicNotes, m.venue.accessibility.map { "Access: \($0)" }, agenda.isEmpty ? nil : "Agenda:\n" + agenda]
                .compactMap { $0 }.joined(separator: "\n\n")
            return ICalendar.event(m, directory: data.directory, method: .publish, sequence: m.sequence, stamp: now,
                                   organiser: nil, attendee: nil, description: description.isEmpty ? nil : description)
        }
        let name = "\(data.settings.council): community meetings" + (areaID.map { " (\(data.directory.area($0)?.name ?? $0))" } ?? "")
        let text = ICalendar.calendar(method: .publish, events: events, name: name)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                Output.error("\(output): cannot write the file")
                throw ExitStatus.dataError
            }
            Output.error("\(output): \(meetings.count) meeting(s)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// What `export agenda` and `export minutes` take.
struct DocumentOptions: ParsableArguments {
    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id.") var meeting: String
    @Option(help: "md (the default), text or html (a standalone printable page).") var format: DocumentFormat = .markdown
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    /// The agenda or the minutes of a meeting, in the format of the Luton Forum's papers.
    func write(_ kind: MeetingDocument.Kind) throws {
        let (_, data) = try options.load()
        guard let m = data.meeting(meeting) else {
            Output.error("no meeting `\(meeting)` in \(options.folder.root) (see `forumdesk list meetings`)")
            throw ExitStatus.usage
        }
        let lines = MeetingDocument.lines(kind, for: m, directory: data.directory, allMeetings: data.meetings)
        let text = format.render(lines, title: "\(m.title): \(kind.rawValue)")
        guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            Output.error("\(output): cannot write the file")
            throw ExitStatus.dataError
        }
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

/// The spreadsheets ForumDesk replaces, as RFC 4180 CSV.
struct ExportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write meetings, actions, attendance or notifications as CSV (RFC 4180), one row per record, ISO 8601 dates.")

    @OptionGroup var options: DataOptions
    @Argument(help: "meetings, actions, attendance or notifications") var table: CSV.Table
    @Option(help: "Only meetings of this area.") var area: String?
    @Option(help: "Only meetings covering this ward.") var ward: String?
    @Option(help: ArgumentHelp("Only meetings on or after this day.", valueName: "yyyy-mm-dd")) var from: CalendarDate?
    @Option(help: ArgumentHelp("Only meetings on or before this day.", valueName: "yyyy-mm-dd")) var to: CalendarDate?
    @Flag(help: "For Excel: a UTF-8 byte-order mark, and fields that begin like a formula (= + - @) prefixed with an apostrophe.")
    var excel = false
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let now = try options.currentTime()
        let (_, data) = try options.load()
        let areaID = try Filters.area(area, data.directory)
        let wardID = try Filters.ward(ward, data.directory)
        let meetings = data.meetings.filter { m in
            let day = LondonTime.date(m.start)
            return (areaID == nil || m.area == areaID) && (wardID == nil || m.wards.contains(wardID!))
                && (from == nil || day >= from!) && (to == nil || day <= to!)
        }
        let (header, rows) = CSV.table(table, meetings: meetings, directory: data.directory, today: LondonTime.date(now))
        let text = CSV.document(header: header, rows: rows, excel: excel)
        guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            Output.error("\(output): cannot write the file")
            throw ExitStatus.dataError
        }
        Output.error("\(output): \(rows.count) row(s)")
    }
}

extension CSV.Table: ExpressibleByArgument {}
