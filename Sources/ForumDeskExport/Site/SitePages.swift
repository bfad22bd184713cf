import Foundation
import ForumDeskCore

/// The site's index pages: home, areas, wards, "you said, we did", reports and "about".
extension PublicSite {
    func frame(_ root: String) -> SiteHTML { SiteHTML(siteName: siteName, root: root) }

    /// "Let's Talk Together: Sandy and Biggleswade, Thursday 15 October 2026": what a link to a meeting says.
    func meetingLink(_ m: Meeting, _ h: SiteHTML) -> String {
        h.link(Self.meetingPath(m), "\(m.title), \(MeetingDocument.longDate(m.start))")
    }

    func status(_ m: Meeting) -> String {
        switch m.status {
        case .held: "Held"
        case .cancelled: "Cancelled"
        case .postponed: "Postponed"
        case .planned: "Planned (to be confirmed)"
        case .confirmed: m.start < startOfToday ? "Minutes to follow" : "Confirmed"
        }
    }

    func upcoming(_ list: [Meeting]) -> [Meeting] { list.filter { $0.start >= startOfToday } }
    func past(_ list: [Meeting]) -> [Meeting] { list.filter { $0.start < startOfToday }.reversed() }

    /// A table of meetings: date, meeting (a link), venue, status.
    func meetingTable(id: String, caption: String, _ list: [Meeting], _ h: SiteHTML) -> String {
        guard !list.isEmpty else { return "<p>\(SiteHTML.text(caption)): none.</p>" }
        return SiteHTML.table(
            id: id, caption: caption, headers: ["Date", "Meeting", "Time", "Venue", "Status"],
            rows: list.map { m in
                [
                    SiteHTML.shortDate(LondonTime.date(m.start)), meetingLink(m, h),
                    "\(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))",
                    SiteHTML.venue(m.venue.name), status(m),
                ]
            })
    }

    func calendarLink(_ path: String, _ name: String, _ h: SiteHTML) -> String {
        "<p class=\"calendar\">\(h.link(path, "Subscribe to the \(name) calendar")) (iCalendar, for Outlook, Google, Apple and other calendar programs).</p>"
    }

    // MARK: home

    func home() -> SitePage {
        let h = frame("")
        let rows = areas.map { area -> [String] in
            let next = upcoming(byArea[area.id] ?? []).first { $0.status != .cancelled }
            return [
                h.link("areas/\(area.id).html", area.name),
                next.map { meetingLink($0, h) } ?? "No meeting arranged yet",
                next.map { "\(MeetingDocument.clock($0.start)), " + SiteHTML.venue($0.venue.name) } ?? "–",
                next.map(status) ?? "–",
            ]
        }
        var body = """
            <h1>Community meetings</h1>
            <p>Let's Talk Together meetings, ward forums and area committees bring residents, councillors, the police, the fire and rescue service, health, schools, town and parish councils and voluntary groups together in each of the \(areas.count) areas. Everyone is welcome.</p>
            <h2>Next meeting in each area</h2>
            \(SiteHTML.table(id: "next", caption: "The next meeting in each area", headers: ["Area", "Next meeting", "Time and venue", "Status"], rows: rows))
            <h2>Follow the meetings</h2>
            <ul>
            <li>\(h.link("papers.atom", "New agendas and minutes (Atom feed)"))</li>
            <li>\(h.link("about.html", "Calendars to subscribe to, by area and by ward"))</li>
            <li>\(h.link("you-said-we-did/index.html", "You said, we did: what became of what residents raised"))</li>
            """
        if let year = reportYears.first {
            body += "\n<li>" + h.link("reports/\(year).html", "Community engagement report \(year)") + "</li>"
        }
        if !publicConsultations.isEmpty {
            body +=
                "\n<li>"
                + h.link("consultations/index.html", "Consultations: open now, coming, and what came of those closed")
                + "</li>"
        }
        body += "\n</ul>"
        return SitePage(
            path: "index.html", content: h.page(title: "Community meetings", crumbs: [], body: body),
            dependsOn: ["today", "directory"] + areas.map { "area:\($0.id)" })
    }

    // MARK: areas and wards

    func areasIndex() -> SitePage {
        let h = frame("../")
        var body = "<h1>Areas and wards</h1>\n<p>Meetings are arranged in \(areas.count) areas, each made of wards.</p>"
        for area in areas {
            body += "\n<h2>\(h.link("areas/\(area.id).html", area.name))</h2>\n<ul>"
            body += area.wards.filter { Self.isSlug($0.id) }.map {
                "<li>" + h.link("wards/\($0.id).html", "\($0.name) ward") + "</li>"
            }.joined()
            body += "</ul>"
        }
        return SitePage(
            path: "areas/index.html",
            content: h.page(
                title: "Areas and wards", crumbs: [("Home", "index.html"), ("Areas and wards", nil)], body: body),
            dependsOn: ["directory"])
    }

