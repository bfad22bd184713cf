import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
@testable import ForumDeskStore
import ForumDeskTestSupport

/// The public website (`forumdesk publish`) on the sample data: valid HTML, feeds that calendar programs and
/// feed readers read, nothing private on any page, and incremental, atomic publishing.
@Suite struct PublicSiteTests {
    static let data = DataStore(folder: DataFolder(TestPaths.sampleData)).load()
    static let today = CalendarDate(year: 2026, month: 11, day: 23)
    static let now = LondonTime.instant(date: today, hour: 12, minute: 0)
    /// Meetings that ended before this day are purged in `purgedSite`.
    static let retention = CalendarDate(year: 2026, month: 3, day: 1)
    static let base = "https://www.example.gov.uk/meetings/"

    static func site(_ meetings: [Meeting], directory: Directory = data.directory) -> PublicSite {
        PublicSite(
            council: data.settings.council, directory: directory, meetings: meetings, today: today, baseURL: base)
    }

    /// Publishes as the command does: feeds stamped from the folder's manifest.
    @discardableResult
    static func publish(_ site: PublicSite, to folder: String, at now: Date) throws -> SiteFolder.Report {
        let previous = try SiteFolder.manifest(of: folder)
        let files = site.files { path, content in
            SiteFolder.changed(path, Array(content.utf8), previous: previous, now: now)
        }
        .map { PublishedFile(path: $0.path, bytes: Array($0.content.utf8), dependsOn: $0.dependsOn) }
        return try SiteFolder.publish(files, to: folder, previous: previous, now: now)
    }

    static func temporaryFolder() -> String {
        NSTemporaryDirectory() + "forumdesk-site-" + UUID().uuidString
    }

    /// The sample with its old meetings purged (as `forumdesk purge --before 2026-03-01` would), contact details
    /// typed into a discussion, and the names the purge removed.
    static let purged: (meetings: [Meeting], removedNames: [String: [String]]) = {
        var removed: [String: [String]] = [:]
        let meetings = data.meetings.map { m -> Meeting in
            guard Retention.endedBefore(m, retention) else { return m }
            removed[m.id] = m.attendance.compactMap {
                $0.person.map { data.directory.displayName(ofPerson: $0) } ?? $0.name
            }
            var (p, _) = Retention.purge(m, directory: data.directory, today: today)
            if !p.agenda.isEmpty {
                p.agenda[p.agenda.count - 1].discussion =
                    "A resident asked to be called on 01632 960999 or at jo.bloggs@example.net."
            }
            return p
        }
        return (meetings, removed)
    }()

    /// The purged sample, published once into a folder the tests read.
    static let purgedSite: String = {
        let folder = temporaryFolder()
        try! publish(site(purged.meetings), to: folder, at: now)
        return folder
    }()

    static func files(in folder: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return all.filter {
            !$0.hasPrefix(".") && !$0.contains("/.") && !FileManager.default.isDirectory(folder + "/" + $0)
        }.sorted()
    }

    static func read(_ folder: String, _ path: String) -> String {
        (try? String(contentsOfFile: folder + "/" + path, encoding: .utf8)) ?? ""
    }

