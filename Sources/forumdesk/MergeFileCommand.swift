import ArgumentParser
import Foundation
import ForumDeskStore
import TerminalUI

/// git's merge driver for the data folder's JSON files (`.gitattributes`: `*.json merge=forumdesk`; the repository's
/// config: `merge.forumdesk.driver = forumdesk merge-file %O %A %B %P`). See `JSONMerge`.
struct MergeFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract:
            "Merge two versions of a ForumDesk JSON file by record (git's merge driver; `forumdesk sync` sets it up).",
        discussion: """
            Three-way merge of OURS and THEIRS against BASE, written into OURS as canonical JSON. Records in lists \
            (agenda items, attendance, invitations, notices, actions, issues, people, organisations) merge by identity; \
            a value changed differently on both sides keeps ours and records theirs in the file's `conflicts` list, \
            which the app shows on the meeting. Exit status: 0 merged cleanly, 1 merged with conflicts recorded in the \
            file, 3 a version is not valid JSON (OURS is left as it was).
            """
    )

    @Argument(help: "The common ancestor (git's %O).") var base: String
    @Argument(help: "Our version, replaced by the result (git's %A).") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String
    @Argument(help: "The file's path in the repository, for messages (git's %P).") var path: String?

    func run() throws {
        func tree(_ file: String, optional: Bool) throws -> OrderedJSON? {
            let bytes: [UInt8]
            do {
                bytes = try PosixFileSystem().read(file)
            } catch {
                if optional { return nil }
                Output.error("\(TerminalText.sanitized(path ?? file)): cannot read \(file): \(error.reason)")
                throw ExitStatus.dataError
            }
            if optional, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
            do {
                return JSONMerge.ordered(try JSONParser.parse(bytes))
            } catch {
                Output.error(
                    "\(TerminalText.sanitized(path ?? file)): not valid JSON (line \(error.position.line)): \(error.reason); merge it by hand"
                )
                throw ExitStatus.dataError
            }
        }
        let baseTree = try tree(base, optional: true)
        guard let ourTree = try tree(ours, optional: false), let theirTree = try tree(theirs, optional: false) else {
            throw ExitStatus.dataError
        }
        let note = ProcessInfo.processInfo.environment["FORUMDESK_MERGE_NOTE"]
        let result = JSONMerge.merge(base: baseTree, ours: ourTree, theirs: theirTree, note: note)
        // git names its temp files relative to the work tree, where it runs the driver.
        let target = ours.hasPrefix("/") ? ours : FileManager.default.currentDirectoryPath + "/" + ours
        do {
            try DurableFile.write(JSONWriter.write(result.merged), to: target, fs: PosixFileSystem(), modes: .personal)
        } catch {
            Output.error("\(TerminalText.sanitized(path ?? ours)): cannot write the merge: \(error)")
            throw ExitStatus.dataError
        }
        for conflict in result.conflicts {
            Output.note(
                TerminalText.sanitized(
                    "\(path ?? ours): \(conflict.place): both sides changed it; kept ours, theirs recorded in `conflicts`"
                ))
        }
        if !result.conflicts.isEmpty { throw ExitStatus.problems }
    }
}
