import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// The public website for residents: static pages, calendars and a feed, rewritten incrementally.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Write the public website: meetings, agendas, minutes, \"you said, we did\", the yearly report, calendars and a feed.",
        discussion: """
            Writes static pages (HTML, one stylesheet, no script) into DIR: a home page with the next meeting in each area, \
            a page per area, ward and meeting, "you said, we did" per area, each year's engagement report, an iCalendar \
            feed per area and ward, and an Atom feed of new agendas and minutes. Only public fields are published: \
            councillors by name, partners by organisation; never e-mail addresses, phone numbers, home addresses, \
            partner staff's or residents' names, reasons for absence or the details of declarations. Minutes not yet \
            approved (`forumdesk minutes approve`, or the next meeting's "Minutes of the previous meeting" item) are \
            published marked DRAFT, and publish lists them. Run it again after \
            a change: only pages whose content changed are rewritten (each one atomically), and pages of deleted or \
            purged meetings are removed. DIR must be new, empty, or a folder publish wrote before.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(
        help: ArgumentHelp("The folder to write the site into (not with --review or --mark-checked).", valueName: "dir")
    ) var out: String?
    @Option(
        help: ArgumentHelp(
            "The address the site will be served from (https://…/): makes the calendars' and the feed's links absolute.",
            valueName: "url"))
    var baseURL: String?
    @Flag(
        help:
            "List every passage about to be published that names someone without public office, gives a title with a name (Mr, Mrs, Ms, Dr, PCSO, PC…) or an address, with its key; write nothing. Until checked or edited, publish holds each back."
    )
    var review = false
    @Option(
        name: .customLong("mark-checked"), parsing: .singleValue,
        help: ArgumentHelp(
            "Mark a passage listed by --review as checked (its key, MEETING-ID:FINGERPRINT), so publish prints it as it is. Repeatable.",
            valueName: "key"))
    var markChecked: [String] = []

    func validate() throws {
        if out == nil && !review && markChecked.isEmpty {
            throw ValidationError("Missing expected argument '--out <dir>'")
        }
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host != nil,
                !baseURL.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
            else {
                throw ValidationError(
                    "--base-url must be an http or https address, like https://www.example.gov.uk/meetings/")
            }
        }
    }

    func run() throws {
        if !markChecked.isEmpty { return try withCommandTurn(options) { try mark() } }
        if review { return try listReview() }
        let started = Date()
        let now = try options.currentTime()
        let (_, data) = try options.load()
        Output.reportLoadErrors(data)
        // Nothing new goes out unchecked: a passage that names someone or an address waits for --review.
        let (meetings, heldBack) = PublicReview.publishable(data.meetings, data.directory)
        guard let out else { throw ExitStatus.usage }
        // A meeting whose file cannot be read now keeps its last published page: its id is the file's name.
        let meetingsFolder = options.folder.meetingsFolder + "/"
        let unreadable = Set(
            data.loadErrors.filter { $0.path.hasPrefix(meetingsFolder) && $0.path.hasSuffix(".json") }
                .map { (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension })
        let folder = out.hasPrefix("/") ? out : FileManager.default.currentDirectoryPath + "/" + out
        let previous: SiteManifest
        do { previous = try SiteFolder.manifest(of: folder) } catch {
            Output.error(error.description)
            throw ExitStatus.usage
        }
        // What a killed publish left: its temp files go (its pages are in the manifest and are written again).
        _ = SiteFolder.removeAbandonedTempFiles(in: folder, manifest: previous)
        var site = PublicSite(
            council: data.settings.council, directory: data.directory, meetings: meetings,
            today: LondonTime.date(now), baseURL: baseURL,
            feedAuthority: data.settings.organiserEmail.flatMap { $0.split(separator: "@").last.map(String.init) })
        site.consultations = data.consultations
        site.venues = data.venues
        let files = site.files { path, content in
            SiteFolder.changed(path, Array(content.utf8), previous: previous, now: now)
        }
        .map { PublishedFile(path: $0.path, bytes: Array($0.content.utf8), dependsOn: $0.dependsOn) }
        let report: SiteFolder.Report
        do {
            report = try SiteFolder.publish(files, to: folder, previous: previous, now: now, keeping: unreadable)
        } catch {
            Output.error(error.description)
            throw ExitStatus.dataError
        }
        Output.line(
            "\(out): \(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed, "
                + String(format: "%.2f s", Date().timeIntervalSince(started)))
        let minutes = site.minutesPublished
        Output.line(
            "minutes published: \(minutes.approved.count) approved, \(minutes.draft.count) marked DRAFT (not yet approved)"
        )
        for m in minutes.draft { Output.line("  draft: \(m.id)") }
        if !heldBack.isEmpty {
            Output.line("\(heldBack.count) passage(s) held back until checked (see `forumdesk publish --review`)")
        }
        if !unreadable.isEmpty {
            Output.error(
                "the last published page of \(unreadable.sorted().joined(separator: ", ")) is kept as it was, as its file "
                    + "cannot be read now")
        }
        try Output.failIfIncomplete(data, "the site")
    }

    /// The passages to review, each with why and its key; checked ones said to be so.
    func listReview() throws {
        let (_, data) = try options.load()
        Output.reportLoadErrors(data)
        let passages = PublicReview.passages(data.meetings, data.directory)
        for p in passages {
            Output.line("\(p.key)  \(p.meeting), \(p.field)\(p.checked ? "  (checked)" : "")")
            for reason in p.reasons { Output.line("    finds \(reason)") }
            Output.line("    “\(p.text)”")
        }
        let waiting = passages.filter { !$0.checked }.count
        Output.line(
            "\(passages.count) passage(s) to review: \(waiting) held back, \(passages.count - waiting) checked. "
                + "Edit the wording in the app, or mark one checked with `forumdesk publish --mark-checked KEY`.")
    }

    /// Records each key's passage as checked on its meeting (an edited passage has a new key and is not matched).
    func mark() throws {
        let (store, data0) = try options.load()
        var data = data0
        let passages = Dictionary(
            PublicReview.passages(data.meetings, data.directory).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var failed = false
        for key in markChecked {
            guard let p = passages[key], var m = data.meeting(p.meeting) else {
                Output.error(
                    "\(key): no passage to review has this key (edited since, or mistyped? see `forumdesk publish --review`)"
                )
                failed = true
                continue
            }
            if !m.checkedForPublication.contains(p.fingerprint) { m.checkedForPublication.append(p.fingerprint) }
            do throws(SaveError) { try store.save(m, in: &data) } catch {
                Output.error("\(m.id): not saved: \(error.description)")
                throw ExitStatus.dataError
            }
            Output.line("\(key): checked (\(p.meeting), \(p.field))")
        }
        if failed { throw ExitStatus.usage }
    }
}
