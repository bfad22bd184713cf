import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore

/// A person's data on request: a subject access pack (UK GDPR art. 15) and erasure (art. 17).
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Everything held about one person, and erasing or deleting them.",
        subcommands: [PersonShow.self, PersonErase.self, PersonDelete.self]
    )

    /// The person NAME names, matched as `--owner` is (id, name, "Name" without Cllr, an unambiguous prefix).
    static func resolve(_ query: String, in data: DataSet) throws -> Person {
        guard let id = try Filters.person(query, data.directory), let person = data.directory.person(id) else {
            throw ValidationError("no person matches `\(query)`")
        }
        return person
    }
}

struct PersonShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List every place that names a person; -o FILE writes a subject access pack.",
        discussion: """
            Each place once: the directory entry, then each meeting's records (chair, presenter, invitation, attendance, \
            apologies with their reason, substitutions, declarations, councillor notices and replies, actions owned), \
            topic contacts, any other text field holding the name, e-mail address or phone number, and every other file \
            under the data folder that holds them (outbox, withdrawn, pending and sent e-mails, exports, conflict copies, \
            the start-up index, files ForumDesk did not write), each with its file, line and record. With -o FILE the \
            same as one Markdown document to give to the person, with the text of each file that names them.
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var options: DataOptions
    @Argument(help: "The person: id or name (any case; a prefix is enough when it names one person).") var name: String
    @Option(help: "text (default) or json.") var format: Format = .text
    @Option(
        name: [.short, .customLong("out")],
        help: ArgumentHelp("Write the subject access pack (Markdown) to this file.", valueName: "file"))
    var out: String?

    func run() throws {
        let (store, data) = try options.load()
        Output.reportLoadErrors(data)
        let person = try PersonCommand.resolve(name, in: data)
        let places = store.places(of: person, in: data)
        if let out {
            let today = LondonTime.date(try options.currentTime())
            let history = PersonHistory.lines(of: person, folder: options.folder)
            let pack = SubjectAccessPack.markdown(
                person: person, places: places, data: data, today: today, history: history
            ) { rel in
                try? String(contentsOfFile: options.folder.path(rel), encoding: .utf8)
            }
            try Output.write(pack, to: out)
            Output.note("\(places.count) place(s) in the pack written to \(out)")
            return try Output.failIfIncomplete(data, "the pack")
        }
        switch format {
        case .json:
            let items = places.map { p in
                OrderedJSON.object([
                    ("file", .string(p.file)), ("line", p.line.map(OrderedJSON.int) ?? .null),
                    ("record", .string(p.record)),
                    ("kind", .string(p.kind)), ("text", .string(p.text)),
                ])
            }
            let doc = OrderedJSON.object([
                ("person", .string(person.id)), ("name", .string(person.name)), ("places", .array(items)),
            ])
            FileHandle.standardOutput.write(Data(JSONWriter.write(doc)))
        case .text:
            Output.line("\(person.name) (\(person.id)): \(places.count) place\(places.count == 1 ? "" : "s")")
            for p in places {
                let at = p.line.map { "\(p.file):\($0)" } ?? p.file
                Output.line("\(at)  \(p.record.isEmpty ? "-" : p.record)  \(p.kind): \(p.text)")
            }
        }
        try Output.failIfIncomplete(data, "the list")
    }
}

struct PersonErase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Remove a person from every record and every file that names them.",
        discussion: """
            As `purge` does for old meetings: each attendance line stays, named "(name removed)", with its organisation, \
            role and status (counts stay); reasons for absence, declarations and the notices sent to them go; \
            invitations stay with the organisation; actions they owned keep their organisation (or pass to \
            --new-owner, needed when an action would have neither); presenter, chair and topic contact are cleared; \
            any other text field holding their name, e-mail address or phone number reads "(name removed)". Then the \
            directory entry goes, and the files that name them: e-mails (outbox, withdrawn, pending, sent), exports \
            and the start-up index are deleted, conflict copies are kept without them. forumdesk.json's `erasures` \
            records the day and how many records and files changed, never who. There is no undo and no copy is kept: \
            run with --dry-run first; without --yes the command asks for the person's id. In a folder shared through \
            git, the next `forumdesk sync` rewrites the history without them and every laptop applies the erasure at its \
            next sync: see the README (Erasure in a shared folder).
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The person: id or name.") var name: String
    @Flag(help: "Say what would be removed; change nothing.") var dryRun = false
    @Flag(help: "Do not ask for confirmation (for scripts).") var yes = false
    @Option(help: ArgumentHelp("Who takes over the actions they owned (a person's id or name).", valueName: "person"))
    var newOwner: String?

    func run() throws {
        if dryRun { return try erase(.show) }
        // Asked before the commands' turn is taken (nobody waits on a prompt), then done within it: the turn first
        // finishes what a killed command left (a notice transaction, an import, temp files).
        if !yes { try erase(.ask) }
        try withCommandTurn(options) { try erase(yes ? .showAndApply : .apply) }
    }

    enum Step { case show, ask, apply, showAndApply }

    func erase(_ step: Step) throws {
        let today = LondonTime.date(try options.currentTime())
        let (store, data0) = try options.load()
        var data = data0
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty {
            Output.error("a file that cannot be read may name the person: nothing was erased (fix it, then erase)")
            throw ExitStatus.dataError
        }
        let person = try PersonCommand.resolve(name, in: data)
        let owner = try newOwner.map { try PersonCommand.resolve($0, in: data).id }
        if owner == person.id { throw ValidationError("--new-owner must be someone else") }
        let plan = store.erasurePlan(of: person, newOwner: owner, today: today, in: data)
        if !plan.ownerless.isEmpty {
            let list = plan.ownerless.map { "\($0.meeting): \($0.actions.joined(separator: ", "))" }.joined(
                separator: "; ")
            Output.error(
                "\(person.name) owns actions that have no organisation to keep them (\(list)); give --new-owner PERSON")
            throw ExitStatus.usage
        }
        let now = try options.currentTime()
        let shown = step != .apply
        for (meeting, erased) in plan.meetings where shown {
            let toCome = meeting.start > now && meeting.status != .cancelled ? " (a meeting to come)" : ""
            Output.line("\(meeting.id): \(dryRun ? "would remove" : "will remove") \(erased.description)\(toCome)")
        }
        for topic in plan.topics where shown {
            Output.line("topic \(topic.id): \(dryRun ? "would remove" : "will remove") the contact")
        }
        for consultation in plan.consultations where shown {
            Output.line("consultation \(consultation.id): \(dryRun ? "would remove" : "will remove") the contact")
        }
        if shown { Output.line("directory/people.json: \(dryRun ? "would remove" : "will remove") \(person.id)") }
        for file in plan.files where shown {
            Output.line(
                "\(file.file): \(file.kind): "
                    + (file.file == ".git"
                        ? "rewritten by the next `forumdesk sync`"
                        : file.step == .leave
                            ? "left as it is (not ForumDesk's)"
                            : dryRun ? "would \(file.step.rawValue)" : "will \(file.step.rawValue)"))
        }
        if step == .show { return }
        if step == .ask {
            guard isatty(STDIN_FILENO) == 1 else {
                Output.error("erasure cannot be undone: confirm with --yes (after --dry-run), or run it on a terminal")
                throw ExitStatus.usage
            }
            print("This cannot be undone. Type \(person.id) to erase \(Output.shown(person.name)): ", terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces) == person.id else {
                Output.error("not confirmed; nothing was changed")
                throw ExitStatus.usage
            }
            return
        }
        let (done, errors) = store.apply(plan, today: today, in: &data)
        for line in done { Output.line(line) }
        for line in errors { Output.error(line) }
        if plan.files.contains(where: { $0.file == ".git" }) {
            Output.note(
                "git's history still holds \(person.id): the next `forumdesk sync` rewrites it, here, on the remote and on every laptop at its next sync (see the README: Erasure in a shared folder)"
            )
        }
        guard errors.isEmpty else { throw ExitStatus.dataError }
        Output.line(
            "Erased \(person.id) from \(plan.meetings.count) meeting(s), \(plan.topics.count) topic(s) and the directory; recorded in forumdesk.json (erasures)."
        )
    }
}

