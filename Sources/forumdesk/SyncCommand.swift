import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// `forumdesk sync`: commit, fetch, merge (ForumDesk's merge driver), push. See `Sync`.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the data folder with the team through git: commit your changes, fetch, merge by record, push.",
        discussion: """
            The data folder becomes a git repository on first use (with .gitignore for caches, presence, temp files and \
            the files that stay on this machine, and .gitattributes naming ForumDesk's merge driver). Your changes are \
            committed under your name (git's user.name, else your login), the team's changes fetched and merged record \
            by record (an attendance line, an invitation, a notice as a whole; the same value changed on both sides is \
            kept as ours and recorded as a conflict: `forumdesk conflicts` lists and resolves them), ids allocated on two \
            laptops renumbered (the one not yet published yields), and the result pushed to the branch the remote's HEAD \
            names. Nothing ForumDesk cannot read (conflict markers, invalid JSON, a link) is committed, merged or pushed: \
            the sync stops and names the file, the commit and its author. A sync killed at any moment is finished or \
            undone by the next (a journal in .git/). Offline, a refused login or a refused push say so; your changes stay \
            committed here. Exit status: 0 synced, 1 synced with conflicts to resolve, 3 not synced.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(
        help: ArgumentHelp(
            "The team's repository (a bare repository on the shared drive, or a git URL); remembered.", valueName: "url"
        ))
    var remote: String?

    func run() throws {
        let report = try withCommandTurn(options) { Self.sync(options.folder, remote: remote) }
        for line in report.lines { print(TerminalText.sanitized(line)) }
        if let failure = report.failure {
            Output.error(failure.message)  // Output sanitises each line, keeping the breaks
            throw ExitStatus.dataError
        }
        if report.conflicts > 0 {
            Output.note(
                "\(report.conflicts) conflict\(report.conflicts == 1 ? "" : "s") recorded: `forumdesk conflicts` lists them; resolve each with `forumdesk conflicts FILE N --theirs` or `--ours` (or H on a meeting in the app)"
            )
            throw ExitStatus.problems
        }
        print("in sync")
    }

    /// The sync, with this program as the merge driver.
    static func sync(_ folder: DataFolder, remote: String?) -> Sync.Report {
        Sync(folder: folder, driver: executablePath).run(remote: remote)
    }

    /// This program's absolute path (what git runs as the merge driver).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// `forumdesk history MEETING-ID`: who changed the meeting, when, and what.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract:
            "A meeting's changes from git (who, when, what), newest first. The folder must be synced (`forumdesk sync`)."
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id (see `forumdesk list meetings`).") var meeting: String

    func run() throws {
        switch MeetingHistory(folder: options.folder).entries(meetingID: meeting) {
        case .failure(let error):
            Output.error(TerminalText.sanitized(error.message))
            throw ExitStatus.dataError
        case .success(let entries):
            if entries.isEmpty {
                print(
                    "no recorded changes of \(TerminalText.sanitized(meeting)) yet (changes are recorded by `forumdesk sync`)"
                )
            }
            for entry in entries {
                let what =
                    entry.changes.isEmpty
                    ? "(no change to the meeting: \(entry.subject))" : entry.changes.joined(separator: "; ")
                print(TerminalText.sanitized("\(LondonTime.display(entry.date))  \(entry.author)  \(what)"))
            }
        }
    }
}
