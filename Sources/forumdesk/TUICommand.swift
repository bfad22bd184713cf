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

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            // Piped or scripted: the same information as text.
            try DashboardCommand.printDashboard(options)
            return
        }
        let now = try options.currentTime()
        let (store, data) = try options.load()
        _ = store.removeAbandonedTempFiles()
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal()
        } catch {
            Output.error("\(error)")
            throw ExitStatus.usage
        }
        defer { terminal.shutdown() }
        let size = terminal.size
        var app = App(data: data, now: now, width: size.width, height: size.height)
        terminal.draw(app.render())
        while !app.isFinished {
            guard let event = terminal.readEvent() else { continue }
            app.handle(event)
            if app.wantsFullRedraw {
                terminal.invalidate()
                app.wantsFullRedraw = false
            }
            terminal.draw(app.render())
        }
    }
}
