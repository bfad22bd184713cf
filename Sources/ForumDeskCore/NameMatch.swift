import Foundation

/// Finds a record by what a person types: its id or name, or an unambiguous prefix of either. Compared
/// folded: any case and accents, `&` read as "and", punctuation and spacing ignored ("Ampthill & Flitwick"
/// is "Ampthill and Flitwick" and `ampthill-flitwick`), and a "Cllr" or "Councillor" title left out.
/// The command line's filters, quick entry's owners and CSV import all resolve names this way.
public enum NameMatch {
    public enum Failure: Error, Equatable, Sendable {
        case none(query: String, kind: String, known: [String])
        case ambiguous(query: String, kind: String, candidates: [String])

        public var message: String {
            switch self {
            case .none(let query, let kind, let known):
                "no \(kind) matches `\(query)`" + (known.isEmpty ? "" : "; known: \(known.joined(separator: ", "))")
            case .ambiguous(let query, let kind, let candidates):
                "`\(query)` matches more than one \(kind): \(candidates.joined(separator: ", "))"
            }
        }
    }

    /// A name as compared: lowercase letters and digits in words separated by single spaces, accents folded,
    /// `&` as "and", a leading title dropped.
    public static func folded(_ text: String) -> String {
        let lowered = text.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB")
        ).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in lowered.unicodeScalars {
            if scalar == "&" {
                if !current.isEmpty { words.append(current); current = "" }
                words.append("and")
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // O'Brien, O’Brien and OBrien are one name
            } else if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.count > 1, ["cllr", "councillor", "clr"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Candidates folded once, for resolving many names against the same list (a spreadsheet's rows).
    public struct Index: Sendable {
        let kind: String
        let entries: [(id: String, name: String, foldedID: String, foldedName: String)]

        public init(kind: String, candidates: [(id: String, name: String)]) {
            self.kind = kind
            entries = candidates.map { ($0.id, $0.name, NameMatch.folded($0.id), NameMatch.folded($0.name)) }
        }

        public func resolve(_ query: String) throws(Failure) -> String {
            let q = NameMatch.folded(query)
            if !q.isEmpty, let exact = entries.first(where: { $0.foldedID == q || $0.foldedName == q }) {
                return exact.id
            }
            let matches = q.isEmpty ? [] : entries.filter { $0.foldedID.hasPrefix(q) || $0.foldedName.hasPrefix(q) }
            // A record may be offered under several names (a councillor with and without "Cllr"): one id is one match.
            var ids: [String] = []
            for match in matches where !ids.contains(match.id) { ids.append(match.id) }
            switch ids.count {
            case 1: return ids[0]
            case 0: throw .none(query: query, kind: kind, known: suggestions(for: q))
            default:
                throw .ambiguous(
                    query: query, kind: kind, candidates: ids.compactMap { id in entries.first { $0.id == id }?.name })
            }
        }

        /// Several names separated by `;` or line breaks, or by commas: a name with a comma in it ("Westoning,
        /// Flitton and Greenfield") is tried whole first. Each record once, in the order named.
        public func resolveList(_ text: String) throws(Failure) -> [String] {
            var ids: [String] = []
            for piece in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map({
                $0.trimmingCharacters(in: .whitespaces)
            }) where !piece.isEmpty {
                if let whole = try? resolve(piece) { ids.append(whole); continue }
                for part in piece.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
                where !part.isEmpty {
                    ids.append(try resolve(part))
                }
            }
            var seen: Set<String> = []
            return ids.filter { seen.insert($0).inserted }
        }

        /// Every name when there are few; otherwise those sharing a word with the query, so that a long
        /// directory does not bury the likely ones.
        func suggestions(for q: String) -> [String] {
            var seen: Set<String> = []
            let all = entries.filter { seen.insert($0.id).inserted }
            if all.count <= 12 { return all.map(\.name) }
            let words = Set(q.split(separator: " ").filter { $0.count >= 3 })
            return Array(
                all.filter { !words.isDisjoint(with: $0.foldedName.split(separator: " ")) }.prefix(8).map(\.name))
        }
    }

    /// Returns the id of the one candidate the query names.
    public static func resolve(
        _ query: String, kind: String, among candidates: [(id: String, name: String)]
    ) throws(Failure) -> String {
        try Index(kind: kind, candidates: candidates).resolve(query)
    }
}
