import Foundation
import ForumDeskCore

/// A meeting's page: when and where, access, the notice in community languages, the agenda, and once held the
/// minutes (present, apologies, declarations, each item's discussion and resolution), the actions with their
/// status and "you said, we did", and the issues residents raised.
extension PublicSite {
    func meetingPage(_ m: Meeting) -> SitePage {
        let h = frame("../../")
        let d = directory
        let areaName = d.area(m.area)?.name ?? m.area
        var body = ["<h1>\(SiteHTML.text(m.title))</h1>"]
        if m.status == .cancelled {
            body.append("<p class=\"notice\"><strong>This meeting is cancelled.</strong></p>")
        } else if m.status == .postponed {
            body.append(
                "<p class=\"notice\"><strong>This meeting is postponed.</strong> A new date will be published here.</p>"
            )
        } else if isDraft(m) {
            body.append("<p class=\"notice draft\"><strong>Draft minutes.</strong> \(Self.draftNotice)</p>")
        }
        body.append(facts(m, areaName, h))
        let notices = m.languages.filter { $0 != "en" }.compactMap { code in m.noticeTitles[code].map { (code, $0) } }
        if !notices.isEmpty {
            body.append("<h2>This notice in other languages</h2>\n<div class=\"languages\">")
            for (code, title) in notices {
                let dir = DocumentFormat.direction(code)
                body.append(
                    "<p>\(MeetingDocument.languageName(code)): <span lang=\"\(SiteHTML.plain(code))\" dir=\"\(dir)\">\(SiteHTML.plain(title))</span></p>"
                )
            }
            body.append("</div>")
        }
        if let notes = m.publicNotes { body.append("<p>\(SiteHTML.free(notes))</p>") }

        let held = m.status == .held
        body.append(
            !held
                ? "<h2 id=\"agenda\">Agenda</h2>"
                : isDraft(m) ? "<h2 id=\"minutes\">Draft minutes</h2>" : "<h2 id=\"minutes\">Minutes</h2>")
        if held { body.append(approval(m, h)) }
        if held { body += minutes(m, h) } else { body.append(agenda(m)) }
        let arising = mattersArising(for: m)
        if !arising.isEmpty {
            body.append("<h2>Matters arising: earlier actions</h2>")
            body.append(
                SiteHTML.table(
                    id: "arising", caption: "Actions from earlier meetings in \(areaName)",
                    headers: ["Action", "Agreed at", "Who", "Status", "Latest"],
                    rows: arising.map { r in
                        let a = r.action
                        let latest =
                            (ActionRules.reportedAt(m, a) ?? a.updates.last).map { SiteHTML.free($0.text) } ?? "–"
                        let at = h.link(
                            Self.meetingPath(id: r.meeting.id, start: r.meeting.start),
                            "\(r.meeting.title), \(MeetingDocument.longDate(r.meeting.start))")
                        return [
                            SiteHTML.free(a.description), at, PublicRecord.owner(a, d).map(SiteHTML.text) ?? "–",
                            SiteHTML.capitalised(a.status.label), latest,
                        ]
                    }))
        }
        if held { body += actionsAndIssues(m, draft: isDraft(m)) }
        let path = Self.meetingPath(m)
        let page = h.page(
            title: "\(m.title), \(MeetingDocument.longDate(m.start))",
            crumbs: [
                ("Home", "index.html"), (areaName, "areas/\(m.area).html"), (MeetingDocument.longDate(m.start), nil),
            ],
            body: body.joined(separator: "\n"))
        return SitePage(
            path: path, content: page, dependsOn: ["meeting:\(m.id)", "directory", "area-actions:\(m.area)"])
    }

    static let draftNotice =
        "These minutes have not yet been approved. They are put to the next meeting to be agreed as a correct record, and may change until then."

    /// Under the minutes' heading: draft, or approved when, where and (a councillor, by name) by whom.
    func approval(_ m: Meeting, _ h: SiteHTML) -> String {
        guard let a = approvals[m.id] else {
            return "<p class=\"draft\"><strong>Status: draft, not yet approved.</strong></p>"
        }
        var text = "Status: approved as a correct record"
        let approvedAt = a.meeting.flatMap { positionByID[$0] }.map { published[$0] }
        if let at = approvedAt {
            text += " at " + h.link(Self.meetingPath(at), "the meeting on \(MeetingDocument.longDate(at.start))")
        } else {
            text += " on " + SiteHTML.date(a.at)
        }
        // A purged meeting's page names nobody; a councillor signing is otherwise public.
        let purged = m.extra[Retention.marker] != nil || approvedAt?.extra[Retention.marker] != nil
        if !purged, directory.person(a.by)?.kind == .councillor,
            let name = PublicRecord.name(ofPerson: a.by, organisation: nil, directory)
        {
            text += ", signed by \(SiteHTML.text(name))"
        }
        return "<p class=\"approved\">\(text).</p>"
    }

