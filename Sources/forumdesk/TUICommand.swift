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

    @Option(name: .long, help: ArgumentHelp("A councillor's read-only view of their wards' meetings (name or id).", valueName: "name"))
    var councillor: String?

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            // Piped or scripted: the same information as text (a councillor's name is still checked).
            if councillor != nil { _ = try viewer(try options.load(indexed: true, readOnly: true).1) }
            try DashboardCommand.printDashboard(options)
            return
        }
        let fixedNow = options.now != nil
        let sampleToday = fixedNow ? nil : options.sampleToday
        let now = try options.currentTime()
        let (store, data) = try options.load(indexed: true, readOnly: readOnly || councillor != nil)
        if let live, data.meeting(live) == nil {
            Output.error("no meeting `\(live)` in \(options.folder.root) (see `forumdesk list meetings`)")
            throw ExitStatus.usage
        }
        let viewer = try viewer(data)
        let lock = EditLock(folder: options.folder)
        let access: Access
        var locked = false
        if readOnly || viewer != nil {
            access = .readOnly("opened with --read-only")
        } else {
            switch lock.acquireReclaimingOwn(now: Date()) {
            case (.acquired, let reclaimed):
                access = reclaimed.map(Access.resumedAfterCrash) ?? .editable
                locked = true
            case (.heldBy(let owner, let stale), _):
                access = stale ? .staleLock(owner)
                    : .readOnly("\(owner.user) on \(owner.host) is editing (since \(LondonTime.display(owner.since)))")
            case (.readOnly(let reason), _):
                access = .readOnly("the data folder cannot be written (\(reason))")
            }
        }
        // Released however it was taken, here or from the stale-lock dialog (release removes only our own).
        defer { lock.release() }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal()
        } catch {
            Output.error("\(error)")
            throw ExitStatus.usage
        }
        defer { terminal.shutdown() }
        // Killed or hung up (terminal window closed): the handler removes our lock, so the next start is clean.
        // A SIGKILL or a power cut still leaves it; the next start takes it back (same user and machine) or asks.
        if locked { terminal.removeOnFatalSignal(options.folder.lockFile) }
        let size = terminal.size
        var app = viewer.map { App.councillorView(of: $0, data: data, now: now, width: size.width, height: size.height, reader: store) }
            ?? App(data: data, now: now, width: size.width, height: size.height, store: store, access: access, lock: lock)
        if let live { app.open(meetingID: live, live: true) }
        if let sampleToday {
            app.inform("Sample data: today is \(LondonTime.weekday(sampleToday)) \(sampleToday.day) \(LondonTime.monthAbbreviation(sampleToday.month)) "
                + "\(sampleToday.year) here (sampleToday in forumdesk.json)")
        }
        // A notice interrupted by a crash is finished (or rolled back) before anything else, and the user is told.
        if locked { app.tell(recovered: store.recoverNotices()) }
        terminal.draw(app.render())
        // Housekeeping after the first frame: temp files are never the only copy of anything.
        if locked { _ = store.removeAbandonedTempFiles() }
        while !app.isFinished {
            // Wake every second while a clock is shown; otherwise wait for the user.
            let event = terminal.readEvent(timeoutMilliseconds: app.showsClock ? 1000 : nil)
            if !fixedNow { app.tick(sampleToday.map { LondonTime.sameTime(Date(), on: $0) } ?? Date()) }
            if let event { app.handle(event) }
            if !locked, app.holdsLock {
                // Taken over from the stale-lock dialog: now ours to remove if the process is killed.
                locked = true
                terminal.removeOnFatalSignal(options.folder.lockFile)
                _ = store.removeAbandonedTempFiles()
                app.tell(recovered: store.recoverNotices())
            }
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
        // object by object took a third of a second. The terminal and the lock are put right first.
        withExtendedLifetime((app, data)) {
            terminal.shutdown()
            lock.release()
            Glibc.exit(0)
        }
    }

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