/// Someone who left: out of the directory, refused while meetings to come still need them.
struct PersonDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a person from the directory (refused while meetings to come still name them).",
        discussion: """
            Refused, listing where, while a meeting to come (not held or cancelled, not yet over) names them (chair, \
            presenter, invitation, attendance, declaration, notice, action) or an open topic request has them as its \
            contact: change those first. Past meetings are treated as `person erase` treats them (the name becomes \
            "(name removed)", counts stay), and the files that name them go. Takes --dry-run, --yes and --new-owner as \
            erase does.
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The person: id or name.") var name: String
    @Flag(help: "Say what would be removed; change nothing.") var dryRun = false
    @Flag(help: "Do not ask for confirmation (for scripts).") var yes = false
    @Option(help: ArgumentHelp("Who takes over the actions they owned.", valueName: "person")) var newOwner: String?

    func run() throws {
        let (_, data) = try options.load()
        if !data.loadErrors.isEmpty {
            Output.reportLoadErrors(data)
            Output.error("a meeting that cannot be read may still need them: nothing was deleted (fix it first)")
            throw ExitStatus.dataError
        }
        let person = try PersonCommand.resolve(name, in: data)
        let needed = DirectoryRemoval.personNeeded(
            person, meetings: data.meetings, topics: data.topics, directory: data.directory,
            now: try options.currentTime())
        if !needed.isEmpty {
            Output.error("\(person.name) is still needed; nothing was changed:")
            for line in needed { Output.error("  " + line) }
            throw ExitStatus.problems
        }
        var erase = try PersonErase.parse(
            ["--data", options.folder.root] + (options.now.map { ["--now", $0] } ?? []) + [person.id])
        erase.dryRun = dryRun
        erase.yes = yes
        erase.newOwner = newOwner
        try erase.run()
    }
}

/// Organisations: deleting one nothing refers to, and merging one into another.
struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation",
        abstract: "Delete an organisation, or merge one into another.",
        subcommands: [OrganisationDelete.self, OrganisationMerge.self]
    )

    static func resolve(_ query: String, in data: DataSet) throws -> Organisation {
        let id = try Filters.resolve(query, "organisation", data.directory.organisations.map { ($0.id, $0.name) })
        guard let org = data.directory.organisation(id) else {
            throw ValidationError("no organisation matches `\(query)`")
        }
        return org
    }
}

struct OrganisationDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an organisation nothing refers to.",
        discussion: """
            Refused, listing where, while any meeting (those to come are marked), person or topic request refers to it. \
            An organisation is not a person: its past attendance is what the coverage counts are made of, so history is \
            kept by merging it into the organisation that took over its work (`forumdesk organisation merge`).
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The organisation: id or name.") var name: String
    @Flag(help: "Say what would happen; change nothing.") var dryRun = false

    func run() throws {
        let (store, data0) = try options.load()
        var data = data0
        if !data.loadErrors.isEmpty {
            Output.reportLoadErrors(data)
            Output.error("a meeting that cannot be read may still need it: nothing was deleted (fix it first)")
            throw ExitStatus.dataError
        }
        let org = try OrganisationCommand.resolve(name, in: data)
        let needed = DirectoryRemoval.organisationNeeded(
            org.id, meetings: data.meetings, topics: data.topics, directory: data.directory,
            now: try options.currentTime(), consultations: data.consultations, venues: data.venues)
        if !needed.isEmpty {
            Output.error(
                "\(org.name) is still referred to; nothing was changed (merge it into another to keep its history):")
            for line in needed { Output.error("  " + line) }
            throw ExitStatus.problems
        }
        if dryRun { return Output.line("would delete \(org.id)") }
        var directory = data.directory
        directory.organisations.removeAll { $0.id == org.id }
        do throws(SaveError) {
            try store.saveDirectory(directory, in: &data)
        } catch {
            Output.error("\(org.id): not deleted: \(error.description)")
            throw ExitStatus.dataError
        }
        Output.line("deleted \(org.id)")
    }
}

