import Foundation
import ForumDeskCore

/// Writes the index's compact binary form. Every string goes into one table and is written as its number:
/// ids, areas, wards, organisations and statuses repeat across thousands of meetings, so reading the index
/// makes each distinct string once.
struct IndexWriter {
    private(set) var body: [UInt8] = []
    /// Two tables: the heads' strings, read at every start, and the lists' (`inLists`), read at their first use.
    private var tables = [StringTable(), StringTable()]
    /// Strings now go to the lists' table.
    var inLists = false
    /// The lists' table of the index this one continues (`init(continuing:)`): its strings' bytes, and how many.
    private var listTablePrefix: ArraySlice<UInt8> = []
    private var listTableBase = 0

    init() {}

    /// A writer whose tables start as `source`'s, so its entries' bytes can be copied in as they are (`append`).
    init(continuing source: MeetingIndex.Source) {
        tables[0].strings = source.headStrings
        tables[0].numbers.reserveCapacity(source.headStrings.count)
        for (n, string) in source.headStrings.enumerated() where tables[0].numbers[string] == nil {
            tables[0].numbers[string] = UInt32(n)
        }
        listTablePrefix = source.bytes[source.listTable]
        listTableBase = source.listCount
    }

    /// Bytes written elsewhere in the same tables: an unchanged entry of the index this one continues.
    mutating func append(_ bytes: ArraySlice<UInt8>) { body.append(contentsOf: bytes) }

    struct StringTable {
        var strings: [String] = []
        var numbers: [String: UInt32] = [:]
    }

