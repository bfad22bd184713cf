import ArgumentParser
import Foundation
import ForumDeskCore
import TerminalUI
import ForumDeskStore

struct ForumDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forumdesk",
        abstract: "Plan and run a council's resident meetings: partners, agendas, councillor notices and action logs.",
        discussion: """
            The data folder is --data DIR, else $FORUMDESK_DATA, else ./data.
            Exit codes: 0 ok, 1 problems found, 2 usage error, 3 data error.
            """,
        version: ForumDesk.version,
        subcommands: [
            TUICommand.self, DashboardCommand.self, ValidateCommand.self, ListCommand.self, NotifyCommand.self,
            SendCommand.self, LettersCommand.self, RemindCommand.self, BriefCommand.self, DailyCommand.self,
            PurgeCommand.self,
            ImportCommand.self, ProgrammeCommand.self, VenuesCommand.self, ExportCommand.self, ReportCommand.self,
            PublishCommand.self, MinutesCommand.self, PersonCommand.self, ResidentCommand.self,
            OrganisationCommand.self,
            MergeFileCommand.self, SyncCommand.self, ConflictsCommand.self, HistoryCommand.self, GenerateCommand.self,
            BenchCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Printed by `forumdesk --version`.
    static let version = "1.0.0"
}

enum ExitStatus {
    static let ok = ExitCode(0)
    static let problems = ExitCode(1)
    static let usage = ExitCode(2)
    static let dataError = ExitCode(3)
}

/// Options every command that reads data takes.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The data folder (default: $FORUMDESK_DATA, else ./data).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: .hidden)
    var now: String?

    var folder: DataFolder { DataFolder.resolve(option: data) }

    /// How many files must be decoded before a load shows its progress.
    static let progressFrom = 5_000

    /// "Now" for rules such as overdue: the real clock, or `--now` so tests and reports can fix it. A sample
    /// folder (`sampleToday` in forumdesk.json) runs on its own day at the real time of day, so whenever it is
    /// opened its meetings to come are still to come: the sample does not age.
    func currentTime() throws -> Date {
        guard let now else { return sampleClock(Date()) }
        if let instant = LondonTime.parse(now) { return instant }
        if let day = CalendarDate(iso: now) { return LondonTime.instant(date: day, hour: 12, minute: 0) }
        throw ValidationError("--now must be a date like 2026-11-24 or 2026-11-24T19:00")
    }

    /// The sample folder's day, read once.
    var sampleToday: CalendarDate? { DataStore(folder: folder).readSettings()?.sampleToday }

    /// The real clock, moved to the sample's day when the folder is the sample.
    func sampleClock(_ real: Date) -> Date {
        sampleToday.map { LondonTime.sameTime(real, on: $0) } ?? real
    }

    /// Loads the folder; a missing folder is a data error (exit 3) with a hint. `indexed`: closed meetings come
    /// from the start-up index as summaries (for screens and listings; exports and checks read every file).
    /// `forumdesk.json` that cannot be read is a data error too (nothing is done), unless `viewing`: a command that
    /// writes or sends would otherwise sign letters and e-mails "Unnamed council", hand mail to the default
    /// program and chase owners at the default interval. Views (`list`, `dashboard`, the app, `validate`) go on
    /// and show the problem.
    func load(indexed: Bool = false, readOnly: Bool = false, viewing: Bool = false) throws -> (DataStore, DataSet) {
        let (store, data, _) = try loadReporting(indexed: indexed, readOnly: readOnly, viewing: viewing)
        return (store, data)
    }

    /// `load`, with the index's report; `verify: false` as `DataStore.loadIndexed` takes it (the app's start).
    func loadReporting(
        indexed: Bool = false, readOnly: Bool = false, viewing: Bool = false, verify: Bool = true
    )
        throws -> (DataStore, DataSet, DataStore.LoadReport?)
    {
        let store = DataStore(folder: folder)
        let data: DataSet
        var indexReport: DataStore.LoadReport?
        if indexed {
            let showProgress = isatty(STDERR_FILENO) == 1
            let report: DataStore.LoadReport
            (data, report) = store.loadIndexed(now: try currentTime(), updateIndex: !readOnly, verify: verify) {
                done, total in
                // A first start on a large history decodes every file: say so rather than look frozen.
                guard showProgress, total >= Self.progressFrom else { return }
                FileHandle.standardError.write(Data("\rforumdesk: indexing meetings, \(done) of \(total)\u{1B}[K".utf8))
            }
            if showProgress, report.decoded >= Self.progressFrom {
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            }
            indexReport = report
        } else {
            data = store.load()
        }
        try check(data, viewing: viewing)
        return (store, data, indexReport)
    }

    /// For a command about these meetings alone (`notify`, `import reply`): the folder with only their files read
    /// (`DataStore.load(meetingIDs:)`), checked as `load` checks it.
    func load(meetingIDs: [String]) throws -> (DataStore, DataSet) {
        let store = DataStore(folder: folder)
        let data = store.load(meetingIDs: meetingIDs)
        try check(data, viewing: false)
        return (store, data)
    }

    /// For adding meetings (`import csv meetings`): the folder without its meetings, and every meeting's key
    /// (`DataStore.loadKeys`), checked as `load` checks it.
    func loadKeys() throws -> (DataStore, DataSet, [MeetingKey]) {
        let store = DataStore(folder: folder)
        let (data, keys) = store.loadKeys()
        try check(data, viewing: false)
        return (store, data, keys)
    }

    /// A missing folder is a data error, and so is an unreadable `forumdesk.json` unless `viewing` (see `load`).
    private func check(_ data: DataSet, viewing: Bool) throws {
        if data.meetings.isEmpty, data.loadErrors.count == 1, data.loadErrors[0].path == folder.root {
            Output.error("\(folder.root): no such data folder (give one with --data DIR or FORUMDESK_DATA)")
            throw ExitStatus.dataError
        }
        if !viewing, let problem = data.loadErrors.first(where: { $0.path == folder.settings }) {
            Output.error("\(problem)")
            Output.error(
                "\(folder.settings) must be read for the council's name, its mail settings and its rules; "
                    + "nothing was done (fix it; `forumdesk validate` shows every problem)")
            throw ExitStatus.dataError
        }
        // Without the whole directory a command would answer for councillors, wards and partners it cannot see
        // ("every councillor has a notice" with nobody read): it stops instead.
        let directoryFiles = [folder.areas, folder.people, folder.organisations]
        let unreadDirectory = data.loadErrors.filter { directoryFiles.contains($0.path) }
        if !viewing, !unreadDirectory.isEmpty {
            for problem in unreadDirectory { Output.error(TerminalText.sanitized(problem.description)) }
            Output.error(
                "the directory must be read whole for this command; nothing was done (fix it; `forumdesk validate` "
                    + "shows every problem)")
            throw ExitStatus.dataError
        }
    }
}

