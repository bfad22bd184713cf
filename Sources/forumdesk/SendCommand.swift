import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Hand the e-mails in outbox/ to the mail program (sendmail, msmtp…) and record them as sent.",
        discussion: """
            Each e-mail goes to the sendmail-compatible program named by "sendmail" in this machine's configuration \
            (~/.config/forumdesk/config.json, or $FORUMDESK_CONFIG; default: sendmail -t -oi), one at a time; a \
            program named in the shared forumdesk.json is never run. Accepted ones move to sent/<meeting-id>/ with a .log of the time and the \
            program's answer, and their notices are recorded as sent; refused ones stay in the outbox with the reason. \
            Nothing is sent twice: an e-mail a killed run left with the program (outbox-sending/) is reported as \
            "maybe sent" until you settle it with --confirm-sent or --resend.
            """
    )

    @OptionGroup var options: DataOptions
    @Flag(help: "Only list what would be sent; change nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Only this meeting's e-mails.", valueName: "meeting-id")) var meeting: String?
    @Option(
        help: ArgumentHelp("A maybe-sent e-mail that did arrive: record it as sent.", valueName: "meeting-id/file.eml"))
    var confirmSent: String?
    @Option(
        help: ArgumentHelp(
            "A maybe-sent e-mail that did not arrive: put it back in the outbox for the next send.",
            valueName: "meeting-id/file.eml"))
    var resend: String?
    @Option(help: .hidden) var timeout: Double = 120

    func run() throws {
        let now = try options.currentTime()
        let real = Date()
        try withCommandTurn(options) {
            let (store, data0) = try options.load()
            var data = data0
            if let meeting, data.meeting(meeting) == nil {
                Output.error("no meeting `\(meeting)` in \(options.folder.root) (see `forumdesk list meetings`)")
                throw ExitStatus.usage
            }
            if let message = confirmSent ?? resend {
                do throws(PathError) {
                    Output.line(try store.settleMaybeSent(message, sent: confirmSent != nil, now: now, in: &data))
                } catch {
                    Output.error(error.description)
                    throw ExitStatus.usage
                }
                return
            }
            let machine: MachineSettings
            switch MachineSettings.load() {
            case .success(let settings): machine = settings
            case .failure(let problem):
                Output.error(TerminalText.sanitized("\(problem): nothing was sent"))
                throw ExitStatus.dataError
            }
            if let warning = MachineSettings.ignoredWarning(data.settings) {
                Output.note(TerminalText.sanitized(warning))
            }
            let program = MailProgram(command: machine.sendmailCommand, timeout: timeout)
            // Residents who asked to be told, whose issue is now answered: their message joins the outbox first.
            let residentsTold =
                meeting != nil || ResidentFeedbackQueue.queue(store: store, data: data, now: now, dryRun: dryRun)
            // The sample folder runs on its own day: its records keep that day's clock, at the real pace.
            let lines = store.sendOutbox(
                with: program, now: { now.addingTimeInterval(Date().timeIntervalSince(real)) }, dryRun: dryRun,
                meeting: meeting, in: &data
            ) { Output.line($0.description) }
            let count = { (o: DataStore.DeliveryLine.Outcome) in lines.filter { $0.outcome == o }.count }
            if lines.isEmpty {
                Output.line("The outbox is empty: nothing to send.")
            } else if dryRun {
                Output.line(
                    "\(count(.wouldSend)) e-mail(s) would be sent with `\(program.display)`"
                        + (count(.maybeSent) > 0 ? "; \(count(.maybeSent)) maybe sent, waiting for you to settle" : ""))
            } else {
                Output.line(
                    "\(count(.sent)) sent, \(count(.failed)) not sent, \(count(.maybeSent)) maybe sent (with `\(program.display)`)"
                )
            }
            if count(.failed) > 0 || count(.maybeSent) > 0 || !residentsTold { throw ExitStatus.problems }
        }
    }
}
