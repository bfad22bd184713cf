import Foundation

/// Who and where a text names that the public must not read: a person in the directory who holds no public office
/// (anyone but a councillor or a meeting's chair), a title with a name ("Mrs Dan Reed", "PCSO Merriweather"), or an
/// address (a house number and street, or a postcode). `publish --review` lists the passages holding one; items
/// made from a resident's issue leave them out (`withoutMentions`).
public enum PrivateMentions {
    public enum Kind: Sendable, Equatable {
        /// A directory entry, by id.
        case person(String)
        case titledName
        case address
    }

    public struct Mention: Sendable, Equatable {
        public var range: Range<String.Index>
        public var kind: Kind
        /// "a name from the directory (Fenella Merriweather, contact)": what the review says of it.
        public var reason: String
    }

    /// "Mrs Dan Reed", "Dr. Patel", "PCSO Fenella Merriweather", "PC 1234 Smith": a title, then one to three names.
    static let titled = try! NSRegularExpression(
        pattern:
            "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|PCSO|PC|Sgt|Sergeant|Insp|Inspector|DC|DS|Prof|Rev|Revd)\\.?(?:\\s+\\d{1,5})?"
            + "(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,3}")
    /// "12 Mill Lane", "4a Church Road", "Flat 2, 7 High St": a house number and a street.
    static let street = try! NSRegularExpression(
        pattern:
            "\\b(?:(?:Flat|Apartment|Unit)\\s+\\d{1,4}[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'’-]+\\s+){1,3}"
            + "(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|"
            + "Terrace|Mews|Row|Walk|Hill|Green|Square|Sq|Park|View|Rise|End|Meadow|Meadows|Fields|Lea|Croft|Parade)\\b"
    )

    /// The people whose names may be published: councillors, and whoever chairs a meeting.
    public static func publicOffice(_ directory: Directory, chairs: Set<String>) -> Set<String> {
        Set(directory.people.filter { $0.kind == .councillor || chairs.contains($0.id) }.map(\.id))
    }

    /// What to look for, made once for a directory: the names of everyone without public office as one pattern.
    public struct Finder: Sendable {
        /// Lower-cased names of everyone without public office, to their ids; and the most words a name has.
        let ids: [String: String]
        let longest: Int
        let people: [String: Person]
        let publicNames: [String]

        public init(directory: Directory, publicOffice: Set<String>) {
            let private_ = directory.people.filter { !publicOffice.contains($0.id) && $0.name.count >= 5 }
            var ids: [String: String] = [:], people: [String: Person] = [:], longest = 1
            for p in private_ {
                let words = Finder.words(in: p.name).map { String(p.name[$0]).lowercased() }
                guard !words.isEmpty else { continue }
                ids[words.joined(separator: " ")] = p.id
                people[p.id] = p
                longest = max(longest, words.count)
            }
            self.ids = ids
            self.longest = longest
            self.people = people
            publicNames = directory.people.filter { publicOffice.contains($0.id) }.map {
                $0.name.replacingOccurrences(of: "Cllr ", with: "")
            }
        }

        /// The words of a text (letters, with ' ’ - inside), where they are.
        static func words(in text: String) -> [Range<String.Index>] {
            var out: [Range<String.Index>] = []
            var start: String.Index?
            var i = text.startIndex
            while i < text.endIndex {
                let c = text[i]
                let inWord = c.isLetter || (start != nil && (c == "'" || c == "’" || c == "-"))
                if inWord, start == nil { start = i }
                if !inWord, let s = start { out.append(s..<i); start = nil }
                i = text.index(after: i)
            }
            if let s = start { out.append(s..<text.endIndex) }
            return out
        }

        /// Directory names, as whole words in any case: runs of up to `longest` words looked up at once.
        func names(in text: String) -> [Mention] {
            let words = Finder.words(in: text)
            let lower = words.map { text[$0].lowercased() }
            var out: [Mention] = []
            var i = 0
            while i < words.count {
                var matched = 0
                for n in stride(from: min(longest, words.count - i), through: 1, by: -1) {
                    // The words must follow one another with only spaces between.
                    let gapsAreSpaces = (i..<(i + n - 1)).allSatisfy {
                        text[words[$0].upperBound..<words[$0 + 1].lowerBound].allSatisfy { $0 == " " }
                    }
                    guard gapsAreSpaces, let id = ids[lower[i..<(i + n)].joined(separator: " ")], let p = people[id]
                    else { continue }
                    out.append(
                        Mention(
                            range: words[i].lowerBound..<words[i + n - 1].upperBound, kind: .person(id),
                            reason: "a name from the directory (\(p.name), \(p.kind.rawValue))"))
                    matched = n
                    break
                }
                i += max(matched, 1)
            }
            return out
        }

