import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// `forumdesk conflicts`: the merge conflicts a sync recorded in any file (meetings, the directory, topic
/// requests, the settings), and their resolution one at a time.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the merge conflicts syncs recorded in every file, or resolve one (--theirs or --ours).",
        discussion: """
            A value changed differently on two laptops is kept as ours by `forumdesk sync`, with theirs recorded in the \
            file's `conflicts` list. Without arguments every open conflict is listed, one a line: FILE #N: where: ours, \
            theirs. `forumdesk conflicts FILE N --theirs` puts their value in place of ours; `--ours` keeps ours; either \
            way the conflict leaves the list (an ordinary checked save; `forumdesk history` shows it). Exit status: 0 no \
            conflicts (or resolved), 1 conflicts open, 3 the file could not be changed.
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(
        help: ArgumentHelp("The file holding the conflict, as listed (e.g. directory/people.json).", valueName: "file"))
    var file: String?
    @Argument(help: ArgumentHelp("The conflict's number in that file, as listed (#N).", valueName: "n")) var number:
        Int?
    @Flag(help: "Resolve by taking the teammate's value.") var theirs = false
    @Flag(help: "Resolve by keeping this folder's value.") var ours = false

    func validate() throws {
        if file != nil || number != nil || theirs || ours {
            guard file != nil, number != nil else {
                throw ValidationError("give the FILE and the conflict's number N, as `forumdesk conflicts` lists them")
            }
            guard theirs != ours else { throw ValidationError("say which side to keep: --theirs or --ours") }
        }
    }

    func run() throws {
        let store = DataStore(folder: options.folder)
        guard let file, let number else {
            let open = store.openConflicts()
            if open.isEmpty { return Output.line("no merge conflicts to resolve") }
            for conflict in open { Output.line(TerminalText.sanitized(conflict.description)) }
            Output.note(
                "\(open.count) conflict\(open.count == 1 ? "" : "s") to resolve: `forumdesk conflicts FILE N --theirs` or `--ours` (or H on the meeting in the app)"
            )
            throw ExitStatus.problems
        }
        let relative =
            file.hasPrefix(options.folder.root + "/") ? String(file.dropFirst(options.folder.root.count + 1)) : file
        try withCommandTurn(options) {
            do throws(SaveError) {
                let resolved = try store.resolveConflict(file: relative, number: number, takeTheirs: theirs)
                Output.line(
                    TerminalText.sanitized(
                        "\(relative) #\(number): \(resolved.place.isEmpty ? "the whole file" : resolved.place): \(theirs ? "took theirs" : "kept ours")"
                    ))
            } catch {
                Output.error(TerminalText.sanitized("\(relative) #\(number): not resolved: \(error.description)"))
                throw ExitStatus.dataError
            }
        }
    }
}