    func facts(_ m: Meeting, _ areaName: String, _ h: SiteHTML) -> String {
        var rows: [(String, String)] = [
            ("Date", SiteHTML.date(m.start)),
            ("Time", "\(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))"),
            (
                "Venue",
                ([SiteHTML.venue(m.venue.name)] + [m.venue.address.map(SiteHTML.venue)].compactMap { $0 }).joined(
                    separator: ", ")
            ),
            (
                "Access",
                m.venue.accessibility.map(SiteHTML.free) ?? "Please ask the community engagement team about access."
            ),
        ]
        // The hall's seats, from its venue record (a public field, `VenueRecord.publicFields`).
        if let id = m.venue.id, let seats = venues.first(where: { $0.id == id })?.capacity, seats > 0 {
            rows.append(("Seats", "\(seats) for the public"))
        }
        if let online = m.online, m.status != .cancelled { rows.append(("Join online", joining(online))) }
        rows += [
            ("Meeting", m.kind.label),
            ("Status", status(m)),
            ("Area", h.link("areas/\(m.area).html", areaName)),
        ]
        let wards = m.wards.compactMap { id in directory.ward(id).map { ($0.ward, id) } }.filter { Self.isSlug($0.1) }
        if !wards.isEmpty {
            rows.append(("Wards", wards.map { h.link("wards/\($0.1).html", $0.0.name) }.joined(separator: ", ")))
        }
        // A meeting whose personal data was purged names nobody who was there, its chair included.
        if m.extra[Retention.marker] == nil, let chair = m.chair, directory.person(chair)?.kind == .councillor,
            let name = PublicRecord.name(ofPerson: chair, organisation: nil, directory)
        {
            rows.append(("Chair", SiteHTML.text(name)))
        }
        return "<dl class=\"facts\">\n" + rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
            + "\n</dl>"
    }

    /// How to join an online or hybrid meeting: the link and dial-in only when the officer marked them public
    /// (`OnlineJoining.published`); otherwise that it can be joined, and whom to ask. The link and the number are
    /// a conference's, not a person's: escaped, not scrubbed of phone numbers as free text is.
    func joining(_ online: OnlineJoining) -> String {
        let mode = SiteHTML.plain(online.modeLabel) + "."
        guard online.published else {
            return mode
                + " The joining link is sent to those taking part: please ask the community engagement team for it."
        }
        var parts = [mode]
        if let web = online.webURL {
            parts.append("<a href=\"\(DocumentFormat.escapeHTML(web))\">Join the meeting online</a>.")
        }
        if let tel = online.telephoneURI {
            let shown = online.dialIn ?? String(tel.dropFirst(4))
            parts.append(
                "By phone: <a href=\"\(DocumentFormat.escapeHTML(tel))\">\(DocumentFormat.escapeHTML(shown.withoutControls))</a>."
            )
        }
        if let instructions = online.instructions { parts.append(SiteHTML.free(instructions)) }
        return parts.joined(separator: " ")
    }

    /// An item that carries a partner's topic request, or a consultation (by its topic or by the item itself):
    /// "Asked for by Bedfordshire Police" and a link to the consultation's page.
    func carried(_ item: AgendaItem, in m: Meeting) -> String {
        var out = ""
        let h = frame("../../")
        if item.topic != nil, let organisation = item.organisation.flatMap({ directory.organisation($0)?.name }) {
            out += "<br>Asked for by \(SiteHTML.text(organisation)) for meetings across the areas."
        }
        for c in publicConsultations
        where c.items.contains(where: { $0.meeting == m.id && $0.item == item.number })
            || (item.topic.map { c.topics.contains($0) } ?? false)
        {
            out +=
                "<br>Part of the consultation " + h.link(Self.consultationPath(c), c.title) + " ("
                + stageText(c).lowercased() + ")."
        }
        return out
    }

    /// Who presents an item, as published: a councillor by name, else the organisation.
    func presenter(_ item: AgendaItem) -> String? {
        PublicRecord.name(ofPerson: item.presenter, organisation: item.organisation, directory)
    }