    mutating func int(_ value: Int) {
        // Zig-zag then 7 bits a byte: small numbers, the common case, take one byte.
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 0x80 {
            body.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        body.append(UInt8(v))
    }

    mutating func bits(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { body.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    /// Four bytes to fill in later (`fill32`): a length known only once what follows is written.
    mutating func placeholder32() -> Int {
        body.append(contentsOf: [0, 0, 0, 0])
        return body.count - 4
    }

    mutating func fill32(at offset: Int, _ value: Int) {
        for k in 0..<4 { body[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }

    mutating func double(_ value: Double) { bits(value.bitPattern) }

    mutating func date(_ value: Date) { double(value.timeIntervalSinceReferenceDate) }

    /// The string's number in the table, adding it when new.
    mutating func number(of value: String) -> Int {
        let t = inLists ? 1 : 0
        let base = inLists ? listTableBase : 0
        if let n = tables[t].numbers[value] { return base + Int(n) }
        let n = UInt32(tables[t].strings.count)
        tables[t].strings.append(value)
        tables[t].numbers[value] = n
        return base + Int(n)
    }

    mutating func string(_ value: String) { int(number(of: value)) }

    /// An enumeration's case as its place in `IndexedEnum.indexCases`: read back without comparing strings.
    mutating func choice<T: IndexedEnum>(_ value: T) { int(T.indexCases.firstIndex(of: value) ?? 0) }

    mutating func optional<T: IndexedEnum>(_ value: T?) {
        int(value.map { (T.indexCases.firstIndex(of: $0) ?? 0) + 1 } ?? 0)
    }

    /// nil is written as 0, a value as its number plus one.
    mutating func optional(_ value: String?) { int(value.map { number(of: $0) + 1 } ?? 0) }

    mutating func optional(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func strings(_ values: [String]) {
        list(values) { w, value in w.string(value) }
    }

    /// A count, then each element written by `element`: what `IndexReader.list` reads back.
    mutating func list<T>(_ values: [T], _ element: (inout IndexWriter, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }

    /// The heads' string table, the lists' string table, then the body.
    func finished(header: [UInt8]) -> [UInt8] {
        var table = IndexWriter()
        for (k, t) in tables.enumerated() {
            // The lists' table of a continued index first, as it was (its strings are not decoded to be written).
            table.int(t.strings.count + (k == 1 ? listTableBase : 0))
            if k == 1 { table.body.append(contentsOf: listTablePrefix) }
            for s in t.strings {
                let utf8 = Array(s.utf8)
                table.int(utf8.count)
                table.body.append(contentsOf: utf8)
            }
        }
        return header + table.body + body
    }
}

/// Thrown when the index is cut short or not what this version writes: the index is then rebuilt.
struct IndexCorrupt: Error {}

/// Reads what `IndexWriter` wrote. Every read is bounds-checked: a damaged index must fail, not crash.
struct IndexReader {
    let bytes: [UInt8]
    var offset: Int
    private(set) var strings: [String] = []

    /// The lists' string table, decoded at the first use of any list (`listsReader`).
    private(set) var listStrings: LazyStrings?
    /// Where the lists' table's strings are (after its count), and how many.
    private(set) var listTable: Range<Int> = 0..<0
    private(set) var listCount = 0

    /// Reads the heads' string table now, and finds the lists' table, decoded only when first asked for.
    init(_ bytes: [UInt8], offset: Int) throws(IndexCorrupt) {
        self.bytes = bytes
        self.offset = offset
        strings = try stringTable(decoding: true).strings
        let tableStart = self.offset
        let lists = try stringTable(decoding: false)
        listCount = lists.count
        listTable = lists.bytes
        listStrings = LazyStrings(bytes: bytes, start: tableStart)
    }

    /// A string table: its count, then each string's length and bytes, every bound checked; its strings made
    /// only when `decoding` (else walked over). `bytes`: where the strings are, after the count.
    mutating func stringTable(decoding: Bool) throws(IndexCorrupt) -> (strings: [String], count: Int, bytes: Range<Int>)
    {
        let count = try int()
        guard count >= 0, count <= bytes.count else { throw IndexCorrupt() }
        let start = offset
        var table: [String] = []
        if decoding { table.reserveCapacity(count) }
        for _ in 0..<count {
            let length = try int()
            guard length >= 0, offset + length <= bytes.count else { throw IndexCorrupt() }
            if decoding { table.append(String(decoding: bytes[offset..<offset + length], as: UTF8.self)) }
            offset += length
        }
        return (table, count, start..<offset)
    }

    /// A reader of raw numbers, with no string table (`LazyStrings`).
    init(unchecked bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    /// A reader of the lists at `offset`: its strings are the lists' table.
    func listsReader(at offset: Int) -> IndexReader {
        var r = self
        r.offset = offset
        r.strings = listStrings?.strings ?? []
        return r
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() throws(IndexCorrupt) -> UInt8 {
        guard offset < bytes.count else { throw IndexCorrupt() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(IndexCorrupt) -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw IndexCorrupt() }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        let signed = Int64(bitPattern: v)
        return Int((signed >> 1) ^ -(signed & 1))
    }

    /// A number the model bounds (`Limits`): the index is a file in the data folder, and may be damaged.
    mutating func int(in range: ClosedRange<Int>) throws(IndexCorrupt) -> Int {
        let n = try int()
        guard range.contains(n) else { throw IndexCorrupt() }
        return n
    }

    mutating func optionalInt(in range: ClosedRange<Int>) throws(IndexCorrupt) -> Int? {
        guard let n = try optionalInt() else { return nil }
        guard range.contains(n) else { throw IndexCorrupt() }
        return n
    }

    mutating func count() throws(IndexCorrupt) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - offset else { throw IndexCorrupt() }
        return n
    }

    mutating func bits() throws(IndexCorrupt) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw IndexCorrupt() }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        offset += 8
        return v
    }

    mutating func bits32() throws(IndexCorrupt) -> Int {
        guard offset + 4 <= bytes.count else { throw IndexCorrupt() }
        var v = 0
        for k in 0..<4 { v |= Int(bytes[offset + k]) << (8 * k) }
        offset += 4
        return v
    }

    mutating func bool() throws(IndexCorrupt) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw IndexCorrupt()
        }
    }

    mutating func double() throws(IndexCorrupt) -> Double { Double(bitPattern: try bits()) }

    mutating func date() throws(IndexCorrupt) -> Date { Date(timeIntervalSinceReferenceDate: try double()) }

    mutating func string() throws(IndexCorrupt) -> String {
        let n = try int()
        guard n >= 0, n < strings.count else { throw IndexCorrupt() }
        return strings[n]
    }

    mutating func optionalString() throws(IndexCorrupt) -> String? {
        let n = try int()
        if n == 0 { return nil }
        guard n > 0, n <= strings.count else { throw IndexCorrupt() }
        return strings[n - 1]
    }

    mutating func optionalInt() throws(IndexCorrupt) -> Int? { try bool() ? try int() : nil }

    mutating func stringList() throws(IndexCorrupt) -> [String] {
        try list { r throws(IndexCorrupt) in try r.string() }
    }

    /// A count, then that many elements read by `element`, into an array reserved at once.
    mutating func list<T>(_ element: (inout IndexReader) throws(IndexCorrupt) -> T) throws(IndexCorrupt) -> [T] {
        let n = try count()
        var result: [T] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try element(&self)) }
        return result
    }

    /// A case written by `IndexWriter.choice`: its place in `indexCases`, bounds-checked.
    mutating func choice<T: IndexedEnum>(_ type: T.Type) throws(IndexCorrupt) -> T {
        let n = try int()
        let cases = T.indexCases
        guard n >= 0, n < cases.count else { throw IndexCorrupt() }
        return cases[n]
    }

    mutating func optionalChoice<T: IndexedEnum>(_ type: T.Type) throws(IndexCorrupt) -> T? {
        let n = try int()
        if n == 0 { return nil }
        let cases = T.indexCases
        guard n > 0, n <= cases.count else { throw IndexCorrupt() }
        return cases[n - 1]
    }

    /// An optional string read back through `parse` (a date, a status); text it cannot parse is damage.
    mutating func optional<T>(_ parse: (String) -> T?) throws(IndexCorrupt) -> T? {
        guard let text = try optionalString() else { return nil }
        guard let value = parse(text) else { throw IndexCorrupt() }
        return value
    }
}

/// An enumeration the index writes as a small number: its place in `indexCases`, fixed once per process (a
/// `static let`), so reading a case is an array lookup, not a string comparison. The order is the declaration's:
/// changing it changes `MeetingIndex.header`, and an older index is rebuilt.
protocol IndexedEnum: ModelEnum {
    static var indexCases: [Self] { get }
}

extension MeetingKind: IndexedEnum { static let indexCases = Array(allCases) }
extension MeetingStatus: IndexedEnum { static let indexCases = Array(allCases) }
extension Reply: IndexedEnum { static let indexCases = Array(allCases) }
extension AttendanceRole: IndexedEnum { static let indexCases = Array(allCases) }
extension AttendanceStatus: IndexedEnum { static let indexCases = Array(allCases) }
extension ActionStatus: IndexedEnum { static let indexCases = Array(allCases) }
extension IssueStatus: IndexedEnum { static let indexCases = Array(allCases) }

/// A string table decoded once, at its first use, by whichever thread asks first. Its bounds were checked when
/// the index was opened, so decoding cannot fail.
final class LazyStrings: @unchecked Sendable {
    private let bytes: [UInt8]
    private let start: Int
    private var decoded: [String]?
    private let lock = NSLock()

    init(bytes: [UInt8], start: Int) {
        self.bytes = bytes
        self.start = start
    }

    var strings: [String] {
        lock.withLock {
            if let decoded { return decoded }
            var r = IndexReader(unchecked: bytes, offset: start)
            let table = (try? r.stringTable(decoding: true).strings) ?? []
            decoded = table
            return table
        }
    }
}