struct OrganisationMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge organisation FROM into INTO: every reference follows, then FROM goes.",
        discussion: """
            Agenda items, invitations (one invitation where both were invited), attendance, actions, topic requests and \
            the people who worked for FROM all name INTO; INTO serves the areas of both. Both must fill the same partner \
            roles (sector, frontline), so every meeting's coverage and the annual report's counts stay. Meetings and \
            topics are saved first and the directory last, each with the usual check, so a run cut short can be run again.
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The organisation that goes.") var from: String
    @Argument(help: "The organisation that takes its place.") var into: String
    @Flag(help: "Say what would change; change nothing.") var dryRun = false

    func run() throws {
        let (store, data0) = try options.load()
        var data = data0
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty {
            Output.error(
                "a meeting that cannot be read may name the organisation: nothing was merged (fix it, then merge)")
            throw ExitStatus.dataError
        }
        let a = try OrganisationCommand.resolve(from, in: data), b = try OrganisationCommand.resolve(into, in: data)
        if let problem = DirectoryRemoval.mergeProblem(a.id, into: b.id, directory: data.directory) {
            Output.error(problem)
            throw ExitStatus.usage
        }
        var failed = false
        for meeting in data.meetings {
            let merged = DirectoryRemoval.merge(a.id, into: b.id, in: meeting)
            guard merged != meeting else { continue }
            if !dryRun {
                do throws(SaveError) { try store.save(merged, in: &data) } catch {
                    Output.error("\(meeting.id): not changed: \(error.description)")
                    failed = true
                    continue
                }
            }
            Output.line("\(meeting.id): \(dryRun ? "would name" : "names") \(b.id)")
        }
        for topic in data.topics {
            let merged = DirectoryRemoval.merge(a.id, into: b.id, in: topic)
            guard merged != topic else { continue }
            if !dryRun {
                do throws(SaveError) { try store.save(merged, in: &data) } catch {
                    Output.error("topic \(topic.id): not changed: \(error.description)")
                    failed = true
                    continue
                }
            }
            Output.line("topic \(topic.id): \(dryRun ? "would name" : "names") \(b.id)")
        }
        for consultation in data.consultations where consultation.organisation == a.id {  // the lead organisation
            var merged = consultation
            merged.organisation = b.id
            if !dryRun {
                do throws(SaveError) { try store.save(merged, in: &data) } catch {
                    Output.error("consultation \(consultation.id): not changed: \(error.description)")
                    failed = true
                    continue
                }
            }
            Output.line("consultation \(consultation.id): \(dryRun ? "would name" : "names") \(b.id)")
        }
        for venue in data.venues where venue.bookedThrough == a.id {  // the hall's letting organisation
            var merged = venue
            merged.bookedThrough = b.id
            if !dryRun {
                do throws(SaveError) { try store.save(merged, in: &data) } catch {
                    Output.error("venue \(venue.id): not changed: \(error.description)")
                    failed = true
                    continue
                }
            }
            Output.line("venue \(venue.id): \(dryRun ? "would name" : "names") \(b.id)")
        }
        if failed {
            Output.error("\(a.id) was kept so that the merge can be run again to finish")
            throw ExitStatus.dataError
        }
        if dryRun { return Output.line("would merge \(a.id) into \(b.id)") }
        do throws(SaveError) {
            try store.saveDirectory(DirectoryRemoval.merge(a.id, into: b.id, in: data.directory), in: &data)
        } catch {
            Output.error("directory: not changed: \(error.description)")
            throw ExitStatus.dataError
        }
        Output.line("merged \(a.id) into \(b.id)")
    }
}
