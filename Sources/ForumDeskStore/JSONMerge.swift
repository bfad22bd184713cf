import Foundation
import ForumDeskCore

/// A three-way merge of two versions of a ForumDesk JSON file with their common ancestor (what
/// `forumdesk merge-file`, git's merge driver for the data folder, does). It works on the JSON tree, not on
/// lines, so it knows nothing of meetings as such and fields added later merge without changes here:
///
/// - **Objects** merge key by key: a key changed on one side takes that side's value; added on one side is
///   added; removed on one side (and unchanged on the other) is removed.
/// - **Arrays of records** merge by record identity (`identities`: an action by `id`, an attendance line by
///   `person`, an agenda item by `number`…; an array not in the table uses `id` when every record has one):
///   records added on either side are kept (theirs after the record they follow in their version), removed ones
///   stay removed, and a record changed on both sides merges field by field. A record added on both sides with
///   the same identity but different content (two laptops allocating the same action id, or both adding agenda
///   item 9) is kept twice, theirs first: `forumdesk sync` then renumbers ours (see `IdentifierRenumbering`).
///   Records without a known identity are identified by their whole content (logs such as action updates).
/// - **Arrays of plain values** (wards, tags) merge as sets: what either side added or removed.
/// - **The same value changed differently on both sides** keeps ours and records theirs in the file's
///   top-level `conflicts` list (`MergeConflict`), which the app shows on the meeting until an officer picks one.
/// - **A record deleted on one side and edited on the other** keeps the edit, with a conflict saying so.
///
/// The result is written with `JSONWriter`, so it is always valid, canonical JSON.
public enum JSONMerge {
    /// The identity fields of the records of each array, by path: keys from the top, `[]` for "each element".
    /// A record's identity is the values of those of its fields that it has.
    public static let identities: [String: [String]] = [
        "agenda": ["number"],
        "attendance": ["person", "name", "organisation"],
        "invitations": ["organisation", "person"],
        "notifications": ["councillor", "at", "kind", "method"],
        "declarations": ["person", "item"],
        "actions": ["id"],
        "issues": ["id"],
        "people": ["id"],
        "organisations": ["id"],
        "areas": ["id"],
        "areas/[]/wards": ["id"],
        "coverageRules": ["kind"],
        "conflicts": ["path", "theirs"],
    ]

    /// Records that merge as one unit, not field by field (by element key path): an attendance line is a status
    /// with its reason and substitute, an invitation or a notice one act. Changed on both sides, ours is kept whole
    /// and theirs recorded whole, so no line ever says "present" with the other side's reason for absence.
    public static let units: Set<String> = ["attendance/[]", "invitations/[]", "notifications/[]", "declarations/[]"]

    /// Identities that are allocated numbers: records added on both sides with the same one are two records.
    static let allocated: Set<String> = ["actions", "issues", "agenda"]

    public struct Result: Sendable {
        public var merged: OrderedJSON
        /// Conflicts found by this merge (also added to `merged`'s `conflicts` list).
        public var conflicts: [MergeConflict]
    }

    /// Merges `ours` and `theirs` against `base` (nil when the file was added on both sides). Conflicts are added
    /// to the top-level `conflicts` list of the result when it is an object; `note` describes where `theirs`
    /// came from (e.g. the branch or the date) for the officer who resolves them.
    public static func merge(base: OrderedJSON?, ours: OrderedJSON, theirs: OrderedJSON, note: String? = nil) -> Result
    {
        var merger = Merger()
        var merged = merger.value(base, ours, theirs, path: [], keyPath: "") ?? ours
        if !merger.conflicts.isEmpty, case .object(var members) = merged {
            var list: [OrderedJSON] = []
            if let index = members.firstIndex(where: { $0.0 == MergeConflict.key }),
                case .array(let existing) = members[index].1
            {
                list = existing
                members.remove(at: index)
            }
            list += merger.conflicts.map { $0.json(note: note) }
            members.append((MergeConflict.key, .array(list)))
            merged = .object(members)
        }
        return Result(merged: merged, conflicts: merger.conflicts)
    }

