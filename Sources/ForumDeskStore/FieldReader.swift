import Foundation
import ForumDeskCore

/// A field with the wrong type or a bad value, with the position of the value.
public struct DecodeError: Error, Sendable, Equatable {
    public var position: SourcePosition
    public var reason: String
}

/// Reads the fields of one JSON object, says precisely what is wrong with a field, and returns the
/// fields it was not asked for, so they can be written back unchanged.
struct FieldReader {
    let node: JSONNode
    private let members: [JSONNode.Member]
    /// Which members were asked for, by position: bits of one word for the first 64, then a list (a set of
    /// keys cost a hash and an insert per field, an eighth of decoding a meeting file).
    private var askedLow: UInt64 = 0
    private var askedHigh: [Bool] = []

    init(_ node: JSONNode, what: String) throws(DecodeError) {
        guard case .object(let members) = node.value else {
            throw DecodeError(position: node.position, reason: "\(what) must be an object in { }, not \(node.typeName)")
        }
        self.node = node
        self.members = members
    }

    /// The fields nobody asked for.
    var unknownFields: UnknownFields {
        var result: UnknownFields = [:]
        for (i, member) in members.enumerated() where !wasAsked(i) { result[member.key] = member.value.plain }
        return result
    }

    private func wasAsked(_ i: Int) -> Bool {
        i < 64 ? askedLow & (1 << UInt64(i)) != 0 : askedHigh.count > i - 64 && askedHigh[i - 64]
    }

    private mutating func markAsked(_ i: Int) {
        if i < 64 {
            askedLow |= 1 << UInt64(i)
        } else {
            if askedHigh.count <= i - 64 { askedHigh += Array(repeating: false, count: i - 64 - askedHigh.count + 1) }
            askedHigh[i - 64] = true
        }
    }

    mutating func lookupForExtension(_ key: String) -> JSONNode? { lookup(key) }

    /// The member of that key (the parser refuses a key repeated in an object), marked as asked.
    private mutating func lookup(_ key: String) -> JSONNode? {
        guard let found = members.firstIndex(where: { $0.key == key }) else { return nil }
        markAsked(found)
        let member = members[found]
        if case .null = member.value.value { return nil }
        return member.value
    }

    private mutating func need(_ key: String) throws(DecodeError) -> JSONNode {
        guard let value = lookup(key) else {
            throw DecodeError(position: node.position, reason: "missing field `\(key)`")
        }
        return value
    }

    static func fail(_ node: JSONNode, _ key: String, _ expected: String) -> DecodeError {
        DecodeError(position: node.position, reason: "field `\(key)` must be \(expected), not \(node.typeName)")
    }

    // MARK: text

    static func text(_ node: JSONNode, _ key: String) throws(DecodeError) -> String {
        guard case .string(let s) = node.value else { throw fail(node, key, "text in double quotes") }
        return s
    }

    mutating func string(_ key: String) throws(DecodeError) -> String {
        let node = try need(key)
        let text = try Self.text(node, key)
        if text.allSatisfy(\.isWhitespace) {
            throw DecodeError(position: node.position, reason: "field `\(key)` must not be empty")
        }
        return text
    }

    mutating func optionalString(_ key: String) throws(DecodeError) -> String? {
        guard let node = lookup(key) else { return nil }
        return try Self.text(node, key)
    }

    mutating func strings(_ key: String) throws(DecodeError) -> [String] {
        try list(key) { (node) throws(DecodeError) in try Self.text(node, key) }
    }

    /// Lines of text: a list of strings, or one string whose lines are split as typed text is
    /// (`PostalAddress.lines`: at line breaks and commas), so a hand-written `"7 Lantern Row, Sandy SG19 9ZZ"` reads.
    mutating func lines(_ key: String) throws(DecodeError) -> [String] {
        if let node = lookup(key), case .string(let text) = node.value { return PostalAddress.lines(from: text) }
        return try strings(key)
    }

    mutating func stringMap(_ key: String) throws(DecodeError) -> [String: String] {
        guard let node = lookup(key) else { return [:] }
        guard case .object(let members) = node.value else { throw Self.fail(node, key, "an object in { }") }
        var result: [String: String] = [:]
        for member in members { result[member.key] = try Self.text(member.value, "\(key).\(member.key)") }
        return result
    }

    // MARK: numbers

