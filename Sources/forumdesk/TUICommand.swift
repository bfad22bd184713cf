import ArgumentParser
import Foundation
import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import NCursesTerminal
import TerminalUI

/// The full-screen application (the default command).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen application (the default). Without a terminal, prints the dashboard instead."
    )

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: ArgumentHelp("Open the live-notes screen of this meeting.", valueName: "meeting-id"))
    var live: String?

    @Flag(name: .long, help: "Open without editing, even when the folder could be edited.")
    var readOnly = false

    @Option(
        name: .long,
        help: ArgumentHelp("A councillor's read-only view of their wards' meetings (name or id).", valueName: "name"))
    var councillor: String?

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            // Piped or scripted: the same information as text (a councillor's name is still checked).
            if councillor != nil { _ = try viewer(try options.load(indexed: true, readOnly: true, viewing: true).1) }
            try DashboardCommand.printDashboard(options)
            return
        }
        let fixedNow = options.now != nil
        let sampleToday = fixedNow ? nil : options.sampleToday
        let now = try options.currentTime()
        // The first screen from the start digest when it holds (the live meetings read, the rest of the history
        // as its sums), the whole folder loaded just after it; else the whole folder first.
        // Closed meetings' files are looked at after the first screen, not before (`verify: false`, below).
        let quick = live == nil && councillor == nil ? DataStore(folder: options.folder).loadStart(now: now) : nil
        let store: DataStore, data: DataSet
        var report: DataStore.LoadReport?
        if let quick {
            (store, data) = (DataStore(folder: options.folder), quick.0)
        } else {
            (store, data, report) = try options.loadReporting(
                indexed: true, readOnly: readOnly || councillor != nil, viewing: true, verify: false)
        }
        if let live, data.meeting(live) == nil {
            Output.error("no meeting `\(live)` in \(options.folder.root) (see `forumdesk list meetings`)")
            throw ExitStatus.usage
        }
        let viewer = try viewer(data)
        // No folder-wide lock: several officers edit at once, every save checked against what was read.
        let access: Access
        if readOnly || viewer != nil {
            access = .readOnly("opened with --read-only")
        } else if let reason = DataStore.unwritableReason(options.folder) {
            access = .readOnly("the data folder cannot be written (\(reason))")
        } else {
            access = .editable
        }
        let editable = access == .editable
        let presence = Presence(folder: options.folder)
        let me = ProcessOwner.current(now: Date())
        var announced: Set<String> = []
        defer { for id in announced { presence.withdraw(meetingID: id, owner: me) } }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal()
        } catch {
            Output.error("\(error)")
            throw ExitStatus.usage
        }
        defer { terminal.shutdown() }
        let size = terminal.size
        var app =
            viewer.map {
                App.councillorView(of: $0, data: data, now: now, width: size.width, height: size.height, reader: store)
            }
            ?? App(data: data, now: now, width: size.width, height: size.height, store: store, access: access)
        if let quick { app.startFromDigest(cold: quick.1) }
        if editable { app.syncDriver = SyncCommand.executablePath }
        switch MachineSettings.load() {
        case .success(let machine): app.mailCommand = machine.sendmailCommand
        case .failure(let problem): app.inform("\(problem): e-mail cannot be sent until it is repaired")
        }
        if let warning = MachineSettings.ignoredWarning(data.settings) { app.inform(warning) }
        if let failure = DailyRun.lastFailure(options.folder) { app.inform(failure) }
        if let live { app.open(meetingID: live, live: true) }
        if let notice = terminal.localeNotice { app.inform(notice) }
        if let sampleToday {
            app.inform(
                "Sample data: today is \(LondonTime.weekday(sampleToday)) \(sampleToday.day) \(LondonTime.monthAbbreviation(sampleToday.month)) "
                    + "\(sampleToday.year) here (sampleToday in forumdesk.json)")
        }
        // A notice interrupted by a crash is finished (or rolled back) before anything else, and the user is told.
        if editable { app.tell(recovered: store.recoverNotices()) }
        terminal.draw(app.render())
        if quick != nil {
            // Keys typed meanwhile wait in the terminal: they are handled on the whole folder.
            let (_, full, fullReport) = try options.loadReporting(
                indexed: true, readOnly: readOnly, viewing: true, verify: false)
            app.replaceData(full)
            report = fullReport
        }
        // Housekeeping after the first frame: temp files are never the only copy of anything (only dead processes').
        if editable { _ = store.removeAbandonedTempFiles() }
        // The summaries shown come from the index unverified: their files are looked at now, on other threads, and
        // the folder loaded again if one was changed in place since it was indexed.
        let unverified = report?.unverified ?? []
        var verification: Pending<Bool>? = unverified.isEmpty ? nil : Pending { store.stillAsIndexed(unverified) }
        // Others' changes: inotify, read between keys.
        let watcher = FolderWatcher(folder: options.folder)
        var lastHeartbeat = Date(), lastPresenceRead = Date()
        /// Presence: ours follows what is open; everyone's is read when it changes and every few seconds (a
        /// process that died leaves its file until someone reads it); ours is rewritten each minute (`seen`).
        func followPresence(changed: Bool = false) {
            let open = app.meetingsOpenForEditing
            for id in open.subtracting(announced) { presence.announce(meetingID: id, owner: me) }
            for id in announced.subtracting(open) { presence.withdraw(meetingID: id, owner: me) }
            if Date().timeIntervalSince(lastHeartbeat) > 60 {
                var seen = me
                seen.seen = Date()
                for id in open { presence.announce(meetingID: id, owner: seen) }
                lastHeartbeat = Date()
            }
            announced = open
            if changed || Date().timeIntervalSince(lastPresenceRead) > 5 {
                app.showPresence(presence.others(now: Date()))
                lastPresenceRead = Date()
            }
        }
        followPresence(changed: true)
        terminal.draw(app.render())
        while !app.isFinished {
            let burst = terminal.readBurst(timeoutMilliseconds: Self.wakeMilliseconds)
            if !fixedNow { app.tick(sampleToday.map { LondonTime.sameTime(Date(), on: $0) } ?? Date()) }
            if let burst {
                app.handle(burst: burst)
                app.prepareSearchOnMeetings()
            }
            app.collectFinishedWork()
            let changed = watcher.changes()
            let presenceChanged = changed.contains { $0.contains("/\(Presence.folderName)/") }
            var staleSummaries = false
            if let verdict = verification?.ready {
                staleSummaries = !verdict
                verification = nil
            }
            if app.filesChanged(changed.filter { !$0.contains("/\(Presence.folderName)/") }) || app.wantsReload
                || staleSummaries
            {
                app.wantsReload = false
                if let (_, fresh) = try? options.load(indexed: true, readOnly: !editable, viewing: true) {
                    app.replaceData(fresh)
                }
            }
            followPresence(changed: presenceChanged)
            if app.wantsSuspend {
                app.wantsSuspend = false
                terminal.suspend()
                // The window may have been resized while stopped.
                let size = terminal.size
                app.handle(.resize(width: size.width, height: size.height))
            }
            if app.wantsFullRedraw {
                terminal.invalidate()
                app.wantsFullRedraw = false
            }
            terminal.draw(app.render())
        }
        // Quitting frees nothing: the system takes the memory back whole, where tearing down a large history
        // object by object took a third of a second. The terminal and our presence files are put right first
        // (exit skips the `defer`s above).
        // A sync still running finishes first: quitting is not a reason to leave the folder half-merged.
        if app.isWorking {
            terminal.shutdown()
            Output.note("finishing the work that is running (sync, send)…")
            app.finishWork()
            for id in announced { presence.withdraw(meetingID: id, owner: me) }
            Glibc.exit(0)
        }
        withExtendedLifetime((app, data)) {
            for id in announced { presence.withdraw(meetingID: id, owner: me) }
            terminal.shutdown()
            Glibc.exit(0)
        }
    }

    /// How long the loop waits for a key before looking at the folder again: bounds how late another officer's
    /// change shows (inotify has it at once; it is read between keys).
    static let wakeMilliseconds: Int32 = 250

    /// The councillor `--councillor` names, matched as every command matches a name (id, name with or without
    /// "Cllr", surname alone, unambiguous prefix); an ambiguous name lists the councillors it could be.
    func viewer(_ data: DataSet) throws -> Person? {
        guard let councillor else { return nil }
        let councillors = Directory(people: data.directory.people.filter { $0.kind == .councillor })
        let id: String?
        do {
            id = try Filters.person(councillor, councillors)
        } catch {
            Output.error("\(error)".replacingOccurrences(of: "person", with: "councillor"))
            throw ExitStatus.usage
        }
        guard let id, let person = data.directory.person(id) else {
            Output.error("no councillor matches `\(councillor)` (see the Directory's Councillors tab)")
            throw ExitStatus.usage
        }
        return person
    }
}
