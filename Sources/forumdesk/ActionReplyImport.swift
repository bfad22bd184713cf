import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// The action owners' answers `import reply` found in e-mails: applied in the order they were sent, each line's
/// outcome printed (recorded and already-recorded lines on standard output, refused and unread ones on standard
/// error, with their text), and the meetings that changed saved.
enum ActionReplyImport {
    /// Returns how many lines were recorded, how many the officer must look at (refused or unread) and how many
    /// meetings could not be saved.
    static func apply(
        _ mails: [ActionReplyRules.Mail], options: DataOptions
    ) throws -> (applied: Int, refused: Int, failed: Int) {
        let ordered = mails.enumerated().sorted { ($0.element.sent, $0.offset) < ($1.element.sent, $1.offset) }.map(
            \.element)
        return try withCommandTurn(options) {
            let (store, data0) = try options.load()
            var data = data0
            Output.reportLoadErrors(data)
            var meetings = data.meetings
            var changed: Set<Int> = []
            var applied = 0, refused = 0, failed = 0
            let organiser = Notifier.Organiser(
                configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail
            )
            .email.lowercased()
            for mail in ordered {
                // A copy of ForumDesk's own reminder (a sent folder saved with the replies) quotes every action: not an answer.
                if mail.from == organiser {
                    Output.note(
                        "passed over: \(mail.source): sent by this council's organiser address (\(organiser)), not an owner's answer"
                    )
                    continue
                }
                let (touched, outcomes) = ActionReplyRules.apply(mail, to: &meetings, directory: data.directory)
                changed.formUnion(touched)
                for outcome in outcomes {
                    if outcome.needsOfficer {
                        Output.error("\(mail.source): \(outcome.message)")
                        refused += 1
                    } else {
                        Output.line("\(mail.source): \(outcome.message)")
                        if case .applied = outcome { applied += 1 }
                    }
                }
            }
            if !data.loadErrors.isEmpty, refused > 0 {
                Output.error(
                    "some meetings' files could not be read (above): an action in them is reported as not in the data")
            }
            for i in changed.sorted() {
                do throws(SaveError) {
                    try store.save(meetings[i], in: &data)
                } catch {
                    Output.error("\(meetings[i].id): \(error); its actions' updates were not recorded")
                    failed += 1
                }
            }
            return (applied, refused, failed)
        }
    }
}