        /// The mentions in `text`, in order, overlaps merged.
        public func find(in text: String) -> [Mention] {
            guard !text.isEmpty else { return [] }
            var out = names(in: text)
            let whole = NSRange(text.startIndex..., in: text)
            // The patterns need a capital after a title, or a digit: most text has a capital; few a title.
            let titles = ["Mr", "Ms", "Mx", "Dr", "PC", "DC", "DS", "Sgt", "Serg", "Ins", "Prof", "Rev", "Miss"]
            let hasTitle = titles.contains { text.contains($0) }
            let hasDigit = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            for match in hasTitle ? titled.matches(in: text, range: whole) : [] {
                guard let r = Range(match.range, in: text) else { continue }
                // A councillor's or chair's title and name may stand ("Dr Ada Bellweather" when she is a councillor).
                let named = String(text[r])
                if publicNames.contains(where: { named.hasSuffix(" " + $0) }) { continue }
                out.append(Mention(range: r, kind: .titledName, reason: "a title with a name (\(named))"))
            }
            for match in hasDigit ? street.matches(in: text, range: whole) : [] {
                guard let r = Range(match.range, in: text) else { continue }
                out.append(Mention(range: r, kind: .address, reason: "an address (\(text[r]))"))
            }
            for f in hasDigit ? Redaction.findings(in: text) : [] where f.kind == .address {
                out.append(Mention(range: f.range, kind: .address, reason: "an address (\(text[f.range]))"))
            }
            out.sort { $0.range.lowerBound < $1.range.lowerBound }
            var merged: [Mention] = []
            for m in out {
                if let last = merged.last, m.range.lowerBound < last.range.upperBound {
                    if m.range.upperBound > last.range.upperBound {
                        merged[merged.count - 1].range = last.range.lowerBound..<m.range.upperBound
                    }
                } else {
                    merged.append(m)
                }
            }
            return merged
        }
    }

    public static func find(in text: String, directory: Directory, publicOffice: Set<String>) -> [Mention] {
        Finder(directory: directory, publicOffice: publicOffice).find(in: text)
    }

    /// `text` without the people and addresses it names, for an item made from a resident's issue (a suggested
    /// topic's title, an action's description): "Mrs Dan Reed of 12 Mill Lane says the drain floods" becomes
    /// "A resident says the drain floods". Contact details go too (`Redaction`).
    public static func withoutMentions(_ text: String, directory: Directory, publicOffice: Set<String>) -> String {
        let text = Redaction.redact(text).replacingOccurrences(of: Redaction.placeholder, with: "")
        let mentions = find(in: text, directory: directory, publicOffice: publicOffice)
        var out = "", at = text.startIndex
        for m in mentions {
            out += text[at..<m.range.lowerBound]
            switch m.kind {
            case .person(let id):
                // A partner's officer speaks for their organisation, as the minutes name them.
                out += directory.person(id)?.organisation.flatMap { directory.organisation($0)?.name } ?? "a partner"
            case .titledName:
                let police = ["PCSO", "PC", "Sgt", "Sergeant", "Insp", "Inspector", "DC", "DS"]
                out +=
                    police.contains { text[m.range].hasPrefix($0 + " ") || text[m.range].hasPrefix($0 + ".") }
                    ? "a police officer" : "a resident"
            case .address: break
            }
            at = m.range.upperBound
        }
        out += text[at...]
        // "a resident of , says" → "a resident says": what the removed address leaves behind.
        out = out.replacingOccurrences(
            of: "\\s+(of|at|from|in)\\s*(?=[,.;:]|$|\\s(says|said|asks|asked|raised|reported|complained))", with: "",
            options: .regularExpression)
        out = out.replacingOccurrences(of: "\\s*,\\s*(?=[,.;:]|$)", with: "", options: .regularExpression)
        out = out.replacingOccurrences(of: "\\s{2,}", with: " ", options: .regularExpression).trimmingCharacters(
            in: .whitespaces)
        out = out.replacingOccurrences(of: "^[,;:]\\s*", with: "", options: .regularExpression)
        guard let first = out.first else { return out }
        return first.uppercased() + out.dropFirst()
    }
}
