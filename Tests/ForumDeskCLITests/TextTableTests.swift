import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct TextTableAlignmentTests {
    @Test func test_listAlignsCommunityLanguageText() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/2026-11-17-dunstable-houghton-regis-ltt.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"name\": \"Grove House\"",
            with: "\"name\": \"গ্রোভ হাউস 中文\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try forumdesk([
            "list", "meetings", "--area", "dunstable", "--data", copy.path, "--now", "2026-11-23T12:00",
        ])
        let lines = run.stdout.split(separator: "\n").map(String.init).filter { $0.contains("-dunstable-") }
        #expect(lines.contains { $0.contains("গ্রোভ হাউস 中文") })
        // The ID column (the last) starts at the same display column on every row.
        let starts = lines.compactMap { line -> Int? in
            guard let r = line.range(of: "  20", options: .backwards) else { return nil }
            return DisplayWidthProbe.of(String(line[..<r.upperBound]))
        }
        #expect(starts.count == lines.count && Set(starts).count == 1, "\(lines)")
    }
}

/// Columns as a terminal counts them (CJK two, combining marks none), for checking CLI output.
enum DisplayWidthProbe {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, s in
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: return total + ((0x4E00...0x9FFF).contains(s.value) ? 2 : 1)
            }
        }
    }
}
