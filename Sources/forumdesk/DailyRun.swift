import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// One run of `forumdesk daily`: its steps, each a forumdesk command run as a child process, and its log in
/// `.forumdesk-daily/` (a machine-local folder: `.gitignore` leaves every `/.forumdesk*` out of the record).
struct DailyRun {
    static let folderName = ".forumdesk-daily"
    static let failedName = "failed"
    static let briefedName = "briefed"

    let folder: DataFolder
    let now: Date
    let forward: [String]
    var lines: [String] = []
    var failures: [String] = []

    init(folder: DataFolder, now: Date, forward: [String]) {
        self.folder = folder
        self.now = now
        self.forward = forward
    }

    var logFolder: String { folder.path(Self.folderName) }

    static func failedFile(_ folder: DataFolder) -> String { folder.path("\(folderName)/\(failedName)") }

    /// What the app says at its start while the last `forumdesk daily` failed: its first lines, and where the log is.
    static func lastFailure(_ folder: DataFolder) -> String? {
        guard let text = try? String(contentsOfFile: failedFile(folder), encoding: .utf8), !text.isEmpty else {
            return nil
        }
        let lines = text.split(separator: "\n").prefix(2).joined(separator: ": ")
        return "\(lines) (the log is in \(folderName)/; the next daily run that succeeds clears this)"
    }

    mutating func log(_ line: String) {
        let stamped = "\(LondonTime.hhmm(now)) \(line)"
        lines.append(stamped)
        Output.line(stamped)
    }

    /// Runs `forumdesk ARGS` and logs its exit and output. Exit 0 is done, and so is any status in `alsoDone` (brief's
    /// 1: a councillor who cannot be e-mailed, listed for a letter or a call); anything else is a failure (send's 1:
    /// e-mails the mail program refused or may not have sent).
    @discardableResult
    mutating func step(_ name: String, _ args: [String], alsoDone: Set<Int32> = []) -> Int32 {
        let result = ChildProcess.run([SyncCommand.executablePath] + args + forward, timeout: 600, mergeErrors: true)
        switch result {
        case .failure(let error):
            log("\(name): FAILED, could not run: \(error)")
            failures.append("\(name): could not run: \(error)")
            return -1
        case .success(let outcome):
            let text = String(decoding: outcome.output, as: UTF8.self)
            let said = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let status = outcome.signal != 0 ? "killed by signal \(outcome.signal)" : "exit \(outcome.exitStatus)"
            let failed =
                outcome.signal != 0 || outcome.timedOut
                || (outcome.exitStatus != 0 && !alsoDone.contains(outcome.exitStatus))
            log("\(name): \(failed ? "FAILED, " : "")\(status)")
            for line in said { log("  \(line)") }
            if failed { failures.append("\(name): \(status)\n" + said.suffix(10).joined(separator: "\n")) }
            return outcome.exitStatus
        }
    }

    /// The councillors of each booked meeting `days` days ahead, each briefed once per meeting (`briefed` lists
    /// "meeting councillor" pairs done), so a second run the same day, or the next day, briefs nobody again.
    mutating func brief(data: DataSet, days: Int) {
        let day = LondonTime.date(now).adding(days: days)
        let meetings = data.meetings.filter { ClashRules.isBooked($0) && LondonTime.date($0.start) == day }
        guard !meetings.isEmpty else { return log("brief: no meeting on \(day) (\(days) days ahead)") }
        let path = folder.path("\(Self.folderName)/\(Self.briefedName)")
        var done = Set(
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        let byWard = ClashRules.councillorsByWard(data.directory)
        for meeting in meetings {
            for councillor in ClashRules.expectedCouncillors(meeting, councillorsByWard: byWard).sorted() {
                let key = "\(meeting.id) \(councillor)"
                guard !done.contains(key) else {
                    log("brief: \(councillor) already briefed for \(meeting.id)"); continue
                }
                let status = step(
                    "brief \(councillor) for \(meeting.id)", ["brief", "--councillor", councillor], alsoDone: [1])
                if status == 0 || status == 1 {
                    done.insert(key)
                    write(done.sorted().joined(separator: "\n") + "\n", to: path)
                }
            }
        }
    }

    /// Writes the log (appended to the day's file), and the failure record and the team's e-mail, or clears it.
    mutating func finish(data: DataSet) {
        let failed = Self.failedFile(folder)
        if failures.isEmpty {
            log("done")
            try? FileManager.default.removeItem(atPath: failed)
        } else {
            log(
                "FAILED: \(failures.count) step\(failures.count == 1 ? "" : "s"); recorded in \(Self.folderName)/\(Self.failedName)"
            )
            let summary =
                "forumdesk daily failed on \(LondonTime.display(now)):\n" + failures.joined(separator: "\n") + "\n"
            write(summary, to: failed)
            mailTeam(summary, data: data)
        }
        let logPath = "\(logFolder)/\(LondonTime.date(now)).log"
        let earlier = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        write(earlier + lines.joined(separator: "\n") + "\n", to: logPath)
    }

    /// The failure, to the team's address, through the outbox (`outbox/daily/`), then handed to the mail program by
    /// `send`; if that fails too it waits there for the next send.
    mutating func mailTeam(_ summary: String, data: DataSet) {
        guard let address = data.settings.organiserEmail else {
            return log("no organiserEmail in forumdesk.json: nobody e-mailed")
        }
        let team = Email.mailbox(data.settings.organiserName ?? data.settings.council, address)
        let file = NoticeOutbox.digestFileName(person: "team", folder: NoticeOutbox.daily, at: now)
        let text = summary + "\nThe log: \(folder.root)/\(Self.folderName)/\(LondonTime.date(now)).log\n"
        let html =
            "<pre>" + text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            + "</pre>"
        let message = Email.message(
            from: team, to: team, subject: "forumdesk daily failed on \(LondonTime.date(now))", date: now,
            messageID: "daily-\(file.dropLast(4))@forumdesk", text: text, html: html)
        do {
            try DataStore(folder: folder).writeDigest(message, named: file, in: NoticeOutbox.daily)
            log("the failure was written to outbox/daily/\(file) for \(address)")
            step("send", ["send"])
        } catch {
            log("the failure could not be written to the outbox: \(error)")
        }
    }

    func write(_ text: String, to path: String) {
        try? DataStore(folder: folder).writeLocal(
            text, folder: Self.folderName, name: (path as NSString).lastPathComponent)
    }
}
