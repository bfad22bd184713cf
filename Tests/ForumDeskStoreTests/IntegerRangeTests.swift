import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Every integer field of every file, at and beyond its bounds: beyond is a positioned error, never a trap.
@Suite struct IntegerRangeTests {
    /// (file, text in the sample, replacement with NUMBER in place of the value, the field's bounds)
    static let fields: [(String, String, String, ClosedRange<Int>)] = [
        (
            "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"minutes\": 5,", "\"minutes\": NUMBER,",
            Limits.itemMinutes
        ),
        (
            "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"number\": 1,", "\"number\": NUMBER,",
            Limits.itemNumber
        ),
        (
            "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"sequence\": 0,", "\"sequence\": NUMBER,",
            Limits.sequence
        ),
        (
            "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"residentsPresent\": 57,",
            "\"residentsPresent\": NUMBER,", Limits.headCount
        ),
        (
            "/meetings/2026/2026-01-27-cranfield-marston-woburn-ltt.json", "\"16-24\": 6,", "\"16-24\": NUMBER,",
            Limits.headCount
        ),
        (
            "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"schema\": 1,", "\"schema\": NUMBER,",
            Limits.schema
        ),
        ("/topics/winter-gritting-routes.json", "\"minutes\": 20,", "\"minutes\": NUMBER,", Limits.topicMinutes),
    ]

    @Test(arguments: 0..<fields.count)
    func test_integerField_atItsExtremes(index: Int) throws {
        let (file, original, pattern, range) = Self.fields[index]
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + file
            let text = try readText(path)
            #expect(text.contains(original))
            let refused = [
                "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "\(range.upperBound + 1)",
                "\(range.lowerBound - 1)", "1e3", "2.5",
            ]
            // The schema's upper end is refused as "newer", which is right; every other bound loads.
            let accepted =
                file.hasSuffix(".json") && pattern.contains("schema")
                ? [range.lowerBound] : [range.lowerBound, range.upperBound]
            for value in refused + accepted.map(String.init) {
                try text.replacingOccurrences(
                    of: original, with: pattern.replacingOccurrences(of: "NUMBER", with: value)
                )
                .write(toFile: path, atomically: true, encoding: .utf8)
                let data = DataStore(folder: DataFolder(root)).load()
                let error = data.loadErrors.first { $0.path == path }
                if refused.contains(value) {
                    #expect(error?.position != nil, "\(file) \(pattern) = \(value) must be refused")
                } else {
                    #expect(error == nil, "\(file) \(pattern) = \(value): \(error?.description ?? "")")
                    // The rules add, count and compare these numbers: none of that may trap at the bounds.
                    _ = Validator.validate(
                        directory: data.directory, meetings: data.meetings, topics: data.topics, now: Date())
                    _ = Warnings.all(directory: data.directory, meetings: data.meetings, now: Date())
                }
            }
        }
    }

    @Test func test_minutesAtIntMax_wasATrap_isNowARefusedFile() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try readText(path).replacingOccurrences(of: "\"minutes\": 5,", with: "\"minutes\": 9223372036854775807,")
                .write(toFile: path, atomically: true, encoding: .utf8)
            let data = DataStore(folder: DataFolder(root)).load()
            let error = try #require(data.loadErrors.first { $0.path == path })
            #expect(error.message == "field `minutes` must be a whole number from 0 to 1440, not 9223372036854775807")
            #expect(error.position?.line == 47)
        }
    }

    @Test func test_nextActionID_afterAnIDAtIntMax_doesNotTrap() {
        var m = Meeting(
            id: "2026-01-01-x", kind: .letsTalkTogether, title: "x", area: "a", wards: [], start: Date(), end: Date(),
            venue: Venue(name: "v"), status: .planned)
        m.actions = [
            Action(id: "A-2026-9223372036854775807", description: "x"), Action(id: "A-2026-041", description: "y"),
        ]
        #expect(QuickEntry.nextActionID(year: 2026, existing: [m]) == "A-2026-042")
    }
}
