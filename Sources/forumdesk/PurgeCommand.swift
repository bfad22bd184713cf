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
        `personalDataRemoved`. The outbox e-mails and conflict copies of those meetings, which hold names and \
        addresses, are deleted. Use --dry-run first to see what would go.
        """
    )

    @OptionGroup var options: DataOptions
    @Option(help: ArgumentHelp("Meetings that ended before this day (YYYY-MM-DD).", valueName: "date")) var before: CalendarDate
    @Flag(help: "Say what would be removed; change nothing.") var dryRun = false

    func run() throws {
        let today = LondonTime.date(try options.currentTime())
        guard before <= today else {
            throw ValidationError("--before \(before) is in the future; retention applies to meetings already held")
        }
        if dryRun { try purge(today: today) } else { try withEditLock(options) { try purge(today: today) } }
    }

    func purge(today: CalendarDate) throws {
        let (store, data0) = try options.load()
        var data = data0
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
        // Outbox e-mails and conflict copies of every meeting past the date, purged now or before.
        let files = data.meetings.filter { Retention.endedBefore($0, before) }.flatMap { leftovers(of: $0.id) }
        for path in files where !dryRun { try? FileManager.default.removeItem(atPath: path) }
        if !files.isEmpty {
            Output.line("\(dryRun ? "would delete" : "deleted") \(files.count) outbox folder(s) and conflict cop(ies) of those meetings")
        }
        Output.line(due.isEmpty
            ? "No meeting that ended before \(before) holds personal data."
            : "\(dryRun ? "Would remove" : "Removed") personal data from \(due.count) meeting\(due.count == 1 ? "" : "s") "
                + "that ended before \(before); counts, outcomes and actions are kept.")
    }

    /// The outbox folder and conflict copies of a meeting: they hold names and e-mail addresses.
    func leftovers(of id: String) -> [String] {
        let outbox = options.folder.path("outbox/\(id)")
        let conflicts = options.folder.path("conflicts")
        let copies = ((try? FileManager.default.contentsOfDirectory(atPath: conflicts)) ?? [])
            .filter { $0.hasPrefix(id + "-") }.map { "\(conflicts)/\($0)" }
        return (FileManager.default.fileExists(atPath: outbox) ? [outbox] : []) + copies
    }
}
