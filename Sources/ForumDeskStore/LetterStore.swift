#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// Letters for printing (`forumdesk letters`): `letters/<meeting-id>/<person>-<request|cancel>-<SEQUENCE>.html`
/// and `.pdf`, private files like the outbox's e-mails. They hold names and postal addresses, so `purge` deletes a
/// meeting's letters with its other generated files and `person erase` deletes a person's.
extension DataStore {
    /// Writes one letter file (`letters/<meeting>/<name>`), durably and atomically, replacing one of the same name
    /// (the same notice, left by a run that stopped before recording it). Returns the path written.
    public func writeLetter(_ bytes: [UInt8], to relativePath: String) throws(SaveError) -> String {
        let path = try checked { () throws(PathError) in try folder.inside(relativePath) }
        try checkNoLinks(path)
        do {
            try DurableFile.write(bytes, to: path, fs: fs, modes: modes)
        } catch {
            throw .failed(path: path, error)
        }
        return path
    }

    /// The letters of meeting `id` (and temp files of one being written), then the folder itself when it would be
    /// left empty: as `generatedFiles` gives them.
    func letterFiles(ofMeeting id: String) -> [String] {
        let dir = folder.path("\(LetterFiles.folder)/\(id)")
        guard !fs.isSymbolicLink(folder.path(LetterFiles.folder)), !fs.isSymbolicLink(dir) else { return [] }
        let names = (try? fs.list(dir)) ?? []
        let ours = names.filter {
            (LetterFiles.isLetterFile($0) || ($0.hasPrefix(".") && $0.contains(DurableFile.tempMarker)))
                && isPlainFile("\(dir)/\($0)")
        }
        var result = ours.map { "\(dir)/\($0)" }
        if !names.isEmpty, ours.count == names.count { result.append(dir) }
        return result
    }
}
