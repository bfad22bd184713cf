#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// An erasure commits when the person's directory entry goes, and is then recorded in forumdesk.json
/// (`erasures`): two files, so a kill between them would lose the record. The record to add is written first to
/// `.forumdesk-erasure-<token>` (the day, the counts, and a hash of the person's id, never the id), and the next
/// command that takes the turn finishes it: recorded once (the token is kept in the record), or, when the entry is
/// still in the directory (the erasure did not commit), dropped for the rerun to record.
extension DataStore {
    static let erasureRecordPrefix = ".forumdesk-pending-erasure-"

    static func personHash(_ id: String) -> String { String(ContentHash.of(Array(id.utf8)), radix: 16) }

    /// The pending record's file: written durably before the directory entry is removed.
    func writeErasureRecord(token: String, person: String, entry: JSONValue) throws(SaveError) {
        var fields: [String: Any] = ["pid": Int(getpid()), "person": Self.personHash(person), "token": token]
        if case .object(let values) = entry {
            for (key, value) in values {
                switch value {
                case .string(let s): fields[key] = s
                case .number(let n): fields[key] = Int(n) ?? 0
                case .array(let items):
                    fields[key] = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
                default: break
                }
            }
        }
        let bytes = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])).map(Array.init) ?? []
        let path = folder.path(Self.erasureRecordPrefix + token)
        do { try DurableFile.write(bytes, to: path, fs: fs, modes: modes) } catch { throw .failed(path: path, error) }
    }

    func removeErasureRecord(token: String) {
        fs.remove(folder.path(Self.erasureRecordPrefix + token))
        try? fs.fsyncDirectory(folder.root)
    }

    /// Finishes the records of erasures a kill interrupted (see the type's comment). Call with the turn held.
    public func finishInterruptedErasures() -> [String] {
        var report: [String] = []
        let names = ((try? fs.list(folder.root)) ?? []).filter {
            $0.hasPrefix(Self.erasureRecordPrefix) && !$0.contains(DurableFile.tempMarker)
        }
        for name in names.sorted() {
            let path = folder.path(name)
            guard let bytes = try? fs.read(path),
                let fields = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
                let pid = fields["pid"] as? Int, let person = fields["person"] as? String,
                let token = fields["token"] as? String,
                let date = fields["date"] as? String
            else {
                report.append("\(name) left as it is: it cannot be read")
                continue
            }
            guard pid != Int(getpid()), kill(Int32(pid), 0) != 0, errno == ESRCH else { continue }
            var scratch = DataSet.empty()
            guard let people = load(folder.people, required: true, into: &scratch, Codec.peopleFile),
                var settings = load(folder.settings, required: true, into: &scratch, Codec.settings)
            else {
                report.append("\(name) left as it is: the directory or forumdesk.json cannot be read")
                continue
            }
            if people.people.contains(where: { Self.personHash($0.id) == person }) {
                // Killed before the entry went: not erased, so not recorded; running the erasure again records it.
                removeErasureRecord(token: token)
                continue
            }
            var log: [JSONValue] = []
            if case .array(let earlier) = settings.extra["erasures"] { log = earlier }
            if !log.contains(where: { if case .object(let o) = $0 { o["erasure"] == .string(token) } else { false } }) {
                let fingerprints = (fields["fingerprints"] as? [String] ?? []).map { JSONValue.string($0) }
                log.append(
                    .object([
                        "date": .string(date), "records": .number(String(fields["records"] as? Int ?? 0)),
                        "files": .number(String(fields["files"] as? Int ?? 0)), "erasure": .string(token),
                        "fingerprints": .array(fingerprints),
                    ]))
                settings.extra["erasures"] = .array(log)
                do throws(SaveError) {
                    try saveSettings(settings, in: &scratch)
                } catch {
                    report.append("\(name) left as it is: forumdesk.json could not be written (\(error.description))")
                    continue
                }
                report.append("recorded in forumdesk.json an erasure of \(date) that a kill interrupted")
            }
            removeErasureRecord(token: token)
        }
        return report
    }
}
