import Foundation
import ForumDeskCore

/// Whether ForumDesk can read one file of the shared record, as the app would load it: the settings, the
/// directory's three files, a topic request or a meeting. What `forumdesk sync` checks before it commits,
/// merges or pushes a file, so a file nobody can read is never spread to the team.
public enum RecordFileCheck {
    /// The kind of record a path (relative to the data folder, `/` between parts) holds, or nil for a file that
    /// is not part of the record ForumDesk reads (`.gitignore`, a README a council added).
    public enum Kind: Sendable {
        case settings, areas, people, organisations, topic, meeting, consultation, template, programme, venue
    }

    public static func kind(of path: String) -> Kind? {
        switch path {
        case "forumdesk.json": return .settings
        case "directory/areas.json": return .areas
        case "directory/people.json": return .people
        case "directory/organisations.json": return .organisations
        case "programme.json": return .programme
        default:
            let parts = path.split(separator: "/")
            guard path.hasSuffix(".json") else { return nil }
            if parts.count == 2, parts[0] == "topics" { return .topic }
            if parts.count == 2, parts[0] == "consultations" { return .consultation }
            if parts.count == 2, parts[0] == "templates" { return .template }
            if parts.count == 2, parts[0] == "venues" { return .venue }
            if parts.count == 3, parts[0] == "meetings" { return .meeting }
            return nil
        }
    }

    /// Why `bytes` cannot be read as the record `path` names ("line 12: git's conflict markers (<<<<<<<): a merge
    /// left unfinished"), or nil when it can. A path that is not a record file is always fine.
    public static func problem(path: String, bytes: [UInt8]) -> String? {
        guard let kind = kind(of: path) else { return nil }
        if let line = conflictMarkerLine(bytes) {
            return "line \(line): git's conflict markers (<<<<<<<): a merge by lines left unfinished"
        }
        let node: JSONNode
        do {
            node = try JSONParser.parse(bytes)
        } catch {
            return "line \(error.position.line): \(error.reason)"
        }
        do throws(DecodeError) {
            switch kind {
            case .settings: _ = try Codec.settings(node)
            case .areas: _ = try Codec.areasFile(node)
            case .people: _ = try Codec.peopleFile(node)
            case .organisations: _ = try Codec.organisationsFile(node)
            case .topic: _ = try Codec.topic(node)
            case .consultation: _ = try Codec.consultation(node)
            case .meeting: _ = try Codec.meeting(node)
            case .template: _ = try Codec.template(node)
            case .programme: _ = try Codec.programme(node)
            case .venue: _ = try Codec.venueRecord(node)
            }
            return nil
        } catch {
            return "line \(error.position.line): \(error.reason)"
        }
    }

    /// The line (from 1) of the first line that begins with git's `<<<<<<< `, `=======` or `>>>>>>> ` marker.
    public static func conflictMarkerLine(_ bytes: [UInt8]) -> Int? {
        var line = 1, start = 0
        for i in 0...bytes.count {
            guard i == bytes.count || bytes[i] == 0x0A else { continue }
            let text = bytes[start..<i]
            for marker in ["<<<<<<< ", ">>>>>>> ", "<<<<<<<", "======="] where text.starts(with: Array(marker.utf8)) {
                if marker == "=======" && text.count != 7 && !(text.count == 8 && text.last == 0x0D) { continue }
                if marker == "<<<<<<<" && text.count != 7 { continue }
                return line
            }
            line += 1
            start = i + 1
        }
        return nil
    }
}
