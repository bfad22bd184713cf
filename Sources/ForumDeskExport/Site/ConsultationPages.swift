import Foundation
import ForumDeskCore

/// The public engagement calendar (strategy item 30): consultations open now, coming and closed (with results
/// and what changed), on a page of their own each, listed for the whole council and on every area's and ward's
/// page; in the area and ward calendars as all-day events spanning the open days, and in the Atom feed.
/// Everything goes through `PublicRecord.clean` as all public text does; a contact person is never named.
extension PublicSite {
    /// `consultations/<id>.html`.
    static func consultationPath(_ c: Consultation) -> String { "consultations/\(c.id).html" }

    /// Consultations that may be published: a safe id (it names a page).
    var publicConsultations: [Consultation] {
        consultations.filter { ConsultationID($0.id) != nil }.sorted { ($0.opens, $0.id) < ($1.opens, $1.id) }
    }

    /// The index (always: every page's navigation links to it, and it says when there are none) and a page each.
    func consultationPages() -> [SitePage] {
        let list = publicConsultations
        return [consultationsIndex(list)] + list.map(consultationPage)
    }

    func stageText(_ c: Consultation) -> String {
        switch c.stage(on: today) {
        case .coming: "Opens \(SiteHTML.shortDate(c.opens))"
        case .open: "Open until \(SiteHTML.shortDate(c.closes))"
        case .awaitingResults: "Closed \(SiteHTML.shortDate(c.closes)): results to follow"
        case .reported: "Closed \(SiteHTML.shortDate(c.closes)): results published"
        }
    }

    /// Open now, coming, closed: three tables of consultations, each a link to its page.
    func consultationTables(_ list: [Consultation], _ h: SiteHTML, idPrefix: String, place: String) -> String {
        let groups: [(String, String, [Consultation])] = [
            ("open", "Open now", list.filter { $0.stage(on: today) == .open }),
            ("coming", "Coming", list.filter { $0.stage(on: today) == .coming }),
            (
                "closed", "Closed",
                list.filter { [.awaitingResults, .reported].contains($0.stage(on: today)) }.reversed()
            ),
        ]
        return groups.map { id, title, items in
            guard !items.isEmpty else {
                return "<h3>\(title)</h3>\n<p>\(title) consultations \(SiteHTML.text(place)): none.</p>"
            }
            return "<h3>\(title)</h3>\n"
                + SiteHTML.table(
                    id: "\(idPrefix)\(id)", caption: "\(title) consultations \(place)",
                    headers: ["Consultation", "Led by", "Dates", "Where it stands"],
                    rows: items.map { c in
                        [
                            h.link(Self.consultationPath(c), c.title),
                            c.organisation.flatMap { directory.organisation($0)?.name }.map(SiteHTML.text) ?? "–",
                            "\(SiteHTML.shortDate(c.opens)) to \(SiteHTML.shortDate(c.closes))", stageText(c),
                        ]
                    })
        }.joined(separator: "\n")
    }

    func consultationsIndex(_ list: [Consultation]) -> SitePage {
        let h = frame("../")
        let body = """
            <h1>Consultations</h1>
            <p>What the council and its partners are asking residents, until when, and what came of it. Each consultation says how you can take part: online, at a drop-in session or at your area's meeting.</p>
            <h2>Consultations across the council</h2>
            \(consultationTables(list, h, idPrefix: "", place: "across the council"))
            """
        return SitePage(
            path: "consultations/index.html",
            content: h.page(
                title: "Consultations", crumbs: [("Home", "index.html"), ("Consultations", nil)], body: body),
            dependsOn: ["today", "directory"] + list.map { "consultation:\($0.id)" })
    }