    /// A whole number within `range`: every number read from a file is bounded, so no sum, count or `+ 1`
    /// made from it can overflow (a JSON number may be as large as 9223372036854775807).
    static func wholeNumber(_ node: JSONNode, _ key: String, _ range: ClosedRange<Int>) throws(DecodeError) -> Int {
        guard case .number(let text) = node.value else {
            throw DecodeError(
                position: node.position,
                reason: "field `\(key)` must be a whole number"
                    + (node.typeName == "a number" ? "" : ", not \(node.typeName)"))
        }
        guard let n = Int(text), range.contains(n) else {
            let whole = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            throw DecodeError(
                position: node.position,
                reason: "field `\(key)` must be a whole number from \(range.lowerBound) to "
                    + "\(range.upperBound), not \(whole ? text.prefix(40) : "\(text.prefix(40)) (not whole)")")
        }
        return n
    }

    mutating func int(_ key: String, _ range: ClosedRange<Int>) throws(DecodeError) -> Int {
        try Self.wholeNumber(try need(key), key, range)
    }

    mutating func optionalInt(_ key: String, _ range: ClosedRange<Int>) throws(DecodeError) -> Int? {
        guard let node = lookup(key) else { return nil }
        return try Self.wholeNumber(node, key, range)
    }

    // MARK: ids

    /// An id of a kind of record, through its one validating constructor (`RecordID`).
    static func identifier<K: RecordKind>(_ node: JSONNode, _ key: String, _ kind: K.Type) throws(DecodeError) -> String
    {
        let text = try Self.text(node, key)
        do {
            return try RecordID<K>(validating: text).rawValue
        } catch {
            throw DecodeError(
                position: node.position, reason: "field `\(key)` is \(error.description): \(IdentifierRule.shown(text))"
            )
        }
    }

    mutating func id<K: RecordKind>(_ key: String, _ kind: K.Type) throws(DecodeError) -> String {
        try Self.identifier(try need(key), key, kind)
    }

    mutating func optionalID<K: RecordKind>(_ key: String, _ kind: K.Type) throws(DecodeError) -> String? {
        guard let node = lookup(key) else { return nil }
        return try Self.identifier(node, key, kind)
    }

    mutating func bool(_ key: String, default value: Bool) throws(DecodeError) -> Bool {
        guard let node = lookup(key) else { return value }
        guard case .bool(let b) = node.value else { throw Self.fail(node, key, "true or false") }
        return b
    }

    // MARK: dates

    static func timestamp(_ node: JSONNode, _ key: String) throws(DecodeError) -> Date {
        guard case .string(let s) = node.value, let date = LondonTime.parse(s) else {
            throw DecodeError(
                position: node.position,
                reason: "field `\(key)` must be a date like 2026-11-24T19:00"
                    + (node.typeName == "text" ? "" : ", not \(node.typeName)"))
        }
        return date
    }

    mutating func date(_ key: String) throws(DecodeError) -> Date { try Self.timestamp(try need(key), key) }

    mutating func optionalDate(_ key: String) throws(DecodeError) -> Date? {
        guard let node = lookup(key) else { return nil }
        return try Self.timestamp(node, key)
    }

    mutating func optionalDay(_ key: String) throws(DecodeError) -> CalendarDate? {
        guard let node = lookup(key) else { return nil }
        guard case .string(let s) = node.value, let day = CalendarDate(iso: s) else {
            throw DecodeError(position: node.position, reason: "field `\(key)` must be a day like 2026-12-15")
        }
        return day
    }

    // MARK: vocabularies

    static func member<E: ModelEnum>(_ node: JSONNode, _ key: String, _ type: E.Type) throws(DecodeError) -> E {
        // The list of choices is only built for the message: this runs for every enum field of every file.
        guard case .string(let s) = node.value else {
            throw fail(node, key, "one of \(E.allRawValues.joined(separator: ", "))")
        }
        guard let value = E(rawValue: s) else {
            throw DecodeError(
                position: node.position,
                reason: "field `\(key)` must be one of \(E.allRawValues.joined(separator: ", ")), not `\(s)`")
        }
        return value
    }

    mutating func choice<E: ModelEnum>(_ key: String, _ type: E.Type) throws(DecodeError) -> E {
        try Self.member(try need(key), key, type)
    }

    mutating func choice<E: ModelEnum>(_ key: String, default value: E) throws(DecodeError) -> E {
        guard let node = lookup(key) else { return value }
        return try Self.member(node, key, E.self)
    }

    mutating func optionalChoice<E: ModelEnum>(_ key: String, _ type: E.Type) throws(DecodeError) -> E? {
        guard let node = lookup(key) else { return nil }
        return try Self.member(node, key, type)
    }