    func areaPage(_ area: Area) -> SitePage {
        let h = frame("../")
        let list = byArea[area.id] ?? []
        let wards = area.wards.filter { Self.isSlug($0.id) }
        let body = """
            <h1>\(SiteHTML.text(area.name))</h1>
            <p>Wards: \(wards.map { h.link("wards/\($0.id).html", $0.name) }.joined(separator: ", ")).</p>
            \(calendarLink("areas/\(area.id).ics", area.name, h))
            <p>\(h.link("you-said-we-did/\(area.id).html", "You said, we did in \(area.name)"))</p>
            <h2>Meetings to come</h2>
            \(meetingTable(id: "to-come", caption: "Meetings to come in \(area.name)", upcoming(list), h))
            <h2>Past meetings</h2>
            \(meetingTable(id: "past", caption: "Past meetings in \(area.name), latest first", past(list), h))
            \(consultationSection(consultations(area: area.id), h, place: "in \(area.name)"))
            """
        return SitePage(
            path: "areas/\(area.id).html",
            content: h.page(
                title: area.name,
                crumbs: [("Home", "index.html"), ("Areas and wards", "areas/index.html"), (area.name, nil)], body: body),
            dependsOn: ["today", "directory", "area:\(area.id)"])
    }

    func wardPage(_ ward: Ward, _ area: Area) -> SitePage {
        let h = frame("../")
        let list = byWard[ward.id] ?? []
        let councillors = directory.councillors(ofWards: [ward.id]).map { SiteHTML.text(PublicRecord.clean($0.name)) }
        let body = """
            <h1>\(SiteHTML.text(ward.name)) ward</h1>
            <p>Part of \(h.link("areas/\(area.id).html", area.name)).</p>
            <h2>Ward councillors</h2>
            \(councillors.isEmpty ? "<p>No councillor is recorded for this ward.</p>" : "<ul>" + councillors.map { "<li>\($0)</li>" }.joined() + "</ul>")
            \(calendarLink("wards/\(ward.id).ics", "\(ward.name) ward", h))
            <h2>Meetings to come</h2>
            \(meetingTable(id: "to-come", caption: "Meetings to come covering \(ward.name)", upcoming(list), h))
            <h2>Past meetings</h2>
            \(meetingTable(id: "past", caption: "Past meetings covering \(ward.name), latest first", past(list), h))
            \(consultationSection(consultations(ward: ward.id), h, place: "covering \(ward.name)"))
            """
        return SitePage(
            path: "wards/\(ward.id).html",
            content: h.page(
                title: "\(ward.name) ward",
                crumbs: [("Home", "index.html"), (area.name, "areas/\(area.id).html"), ("\(ward.name) ward", nil)],
                body: body),
            dependsOn: ["today", "directory", "ward:\(ward.id)"])
    }

    // MARK: you said, we did

    func yourSayIndex() -> SitePage {
        let h = frame("../")
        let body = """
            <h1>You said, we did</h1>
            <p>What residents raised at the meetings, and what became of it, area by area.</p>
            <ul>\(areas.map { "<li>" + h.link("you-said-we-did/\($0.id).html", "You said, we did in \($0.name)") + "</li>" }.joined())</ul>
            """
        return SitePage(
            path: "you-said-we-did/index.html",
            content: h.page(
                title: "You said, we did", crumbs: [("Home", "index.html"), ("You said, we did", nil)], body: body),
            dependsOn: ["directory"])
    }

    /// What became of an issue raised from the floor.
    func outcome(_ issue: ResidentIssue, _ actions: [String: Action]) -> String {
        switch issue.status {
        case .open: return "Not yet answered."
        case .answered: return SiteHTML.free(MeetingDocument.sentence(issue.answer ?? "Answered at the meeting"))
        case .topic: return "To come back to a later meeting as an agenda item."
        case .action:
            guard let id = issue.action, let action = actions[id] else { return "An action was raised." }
            return "Action \(SiteHTML.plain(id)) (\(action.status.label)): "
                + SiteHTML.free(MeetingDocument.sentence(action.feedback ?? action.description))
        }
    }