enum Output {
    static func error(_ message: String) { note(message) }

    /// Progress and waits, on stderr so that output stays clean for pipes.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data(("forumdesk: " + shown(message) + "\n").utf8))
    }

    static func line(_ text: String) { print(shown(text)) }

    /// Messages and listings quote data files, imported spreadsheets and calendar replies: each line is
    /// sanitised, so no escape sequence from them reaches the terminal (nor a log that is later `cat`ed).
    static func shown(_ text: String) -> String { TerminalText.sanitized(text, keepingLineBreaks: true) }

    /// A generated document to `-o FILE`, or to standard output without one; on a terminal rather than a
    /// pipe it is sanitised line by line like any other output.
    static func write(_ text: String, to output: String?) throws {
        guard let output else {
            return FileHandle.standardOutput.write(Data((isatty(STDOUT_FILENO) == 1 ? shown(text) : text).utf8))
        }
        try write(Array(text.utf8), to: output)
    }

    /// Writes `bytes` to the file `output` (a regular file or a new path), atomically, durably and privately.
    static func write(_ bytes: [UInt8], to output: String) throws {
        // Like every file ForumDesk writes: atomic, durable, and private (0600) whatever the umask.
        let path = output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
        // Only a regular file is replaced: a FIFO, a device or a symbolic link is not turned into one.
        var info = stat()
        if lstat(path, &info) == 0 {
            let kind: String? =
                switch info.st_mode & S_IFMT {
                case S_IFREG: nil
                case S_IFLNK: "a symbolic link"
                case S_IFIFO: "a FIFO (named pipe)"
                case S_IFCHR, S_IFBLK: "a device"
                case S_IFDIR: "a folder"
                case S_IFSOCK: "a socket"
                default: "not a regular file"
                }
            if let kind {
                Self.error("\(output): is \(kind); -o writes only a regular file or a new path (nothing was written)")
                throw ExitStatus.usage
            }
        }
        do {
            try DurableFile.write(bytes, to: path, fs: PosixFileSystem(), modes: .personal)
        } catch {
            Self.error("\(output): cannot write the file: \(error.cause.reason)")
            throw ExitStatus.dataError
        }
    }

    /// Load errors go to standard error, so a listing on standard output stays clean.
    /// On standard error: what a crash left unfinished (`DataStore.unfinishedTransactions`), which a command that
    /// only reads cannot repair.
    static func reportUnfinished(_ store: DataStore) {
        for diagnostic in store.unfinishedTransactions() { note(diagnostic.description) }
    }

    /// For a command whose answer covers every meeting (a listing, a report, a site): after its output, a data
    /// error if some file could not be read, so a half-read folder is never reported as fine.
    static func failIfIncomplete(_ data: DataSet, _ what: String) throws {
        guard !data.loadErrors.isEmpty else { return }
        error(
            "\(what) leaves out \(data.loadErrors.count) file(s) that could not be read (above); fix them and run it again"
        )
        throw ExitStatus.dataError
    }

    /// The meeting `id`, or a clear stop: a data error when its file could not be read (not "no meeting").
    static func meeting(_ id: String, in data: DataSet, folder: DataFolder) throws -> Meeting {
        if let m = data.meeting(id) { return m }
        if let problem = data.loadErrors.first(where: { $0.path.hasSuffix("/\(id).json") }) {
            error(TerminalText.sanitized(problem.description))
            error("\(id) cannot be read, so nothing was done (`forumdesk validate` shows every problem)")
            throw ExitStatus.dataError
        }
        error("no meeting `\(id)` in \(folder.root) (see `forumdesk list meetings`)")
        throw ExitStatus.usage
    }

    static func reportLoadErrors(_ data: DataSet) {
        for diagnostic in data.loadErrors { error(TerminalText.sanitized(diagnostic.description)) }
        if !data.loadErrors.isEmpty {
            error(
                "\(data.loadErrors.count) file(s) could not be read and were skipped; run `forumdesk validate` for details"
            )
        }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension MeetingStatus: ExpressibleByArgument {}
extension MeetingKind: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}
extension TopicStatus: ExpressibleByArgument {}