    mutating func choices<E: ModelEnum>(_ key: String, _ type: E.Type) throws(DecodeError) -> [E] {
        try list(key) { (node) throws(DecodeError) in try Self.member(node, key, type) }
    }

    // MARK: nested

    /// A list; a missing or null list is empty.
    mutating func list<T>(_ key: String, _ element: (JSONNode) throws(DecodeError) -> T) throws(DecodeError) -> [T] {
        guard let node = lookup(key) else { return [] }
        guard case .array(let items) = node.value else { throw Self.fail(node, key, "a list in [ ]") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items { result.append(try element(item)) }
        return result
    }

    mutating func object<T>(_ key: String, _ decode: (JSONNode) throws(DecodeError) -> T) throws(DecodeError) -> T {
        try decode(try need(key))
    }
}

/// Builds an object's fields in a fixed order, then appends the unknown fields.
struct FieldWriter {
    private(set) var members: [(String, OrderedJSON)] = []

    mutating func set(_ key: String, _ value: OrderedJSON) { members.append((key, value)) }
    mutating func set(_ key: String, _ value: String) { members.append((key, .string(value))) }
    mutating func set(_ key: String, _ value: Int) { members.append((key, .int(value))) }
    mutating func set(_ key: String, _ value: Bool) { members.append((key, .bool(value))) }
    mutating func set(_ key: String, _ values: [String]) { members.append((key, .array(values.map { .string($0) }))) }
    mutating func set(_ key: String, date: Date) { members.append((key, .string(LondonTime.iso(date)))) }

    /// `keepNull`: write `null` rather than leave the field out, for fields a person fills in later.
    mutating func optional(_ key: String, _ value: OrderedJSON?, keepNull: Bool = false) {
        if let value { members.append((key, value)) } else if keepNull { members.append((key, .null)) }
    }
    mutating func optional(_ key: String, _ value: String?, keepNull: Bool = false) {
        optional(key, value.map { .string($0) }, keepNull: keepNull)
    }
    mutating func optional(_ key: String, _ value: Int?, keepNull: Bool = false) {
        optional(key, value.map { .int($0) }, keepNull: keepNull)
    }
    mutating func optional(_ key: String, date: Date?, keepNull: Bool = false) {
        optional(key, date.map { .string(LondonTime.iso($0)) }, keepNull: keepNull)
    }
    mutating func optional<E: ModelEnum>(_ key: String, _ value: E?, keepNull: Bool = false) {
        optional(key, value.map { .string($0.rawValue) }, keepNull: keepNull)
    }
    mutating func set<E: ModelEnum>(_ key: String, _ value: E) { members.append((key, .string(value.rawValue))) }
    mutating func set<E: ModelEnum>(_ key: String, _ values: [E]) {
        members.append((key, .array(values.map { .string($0.rawValue) })))
    }
    mutating func set(_ key: String, map: [String: String]) {
        members.append((key, .object(map.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
    }

    func finish(_ unknown: UnknownFields) -> OrderedJSON {
        let known = Set(members.map(\.0))
        let extra = unknown.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map {
            ($0.key, OrderedJSON($0.value))
        }
        return .object(members + extra)
    }
}

extension FieldReader {
    /// An object whose keys are free (e.g. equality categories); a missing object is empty.
    mutating func stringKeyed<T>(
        _ key: String, _ value: (JSONNode, String) throws(DecodeError) -> T
    ) throws(DecodeError) -> [String: T] {
        guard let node = lookupForExtension(key) else { return [:] }
        guard case .object(let members) = node.value else { throw Self.fail(node, key, "an object in { }") }
        var result: [String: T] = [:]
        for member in members { result[member.key] = try value(member.value, "\(key).\(member.key)") }
        return result
    }
}

extension FieldReader {
    /// An object whose keys are free and whose order matters (the settings' equality categories, asked in
    /// the order written); a missing object is empty.
    mutating func orderedObject<T>(
        _ key: String, _ value: (JSONNode, String) throws(DecodeError) -> T
    ) throws(DecodeError) -> [(String, T)] {
        guard let node = lookupForExtension(key) else { return [] }
        guard case .object(let members) = node.value else { throw Self.fail(node, key, "an object in { }") }
        var result: [(String, T)] = []
        for member in members { result.append((member.key, try value(member.value, "\(key).\(member.key)"))) }
        return result
    }
}