    @Test func test_everyPageAndTheStylesheet_passTheNuHTMLChecker() throws {
        let problems = try html5Problems(folder: Self.purgedSite)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func test_site_hasThePagesTheIssueAsksFor() {
        let files = Set(Self.files(in: Self.purgedSite))
        for path in [
            "index.html", "style.css", "papers.atom", "about.html", "areas/index.html", "areas/sandy-biggleswade.html",
            "areas/sandy-biggleswade.ics", "wards/potton.html", "wards/potton.ics",
            "you-said-we-did/sandy-biggleswade.html",
            "reports/2026.html", "meetings/2026/2026-10-15-sandy-biggleswade-ltt.html",
        ] {
            #expect(files.contains(path), "\(path)")
        }
        // A page per meeting, and a held meeting's minutes as Markdown and text beside it.
        let held = Self.data.meetings.filter { $0.status == .held }.count
        #expect(files.filter { $0.hasPrefix("meetings/") }.count == Self.data.meetings.count + 2 * held)
        #expect(files.contains("meetings/2026/2026-10-15-sandy-biggleswade-ltt-minutes.md"))
        let home = Self.read(Self.purgedSite, "index.html")
        for area in Self.data.directory.areas { #expect(home.contains("href=\"areas/\(area.id).html\""), "\(area.id)") }
        let minutes = Self.read(Self.purgedSite, "meetings/2026/2026-10-15-sandy-biggleswade-ltt.html")
        // Not yet approved (the December meeting agrees them): draft minutes, marked (issue 36), in the seed's shape (issue 37).
        for part in [
            "<h2 id=\"minutes\">Draft minutes</h2>", "Residents present: 57",
            "Councillor Otis Rookwood – Central Bedfordshire Council – Chair",
            "<h3>1  APOLOGIES FOR ABSENCE (REF: 1)</h3>", "<strong>Resolved:</strong> That residents&#39; views",
            "<caption id=\"actions-table\">", "<th scope=\"col\">You said, we did</th>", "Step-free access",
        ] {
            #expect(minutes.contains(part), "\(part)")
        }
    }

    /// WCAG basics the validator does not check: a skip link to `main`, one h1 and no skipped heading level,
    /// header cells with a scope and a caption in every table.
    @Test func test_everyPage_hasLandmarksOrderedHeadingsAndTableHeaders() throws {
        let heading = try NSRegularExpression(pattern: "<h([1-6])[ >]")
        for path in Self.files(in: Self.purgedSite) where path.hasSuffix(".html") {
            let page = Self.read(Self.purgedSite, path)
            #expect(
                page.contains("<a class=\"skip\" href=\"#content\">") && page.contains("<main id=\"content\""),
                "\(path)")
            #expect(
                page.contains("<header class=\"site\">") && page.contains("<footer class=\"site\">")
                    && page.contains("<nav aria-label=\"Site\">"))
            let levels = heading.matches(in: page, range: NSRange(page.startIndex..., in: page)).map {
                Int((page as NSString).substring(with: $0.range(at: 1)))!
            }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "\(path): \(levels)")
            #expect(
                zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(path) skips a heading level: \(levels)")
            #expect(
                page.components(separatedBy: "<table").count == page.components(separatedBy: "<caption").count,
                "\(path)")
            #expect(!page.contains("<th>"), "\(path): a header cell without scope")
            #expect(!page.contains("<script"), "\(path)")
        }
    }

    @Test func test_noticeTitles_carryTheirLanguageAndDirection() {
        let page = Self.read(Self.purgedSite, "meetings/2026/2026-12-01-leighton-buzzard-linslade-ltt.html")
        #expect(page.contains("Urdu: <span lang=\"ur\" dir=\"rtl\">آئیے مل کر بات کریں: لیٹن بزرڈ</span>"))
        #expect(page.contains("Bengali: <span lang=\"bn\" dir=\"ltr\">"))
        let gujarati = Self.files(in: Self.purgedSite).filter { $0.hasPrefix("meetings/") }.map {
            Self.read(Self.purgedSite, $0)
        }
        #expect(
            gujarati.contains {
                $0.contains("<span lang=\"gu\" dir=\"ltr\">") && $0.contains("<span lang=\"pa\" dir=\"ltr\">")
            })
    }

    /// Python's icalendar reads every calendar (each event with its page's absolute URL), feedparser the feed.
    @Test func test_feeds_areReadByIcalendarAndFeedparser() throws {
        let script = """
            import glob, json, os, sys, icalendar, feedparser
            site = sys.argv[1]; events = 0; urls = []
            for p in glob.glob(os.path.join(site, '**', '*.ics'), recursive=True):
                for e in icalendar.Calendar.from_ical(open(p, 'rb').read()).walk('VEVENT'):
                    events += 1; urls.append(str(e.get('URL', '')))
            f = feedparser.parse(os.path.join(site, 'papers.atom'))
            print(json.dumps({'events': events, 'urls': urls, 'bozo': bool(f.bozo), 'version': f.version,
                              'entries': len(f.entries), 'first': f.entries[0].link if f.entries else ''}))
            """
        let output = try runPython(["-c", script, Self.purgedSite])
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect((result["events"] as? Int ?? 0) > 20)
        #expect(
            (result["urls"] as? [String] ?? []).allSatisfy {
                $0.hasPrefix(Self.base + "meetings/") && $0.hasSuffix(".html")
            })
        #expect(result["bozo"] as? Bool == false)
        #expect(result["version"] as? String == "atom10")
        #expect(result["entries"] as? Int == PublicSite.feedEntries)
        #expect((result["first"] as? String ?? "").hasPrefix(Self.base + "meetings/"))
    }

    /// Grep every file: no e-mail address, phone number, partner contact's name, reason for absence, declaration's
    /// nature, or name that purge removed (a purged meeting's page names none of its attendees).
    @Test func test_noPage_holdsContactDetailsPrivateNamesOrPurgedNames() throws {
        let d = Self.data.directory
        var forbidden = Set<String>()
        for p in d.people {
            forbidden.formUnion([p.email, p.phone].compactMap { $0 })
            if p.kind != .councillor { forbidden.insert(p.name) }
        }
        for o in d.organisations { forbidden.formUnion([o.email, o.phone].compactMap { $0 }) }
        for m in Self.data.meetings {
            forbidden.formUnion(m.attendance.compactMap(\.reason).filter { $0.count > 12 })
            forbidden.formUnion(m.attendance.compactMap(\.name))
            forbidden.formUnion(m.declarations.map(\.nature))
            forbidden.formUnion(m.notifications.compactMap(\.comment))
        }
        forbidden.insert("jo.bloggs@example.net")
        forbidden.insert("01632 960999")
        forbidden.remove(Retention.removedName)
        let email = try NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]")
        let phone = try NSRegularExpression(pattern: "\\b0\\d{3,4}[ -]?\\d{3}[ -]?\\d{3,4}\\b")
        let files = Self.files(in: Self.purgedSite)
        #expect(files.count > 100)
        for path in files {
            let text = Self.read(Self.purgedSite, path)
            let range = NSRange(text.startIndex..., in: text)
            #expect(email.firstMatch(in: text, range: range) == nil, "\(path) holds an e-mail address")
            #expect(phone.firstMatch(in: text, range: range) == nil, "\(path) holds a phone number")
            let bytes = Data(text.utf8)  // a byte search: String.contains compares by grapheme and is slow here
            for word in forbidden where bytes.range(of: Data(word.utf8)) != nil {
                Issue.record("\(path) holds the private text \"\(word)\"")
            }
        }
        #expect(!Self.purged.removedNames.isEmpty)
        for (id, names) in Self.purged.removedNames {
            let m = Self.purged.meetings.first { $0.id == id }!
            let page = Self.read(Self.purgedSite, PublicSite.meetingPath(m))
            #expect(page.contains(Retention.removedName), "\(id)")
            for name in Set(names) where name != Retention.removedName && page.contains(name) {
                Issue.record("\(id): the purged name \(name) is still published")
            }
        }
    }

    /// One change rewrites only the pages made from it; a deleted meeting's page goes; nothing half-written stays.
    @Test func test_publishingAgain_rewritesOnlyWhatChanged_andRemovesDeletedMeetings() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var meetings = Self.data.meetings
        let first = try Self.publish(Self.site(meetings), to: folder, at: Self.now)
        #expect(first.written.count == Self.files(in: folder).count && first.unchanged == 0)

        let again = try Self.publish(Self.site(meetings), to: folder, at: Self.now.addingTimeInterval(60))
        #expect(again.written.isEmpty && again.removed.isEmpty)

        // A resolution corrected in the minutes of one held meeting.
        let index = try #require(meetings.firstIndex { $0.id == "2026-10-15-sandy-biggleswade-ltt" })
        meetings[index].agenda[4].outcome = "Resolved: That residents' views be sent to the Environment Agency."
        let changed = try Self.publish(Self.site(meetings), to: folder, at: Self.now.addingTimeInterval(120))
        let m = meetings[index]
        let minutes = PublicSite.minutesPath(m)
        let expected =
            [
                PublicSite.meetingPath(m), minutes, String(minutes.dropLast(3)) + ".txt", "areas/\(m.area).ics",
                "papers.atom",
            ]
            + m.wards.map { "wards/\($0).ics" }
        #expect(Set(changed.written) == Set(expected), "\(changed.written)")
        #expect(Self.read(folder, PublicSite.meetingPath(m)).contains("sent to the Environment Agency"))
        // The feed stamps the minutes with the time they changed, so they lead it.
        #expect(
            Self.read(folder, "papers.atom").contains(
                "<updated>\(PublicSite.rfc3339(Self.now.addingTimeInterval(120)))</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(Self.base)\(PublicSite.meetingPath(m))#minutes\"/>"
            ))

        // A meeting to come is deleted.
        let gone = meetings.remove(
            at: try #require(meetings.firstIndex { $0.id == "2027-01-12-ampthill-flitwick-ltt" }))
        let removed = try Self.publish(Self.site(meetings), to: folder, at: Self.now.addingTimeInterval(180))
        #expect(removed.removed == [PublicSite.meetingPath(gone)])
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + PublicSite.meetingPath(gone)))
        #expect(removed.written.contains("areas/ampthill-flitwick.html") && removed.written.contains("index.html"))
        #expect(!removed.written.contains("areas/sandy-biggleswade.html"))
        let leftovers =
            FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.contains(".tmp-") }
            ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func test_aFolderPublishDidNotMake_isRefused() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep me".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: SiteError.self) { try Self.publish(Self.site(Self.data.meetings), to: folder, at: Self.now) }
        #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "keep me")
    }

    /// The site finds matters arising from positions kept by area; they are the rule's, for every meeting.
    @Test func test_mattersArising_areTheRules() {
        let site = Self.site(Self.data.meetings)
        for m in Self.data.meetings {
            let expected = ActionRules.mattersArising(for: m, in: Self.data.meetings)
            #expect(site.mattersArising(for: m) == expected, "\(m.id)")
        }
        #expect(Self.data.meetings.contains { !ActionRules.mattersArising(for: $0, in: Self.data.meetings).isEmpty })
    }

    @Test func test_publicText_losesContactDetails() {
        #expect(
            PublicRecord.clean("Call 01632 960123 or +44 1632 960123, or mail a.b@example.org today")
                == "Call [contact details removed] or [contact details removed], or mail [contact details removed] today"
        )
        #expect(
            PublicRecord.clean("Action A-2026-041 due 2026-12-15, 57 residents")
                == "Action A-2026-041 due 2026-12-15, 57 residents")
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
