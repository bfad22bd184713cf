import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Deleting a person or an organisation from the Directory screen: refused, saying where, while something still
/// needs them; otherwise confirmed in a dialog first.
extension DirectoryScreen {
    static func delete(_ person: Person, _ c: Context) -> [Effect] {
        let needed = DirectoryRemoval.personNeeded(
            person, meetings: c.data.meetings, topics: c.data.topics, directory: c.directory, now: c.now)
        if !needed.isEmpty {
            return [
                .ask(
                    title: "\(person.name) is still needed", message: stillNamed(needed) + " Change those first.",
                    choices: [Choice("OK")])
            ]
        }
        return [
            .ask(
                title: "Delete \(person.name)?",
                message:
                    "They leave the directory, and past meetings as `forumdesk person erase` leaves them: \"(name removed)\" "
                    + "in attendance (counts kept), their declarations and notices gone, actions kept by their organisation; "
                    + "e-mails and exports naming them are deleted. This cannot be undone.",
                choices: [Choice("Keep them"), Choice("Delete", [.erasePerson(personID: person.id)])])
        ]
    }

    static func delete(_ org: Organisation, _ c: Context) -> [Effect] {
        let needed = DirectoryRemoval.organisationNeeded(
            org.id, meetings: c.data.meetings, topics: c.data.topics, directory: c.directory, now: c.now,
            consultations: c.data.consultations, venues: c.data.venues)
        if !needed.isEmpty {
            return [
                .ask(
                    title: "\(org.name) is still referred to",
                    message: stillNamed(needed)
                        + " To keep its history, merge it into another: forumdesk organisation merge.",
                    choices: [Choice("OK")])
            ]
        }
        var directory = c.directory
        directory.organisations.removeAll { $0.id == org.id }
        return [
            .ask(
                title: "Delete \(org.name)?", message: "Nothing refers to it. u undoes it in this session.",
                choices: [
                    Choice("Keep it"),
                    Choice("Delete", [.edit(.saveDirectory(directory, label: "organisation \(org.id) deleted"))]),
                ])
        ]
    }

    /// The first few places, and how many more.
    static func stillNamed(_ lines: [String]) -> String {
        let shown = lines.prefix(4).joined(separator: "; ")
        return "Still named in: \(shown)" + (lines.count > 4 ? " and \(lines.count - 4) more." : ".")
    }
}

extension App {
    /// The erasure `forumdesk person erase` does, for a person the Directory screen deletes: past meetings read in
    /// full first, then the same plan and the same checked saves. Nothing of it is kept for undo.
    mutating func erasePerson(_ id: String) {
        guard let store, readOnlyReason == nil, let person = context.directory.person(id) else {
            message = .error("Read-only: \(readOnlyReason ?? "no data folder"). Nothing was written.")
            return
        }
        let summaries = context.data.meetings.filter(\.isSummary).map(\.id)
        if !summaries.isEmpty { store.hydrate(meetingIDs: summaries, in: &context.data) }
        let today = LondonTime.date(context.now)
        let plan = store.erasurePlan(of: person, newOwner: nil, today: today, in: context.data)
        if let first = plan.ownerless.first {
            message = .error(
                "\(person.name) owns \(first.actions.joined(separator: ", ")) with no organisation: "
                    + "forumdesk person delete \(id) --new-owner PERSON")
            return
        }
        let (_, errors) = store.apply(plan, today: today, in: &context.data)
        // Earlier edits' undo would write back versions that name them: the history goes with them.
        undoStack.removeAll()
        redoStack.removeAll()
        context.refresh()
        context.refreshTopics()
        message =
            errors.isEmpty
            ? .info("Deleted \(person.name) from the directory and \(plan.meetings.count) meeting(s)")
            : .error(errors[0] + (errors.count > 1 ? " (and \(errors.count - 1) more)" : ""))
    }
}
