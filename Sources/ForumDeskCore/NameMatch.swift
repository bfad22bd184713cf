import Foundation

/// Finds a record by what a person types: its id or name, any case, or an unambiguous prefix of either.
public enum NameMatch {
    public enum Failure: Error, Equatable, Sendable {
        case none(query: String, kind: String, known: [String])
        case ambiguous(query: String, kind: String, candidates: [String])

        public var message: String {
            switch self {
            case .none(let query, let kind, let known):
                "no \(kind) matches `\(query)`; known: \(known.joined(separator: ", "))"
            case .ambiguous(let query, let kind, let candidates):
                "`\(query)` matches more than one \(kind): \(candidates.joined(separator: ", "))"
            }
        }
    }

    /// Returns the id of the one candidate the query names.
    public static func resolve(_ query: String, kind: String, among candidates: [(id: String, name: String)]) throws(Failure) -> String {
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = candidates.first(where: { $0.id.lowercased() == q || $0.name.lowercased() == q }) { return exact.id }
        let matches = candidates.filter { $0.id.lowercased().hasPrefix(q) || $0.name.lowercased().hasPrefix(q) }
        // A record may be offered under several names (a councillor with and without "Cllr"): one id is one match.
        var ids: [String] = []
        for match in matches where !ids.contains(match.id) { ids.append(match.id) }
        switch ids.count {
        case 1: return ids[0]
        case 0:
            var seen: Set<String> = []
            throw .none(query: query, kind: kind, known: candidates.filter { seen.insert($0.id).inserted }.map(\.name))
        default:
            throw .ambiguous(query: query, kind: kind, candidates: ids.compactMap { id in candidates.first { $0.id == id }?.name })
        }
    }
}
