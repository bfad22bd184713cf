import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// Residents who asked to be told what became of the issue they raised from the floor: their consent and address,
/// kept in `.forumdesk-residents.json` on this machine only (`ResidentContact`).
struct ResidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resident",
        abstract: "Record, show or erase a resident's consent to be told what became of their issue.",
        discussion: """
            When a resident raises an issue from the floor and asks to hear what happens, record their consent and an \
            e-mail address (or a postal address) given for that purpose only. When the issue is answered, or its action is \
            done, `forumdesk send` writes them a short "you said, we did" e-mail into outbox/residents/ and sends it. The \
            record is personal data: it is kept in .forumdesk-residents.json at the top of the data folder (0600), which \
            sync never shares (every clone's .gitignore leaves /.forumdesk* out), so it stays on the machine where it was \
            taken and that machine sends the message; it is never published; `resident show` lists it, `resident erase` \
            removes it with the messages sent, and `purge` removes it once the issue is closed and its meeting ended \
            before the retention date.
            """,
        subcommands: [ResidentAdd.self, ResidentShow.self, ResidentErase.self]
    )

    static func load(_ store: DataStore) throws -> [ResidentContact] {
        do throws(DataStore.ResidentsFileError) {
            return try store.loadResidentContacts()
        } catch {
            Output.error(error.description)
            throw ExitStatus.dataError
        }
    }

    static func save(_ contacts: [ResidentContact], _ store: DataStore) throws {
        do throws(DataStore.ResidentsFileError) {
            try store.saveResidentContacts(contacts)
        } catch {
            Output.error(error.description)
            throw ExitStatus.dataError
        }
    }

    /// The contacts a query names: an issue id (any case) or an address.
    static func matching(_ query: String, in contacts: [ResidentContact]) -> [ResidentContact] {
        let q = query.trimmingCharacters(in: .whitespaces)
        return contacts.filter {
            $0.issue.caseInsensitiveCompare(q) == .orderedSame || $0.email?.caseInsensitiveCompare(q) == .orderedSame
        }
    }

    /// The e-mails written to them (outbox, sending, withdrawn, sent with its log), relative to the data folder.
    static func files(of contact: ResidentContact, store: DataStore) -> [String] {
        let folders = [NoticeOutbox.outbox, NoticeOutbox.sending, NoticeOutbox.withdrawn, NoticeOutbox.sent]
        return contact.told.flatMap { told in
            folders.flatMap {
                ["\($0)/\(NoticeOutbox.residents)/\(told.file)", "\($0)/\(NoticeOutbox.residents)/\(told.file).log"]
            }
        }.filter { FileManager.default.fileExists(atPath: store.folder.path($0)) }
    }

    /// Deletes those files (never through a symbolic link); returns the ones that could not be.
    static func delete(_ files: [String], store: DataStore) -> [String] {
        files.filter { file in
            let path = store.folder.path(file)
            if store.linkProblem([path]) != nil { return true }
            return unlink(path) != 0
        }
    }
}

