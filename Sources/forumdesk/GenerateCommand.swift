import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore

/// A large, realistic data folder for measuring ForumDesk at scale.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a data folder with N meetings (a long synthetic history) for benchmarks.",
        discussion: """
            Starts from the data folder (--data; the sample data by default): its settings, directory (areas, wards, \
            councillors, partners), topics and meetings are copied, and older meetings are made from its held \
            meetings, area by area, back through the years (about 84 a year, denser beyond 30 years), with their \
            agendas, attendance, councillor notices, actions and residents' issues. The same --seed gives the same \
            folder. DIR must not exist or be empty.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(help: "How many meetings the new folder holds.") var meetings: Int
    @Option(help: ArgumentHelp("The folder to create.", valueName: "dir")) var out: String
    @Option(help: "The random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard meetings >= 1 else { throw ValidationError("--meetings must be at least 1") }
    }

    func run() throws {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        guard contents.isEmpty else {
            Output.error("\(out): the folder is not empty; give a new one")
            throw ExitStatus.usage
        }
        let started = Date()
        let showProgress = isatty(STDERR_FILENO) == 1
        let summary: SyntheticHistory.Summary
        do {
            summary = try SyntheticHistory.generate(
                from: DataStore(folder: options.folder), count: meetings, seed: seed,
                to: DataFolder(out)
            ) { done in
                if showProgress {
                    FileHandle.standardError.write(
                        Data("\rforumdesk: \(done) of \(meetings) meetings written\u{1B}[K".utf8))
                }
            }
        } catch {
            Output.error("\(error)")
            throw ExitStatus.dataError
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let span = [summary.firstDay, summary.lastDay].compactMap { $0?.description }.joined(separator: " to ")
        Output.line(
            "\(out): \(summary.meetings) meetings (\(span)), \(summary.bytes / 1024) KB, "
                + String(format: "%.1f s", Date().timeIntervalSince(started)))
    }
}
