import Foundation
import ForumDeskCore

/// Action ids (`A-2026-083`) and issue ids (`R-2026-014`) are numbered in sequence across all meetings, so two
/// laptops working offline can allocate the same one. After a sync's merge, the ids this folder allocated that
/// are not yet published and that the remote already uses (in any meeting, or the same meeting) are renumbered
/// to the next free number, with the issues that name the action following. Published ids never change: the
/// laptop that syncs second yields. Only the meeting files this folder changed are read (a few, however large the
/// history); the remote's ids are found with `git grep`.
public struct IdentifierRenumbering: Sendable {
    let store: DataStore
    let repository: GitRepository

    public init(store: DataStore, repository: GitRepository) {
        self.store = store
        self.repository = repository
    }

    static let lists: [(list: String, noun: String)] = [("actions", "action"), ("issues", "issue")]

    /// Renumbers, writes the files and returns one line per id changed.
    public func renumberLocal(against remote: String) -> [String] {
        let changed = repository.git(["diff", "--name-only", remote, "HEAD", "--", "meetings"]).output
            .split(separator: "\n").map(String.init).filter { $0.hasSuffix(".json") }
        guard !changed.isEmpty else { return [] }
        var trees: [String: OrderedJSON] = [:]
        var candidates: [(path: String, list: String, noun: String, id: String, record: OrderedJSON)] = []
        for path in changed {
            guard let bytes = try? store.fs.read(store.folder.path(path)), let node = try? JSONParser.parse(bytes)
            else { continue }
            let tree = JSONMerge.ordered(node)
            trees[path] = tree
            let published = repository.show(remote, path).flatMap { try? JSONParser.parse($0) }.map(JSONMerge.ordered)
            for (list, noun) in Self.lists {
                let records = Self.records(list, in: tree)
                let theirs = published.map { Self.records(list, in: $0) } ?? []
                for record in records {
                    guard let id = Self.id(of: record) else { continue }
                    let same = theirs.filter { Self.id(of: $0) == id }
                    let twice = records.filter { Self.id(of: $0) == id }.count > 1
                    if same.isEmpty || (twice && !same.contains(record)) {
                        candidates.append((path, list, noun, id, record))
                    }
                }
            }
        }
        guard !candidates.isEmpty else { return [] }
        var lines: [String] = []
        var highest: [String: Int] = [:]
        for candidate in candidates {
            let twice =
                Self.records(candidate.list, in: trees[candidate.path] ?? .null).filter {
                    Self.id(of: $0) == candidate.id
                }.count > 1
            let elsewhere = repository.git(["grep", "-q", "-F", "\"\(candidate.id)\"", remote, "--", "meetings"]).ok
            guard twice || elsewhere, let dash = candidate.id.lastIndex(of: "-") else { continue }
            let prefix = String(candidate.id[...dash])
            if highest[prefix] == nil { highest[prefix] = highestNumber(prefix, remote: remote, trees: trees) }
            let next = (highest[prefix] ?? 0) + 1
            highest[prefix] = next
            let newID = prefix + Digits.pad(next, 3)
            guard var tree = trees[candidate.path] else { continue }
            tree = Self.renaming(tree, list: candidate.list, record: candidate.record, to: newID)
            if candidate.list == "actions" { tree = Self.followingReferences(tree, from: candidate.id, to: newID) }
            trees[candidate.path] = tree
            try? DurableFile.write(
                JSONWriter.write(tree), to: store.folder.path(candidate.path), fs: store.fs, modes: store.modes)
            let meeting = ((candidate.path as NSString).lastPathComponent as NSString).deletingPathExtension
            lines.append(
                "renumbered \(candidate.noun) \(candidate.id) to \(newID) in \(meeting): \(candidate.id) was also allocated on another laptop"
            )
        }
        return lines
    }

    func highestNumber(_ prefix: String, remote: String, trees: [String: OrderedJSON]) -> Int {
        let pattern = "\"" + prefix.replacingOccurrences(of: "-", with: "\\-") + "[0-9]+\""
        var numbers = [remote, "HEAD"].flatMap { ref in
            repository.git(["grep", "-h", "-o", "-E", pattern, ref, "--", "meetings"]).output.split(separator: "\n")
        }.compactMap { Int($0.dropFirst(prefix.count + 1).dropLast()) }
        for tree in trees.values {
            for (list, _) in Self.lists {
                numbers += Self.records(list, in: tree).compactMap { Self.id(of: $0) }.filter { $0.hasPrefix(prefix) }
                    .compactMap { Int($0.dropFirst(prefix.count)) }
            }
        }
        return numbers.max() ?? 0
    }

    static func records(_ list: String, in tree: OrderedJSON) -> [OrderedJSON] {
        guard case .object(let members) = tree, case .array(let items)? = members.last(where: { $0.0 == list })?.1
        else { return [] }
        return items
    }

    static func id(of record: OrderedJSON) -> String? {
        guard case .object(let members) = record, case .string(let id)? = members.last(where: { $0.0 == "id" })?.1
        else { return nil }
        return id
    }

    /// The tree with `record` in `list` given the id `newID` (the last such record: theirs comes first).
    static func renaming(_ tree: OrderedJSON, list: String, record: OrderedJSON, to newID: String) -> OrderedJSON {
        guard case .object(var members) = tree, let at = members.lastIndex(where: { $0.0 == list }),
            case .array(var items) = members[at].1, let i = items.lastIndex(of: record),
            case .object(var fields) = items[i],
            let f = fields.lastIndex(where: { $0.0 == "id" })
        else { return tree }
        fields[f].1 = .string(newID)
        items[i] = .object(fields)
        members[at].1 = .array(items)
        return .object(members)
    }

    /// Issues of the meeting that name the renumbered action name its new id.
    static func followingReferences(_ tree: OrderedJSON, from old: String, to new: String) -> OrderedJSON {
        guard case .object(var members) = tree, let at = members.lastIndex(where: { $0.0 == "issues" }),
            case .array(var items) = members[at].1
        else { return tree }
        for i in items.indices {
            guard case .object(var fields) = items[i], let f = fields.lastIndex(where: { $0.0 == "action" }),
                fields[f].1 == .string(old)
            else { continue }
            fields[f].1 = .string(new)
            items[i] = .object(fields)
        }
        members[at].1 = .array(items)
        return .object(members)
    }
}
