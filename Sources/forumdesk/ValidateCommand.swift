import ArgumentParser
import Foundation
import ForumDeskCore
import TerminalUI
import ForumDeskStore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every file and every reference; print each problem as path:line:column: message.",
        discussion: """
            Exits 0 when the data is clean, 1 when problems were found, 3 when the folder cannot be read. Clashes of \
            meetings to come (a hall double-booked, a councillor due at two meetings, a bank holiday or closed day, a \
            pre-election period) are printed as PATH: warning: clash: … and do not change the exit status.
            """
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        let now = try options.currentTime()
        let (store, data) = try options.load(viewing: true)
        let diagnostics =
            data.loadErrors + store.problems(in: data, now: now) + store.unfinishedTransactions()
            + store.symbolicLinks().filter { link in !data.loadErrors.contains { $0.path == link.path } }
            + ErasureRule.problems(data, folder: options.folder) + VenueChecks.problems(data, folder: options.folder)
        for diagnostic in diagnostics { Output.line(TerminalText.sanitized(diagnostic.description)) }
        // Clashes of meetings to come are warnings: the data is sound, but a hall, a councillor or a day needs a look.
        let clashes = data.clashes(now: now)
        for meeting in data.meetings {
            for clash in clashes[meeting.id] ?? [] {
                Output.line("\(data.path(ofMeeting: meeting.id) ?? meeting.id): warning: clash: \(clash.message)")
            }
        }
        let clashCount = clashes.values.reduce(0) { $0 + $1.count }
        let warned = clashCount == 0 ? "" : "; \(clashCount) clash warning\(clashCount == 1 ? "" : "s")"
        let files = Set(diagnostics.map(\.path)).count
        if diagnostics.isEmpty {
            Output.error(
                "\(options.folder.root): \(data.meetings.count) meetings, \(data.directory.people.count) people, "
                    + "\(data.directory.organisations.count) organisations, \(data.topics.count) topic requests, "
                    + "\(data.consultations.count) consultations: no problems\(warned)")
            return
        }
        Output.error(
            "\(diagnostics.count) problem(s) in \(files) file(s); \(data.loadErrors.count) file(s) could not be read")
        throw ExitStatus.problems
    }
}
