import Foundation
import ForumDeskCore

/// The e-mails ForumDesk writes to people about more than one meeting: an action owner's reminder digest and a
/// councillor's briefing. Each is plain text with an HTML alternative (and, for a briefing, the calendar attached),
/// written by `Email.message(…html:…)` into `outbox/reminders/` or `outbox/briefings/` for `forumdesk send`.
public enum DigestMail {
    public struct Outgoing: Sendable {
        public var name: String
        public var email: String
        /// `outbox/<reminders|briefings>/<file>`, relative to the data folder.
        public var folder: String
        public var file: String
        public var text: String
        public var path: String { "\(NoticeOutbox.outbox)/\(folder)/\(file)" }
    }

    /// One owner's reminder: their overdue actions, then those due within the window, each with its meeting (title,
    /// date, area), due date, status, latest update and what residents were told ("you said, we did").
    public static func reminder(
        _ digest: ReminderRules.Digest, within: Int, directory: Directory, organiser: Notifier.Organiser,
        council: String, now: Date
    ) -> Outgoing {
        let today = LondonTime.date(now)
        let overdue = digest.items.filter(\.overdue), coming = digest.items.filter { !$0.overdue }
        let subject =
            "Actions for you from residents' meetings: "
            + [overdue.isEmpty ? nil : "\(overdue.count) overdue", coming.isEmpty ? nil : "\(coming.count) due soon"]
            .compactMap { $0 }.joined(separator: ", ")
        let behalf = digest.organisations.map { directory.organisation($0)?.name ?? $0 }
        let intro =
            "These actions were agreed at community meetings and are owned by you"
            + (behalf.isEmpty ? "" : " (some on behalf of \(behalf.joined(separator: ", ")))")
            + ". Residents are waiting to hear what happened: please reply with an update on each, or tell us if it is done."
        let horizon = today.adding(days: within)
        var sections: [Section] = []
        if !overdue.isEmpty {
            sections.append(
                Section(title: "Overdue", entries: overdue.map { entry($0, today: today, directory: directory) }))
        }
        if !coming.isEmpty {
            sections.append(
                Section(
                    title: "Due by \(MeetingDocument.shortDate(horizon))",
                    entries: coming.map { entry($0, today: today, directory: directory) }))
        }
        var page = Page(
            greeting: "Dear \(digest.person.name),", intro: intro, sections: sections,
            signature: [organiser.name, council, organiser.email])
        page.instructions = ActionReplyText.instructions(for: digest.items.map(\.raised.action.id), today: today)
        let file = NoticeOutbox.digestFileName(person: digest.person.id, folder: NoticeOutbox.reminders, at: now)
        let stamp = ICalendar.utcStamp(now)
        let text = Email.message(
            from: Email.mailbox(organiser.name, organiser.email), to: Email.mailbox(digest.person.name, digest.email),
            subject: subject, date: now, messageID: "reminder.\(digest.person.id).\(stamp)@forumdesk",
            text: page.text, html: page.html(title: subject))
        return Outgoing(
            name: digest.person.name, email: digest.email, folder: NoticeOutbox.reminders, file: file, text: text)
    }

    static func entry(_ item: ReminderRules.Item, today: CalendarDate, directory: Directory) -> Entry {
        let a = item.raised.action, m = item.raised.meeting
        let due =
            a.due.map { day in
                let days = today.daysSinceEpoch - day.daysSinceEpoch
                return MeetingDocument.shortDate(day)
                    + (days > 0 ? " (\(days) day\(days == 1 ? "" : "s") overdue)" : days == 0 ? " (today)" : "")
            } ?? "no due date"
        var lines = [
            ("Meeting", "\(m.title), \(MeetingDocument.longDate(m.start)), \(directory.area(m.area)?.name ?? m.area)"),
            ("Due", due), ("Status", a.status.label),
        ]
        if let update = a.updates.last {
            lines.append(("Latest update", "\(MeetingDocument.shortDate(LondonTime.date(update.at))): \(update.text)"))
        }
        lines.append(("Residents were told", a.feedback ?? "nothing yet (no \"you said, we did\" recorded)"))
        return Entry(title: "\(a.id): \(a.description)", lines: lines)
    }

    // MARK: the text and HTML of a digest

    struct Entry {
        var title: String
        var lines: [(label: String, value: String)]
    }

    struct Section {
        var title: String
        var entries: [Entry]
        /// Shown when there are no entries.
        var empty: String = ""
    }

    struct Page {
        var greeting: String
        var intro: String
        var sections: [Section]
        var signature: [String]
        /// How to answer by replying (`ActionReplyText.instructions`): paragraphs, blank lines between, example
        /// lines indented.
        var instructions: [String] = []

        var text: String {
            var out = [greeting, "", intro]
            for section in sections {
                out += ["", section.title.uppercased(), String(repeating: "-", count: section.title.count)]
                if section.entries.isEmpty { out.append(section.empty) }
                for entry in section.entries {
                    out += ["", entry.title]
                    out += entry.lines.map { "  \($0.label): \($0.value)" }
                }
            }
            if !instructions.isEmpty { out += [""] + instructions }
            out += [""] + signature
            // Text from the data folder may hold controls (a pasted escape sequence): none reaches a mail reader.
            return out.map(\.withoutControls).joined(separator: "\n") + "\n"
        }

        func html(title: String) -> String {
            let e: (String) -> String = { DocumentFormat.escapeHTML($0.withoutControls) }
            var body = ["<p>\(e(greeting))</p>", "<p>\(e(intro))</p>"]
            for section in sections {
                body.append("<h2>\(e(section.title))</h2>")
                if section.entries.isEmpty { body.append("<p>\(e(section.empty))</p>") }
                for entry in section.entries {
                    body.append("<h3>\(e(entry.title))</h3>")
                    body.append(
                        "<dl>" + entry.lines.map { "<dt>\(e($0.label))</dt><dd>\(e($0.value))</dd>" }.joined() + "</dl>"
                    )
                }
            }
            if !instructions.isEmpty {
                // Example lines (indented) as preformatted text, to copy; the rest as paragraphs.
                var examples: [String] = []
                for line in instructions + [""] {
                    if line.hasPrefix("  ") { examples.append(String(line.dropFirst(2))); continue }
                    if !examples.isEmpty {
                        body.append("<pre>" + examples.map(e).joined(separator: "\n") + "</pre>"); examples = []
                    }
                    if !line.isEmpty { body.append("<p>\(e(line))</p>") }
                }
            }
            body.append("<p>" + signature.map { e($0) }.joined(separator: "<br>") + "</p>")
            let style =
                "body{font-family:Arial,sans-serif;max-width:44rem;line-height:1.4;color:#111}h2{font-size:1.1rem;margin-top:1.4rem}"
                + "h3{font-size:1rem;margin-bottom:.2rem}dl{margin:0 0 .8rem 1rem}dt{font-weight:bold;float:left;clear:left;margin-right:.4rem}"
                + "dt::after{content:\":\"}dd{margin:0}"
            return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <title>\(e(title))</title>
                <style>\(style)</style>
                </head>
                <body>
                \(body.joined(separator: "\n"))
                </body>
                </html>

                """
        }
    }
}
