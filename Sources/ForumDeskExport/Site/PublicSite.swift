import Foundation
import ForumDeskCore

/// One file of the public website: where it goes under the output folder, its text, and what it was made from
/// (`meeting:<id>`, `area:<id>`, `directory`, `today`…), which the manifest records.
public struct SitePage: Sendable, Equatable {
    /// Relative to the site's root, e.g. `meetings/2026/2026-11-24-sandy-biggleswade-ltt.html`.
    public var path: String
    public var content: String
    public var dependsOn: [String]
    public init(path: String, content: String, dependsOn: [String]) {
        self.path = path
        self.content = content
        self.dependsOn = dependsOn
    }
}

/// The public website for residents (strategy items 30, 33 and 35): the engagement calendar, agendas, minutes,
/// "you said, we did" and the year's engagement report, as static pages (HTML, one stylesheet, no script),
/// calendars (`.ics`) per area and ward and an Atom feed of new papers. Only what `PublicRecord` allows is shown.
public struct PublicSite: Sendable {
    public var council: String
    public var directory: Directory
    /// Every meeting, in date order.
    public var meetings: [Meeting]
    /// Splits meetings to come from past ones, and picks the year of the report.
    public var today: CalendarDate
    /// `https://www.example.gov.uk/meetings/`: makes the calendars' and the feed's links absolute. Without it,
    /// calendar events carry no URL and the feed's links are relative to the feed.
    public var baseURL: String?
    /// The domain the council's mail comes from (`example.gov.uk`): the authority of the feed's `tag:` ids (RFC 4151),
    /// which never change with `baseURL`. Without it the ids are `urn:forumdesk:…`, just as permanent.
    public var feedAuthority: String?
    /// Consultations (`consultations/*.json`): the public engagement calendar's pages, sections, events and entries.
    public var consultations: [Consultation] = []
    /// Venue records (`venues/*.json`): a meeting that names one shows its public fields, the seats among them.
    public var venues: [VenueRecord] = []

    /// Meetings by area and by ward, in date order; meetings whose id could not be a file name are left out.
    let byArea: [String: [Meeting]]
    /// Every meeting by area, published or not: what a meeting's minutes take their matters arising from.
    let everyByArea: [String: [Meeting]]
    let byWard: [String: [Meeting]]
    let published: [Meeting]
    /// Per area, where the actions that can be matters arising are: still open, or reported on at a meeting
    /// (by that meeting's id). A history's closed actions are most of it; scanning them for every page is not needed.
    /// Held meetings whose minutes are approved, and by whom (`MinutesRules`); the others' are published as drafts.
    public let approvals: [String: MinutesApproval]
    /// Where each published meeting is in `published`, by id.
    let positionByID: [String: Int]
    let openActions: [String: [ActionPosition]]
    let reportedAt: [String: [String: [ActionPosition]]]

