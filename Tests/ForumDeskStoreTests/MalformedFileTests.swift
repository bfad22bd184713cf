import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// JSONTestSuite-style bad files (truncated, wrong types, huge numbers, deep nesting, invalid UTF-8, BOM, NUL,
/// duplicate keys, the non-JSON that editors and spreadsheets produce), each put in place of a meeting file
/// and of a directory file: no crash, a `path:line:col: reason` report, and the other files still load.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// Builds the bad file from the good one.
    var make: @Sendable ([UInt8]) -> [UInt8]
    /// Whether the file is still readable (a BOM before good JSON is tolerated).
    var loads = false

    var testDescription: String { name }

    static func text(_ name: String, _ text: String) -> MalformedCase {
        MalformedCase(name: name) { _ in Array(text.utf8) }
    }

    static func bytes(_ name: String, _ bytes: [UInt8]) -> MalformedCase { MalformedCase(name: name) { _ in bytes } }

    /// The good file with the first of `replacements` it holds made (a meeting's fields, then a person's).
    static func replacing(_ name: String, _ replacements: (String, String)...) -> MalformedCase {
        MalformedCase(name: name) { good in
            let text = String(decoding: good, as: UTF8.self)
            for (old, new) in replacements {
                if let range = text.range(of: old) { return Array(text.replacingCharacters(in: range, with: new).utf8) }
            }
            preconditionFailure("no fixture for \(name)")
        }
    }

    static let all: [MalformedCase] = [
        MalformedCase(name: "empty") { _ in [] },
        MalformedCase(name: "truncated in half") { Array($0.prefix($0.count / 2)) },
        MalformedCase(name: "last brace missing") { Array($0.dropLast(2)) },
        MalformedCase(name: "truncated inside a string") { good in
            Array(good.prefix(through: good.firstIndex(of: UInt8(ascii: "\""))! + 3))
        },
        text("only whitespace", "  \n\t\n"),
        text("top level is an array", "[]"),
        text("top level is a string", "\"meeting\""),
        text("top level is null", "null"),
        text("trailing comma", "{\"schema\": 1,}"),
        text("single quotes", "{'schema': 1}"),
        text("comment", "// notes\n{\"schema\": 1}"),
        text("NaN", "{\"schema\": NaN}"),
        text("Infinity", "{\"schema\": -Infinity}"),
        text("leading zero", "{\"schema\": 01}"),
        text("plus sign", "{\"schema\": +1}"),
        text("unquoted key", "{schema: 1}"),
        text("missing colon", "{\"schema\" 1}"),
        text("lone comma", "{,}"),
        text("unterminated string", "{\"schema\": \"1}"),
        text("raw tab in a string", "{\"title\": \"a\tb\"}"),
        text("bad escape", "{\"title\": \"a\\qb\"}"),
        text("short unicode escape", "{\"title\": \"\\u12\"}"),
        text("two documents", "{} {}"),
        text("deep nesting of arrays", String(repeating: "[", count: 100_000)),
        text("deep nesting of objects", String(repeating: "{\"a\":", count: 100_000)),
        replacing(
            "huge integer", ("\"sequence\": 0", "\"sequence\": 123456789012345678901234567890"),
            ("\"schema\": 1", "\"schema\": 123456789012345678901234567890")),
        replacing(
            "huge exponent", ("\"sequence\": 0", "\"sequence\": 1e999999"), ("\"schema\": 1", "\"schema\": 1e999999")),
        replacing("negative count", ("\"sequence\": 0", "\"sequence\": -1"), ("\"schema\": 1", "\"schema\": -1")),
        replacing("fractional count", ("\"sequence\": 0", "\"sequence\": 0.5"), ("\"schema\": 1", "\"schema\": 0.5")),
        replacing(
            "name is a number", ("\"title\": \"", "\"title\": 5, \"x\": \""), ("\"name\": \"", "\"name\": 5, \"x\": \"")
        ),
        replacing("wards is text", ("\"wards\": [", "\"wards\": \"sandy\", \"x\": [")),
        replacing(
            "a date or address is true", ("\"start\": \"", "\"start\": true, \"x\": \""),
            ("\"email\": \"", "\"email\": true, \"x\": \"")),
        // Found by fuzzing: before 1847 London kept local mean time (-00:01:15), which an offset cannot write.
        replacing(
            "a year before 1900", ("\"start\": \"2026", "\"start\": \"0026"),
            ("\"schema\": 1", "\"schema\": \"0026-01-01\"")),
        replacing("schema from the future", ("\"schema\": 1", "\"schema\": 99")),
        replacing(
            "duplicate key", ("\"title\": \"", "\"title\": \"One\", \"title\": \""),
            ("\"name\": \"", "\"name\": \"One\", \"name\": \"")),
        replacing(
            "raw control character in a string", ("\"title\": \"", "\"title\": \"\u{1}"),
            ("\"name\": \"", "\"name\": \"\u{1}")),
        MalformedCase(name: "invalid UTF-8 byte in a title") { good in
            var bytes = good
            let at = bytes.firstIndex(of: UInt8(ascii: ":"))! + 3
            bytes.insert(0xFF, at: at)
            return bytes
        },
        MalformedCase(name: "overlong UTF-8 slash") { good in
            var bytes = good
            bytes.insert(contentsOf: [0xC0, 0xAF], at: bytes.firstIndex(of: UInt8(ascii: ":"))! + 3)
            return bytes
        },
        MalformedCase(name: "UTF-8 surrogate") { good in
            var bytes = good
            bytes.insert(contentsOf: [0xED, 0xA0, 0x80], at: bytes.firstIndex(of: UInt8(ascii: ":"))! + 3)
            return bytes
        },
        MalformedCase(name: "UTF-8 cut at the end") { $0 + [0xE2, 0x82] },
        MalformedCase(name: "Latin-1 file") { good in
            Array(
                String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\": \"", with: "\": \"Caf\u{E9} ")
                    .unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        },
        MalformedCase(name: "UTF-16 file") { good in
            [0xFF, 0xFE] + String(decoding: good, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        },
        MalformedCase(name: "BOM before good JSON", make: { [0xEF, 0xBB, 0xBF] + $0 }, loads: true),
        MalformedCase(name: "BOM then garbage") { _ in [0xEF, 0xBB, 0xBF, 0x21] },
        MalformedCase(name: "NUL first") { [0] + $0 },
        MalformedCase(name: "NUL after the document") { $0 + [0] },
        MalformedCase(name: "NUL inside a string") { good in
            var bytes = good
            bytes.insert(0, at: bytes.firstIndex(of: UInt8(ascii: ":"))! + 3)
            return bytes
        },
        MalformedCase(name: "all NUL") { Array(repeating: 0, count: $0.count) },
        MalformedCase(name: "random bytes") { good in
            var rng = SystemRandomNumberGenerator()
            return (0..<good.count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        },
    ]
}

@Suite struct MalformedFileTests {
    func load(_ root: String) -> DataSet { DataStore(folder: DataFolder(root)).load() }

    /// The error for `path`, which must carry a line and a column.
    func expectPositionedError(_ data: DataSet, _ path: String, _ name: String) {
        let errors = data.loadErrors.filter { $0.path == path }
        #expect(errors.count == 1, "\(name): \(data.loadErrors)")
        for error in errors {
            #expect(error.position != nil, "\(name): \(error)")
            #expect(
                error.description.hasPrefix("\(path):\(error.position?.line ?? 0):\(error.position?.column ?? 0): "),
                "\(name): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    /// A copy of the sample data with `file` replaced by the bad version of it, loaded: `body` gets the
    /// folder, how many meetings it had before, the file's path, the bytes written and the loaded data.
    func withBroken(
        _ file: String, _ bad: MalformedCase,
        _ body: (String, Int, String, [UInt8], DataSet) throws -> Void
    ) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let total = load(root).meetings.count
            let path = root + "/" + file
            let written = bad.make([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            try Data(written).write(to: URL(fileURLWithPath: path))
            try body(root, total, path, written, load(root))
        }
    }

    @Test(arguments: MalformedCase.all)
    func test_asAMeetingFile(_ bad: MalformedCase) throws {
        try withBroken("meetings/2026/2026-12-17-sandy-biggleswade-ltt.json", bad) { root, total, path, written, data in
            if bad.loads {
                #expect(data.loadErrors.isEmpty, "\(bad.name): \(data.loadErrors)")
                #expect(data.meetings.count == total)
            } else {
                expectPositionedError(data, path, bad.name)
                #expect(data.meetings.count == total - 1, "\(bad.name): the other meetings must load")
                // The broken file is never overwritten.
                var copy = data
                let other = try #require(copy.meeting("2026-12-08-cranfield-marston-woburn-ltt"))
                try DataStore(folder: DataFolder(root)).save(other, in: &copy)
                #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == written)
            }
        }
    }

    @Test(arguments: MalformedCase.all)
    func test_asADirectoryFile(_ bad: MalformedCase) throws {
        try withBroken("directory/people.json", bad) { _, total, path, _, data in
            if bad.loads {
                #expect(data.loadErrors.isEmpty, "\(bad.name): \(data.loadErrors)")
            } else {
                expectPositionedError(data, path, bad.name)
            }
            #expect(data.meetings.count == total, "\(bad.name): every meeting must still load")
        }
    }
}
