import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

struct DailyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily",
        abstract:
            "Do what a day needs: sync, send queued mail, remind action owners, brief councillors before their meetings, publish.",
        discussion: """
            Meant for cron or a systemd user timer (docs/administrator.md). Each step runs as its own forumdesk command: \
            sync (when the folder is shared through git), send, remind (owners are chased again only after \
            "reminderIntervalDays"), brief (the councillors of each meeting --brief-days days ahead, once per meeting), \
            publish (with --site DIR), then send and sync again. What each step did is appended to \
            .forumdesk-daily/<day>.log in the data folder (machine-local, never synced). Running it twice sends \
            nothing twice. A step that fails is recorded in .forumdesk-daily/failed, shown at the next start of the \
            app, and e-mailed to the team's address (organiserEmail) through the outbox; the next run that succeeds \
            clears it. Exit 0, or 1 when a step failed.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(
        help: ArgumentHelp("Brief councillors this many days before their wards' meetings (1-60).", valueName: "days"))
    var briefDays = 7
    @Option(help: ArgumentHelp("Publish the public website into this folder.", valueName: "dir")) var site: String?

    func validate() throws {
        guard (1...60).contains(briefDays) else { throw ValidationError("--brief-days must be 1 to 60") }
    }

    func run() throws {
        let now = try options.currentTime()
        let folder = options.folder
        var run = DailyRun(folder: folder, now: now, forward: forwardedOptions)
        let (_, data) = try options.load(viewing: true)
        run.log("forumdesk daily on \(LondonTime.display(now)) (\(folder.root))")
        let shared = GitRepository(folder: folder).isRepository
        if shared { run.step("sync", ["sync"]) } else { run.log("sync: skipped, the folder is not shared through git") }
        run.step("send", ["send"])
        run.step("remind", ["remind"], alsoDone: [1])  // 1: owners with no e-mail address, listed
        run.brief(data: data, days: briefDays)
        if let site {
            run.step("publish", ["publish", "--out", site])
        } else {
            run.log("publish: skipped (no --site)")
        }
        run.step("send", ["send"])
        if shared { run.step("sync", ["sync"]) }
        run.finish(data: data)
        if !run.failures.isEmpty { throw ExitStatus.problems }
    }

    /// `--data` and `--now` as this run was given them, for each step.
    var forwardedOptions: [String] {
        ["--data", options.folder.root] + (options.now.map { ["--now", $0] } ?? [])
    }
}
