import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// The public website for residents: static pages, calendars and a feed, rewritten incrementally.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the public website: meetings, agendas, minutes, \"you said, we did\", the yearly report, calendars and a feed.",
        discussion: """
        Writes static pages (HTML, one stylesheet, no script) into DIR: a home page with the next meeting in each area, \
        a page per area, ward and meeting, "you said, we did" per area, each year's engagement report, an iCalendar \
        feed per area and ward, and an Atom feed of new agendas and minutes. Only public fields are published: \
        councillors by name, partners by organisation; never e-mail addresses, phone numbers, home addresses, \
        partner staff's or residents' names, reasons for absence or the details of declarations. Run it again after \
        a change: only pages whose content changed are rewritten (each one atomically), and pages of deleted or \
        purged meetings are removed. DIR must be new, empty, or a folder publish wrote before.
        """
    )

    @OptionGroup var options: DataOptions
    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("The address the site will be served from (https://…/): makes the calendars' and the feed's links absolute.",
                               valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
                  !baseURL.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
            else { throw ValidationError("--base-url must be an http or https address, like https://www.example.gov.uk/meetings/") }
        }
    }

    func run() throws {
        let started = Date()
        let now = try options.currentTime()
        let (_, data) = try options.load()
        Output.reportLoadErrors(data)
        // A meeting whose file cannot be read now keeps its last published page: its id is the file's name.
        let meetingsFolder = options.folder.meetingsFolder + "/"
        let unreadable = Set(data.loadErrors.filter { $0.path.hasPrefix(meetingsFolder) && $0.path.hasSuffix(".json") }
            .map { (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension })
        let folder = out.hasPrefix("/") ? out : FileManager.default.currentDirectoryPath + "/" + out
        let previous: SiteManifest
        do { previous = try SiteFolder.manifest(of: folder) } catch {
            Output.error(error.description)
            throw ExitStatus.usage
        }
        // What a killed publish left: its temp files go (its pages are in the manifest and are written again).
        _ = SiteFolder.removeAbandonedTempFiles(in: folder, manifest: previous)
        let site = PublicSite(council: data.settings.council, directory: data.directory, meetings: data.meetings,
                              today: LondonTime.date(now), baseURL: baseURL)
        let files = site.files { path, content in SiteFolder.changed(path, Array(content.utf8), previous: previous, now: now) }
            .map { PublishedFile(path: $0.path, bytes: Array($0.content.utf8), dependsOn: $0.dependsOn) }
        let report: SiteFolder.Report
        do {
            report = try SiteFolder.publish(files, to: folder, previous: previous, now: now, keeping: unreadable)
        } catch {
            Output.error(error.description)
            throw ExitStatus.dataError
        }
        Output.line("\(out): \(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed, "
            + String(format: "%.2f s", Date().timeIntervalSince(started)))
        if !unreadable.isEmpty {
            Output.error("the last published page of \(unreadable.sorted().joined(separator: ", ")) is kept as it was, as its file "
                         + "cannot be read now")
        }
        try Output.failIfIncomplete(data, "the site")
    }
}
