import Foundation
import ForumDeskCore

/// Which column of a spreadsheet gives which field: a header is folded (case, spaces and punctuation
/// ignored, `&` read as "and": "Venue / Location" is `venuelocation`) and looked up in a table of accepted
/// names (README, "Importing spreadsheets"). The first column naming a field gives it; every other column is
/// reported as ignored with the reason, so nothing is dropped without a word.
public struct CSVColumns<Field: Hashable & Sendable>: Sendable {
    public struct Ignored: Sendable, Equatable {
        public var column: String
        public var reason: String
    }

    /// The header as written, for messages (`FILE:ROW: Start Time: …`).
    public let headers: [String]
    let index: [Field: Int]
    public let ignored: [Ignored]

    /// `table`: each field with its accepted folded names, in the order fields are matched. `derived`: folded
    /// names of columns ForumDesk's own export writes but works out itself (counts), ignored with that reason.
    public init(header: [String], table: [(field: Field, names: [String])], record: String, derived: Set<String> = []) {
        headers = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var index: [Field: Int] = [:]
        var ignored: [Ignored] = []
        for (i, text) in headers.enumerated() {
            let name = CSV.normalised(text)
            let shown = text.isEmpty ? "column \(i + 1)" : text
            guard let field = table.first(where: { $0.names.contains(name) })?.field else {
                let reason =
                    name.isEmpty
                    ? "it has no name"
                    : derived.contains(name)
                        ? "ForumDesk works this out itself"
                        : "no \(record) field is called that"
                ignored.append(Ignored(column: shown, reason: reason))
                continue
            }
            if let first = index[field] {
                ignored.append(Ignored(column: shown, reason: "“\(headers[first])” already gives it"))
                continue
            }
            index[field] = i
        }
        self.index = index
        self.ignored = ignored
    }

    public func has(_ field: Field) -> Bool { index[field] != nil }

    /// The column's header as written.
    public func name(_ field: Field) -> String { index[field].map { headers[$0] } ?? "" }

    /// The trimmed value of a field in a row ("" when there is no such column).
    public func value(_ field: Field, in fields: [String]) -> String {
        guard let i = index[field], i < fields.count else { return "" }
        return Self.trimmed(fields[i])
    }

    /// Without spaces, tabs and line breaks at either end; most cells have none and are returned as they are
    /// (a million rows, a dozen cells each: Foundation's trimming would be most of the import's time).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = utf8.first, let last = utf8.last else { return text }
        // A non-ASCII end may be a no-break space, which Foundation knows.
        if first >= 0x80 || last >= 0x80 { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if !isSpace(first) && !isSpace(last) { return text }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        let cut = String(decoding: utf8[start..<end], as: UTF8.self)
        return cut.utf8.first.map { $0 >= 0x80 } == true || cut.utf8.last.map { $0 >= 0x80 } == true
            ? cut.trimmingCharacters(in: .whitespacesAndNewlines) : cut
    }
}
