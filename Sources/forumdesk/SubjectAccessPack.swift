import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore

/// The subject access pack: one Markdown document for the person, listing every place ForumDesk holds their data
/// and what it says, with the text of each file (an e-mail, an export) that names them. Markdown because it is
/// plain text first: the person can read it in any editor or as an e-mail attachment, nothing in it runs, and it
/// renders as a tidy document where Markdown is shown.
enum SubjectAccessPack {
    /// `contents` gives a file's text by its path relative to the data folder (nil when unreadable).
    /// `history`: what git's history still holds of them, in words (`PersonHistory`).
    static func markdown(
        person: Person, places: [PersonPlace], data: DataSet, today: CalendarDate, history: [String] = [],
        contents: (String) -> String?
    ) -> String {
        var out = [
            "# Subject access: \(escaped(person.name))", "",
            "\(escaped(data.settings.council)), \(today). Everything ForumDesk holds that names \(escaped(person.name)) "
                + "(id `\(person.id)`): \(places.count) place\(places.count == 1 ? "" : "s") in "
                + "\(Set(places.map(\.file)).count) file\(Set(places.map(\.file)).count == 1 ? "" : "s") of the data folder.",
            "",
        ]
        var files: [String] = []
        for place in places where !files.contains(place.file) { files.append(place.file) }
        for file in files {
            let here = places.filter { $0.file == file }
            out.append("## \(title(of: file, data: data))")
            out.append("")
            out.append("File `\(file)`.")
            out.append("")
            for p in here where p.line != nil || !p.record.isEmpty {
                out.append(
                    "- **\(escaped(p.kind))** (line \(p.line.map(String.init) ?? "?"), `\(p.record)`): \(escaped(p.text))"
                )
            }
            if file == ".git" {
                out.append("**Earlier versions kept in the folder's history** (git), by date:")
                out.append("")
                out += history.isEmpty ? ["- none that names them"] : history.map { "- " + escaped($0) }
            } else if here.contains(where: { $0.line == nil && $0.record.isEmpty }) {
                out.append("**\(escaped(here[0].kind))**. Its text:")
                out.append("")
                let text = contents(file) ?? "(could not be read as text)"
                let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
                out += [
                    fence + "text", String(text.prefix(20_000)).replacingOccurrences(of: "\r\n", with: "\n"), fence,
                ]
            }
            out.append("")
        }
        out += [
            "## About this pack", "",
            "Made by `forumdesk person show \(person.id) -o FILE`. It covers the data folder only: e-mails already sent from "
                + "the council's mail system, paper records and other systems are not in it.", "",
        ]
        return out.joined(separator: "\n")
    }

    /// A meeting file headed by its date and title; other files by their path.
    static func title(of file: String, data: DataSet) -> String {
        if let meeting = data.meetings.first(where: {
            data.path(ofMeeting: $0.id).map { $0.hasSuffix("/" + file) } ?? false
        }) {
            return "\(LondonTime.date(meeting.start)) \(escaped(meeting.title))"
        }
        if let topic = data.topics.first(where: { file == "topics/\($0.id).json" }) {
            return "Topic request: \(escaped(topic.title))"
        }
        switch file {
        case "directory/people.json": return "Directory entry"
        case "directory/organisations.json": return "Organisations"
        case ".git": return "History of the data folder"
        default: return escaped(file)
        }
    }

    /// Text from the data with Markdown's active characters escaped, on one line.
    static func escaped(_ text: String) -> String {
        DocumentFormat.escapeMarkdown(text.replacingOccurrences(of: "\n", with: " "))
    }

    static func longestRun(of c: Character, in text: String) -> Int {
        var best = 0, run = 0
        for ch in text { run = ch == c ? run + 1 : 0; best = max(best, run) }
        return best
    }
}