    public init(
        council: String, directory: Directory, meetings: [Meeting], today: CalendarDate, baseURL: String? = nil,
        feedAuthority: String? = nil
    ) {
        self.council = council
        self.feedAuthority = feedAuthority.map { $0.lowercased() }.flatMap { d in
            !d.isEmpty && d.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
                ? d : nil
        }
        self.directory = directory
        self.meetings = meetings
        self.today = today
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        published = meetings.filter { MeetingID($0.id) != nil && Self.isSlug($0.area) }
        byArea = Dictionary(grouping: published, by: \.area)
        everyByArea = Dictionary(grouping: meetings, by: \.area)
        var wards: [String: [Meeting]] = [:]
        for m in published { for w in Set(m.wards) where Self.isSlug(w) { wards[w, default: []].append(m) } }
        byWard = wards
        var open: [String: [ActionPosition]] = [:], reported: [String: [String: [ActionPosition]]] = [:]
        for (area, list) in byArea {
            for (i, m) in list.enumerated() {
                for (k, a) in m.actions.enumerated() {
                    if a.status.isOpen { open[area, default: []].append(ActionPosition(meeting: i, action: k)) }
                    for at in Set(a.updates.compactMap(\.meeting)) {
                        reported[area, default: [:]][at, default: []].append(ActionPosition(meeting: i, action: k))
                    }
                }
            }
        }
        openActions = open
        reportedAt = reported
        approvals = MinutesRules.approvals(in: published)
        positionByID = Dictionary(published.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Published held meetings, their minutes approved or draft, in date order: what `publish` says it published.
    public var minutesPublished: (approved: [Meeting], draft: [Meeting]) {
        let held = published.filter { $0.status == .held }
        return (held.filter { approvals[$0.id] != nil }, held.filter { approvals[$0.id] == nil })
    }

    func isDraft(_ m: Meeting) -> Bool { m.status == .held && approvals[m.id] == nil }

    /// `ActionRules.mattersArising(for: m, in: meetings)`, from the positions kept by area: the same actions in the
    /// same order (by meeting, then as listed), found without a scan of the area's whole history.
    func mattersArising(for m: Meeting) -> [RaisedAction] {
        let list = byArea[m.area] ?? []
        let candidates = (openActions[m.area] ?? []) + (reportedAt[m.area]?[m.id] ?? [])
        var seen = Set<[Int]>()
        return
            candidates
            .filter {
                list[$0.meeting].start < m.start && list[$0.meeting].id != m.id
                    && seen.insert([$0.meeting, $0.action]).inserted
            }
            .sorted {
                (list[$0.meeting].start, list[$0.meeting].id, $0.action) < (
                    list[$1.meeting].start, list[$1.meeting].id, $1.action
                )
            }
            .map { RaisedAction(meeting: list[$0.meeting], action: list[$0]) }
    }

    var siteName: String { "\(council): community meetings" }

    /// Areas and wards have ids that name pages: only a safe slug may (the meetings' rule).
    static func isSlug(_ id: String) -> Bool { MeetingID(id) != nil }

    public static func meetingPath(_ m: Meeting) -> String { meetingPath(id: m.id, start: m.start) }

    /// `meetings/2026/<id>.html`: by the year the meeting starts in, London time.
    static func meetingPath(id: String, start: Date) -> String { "meetings/\(LondonTime.date(start).year)/\(id).html" }

    var areas: [Area] { directory.areas.filter { Self.isSlug($0.id) } }

    /// Years that have a report: every year with a meeting, up to this one.
    var reportYears: [Int] {
        Set(published.map { LondonTime.date($0.start).year }).filter { $0 <= today.year }.sorted(by: >)
    }

    /// The start of today, London time: meetings that start from then on are "to come".
    var startOfToday: Date { LondonTime.instant(date: today, hour: 0, minute: 0) }

    /// The whole site: `pages()`, then the feeds, stamped with `changed(path, content)`, when a meeting's page
    /// (with that content) last changed, which the caller knows from the site folder's manifest.
    public func files(changed: (String, String) -> Date) -> [SitePage] {
        let pages = pages()
        let byPath = Dictionary(pages.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
        let paths = Dictionary(
            published.map { ($0.id, Self.meetingPath($0)) }
                + publicConsultations.map { ("consultation:\($0.id)", Self.consultationPath($0)) },
            uniquingKeysWith: { a, _ in a })
        return pages
            + feeds { id in
                let path = paths[id] ?? ""
                return changed(path, byPath[path] ?? "")
            }
    }

    /// Every HTML page and the stylesheet. The feeds come from `feeds(changedAt:)`, which needs to know when
    /// each meeting's page last changed.
    public func pages() -> [SitePage] {
        var out = [
            SitePage(path: "style.css", content: SiteStyle.css, dependsOn: []),
            home(), areasIndex(), yourSayIndex(), reportsIndex(), about(),
        ]
        for area in areas {
            out.append(areaPage(area))
            out.append(yourSayPage(area))
            for ward in area.wards where Self.isSlug(ward.id) { out.append(wardPage(ward, area)) }
        }
        out += reportYears.map(reportPage)
        out += consultationPages()
        let list = published
        out += Parallel.map(list.count, minimumPerCore: 64) { i in
            [meetingPage(list[i])] + (list[i].status == .held ? minutesFiles(list[i]) : [])
        }
        .flatMap { $0 }
        return out
    }
}