    func yourSayPage(_ area: Area) -> SitePage {
        let h = frame("../")
        let list = byArea[area.id] ?? []
        // Two years back, and anything still open however old: what residents can still ask about.
        let since = LondonTime.instant(
            date: CalendarDate(daysSinceEpoch: today.daysSinceEpoch - 730), hour: 0, minute: 0)
        let actions = Dictionary(list.flatMap(\.actions).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var issueRows: [[String]] = [], actionRows: [[String]] = []
        for m in list.reversed() where m.status == .held {
            let recent = m.start >= since
            // What draft minutes record may still change: said beside the meeting it comes from.
            let at = meetingLink(m, h) + (isDraft(m) ? " (draft minutes)" : "")
            for issue in m.issues where recent || issue.status == .open {
                issueRows.append([SiteHTML.free(issue.text), at, outcome(issue, actions)])
            }
            for a in m.actions where recent || a.status.isOpen {
                let did =
                    a.feedback.map { SiteHTML.free($0) } ?? a.updates.last.map { "Latest: " + SiteHTML.free($0.text) }
                    ?? "–"
                actionRows.append([
                    SiteHTML.free(a.description), at,
                    PublicRecord.owner(a, directory).map(SiteHTML.text) ?? "–", SiteHTML.capitalised(a.status.label),
                    did,
                ])
            }
        }
        let body = """
            <h1>You said, we did: \(SiteHTML.text(area.name))</h1>
            <p>Issues residents raised at meetings in \(SiteHTML.text(area.name)) and the actions partners agreed, with what became of each: the last two years, and anything still open.</p>
            <h2>Issues residents raised</h2>
            \(issueRows.isEmpty ? "<p>No issues were recorded.</p>" : SiteHTML.table(id: "issues", caption: "Issues raised by residents, latest first", headers: ["You said", "At", "What happened"], rows: issueRows))
            <h2>Actions agreed</h2>
            \(actionRows.isEmpty ? "<p>No actions were recorded.</p>" : SiteHTML.table(id: "actions", caption: "Actions agreed at meetings, latest first", headers: ["Action", "Agreed at", "Who", "Status", "We did"], rows: actionRows))
            """
        return SitePage(
            path: "you-said-we-did/\(area.id).html",
            content: h.page(
                title: "You said, we did: \(area.name)",
                crumbs: [("Home", "index.html"), ("You said, we did", "you-said-we-did/index.html"), (area.name, nil)],
                body: body),
            dependsOn: ["today", "directory", "area:\(area.id)"])
    }

    // MARK: reports

    func reportsIndex() -> SitePage {
        let h = frame("../")
        let body = """
            <h1>Community engagement reports</h1>
            <p>Each year's report to residents: the meetings held, who took part (anonymous equality monitoring counts, never names), the partners present and what was done.</p>
            <ul>\(reportYears.map { "<li>" + h.link("reports/\($0).html", "Community engagement report \($0)") + "</li>" }.joined())</ul>
            """
        return SitePage(
            path: "reports/index.html",
            content: h.page(
                title: "Community engagement reports", crumbs: [("Home", "index.html"), ("Reports", nil)], body: body),
            dependsOn: ["today"])
    }

    /// The annual report (strategy item 35), as `forumdesk report` writes it (cleaned there).
    func reportPage(_ year: Int) -> SitePage {
        let h = frame("../")
        let lines = AnnualReport.lines(
            year: year, area: nil, directory: directory, meetings: published, today: today, council: council)
        let title = "Community engagement report \(year)"
        return SitePage(
            path: "reports/\(year).html",
            content: h.page(
                title: title, crumbs: [("Home", "index.html"), ("Reports", "reports/index.html"), (String(year), nil)],
                body: DocumentFormat.htmlBody(lines).joined(separator: "\n")),
            dependsOn: ["today", "directory", "year:\(year)"])
    }

    // MARK: about

    func about() -> SitePage {
        let h = frame("")
        let areaItems = areas.map { area in
            "<li>" + h.link("areas/\(area.id).ics", "\(area.name) calendar") + "<ul>"
                + area.wards.filter { Self.isSlug($0.id) }.map {
                    "<li>" + h.link("wards/\($0.id).ics", "\($0.name) ward calendar") + "</li>"
                }.joined()
                + "</ul></li>"
        }.joined(separator: "\n")
        let body = """
            <h1>About this site</h1>
            <h2>What is published</h2>
            <p>Dates, times, venues and access arrangements of meetings; their agendas; once held, their minutes, the actions agreed and what became of them; the issues residents raised; and each year's report with anonymous counts of who took part. Councillors are named, as public office holders; partners are named by organisation.</p>
            <h2>What is never published</h2>
            <p>E-mail addresses, phone numbers and home addresses; the names of residents and of partner staff; reasons given for absence; the details of declarations of interest; and names removed from old records under the council's retention schedule, which show as “\(Retention.removedName)”.</p>
            <h2>Calendars</h2>
            <p>Add a calendar to Outlook, Google Calendar or Apple Calendar by subscribing to its address (copy the link). Each event links to the meeting's page.</p>
            <ul>
            \(areaItems)
            </ul>
            <h2>Feed of new papers</h2>
            <p>\(h.link("papers.atom", "New agendas and minutes (Atom feed)")) for a feed reader.</p>
            """
        return SitePage(
            path: "about.html",
            content: h.page(title: "About this site", crumbs: [("Home", "index.html"), ("About", nil)], body: body),
            dependsOn: ["directory"])
    }
}
