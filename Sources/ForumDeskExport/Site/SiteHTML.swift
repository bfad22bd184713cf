import Foundation
import ForumDeskCore

/// The frame every page of the public site shares: skip link, header with the site's name, navigation,
/// `main`, footer; one stylesheet; no script. HTML5 (checked by the Nu HTML Checker), British English.
struct SiteHTML {
    /// The site's name: "Central Bedfordshire Council: community meetings".
    var siteName: String
    /// From this page to the site's root: "" for the home page, "../" one folder down.
    var root: String

    /// Text for HTML: cleaned as everything public is (`PublicRecord.clean`), community scripts marked with `lang`
    /// and `dir` (as the exported papers do). Every text on a page goes through here or `plain`.
    static func text(_ text: String) -> String { DocumentFormat.htmlRuns(PublicRecord.clean(text)) }

    /// Text in an attribute or where no script marking is wanted.
    static func plain(_ text: String) -> String { DocumentFormat.escapeHTML(PublicRecord.clean(text)) }

    /// Officer-typed text (the same cleaning; the name says where it comes from).
    static func free(_ text: String) -> String { Self.text(text) }

    /// A venue's name and address: public, so its postcode stays; contact details go.
    static func venue(_ text: String) -> String { DocumentFormat.htmlRuns(PublicRecord.cleanVenue(text)) }

    func link(_ path: String, _ label: String) -> String {
        "<a href=\"\(root)\(path)\">\(Self.text(label))</a>"
    }

    /// A whole page. `crumbs`: the trail above the heading (label, path), the last being this page.
    func page(title: String, crumbs: [(String, String?)], body: String) -> String {
        let items = crumbs.map { label, path in
            path.map { "<li>" + link($0, label) + "</li>" } ?? "<li aria-current=\"page\">\(Self.text(label))</li>"
        }
        let trail =
            crumbs.isEmpty ? "" : "<nav aria-label=\"You are here\" class=\"crumbs\"><ol>\(items.joined())</ol></nav>\n"
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.plain(title)) – \(Self.plain(siteName))</title>
            <link rel="stylesheet" href="\(root)style.css">
            <link rel="alternate" type="application/atom+xml" title="New agendas and minutes" href="\(root)papers.atom">
            </head>
            <body>
            <a class="skip" href="#content">Skip to main content</a>
            <header class="site">
            <p class="site-name"><a href="\(root)index.html">\(Self.text(siteName))</a></p>
            <nav aria-label="Site"><ul>
            <li><a href="\(root)index.html">Next meetings</a></li>
            <li><a href="\(root)areas/index.html">Areas and wards</a></li>
            <li><a href="\(root)consultations/index.html">Consultations</a></li>
            <li><a href="\(root)you-said-we-did/index.html">You said, we did</a></li>
            <li><a href="\(root)reports/index.html">Engagement reports</a></li>
            </ul></nav>
            </header>
            \(trail)<main id="content" tabindex="-1">
            \(body)
            </main>
            <footer class="site">
            <p>Published by the community engagement team. Names of residents and partner staff, contact details and reasons for absence are never published here. <a href="\(root)about.html">About this site and its calendars</a>.</p>
            </footer>
            </body>
            </html>

            """
    }

    /// A table with a caption and header cells, in a region that scrolls on its own on a narrow screen (and can
    /// be reached by keyboard to scroll it), so the page itself reflows at 400% zoom.
    static func table(
        id: String, caption: String, headers: [String], rows: [[String]], rowHeader: Bool = true
    ) -> String {
        let head = headers.map { "<th scope=\"col\">\(plain($0))</th>" }.joined()
        let body = rows.map { cells in
            "<tr>"
                + cells.enumerated().map { i, cell in
                    i == 0 && rowHeader ? "<th scope=\"row\">\(cell)</th>" : "<td>\(cell)</td>"
                }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <div class="table" role="region" aria-labelledby="\(id)" tabindex="0">
            <table>
            <caption id="\(id)">\(text(caption))</caption>
            <thead><tr>\(head)</tr></thead>
            <tbody>
            \(body)
            </tbody>
            </table>
            </div>
            """
    }

    /// `<time datetime="2026-11-24">Tuesday 24 November 2026</time>`
    static func date(_ instant: Date) -> String {
        "<time datetime=\"\(LondonTime.date(instant))\">\(MeetingDocument.longDate(instant))</time>"
    }

    /// "Carried forward": a status as a table cell shows it.
    static func capitalised(_ label: String) -> String { label.prefix(1).uppercased() + label.dropFirst() }

    static func shortDate(_ day: CalendarDate) -> String {
        "<time datetime=\"\(day)\">\(MeetingDocument.shortDate(day))</time>"
    }
}
