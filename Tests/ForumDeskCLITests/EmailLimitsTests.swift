import Foundation
import ForumDeskTestSupport
import Testing

/// Every e-mail `notify` writes passes Python's email parser in strict mode (any defect raises) and the RFC
/// 5322/2045/2046/2047 limits scripts/check-invites.py checks, whatever the titles and names hold; an address
/// that is not usable (non-ASCII, malformed) is reported by `validate` and never written into a message.
@Suite(.serialized) struct EmailLimitsTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture text not found in \(path)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func test_everyNotice_passesStrictParsing_withLongAndNonASCIITitlesAndNames() throws {
        let copy = try SampleCopy()
        let title =
            "Let's Talk Together: আসুন একসাথে কথা বলি — Sandy and Biggleswade "
            + String(repeating: "(rescheduled) ", count: 90)
        try edit(
            copy.path + "/meetings/2026/\(id).json", "\"title\": \"Let's Talk Together: Sandy and Biggleswade\"",
            "\"title\": \"\(title)\"")
        try edit(
            copy.path + "/directory/people.json", "\"name\": \"Cllr Tamsin Lanternby\"",
            "\"name\": \"Cllr Tamsin Lanternby-Ó Súilleabháin রহিম\"")
        let run = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = copy.path + "/outbox/" + id
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(files.count == 1)
        let (status, json) = try checkWithPython(files)
        #expect(status == 0, "\(json.map { $0["problems"] ?? "" })")
        #expect(json.first?["subject"] as? String == "Invitation: \(title), Thursday 17 December 2026")
        // Python's address parser puts a space between adjacent encoded-words of a display name, where RFC 2047
        // §6.2 drops the white space between them; ForumDesk keeps the name's space inside the first word, so
        // compliant readers get one space and Python two. Compare with runs of spaces as one.
        let to = (json.first?["to"] as? String ?? "").split(separator: " ").joined(separator: " ")
        #expect(to == "Cllr Tamsin Lanternby-Ó Súilleabháin রহিম <tamsin.lanternby@councillors.example.org>", "\(to)")
    }

    /// Refused rather than sent with SMTPUTF8 (RFC 6531): `validate` names the file, line and reason, and
    /// `notify` lists the councillor for a letter or a call instead of writing the address into a 7-bit message.
    @Test func test_nonASCIIAndMalformedAddresses_areReported_andNeverMailed() throws {
        let copy = try SampleCopy()
        try edit(
            copy.path + "/directory/people.json", "\"email\": \"tamsin.lanternby@councillors.example.org\"",
            "\"email\": \"tamsín@councillors.example.org\"")
        try edit(
            copy.path + "/directory/people.json", "\"email\": \"otis.rookwood@councillors.example.org\"",
            "\"email\": \"otis..rookwood@councillors\"")
        let validate = try forumdesk(["validate", "--data", copy.path] + now)
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains("people.json:") && validate.stdout.contains("has non-ASCII characters"),
            "\(validate.stdout)")
        #expect(validate.stdout.contains("“otis..rookwood@councillors”: the part before @"), "\(validate.stdout)")
        let run = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(run.stdout.contains("by hand: Cllr Tamsin Lanternby (e-mail address not usable: "), "\(run.stdout)")
        let outbox = (try? FileManager.default.contentsOfDirectory(atPath: copy.path + "/outbox/" + id)) ?? []
        #expect(!outbox.contains { $0.contains("tamsin") })
    }
}
