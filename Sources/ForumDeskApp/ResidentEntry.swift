import Foundation
import ForumDeskCore
import ForumDeskStore

/// The live-notes line `y` opens on an issue: where to tell the resident who raised it, with their consent.
enum ResidentEntry {
    /// An e-mail address (one word with an @), or a postal address with its lines separated by commas.
    static func contact(
        _ text: String, issue: ResidentIssue, meeting: Meeting, now: Date
    ) throws(LiveNotesScreen.EntryError) -> ResidentContact {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else {
            throw LiveNotesScreen.EntryError(message: "type their e-mail or postal address, or Esc")
        }
        if typed.contains("@"), !typed.contains(",") {
            if let problem = EmailAddress.problem(typed) {
                throw LiveNotesScreen.EntryError(message: "\(typed): \(problem)")
            }
            return ResidentContact(issue: issue.id, meeting: meeting.id, consentedAt: now, email: typed)
        }
        let lines = typed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count >= 2 else {
            throw LiveNotesScreen.EntryError(
                message: "an e-mail address, or a postal address with its lines separated by commas")
        }
        return ResidentContact(issue: issue.id, meeting: meeting.id, consentedAt: now, postalAddress: lines)
    }
}

extension App {
    /// Adds the contact to this machine's `.forumdesk-residents.json` (durably, 0600); says where it went.
    mutating func recordResidentContact(_ contact: ResidentContact) {
        guard canEdit, let store else { return message = .error(readOnlyMessage) }
        do throws(DataStore.ResidentsFileError) {
            var contacts = try store.loadResidentContacts()
            contacts.append(contact)
            try store.saveResidentContacts(contacts)
            message = .info(
                "Saved: \(contact.issue): the resident is told when it is answered or its action done "
                    + "(their address is kept on this machine only)")
        } catch {
            message = .error("Not saved: \(error.description)")
        }
    }
}
