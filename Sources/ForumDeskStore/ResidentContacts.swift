import Foundation
import ForumDeskCore

/// Residents' consent to be told what became of their issue (`ResidentContact`), in `.forumdesk-residents.json` at
/// the top of the data folder: every clone's `.gitignore` leaves `/.forumdesk*` out of the record, so the file stays
/// on the machine where it was taken (the note-taker's, or the desk that sends), is never synced, committed or
/// published, and is written 0600 even in a folder shared with a group. A file that cannot be read is reported and
/// never overwritten; a symbolic link in its place is refused.
extension DataStore {
    public static let residentsFile = ".forumdesk-residents.json"

    public struct ResidentsFileError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The recorded contacts (none when the file does not exist yet).
    public func loadResidentContacts() throws(ResidentsFileError) -> [ResidentContact] {
        let path = folder.path(Self.residentsFile)
        if fs.isSymbolicLink(path) {
            throw ResidentsFileError(path: path, reason: "a symbolic link; ForumDesk does not follow one")
        }
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let bytes: [UInt8]
        do { bytes = try fs.read(path) } catch {
            throw ResidentsFileError(path: path, reason: "cannot be read (\(error))")
        }
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            json["schema"] as? Int == 1,
            let list = json["residents"] as? [[String: Any]]
        else {
            throw ResidentsFileError(
                path: path, reason: "not a residents' contacts file ForumDesk can read (left as it is)")
        }
        var out: [ResidentContact] = []
        for (n, entry) in list.enumerated() {
            guard let issue = entry["issue"] as? String, IssueID(issue) != nil,
                let meeting = entry["meeting"] as? String, MeetingID(meeting) != nil,
                let at = (entry["consentedAt"] as? String).flatMap(LondonTime.parse)
            else {
                throw ResidentsFileError(
                    path: path, reason: "entry \(n + 1) lacks a valid issue, meeting or consentedAt (left as it is)")
            }
            var contact = ResidentContact(
                issue: issue, meeting: meeting, consentedAt: at, email: entry["email"] as? String,
                postalAddress: entry["postalAddress"] as? [String] ?? [], language: entry["language"] as? String)
            contact.told = (entry["told"] as? [[String: String]] ?? []).compactMap { t in
                guard let at = t["at"].flatMap(LondonTime.parse), let file = t["file"] else { return nil }
                return ResidentContact.Told(at: at, file: file)
            }
            out.append(contact)
        }
        return out
    }

    /// Writes the contacts, atomically and durably, 0600.
    public func saveResidentContacts(_ contacts: [ResidentContact]) throws(ResidentsFileError) {
        let path = folder.path(Self.residentsFile)
        if fs.isSymbolicLink(path) {
            throw ResidentsFileError(path: path, reason: "a symbolic link; ForumDesk does not write through one")
        }
        var list: [OrderedJSON] = []
        for c in contacts {
            var w = FieldWriter()
            w.set("issue", c.issue)
            w.set("meeting", c.meeting)
            w.set("consentedAt", date: c.consentedAt)
            w.optional("email", c.email)
            if !c.postalAddress.isEmpty { w.set("postalAddress", c.postalAddress) }
            w.optional("language", c.language)
            w.set(
                "told",
                .array(
                    c.told.map { told in
                        var t = FieldWriter()
                        t.set("at", date: told.at)
                        t.set("file", told.file)
                        return t.finish([:])
                    }))
            list.append(w.finish([:]))
        }
        var top = FieldWriter()
        top.set("schema", 1)
        top.set("residents", .array(list))
        let bytes = JSONWriter.write(top.finish([:]))
        do {
            try DurableFile.write(bytes, to: path, fs: fs, modes: .personal)
        } catch {
            throw ResidentsFileError(path: path, reason: "not saved: \(error)")
        }
    }
}