    func consultationPage(_ c: Consultation) -> SitePage {
        let h = frame("../")
        var body = ["<h1>\(SiteHTML.text(c.title))</h1>", "<p class=\"notice\"><strong>\(stageText(c)).</strong></p>"]
        if let summary = c.summary { body.append("<p>\(SiteHTML.free(summary))</p>") }
        let place =
            c.areas.isEmpty && c.wards.isEmpty
            ? "Every area"
            : (c.areas.compactMap { id in directory.area(id).map { h.link("areas/\(id).html", $0.name) } }
                + c.wards.compactMap { id in directory.ward(id).map { h.link("wards/\(id).html", $0.ward.name) } })
                .joined(separator: ", ")
        var rows: [(String, String)] = [
            ("Led by", c.organisation.flatMap { directory.organisation($0)?.name }.map(SiteHTML.text) ?? "–"),
            ("Dates", "\(SiteHTML.shortDate(c.opens)) to \(SiteHTML.shortDate(c.closes))"),
            ("Where", place),
            (
                "How involved",
                SiteHTML.capitalised(c.engagementLevel.label) + ": " + Self.levelMeaning(c.engagementLevel)
            ),
        ]
        if !c.methods.isEmpty {
            rows.append(("How to take part", SiteHTML.capitalised(c.methods.map(\.label).joined(separator: ", "))))
        }
        if let link = c.link, OnlineJoining.linkProblem(link) == nil, !link.lowercased().hasPrefix("tel:"),
            c.stage(on: today) == .open
        {
            rows.append(("Online", "<a href=\"\(DocumentFormat.escapeHTML(link))\">Take part online</a>"))
        }
        if let responses = c.responses { rows.append(("Responses", String(responses))) }
        body.append(
            "<dl class=\"facts\">\n" + rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
                + "\n</dl>")
        let items = c.items.compactMap { item -> String? in
            guard let i = positionByID[item.meeting] else { return nil }
            let m = published[i]
            let title = m.agenda.first { $0.number == item.item }?.title ?? "item \(item.item)"
            return "<li>\(meetingLink(m, h)): item \(item.item), \(SiteHTML.free(title))</li>"
        }
        if !items.isEmpty { body.append("<h2>At the meetings</h2>\n<ul>\(items.joined())</ul>") }
        if c.results != nil || c.changes != nil {
            body.append("<h2>You said, we did</h2>")
            if let results = c.results { body.append("<h3>What you told us</h3>\n<p>\(SiteHTML.free(results))</p>") }
            if let changes = c.changes { body.append("<h3>What changed</h3>\n<p>\(SiteHTML.free(changes))</p>") }
        } else if c.stage(on: today) == .awaitingResults {
            body.append(
                "<h2>Results</h2>\n<p>The consultation has closed. Its results and what changes because of them will be published here.</p>"
            )
        }
        if !c.equality.isEmpty {
            body.append(
                "<h2>Who took part</h2>\n<p>Anonymous counts from equality monitoring: nobody is identified.</p>")
            for (category, counts) in c.equality.sorted(by: { $0.key < $1.key }) {
                body.append(
                    SiteHTML.table(
                        id: "who-\(SiteHTML.plain(category).lowercased().filter { $0.isLetter || $0.isNumber })",
                        caption: "Responses by \(category)", headers: ["Group", "Responses"],
                        rows: counts.sorted { $0.key < $1.key }.map { [SiteHTML.text($0.key), String($0.value)] }))
            }
        }
        return SitePage(
            path: Self.consultationPath(c),
            content: h.page(
                title: c.title,
                crumbs: [("Home", "index.html"), ("Consultations", "consultations/index.html"), (c.title, nil)],
                body: body.joined(separator: "\n")),
            dependsOn: ["today", "directory", "consultation:\(c.id)"] + c.items.map { "meeting:\($0.meeting)" })
    }

    /// Seed 002's levels, in words for residents.
    static func levelMeaning(_ level: EngagementLevel) -> String {
        switch level {
        case .inform: "we tell you what is planned"
        case .consult: "we ask your views before deciding"
        case .involve: "we work with you so your concerns shape the options"
        case .collaborate: "we decide together with you"
        case .empower: "you decide"
        }
    }

    /// The consultations section of an area's or a ward's page: empty when none covers it.
    func consultationSection(_ list: [Consultation], _ h: SiteHTML, place: String) -> String {
        guard !list.isEmpty else { return "" }
        return "<h2>Consultations</h2>\n" + consultationTables(list, h, idPrefix: "consultations-", place: place)
    }

    /// A consultation's open days as one all-day event (RFC 5545 §3.6.1: DTEND is the day after the last).
    func consultationEvent(_ c: Consultation, stamp: Date) -> [String] {
        let end = CalendarDate(daysSinceEpoch: c.closes.daysSinceEpoch + 1)
        func day(_ d: CalendarDate) -> String { String(format: "%04d%02d%02d", d.year, d.month, d.day) }
        var description = [
            c.summary, c.results.map { "What you told us: \($0)" }, c.changes.map { "What changed: \($0)" },
        ].compactMap { $0 }
            .joined(separator: "\n\n")
        if description.isEmpty { description = c.title }
        var lines = [
            "BEGIN:VEVENT", "UID:consultation-\(c.id)@forumdesk", "DTSTAMP:\(ICalendar.utcStamp(stamp))",
            "DTSTART;VALUE=DATE:\(day(c.opens))", "DTEND;VALUE=DATE:\(day(end))",
            "SUMMARY:\(ICalendar.escape(PublicRecord.clean("Consultation: " + c.title)))",
            "DESCRIPTION:\(ICalendar.escape(PublicRecord.clean(description)))", "TRANSP:TRANSPARENT",
            "CATEGORIES:Consultation",
        ]
        if let url = absolute(Self.consultationPath(c)) {
            lines.append("URL:" + String(url.filter { !$0.isWhitespace && !$0.isControlCharacter }))
        }
        lines.append("END:VEVENT")
        return lines
    }

    func consultations(area: String) -> [Consultation] {
        publicConsultations.filter { $0.covers(area: area, in: directory) }
    }
    func consultations(ward: String) -> [Consultation] {
        publicConsultations.filter { $0.covers(ward: ward, in: directory) }
    }
}
