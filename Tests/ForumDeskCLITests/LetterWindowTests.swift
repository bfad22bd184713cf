import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 36: a letter never loses a line of its address. An address in capitals (Royal Mail style), measured for
/// the DL window in the letter's font, is printed whole inside the window, as poppler reads the PDF back
/// (`pdftotext -bbox`); one that cannot fit is not made, is listed with the reason, and `validate` says so.
@Suite(.serialized) struct LetterWindowTests {
    static let now = ["--now", "2026-11-23T12:00"]
    static let meeting = "2027-01-12-ampthill-flitwick-ltt"
    /// Three lines too wide for the window at 11 pt: wrapped by the browser, the old fixed box hid the post town and postcode.
    static let capitals = [
        "THE OLD WHEELWRIGHTS COTTAGE, CHURCH END", "CLIFTON UPPER GREEN, HAYNES WEST END",
        "NEAR SHEFFORD, CENTRAL BEDFORDSHIRE",
        "SHEFFORD", "SG17 5TQ",
    ]

    /// Orla Hollowell's postal address in the copy's directory replaced by `lines`.
    static func setAddress(_ copy: SampleCopy, _ lines: [String]) throws {
        let path = copy.path + "/directory/people.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "\"postalAddress\": [\n        \"c/o Flitwick Town Council Offices\""))
        let end = try #require(text.range(of: "]", range: start.upperBound..<text.endIndex))
        let list = "\"postalAddress\": [" + lines.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: list)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Words on the PDF's first page with their boxes in millimetres from the sheet's top left.
    static func words(_ pdf: String) throws -> [(word: String, x0: Double, y0: Double, x1: Double, y1: Double)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let xml = String(decoding: readAll(out.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        let pattern = try NSRegularExpression(
            pattern: "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>")
        let mm = 25.4 / 72
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map { m in
            let s = { (i: Int) in (xml as NSString).substring(with: m.range(at: i)) }
            return (s(5), Double(s(1))! * mm, Double(s(2))! * mm, Double(s(3))! * mm, Double(s(4))! * mm)
        }
    }

    @Test func test_addressInCapitals_isPrintedWhole_insideTheWindow() throws {
        let copy = try SampleCopy()
        try Self.setAddress(copy, Self.capitals)
        #expect(try forumdesk(["validate", "--data", copy.path]).status == 0)
        let run = try forumdesk(["letters", Self.meeting, "--data", copy.path] + Self.now)
        #expect(run.status == 0 && run.stdout.contains("PDF made with weasyprint"), "\(run.stdout)\(run.stderr)")
        let words = try Self.words("\(copy.path)/letters/\(Self.meeting)/cllr-orla-hollowell-request-0.pdf")
        // The address box (85 × 40 mm, 20 mm from the sheet's left and 50 mm from its top, inside the DL window of
        // 90 × 45 mm): pdftotext reads text the box clips too, so the box, not the window, is the limit.
        let inWindow = words.filter { $0.x0 >= 19.5 && $0.x1 <= 105.5 && $0.y0 >= 49.5 && $0.y1 <= 90.5 }
        let expected = (["Cllr Orla Hollowell"] + Self.capitals).flatMap { $0.split(separator: " ").map(String.init) }
        #expect(
            inWindow.map(\.word) == expected,
            "\(words.prefix(30).map { "\($0.word) \(Int($0.x0)),\(Int($0.y0))-\(Int($0.x1)),\(Int($0.y1))" })")
        // The postcode on its own last line, below the post town.
        let town = try #require(inWindow.first { $0.word == "SHEFFORD" }),
            postcode = try #require(inWindow.first { $0.word == "SG17" })
        #expect(postcode.y0 > town.y1 - 0.5)
    }

    @Test func test_addressThatCannotFit_isNotMade_listedWithTheReason_andValidateSaysSo() throws {
        let copy = try SampleCopy()
        // A line with no space to wrap at (an import that lost them), wider than the window even in 9 pt type.
        let long = ["THEOLDWHEELWRIGHTSWORKSHOPANDCOTTAGECHURCHEND", "CLIFTON UPPER GREEN", "SHEFFORD", "SG17 5TQ"]
        try Self.setAddress(copy, long)
        let validate = try forumdesk(["validate", "--data", copy.path])
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains(
                "postal address: no letter can be made: “THEOLDWHEELWRIGHTSWORKSHOPANDCOTTAGECHURCHEND” is"),
            "\(validate.stdout)")
        let run = try forumdesk(["letters", Self.meeting, "--data", copy.path] + Self.now)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains("no letter: Cllr Orla Hollowell (postal address does not fit the envelope's window:"),
            "\(run.stdout)")
        #expect(
            !FileManager.default.fileExists(
                atPath: "\(copy.path)/letters/\(Self.meeting)/cllr-orla-hollowell-request-0.html"))
    }
}