    func agenda(_ m: Meeting) -> String {
        guard !m.agenda.isEmpty else { return "<p>The agenda will be published here before the meeting.</p>" }
        var out = ["<ol class=\"agenda\">"]
        for item in m.agenda.sorted(by: { $0.number < $1.number }) {
            var lead: [String] = []
            if let who = presenter(item) { lead.append("Presented by \(SiteHTML.text(who)).") }
            let purpose = MeetingDocument.purposeText(item.purpose)
            if !purpose.isEmpty { lead.append(purpose) }
            if let allowed = item.minutes, allowed > 0 { lead.append("(\(allowed) minutes)") }
            var li = "<li value=\"\(item.number)\"><strong>\(SiteHTML.free(item.title))</strong>"
            if !lead.isEmpty { li += "<br>" + lead.joined(separator: " ") }
            if let notes = item.notes { li += "<br>" + SiteHTML.free(notes) }
            li += carried(item, in: m)
            out.append(li + "</li>")
        }
        out.append("</ol>")
        return out.joined(separator: "\n")
    }

    /// The minutes: the document `forumdesk export minutes --for residents` writes, from the same builder as the
    /// app's and the CLI's (PRESENT, apologies without reasons, every minute numbered with its REF, matters
    /// arising with what was reported), named as `PublicRecord` allows; the page gives the heading itself.
    func minutes(_ m: Meeting, _ h: SiteHTML) -> [String] {
        let lines = minutesLines(m).drop { $0.kind != .heading }
        let name = Self.minutesPath(m).split(separator: "/").last.map(String.init) ?? ""
        return DocumentFormat.htmlBody(Array(lines), top: 2)
            + [
                "<p>\(h.link(Self.minutesPath(m).replacingOccurrences(of: ".md", with: ".txt"), "The minutes as text")), "
                    + "\(h.link(Self.minutesPath(m), "as Markdown")) (\(SiteHTML.plain(name))).</p>"
            ]
    }

    func minutesLines(_ m: Meeting) -> [DocumentLine] {
        MeetingDocument.lines(
            .minutes, for: m, directory: directory, allMeetings: everyByArea[m.area] ?? [],
            council: council, audience: .residents)
    }

    /// `meetings/2026/<id>-minutes.md`, beside the meeting's page.
    static func minutesPath(_ m: Meeting) -> String {
        "meetings/\(LondonTime.date(m.start).year)/\(m.id)-minutes.md"
    }

    /// A held meeting's minutes as files, in Markdown and text: the bytes `export minutes --for residents` writes.
    func minutesFiles(_ m: Meeting) -> [SitePage] {
        let lines = minutesLines(m), title = "\(m.title): \(MeetingDocument.Kind.minutes.rawValue)"
        let path = Self.minutesPath(m)
        let depends = ["meeting:\(m.id)", "directory", "area-actions:\(m.area)"]
        return [
            SitePage(path: path, content: DocumentFormat.markdown.render(lines, title: title), dependsOn: depends),
            SitePage(
                path: String(path.dropLast(3)) + ".txt", content: DocumentFormat.text.render(lines, title: title),
                dependsOn: depends),
        ]
    }

    func actionsAndIssues(_ m: Meeting, draft: Bool) -> [String] {
        var out: [String] = []
        let marked = draft ? " (draft minutes)" : ""
        if !m.actions.isEmpty {
            out.append("<h2 id=\"actions\">Actions agreed\(marked)</h2>")
            out.append(
                SiteHTML.table(
                    id: "actions-table", caption: "Actions agreed at this meeting, with what became of each",
                    headers: ["Action", "What", "Who", "Due", "Status", "You said, we did"],
                    rows: m.actions.map { a in
                        [
                            "<span class=\"id\">\(SiteHTML.plain(a.id))</span>", SiteHTML.free(a.description),
                            PublicRecord.owner(a, directory).map(SiteHTML.text) ?? "–",
                            a.due.map(SiteHTML.shortDate) ?? "–", SiteHTML.capitalised(a.status.label),
                            a.feedback.map(SiteHTML.free) ?? a.updates.last.map { "Latest: " + SiteHTML.free($0.text) }
                                ?? "–",
                        ]
                    }))
        }
        if !m.issues.isEmpty {
            let actions = Dictionary(m.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            out.append("<h2 id=\"issues\">You said, we did\(marked)</h2>")
            out.append(
                SiteHTML.table(
                    id: "issues-table", caption: "Issues residents raised at this meeting, and what happened",
                    headers: ["You said", "What happened"],
                    rows: m.issues.map { [SiteHTML.free($0.text), outcome($0, actions)] }))
        }
        return out
    }
}