    /// The plain JSON of a parsed tree, keys in file order.
    public static func ordered(_ node: JSONNode) -> OrderedJSON {
        switch node.value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(ordered))
        case .object(let members): .object(members.map { ($0.key, ordered($0.value)) })
        }
    }

    struct Merger {
        var conflicts: [MergeConflict] = []

        /// nil: absent from the result.
        mutating func value(
            _ base: OrderedJSON?, _ ours: OrderedJSON?, _ theirs: OrderedJSON?, path: [OrderedJSON], keyPath: String
        ) -> OrderedJSON? {
            if ours == theirs { return ours }
            if base == ours { return theirs }
            if base == theirs { return ours }
            if JSONMerge.units.contains(keyPath), let ours, let theirs {
                conflicts.append(MergeConflict(path: path, ours: ours, theirs: theirs, kind: .bothChanged))
                return ours
            }
            switch (ours, theirs) {
            case (.object(let o)?, .object(let t)?):
                var b: [(String, OrderedJSON)] = []
                if case .object(let members)? = base { b = members }
                return .object(objects(b, o, t, path: path, keyPath: keyPath))
            case (.array(let o)?, .array(let t)?):
                var b: [OrderedJSON] = []
                if case .array(let items)? = base { b = items }
                if let merged = arrays(b, o, t, path: path, keyPath: keyPath) { return .array(merged) }
            case (nil, let kept?), (let kept?, nil):
                // Deleted on one side, changed on the other: the change wins, and the officer is told.
                conflicts.append(
                    MergeConflict(
                        path: path, ours: ours ?? .null, theirs: theirs ?? .null,
                        kind: ours == nil ? .deletedHere : .deletedThere))
                return kept
            default:
                break
            }
            conflicts.append(
                MergeConflict(path: path, ours: ours ?? .null, theirs: theirs ?? .null, kind: .bothChanged))
            return ours
        }

        mutating func objects(
            _ base: [(String, OrderedJSON)], _ ours: [(String, OrderedJSON)], _ theirs: [(String, OrderedJSON)],
            path: [OrderedJSON], keyPath: String
        ) -> [(String, OrderedJSON)] {
            func lookup(_ members: [(String, OrderedJSON)], _ key: String) -> OrderedJSON? {
                members.last { $0.0 == key }?.1
            }
            var keys: [String] = []
            var seen = Set<String>()
            for (key, _) in ours + theirs where seen.insert(key).inserted { keys.append(key) }
            // The conflicts list itself merges as records; other keys by value.
            var result: [(String, OrderedJSON)] = []
            for key in keys {
                let sub = keyPath.isEmpty ? key : "\(keyPath)/\(key)"
                if let merged = value(
                    lookup(base, key), lookup(ours, key), lookup(theirs, key), path: path + [.string(key)], keyPath: sub
                ) {
                    result.append((key, merged))
                }
            }
            return result
        }

        /// nil when the array cannot be merged by records (an identity given twice on one side): then it is one value.
        mutating func arrays(
            _ base: [OrderedJSON], _ ours: [OrderedJSON], _ theirs: [OrderedJSON],
            path: [OrderedJSON], keyPath: String
        ) -> [OrderedJSON]? {
            let all = base + ours + theirs
            if all.allSatisfy({ if case .object = $0 { false } else { true } }) {
                // Plain values: a set merge, ours' order, then what theirs added.
                let removed = Set(
                    base.map(JSONMerge.key).filter { k in
                        !ours.contains { JSONMerge.key($0) == k } || !theirs.contains { JSONMerge.key($0) == k }
                    })
                var result = ours.filter { !removed.contains(JSONMerge.key($0)) }
                for item in theirs where !base.contains(item) && !result.contains(item) { result.append(item) }
                return result
            }
            let fields = JSONMerge.identityFields(keyPath, all)
            func identity(_ item: OrderedJSON) -> OrderedJSON { JSONMerge.identity(item, fields) }
            func keyed(_ items: [OrderedJSON]) -> [String: OrderedJSON]? {
                var map: [String: OrderedJSON] = [:]
                for item in items {
                    let k = JSONMerge.key(identity(item))
                    if map[k] != nil { return nil }
                    map[k] = item
                }
                return map
            }
            guard let b = keyed(base), let o = keyed(ours), let t = keyed(theirs) else { return nil }
            let elementPath = keyPath + "/[]"
            let splitsAdditions = JSONMerge.allocated.contains(keyPath)
            var result: [(key: String, value: OrderedJSON)] = []
            for item in ours {
                let k = JSONMerge.key(identity(item))
                if splitsAdditions, b[k] == nil, let other = t[k], other != item {
                    // Added on both sides under one number: two records (theirs first, as published). An agenda
                    // item of ours takes the next free number at once (nothing outside the file names it).
                    result.append((k + "#theirs", other))
                    var mine = item
                    if keyPath == "agenda", case .object(var members) = item,
                        let n = members.firstIndex(where: { $0.0 == "number" })
                    {
                        let next =
                            (ours + theirs).compactMap { r -> Int? in
                                if case .object(let m) = r,
                                    case .number(let v)? = m.last(where: { $0.0 == "number" })?.1
                                {
                                    return Int(v)
                                }
                                return nil
                            }.max().map { $0 + 1 } ?? 1
                        let was = members[n].1
                        members[n].1 = .int(next)
                        mine = .object(members)
                        conflicts.append(
                            MergeConflict(
                                path: path + [identity(mine)], ours: was, theirs: was, kind: .renumbered,
                                note: "added on both sides as item \(JSONMerge.key(was)); yours is now item \(next)"))
                    }
                    result.append((JSONMerge.key(identity(mine)), mine))
                    continue
                }
                if let merged = value(b[k], item, t[k], path: path + [identity(item)], keyPath: elementPath) {
                    result.append((k, merged))
                }
            }
            var previous: String?
            for item in theirs {
                let k = JSONMerge.key(identity(item))
                defer { previous = k }
                if o[k] != nil { continue }
                guard let merged = value(b[k], nil, item, path: path + [identity(item)], keyPath: elementPath) else {
                    continue
                }
                let at =
                    previous.flatMap { p in result.lastIndex { $0.key == p || $0.key == p + "#theirs" } }.map { $0 + 1 }
                    ?? (b[k] == nil ? result.count : 0)
                result.insert((k, merged), at: min(at, result.count))
            }
            return result.map(\.value)
        }
    }

    /// The identity fields of an array's records: from the table, else `id` when every record has one.
    static func identityFields(_ keyPath: String, _ items: [OrderedJSON]) -> [String]? {
        if let fields = identities[keyPath] { return fields }
        let everyHasID = items.allSatisfy { item in
            if case .object(let members) = item { return members.contains { $0.0 == "id" } }
            return false
        }
        return everyHasID ? ["id"] : nil
    }

    /// A record's identity: an object of its identity fields (in the table's order), or the whole record.
    static func identity(_ item: OrderedJSON, _ fields: [String]?) -> OrderedJSON {
        guard let fields, case .object(let members) = item else { return item }
        let picked = fields.compactMap { f in members.last { $0.0 == f }.map { (f, $0.1) } }
        return picked.isEmpty ? item : .object(picked)
    }

    static func key(_ value: OrderedJSON) -> String {
        String(decoding: JSONWriter.write(value), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A value changed differently on both sides of a merge: ours was kept, theirs is recorded here, in the file's
/// top-level `conflicts` list, until an officer resolves it (`resolve`). Written as
/// `{"path": ["agenda", {"number": 5}, "outcome"], "kind": "both-changed", "ours": …, "theirs": …, "note": …}`:
/// the path names object keys and, for records in a list, their identity fields.
public struct MergeConflict: Sendable, Equatable {
    public static let key = "conflicts"

    public enum Kind: String, Sendable {
        /// Both sides changed the value: ours is kept.
        case bothChanged = "both-changed"
        /// Deleted here, changed on the other side: their change is kept.
        case deletedHere = "deleted-here"
        /// Deleted on the other side, changed here: our change is kept.
        case deletedThere = "deleted-there"
        /// Added on both sides under one number: ours was given another (a note; either choice keeps both).
        case renumbered
    }

    public var path: [OrderedJSON]
    public var ours: OrderedJSON
    public var theirs: OrderedJSON
    public var kind: Kind
    public var note: String?

    public init(path: [OrderedJSON], ours: OrderedJSON, theirs: OrderedJSON, kind: Kind, note: String? = nil) {
        self.path = path
        self.ours = ours
        self.theirs = theirs
        self.kind = kind
        self.note = note
    }

    func json(note: String?) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [
            ("path", .array(path)), ("kind", .string(kind.rawValue)), ("ours", ours), ("theirs", theirs),
        ]
        if let note = note ?? self.note { members.append(("note", .string(note))) }
        return .object(members)
    }

    init?(_ json: OrderedJSON) {
        guard case .object(let members) = json else { return nil }
        func field(_ key: String) -> OrderedJSON? { members.last { $0.0 == key }?.1 }
        guard case .array(let path)? = field("path") else { return nil }
        var kind = Kind.bothChanged
        if case .string(let k)? = field("kind"), let known = Kind(rawValue: k) { kind = known }
        var note: String?
        if case .string(let n)? = field("note") { note = n }
        self.init(path: path, ours: field("ours") ?? .null, theirs: field("theirs") ?? .null, kind: kind, note: note)
    }

    /// "agenda item 5: outcome", "action A-2026-083: due", for the officer.
    public var place: String {
        var parts: [String] = []
        var pendingList: String?
        for component in path {
            switch component {
            case .string(let key):
                if let list = pendingList { parts.append(list); pendingList = nil }
                pendingList = key
            case .object(let identity):
                let values = identity.map { _, v -> String in
                    if case .string(let s) = v { return s }
                    return JSONMerge.key(v)
                }
                parts.append(Self.singular(pendingList ?? "") + " " + values.joined(separator: " "))
                pendingList = nil
            default:
                continue
            }
        }
        if let list = pendingList { parts.append(list) }
        return parts.joined(separator: ": ")
    }

    static func singular(_ list: String) -> String {
        switch list {
        case "agenda": "agenda item"
        case "attendance": "attendance of"
        case "actions": "action"
        case "issues": "issue"
        case "invitations": "invitation"
        case "notifications": "notice"
        case "people": "person"
        case "organisations": "organisation"
        default: list
        }
    }

    /// The conflicts recorded in a file's tree.
    public static func all(in json: OrderedJSON) -> [MergeConflict] {
        guard case .object(let members) = json, case .array(let list)? = members.last(where: { $0.0 == key })?.1 else {
            return []
        }
        return list.compactMap(MergeConflict.init)
    }

    /// Resolves the `index`th conflict of a file's tree: with `takeTheirs`, their value replaces ours at the path
    /// (or, for a record deleted on one side, the record goes); the conflict leaves the list (and the list, when
    /// it is empty). Nil when the index or the path no longer exists.
    public static func resolve(_ json: OrderedJSON, index: Int, takeTheirs: Bool) -> OrderedJSON? {
        guard case .object(var members) = json, let at = members.lastIndex(where: { $0.0 == key }),
            case .array(var list) = members[at].1, list.indices.contains(index),
            let conflict = MergeConflict(list[index])
        else { return nil }
        list.remove(at: index)
        if list.isEmpty { members.remove(at: at) } else { members[at].1 = .array(list) }
        var tree = OrderedJSON.object(members)
        if conflict.kind == .renumbered {
            return tree
        } else if takeTheirs {
            let replacement: OrderedJSON? = conflict.kind == .deletedThere ? nil : conflict.theirs
            guard let changed = set(tree, conflict.path[...], to: replacement) else { return nil }
            tree = changed
        } else if conflict.kind == .deletedHere {
            guard let changed = set(tree, conflict.path[...], to: nil) else { return nil }
            tree = changed
        }
        return tree
    }

    static func set(_ tree: OrderedJSON, _ path: ArraySlice<OrderedJSON>, to value: OrderedJSON?) -> OrderedJSON? {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch (first, tree) {
        case (.string(let key), .object(var members)):
            if let i = members.lastIndex(where: { $0.0 == key }) {
                if rest.isEmpty, value == nil {
                    members.remove(at: i)
                } else {
                    guard let changed = set(members[i].1, rest, to: value) else { return nil }
                    members[i].1 = changed
                }
            } else if rest.isEmpty, let value {
                members.append((key, value))
            } else if !rest.isEmpty {
                return nil
            }
            return .object(members)
        case (.object(let identity), .array(var items)):
            let fields = identity.map(\.0)
            guard let i = items.firstIndex(where: { JSONMerge.identity($0, fields) == first }) else { return nil }
            if rest.isEmpty, value == nil {
                items.remove(at: i)
            } else {
                guard let changed = set(items[i], rest, to: value) else { return nil }
                items[i] = changed
            }
            return .array(items)
        default:
            return nil
        }
    }
}
