import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore

/// Retention: personal data out of old meetings, as a council's data-protection schedule requires.
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove personal data from meetings that ended before a retention date.",
        discussion: """
            From each meeting that ended before DATE: attendees' names (each attendance line keeps its organisation, \
            role and status, so the counts stay), reasons given for absence, declarations of interest, the contacts \
            named on partner invitations and agenda presenters. Kept: counts (residents present, equality monitoring), \
            outcomes, actions, residents' issues and councillors' notices. The meeting records the day in \
            `personalDataRemoved`. The files ForumDesk wrote for those meetings, which hold names and addresses, are \
            deleted, each one named: outbox e-mails (outbox/<id>/*.eml), conflict copies (conflicts/<id>-<time>.json) and \
            exported minutes and agendas (exports/<id>-minutes.md…); nothing else, and nothing through a symbolic link. \
            In a folder shared through git, the next `forumdesk sync` rewrites the history so that no commit holds what \
            was removed, here, on the remote and on every laptop at its next sync. \
            Residents who asked to be told what became of their issue (`forumdesk resident`) are removed from this \
            machine's .forumdesk-residents.json, with the messages written to them, once the issue is closed and its \
            meeting ended before DATE. Use --dry-run first to see what would go.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(help: ArgumentHelp("Meetings that ended before this day (YYYY-MM-DD).", valueName: "date")) var before:
        CalendarDate
    @Flag(help: "Say what would be removed; change nothing.") var dryRun = false

    func run() throws {
        let today = LondonTime.date(try options.currentTime())
        guard before <= today else {
            throw ValidationError("--before \(before) is in the future; retention applies to meetings already held")
        }
        if dryRun { try purge(today: today) } else { try withCommandTurn(options) { try purge(today: today) } }
    }

    func purge(today: CalendarDate) throws {
        let (store, data0) = try options.load()
        var data = data0
        Output.reportLoadErrors(data)
        let due = Retention.due(data.meetings, before: before, directory: data.directory, today: today)
        for (meeting, removed) in due {
            if !dryRun {
                do throws(SaveError) {
                    try store.save(meeting, in: &data)
                } catch {
                    Output.error("\(meeting.id): not purged: \(error.description)")
                    throw ExitStatus.dataError
                }
            }
            Output.line("\(meeting.id): \(dryRun ? "would remove" : "removed") \(removed.description)")
        }
        // What ForumDesk wrote for every meeting past the date (purged now or before): outbox e-mails, conflict
        // copies and exported minutes, which hold names and addresses. Only files it names itself; each one said.
        let files = data.meetings.filter { Retention.endedBefore($0, before) }.flatMap {
            store.generatedFiles(ofMeeting: $0.id)
        }
        var failed = false
        for path in files {
            if !dryRun {
                do throws(SaveError) {
                    try store.deleteGenerated(path)
                } catch {
                    Output.error("not deleted: \(error.description)")
                    failed = true
                    continue
                }
            }
            Output.line("\(dryRun ? "would delete" : "deleted") \(relative(path))")
        }
        // Residents who asked to be told (this machine's .forumdesk-residents.json): once their issue is closed and its
        // meeting ended before the date, their consent, address and the messages sent go.
        let residents = try ResidentCommand.load(store)
        let expired = residents.filter { ResidentFeedbackRules.purgeable($0, meetings: data.meetings, before: before) }
        if !expired.isEmpty {
            let messages = expired.flatMap { ResidentCommand.files(of: $0, store: store) }
            if !dryRun {
                try ResidentCommand.save(residents.filter { !expired.contains($0) }, store)
                for file in ResidentCommand.delete(messages, store: store) {
                    Output.error("not deleted: \(file)")
                    failed = true
                }
            }
            Output.line(
                "\(dryRun ? "would remove" : "removed") \(expired.count) resident contact(s) (\(expired.map(\.issue).joined(separator: ", "))) "
                    + "and \(messages.count) message file(s) from \(DataStore.residentsFile)")
        }
        if !dryRun, !due.isEmpty || !files.isEmpty {
            // git's history still holds what went: the next sync rewrites it, here, on the remote and on every laptop.
            HistoryRewrite.requestRewrite(
                options.folder,
                reason:
                    "a purge of personal data from meetings that ended before \(before), made on \(HistoryRewrite.spoken(today))"
            )
            if FileManager.default.fileExists(atPath: options.folder.path(".git")) {
                Output.line(
                    "git's history still holds what was removed: the next `forumdesk sync` rewrites it (see the README: Erasure in a shared folder)"
                )
            }
        }
        Output.line(
            due.isEmpty
                ? "No meeting that ended before \(before) holds personal data."
                : "\(dryRun ? "Would remove" : "Removed") personal data from \(due.count) meeting\(due.count == 1 ? "" : "s") "
                    + "that ended before \(before); counts, outcomes and actions are kept.")
        if failed { throw ExitStatus.dataError }
        // A meeting that could not be read was not purged: retention is not done until it is.
        try Output.failIfIncomplete(data, "the purge")
    }

    /// A path as the user would find it: relative to the data folder.
    func relative(_ path: String) -> String {
        path.hasPrefix(options.folder.root + "/") ? String(path.dropFirst(options.folder.root.count + 1)) : path
    }
}
