import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// Before `send` delivers the outbox: a "you said, we did" e-mail into `outbox/residents/` for each resident who asked
/// to be told and whose issue is now answered (or its action done). Recorded in `.forumdesk-residents.json` before it
/// is written, so a crash between the two leaves a message recorded but not written, never one written twice.
enum ResidentFeedbackQueue {
    /// Returns false when something went wrong (said on standard error).
    static func queue(store: DataStore, data: DataSet, now: Date, dryRun: Bool) -> Bool {
        var contacts: [ResidentContact]
        do throws(DataStore.ResidentsFileError) {
            contacts = try store.loadResidentContacts()
        } catch {
            Output.error("\(error); no resident was told this time")
            return false
        }
        let owed = ResidentFeedbackRules.owed(contacts, meetings: data.meetings)
        guard !owed.isEmpty else { return true }
        let organiser = Notifier.Organiser(
            configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
        var ok = true
        for item in owed {
            guard
                let mail = DigestMail.residentMessage(
                    item, directory: data.directory, organiser: organiser, council: data.settings.council,
                    now: now)
            else { continue }
            if dryRun {
                Output.line(
                    "would write \(mail.path): \"you said, we did\" about \(item.issue.id) to the resident who asked")
                continue
            }
            guard let k = contacts.firstIndex(of: item.contact) else { continue }
            contacts[k].told.append(ResidentContact.Told(at: now, file: mail.file))
            do throws(DataStore.ResidentsFileError) {
                try store.saveResidentContacts(contacts)
            } catch {
                Output.error("\(error); the message about \(item.issue.id) was not written")
                return false
            }
            do throws(SaveError) {
                try store.writeDigest(mail.text, named: mail.file, in: mail.folder)
                Output.line("\(mail.path): \"you said, we did\" about \(item.issue.id) to the resident who asked")
            } catch {
                Output.error("\(error); the message about \(item.issue.id) is recorded but not written")
                ok = false
            }
        }
        return ok
    }
}
