import ArgumentParser
import Foundation
import ForumDeskCore
import TerminalUI
import ForumDeskStore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every file and every reference; print each problem as path:line:column: message.",
        discussion: "Exits 0 when the data is clean, 1 when problems were found, 3 when the folder cannot be read."
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        let now = try options.currentTime()
        let (store, data) = try options.load(viewing: true)
        let diagnostics = data.loadErrors + store.problems(in: data, now: now) + store.unfinishedTransactions()
            + store.symbolicLinks().filter { link in !data.loadErrors.contains { $0.path == link.path } }
            + ErasureRule.problems(data, folder: options.folder)
        for diagnostic in diagnostics { Output.line(TerminalText.sanitized(diagnostic.description)) }
        let files = Set(diagnostics.map(\.path)).count
        if diagnostics.isEmpty {
            Output.error("\(options.folder.root): \(data.meetings.count) meetings, \(data.directory.people.count) people, "
                         + "\(data.directory.organisations.count) organisations, \(data.topics.count) topic requests, "
                         + "\(data.consultations.count) consultations: no problems")
            return
        }
        Output.error("\(diagnostics.count) problem(s) in \(files) file(s); \(data.loadErrors.count) file(s) could not be read")
        throw ExitStatus.problems
    }
}