struct ResidentAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record that the resident who raised an issue wants to be told what happens, and where.",
        discussion: """
            ISSUE is the issue's id (R-2026-014). --consent is required: it records that the resident agreed to their \
            address being kept for this one message. Give --email, or --postal once per line of a postal address (a letter \
            is then for the officer to send). --language is one of the meeting's notice languages, if they chose one.
            """)

    @OptionGroup var options: DataOptions
    @Argument(help: "The issue raised from the floor (R-2026-014).") var issue: String
    @Flag(help: "The resident agreed to be told, and to this address being kept for that only.") var consent = false
    @Option(help: ArgumentHelp("Their e-mail address.", valueName: "address")) var email: String?
    @Option(help: ArgumentHelp("A line of their postal address (repeat for each line).", valueName: "line")) var postal:
        [String] = []
    @Option(help: ArgumentHelp("One of the meeting's notice languages (e.g. bn, ur).", valueName: "code")) var language:
        String?

    func run() throws {
        let now = try options.currentTime()
        guard consent else {
            throw ValidationError("--consent is required: record an address only when the resident agreed to it")
        }
        guard email != nil || !postal.isEmpty else {
            throw ValidationError("give --email or --postal: where to tell them")
        }
        if let email, let problem = EmailAddress.problem(email) {
            throw ValidationError("--email \(email): \(problem)")
        }
        try withCommandTurn(options) {
            let (store, data) = try options.load()
            let id = issue.uppercased()
            guard let meeting = data.meetings.first(where: { $0.issues.contains { $0.id == id } }) else {
                Output.error(
                    "no issue `\(issue)` in \(options.folder.root) (issues are listed on each meeting's Issues tab)")
                throw ExitStatus.usage
            }
            if let language, !meeting.languages.contains(language) {
                throw ValidationError(
                    "--language \(language) is not one of the meeting's notice languages (\(meeting.languages.joined(separator: ", ")))"
                )
            }
            var contacts = try ResidentCommand.load(store)
            contacts.append(
                ResidentContact(
                    issue: id, meeting: meeting.id, consentedAt: now, email: email, postalAddress: postal,
                    language: language == "en" ? nil : language))
            try ResidentCommand.save(contacts, store)
            Output.line(
                "\(id): the resident's consent and \(email != nil ? "e-mail address" : "postal address") recorded in "
                    + "\(DataStore.residentsFile) (this machine only); they are told when the issue is answered or its action done"
            )
        }
    }
}

struct ResidentShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Everything held about a resident who asked to be told: by issue id or address.",
        discussion:
            "Their consent, address, language and each message written to them, with its file (for a request for their data)."
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "An issue id (R-2026-014) or the resident's e-mail address.") var query: String

    func run() throws {
        let store = DataStore(folder: options.folder)
        let found = ResidentCommand.matching(query, in: try ResidentCommand.load(store))
        guard !found.isEmpty else {
            Output.line("Nothing is held for `\(query)`.")
            return
        }
        for c in found {
            Output.line("\(c.issue) (raised at \(c.meeting)): consent recorded \(LondonTime.display(c.consentedAt))")
            if let email = c.email { Output.line("  e-mail: \(email)") }
            if !c.postalAddress.isEmpty { Output.line("  postal address: \(c.postalAddress.joined(separator: ", "))") }
            if let language = c.language { Output.line("  language: \(language)") }
            for t in c.told { Output.line("  told \(LondonTime.display(t.at)): \(NoticeOutbox.residents)/\(t.file)") }
            for file in ResidentCommand.files(of: c, store: store) { Output.line("  file: \(file)") }
        }
    }
}

struct ResidentErase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a resident's consent, address and the messages written to them, on request.",
        discussion:
            "By issue id or address. The issue itself (what was said at the meeting) stays in the record; nothing in it names them."
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "An issue id (R-2026-014) or the resident's e-mail address.") var query: String

    func run() throws {
        try withCommandTurn(options) {
            let store = DataStore(folder: options.folder)
            let contacts = try ResidentCommand.load(store)
            let found = ResidentCommand.matching(query, in: contacts)
            guard !found.isEmpty else {
                Output.line("Nothing is held for `\(query)`: nothing erased.")
                return
            }
            let files = found.flatMap { ResidentCommand.files(of: $0, store: store) }
            try ResidentCommand.save(contacts.filter { c in !found.contains(c) }, store)
            let left = ResidentCommand.delete(files, store: store)
            Output.line(
                "erased: \(found.count) record(s) (\(found.map(\.issue).joined(separator: ", "))), \(files.count - left.count) file(s)"
            )
            for file in left { Output.error("\(file): could not be deleted; delete it by hand") }
            if !left.isEmpty { throw ExitStatus.problems }
        }
    }
}
