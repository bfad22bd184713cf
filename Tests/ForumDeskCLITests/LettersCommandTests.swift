import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 24, letters: `forumdesk letters` on a copy of the sample, as an officer would run it. The sample's
/// councillors Orla Hollowell and Priya Ambridge-Cole (Flitwick) prefer a letter and have a postal address; Jago
/// Sallowmere (Leighton Buzzard) prefers one and has none.
@Suite(.serialized) struct LettersCommandTests {
    static let now = ["--now", "2026-11-23T12:00"]
    static let meeting = "2027-01-12-ampthill-flitwick-ltt", noAddress = "2027-02-02-leighton-buzzard-linslade-ltt"
    static let letterPreferring = ["cllr-orla-hollowell", "cllr-priya-ambridge-cole"]

    static func notices(_ copy: SampleCopy, _ id: String) throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: "\(copy.path)/meetings/\(id.prefix(4))/\(id).json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return json["notifications"] as? [[String: Any]] ?? []
    }

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The dashboard's lines under one meeting's heading.
    static func dashboard(_ copy: SampleCopy, _ id: String) throws -> String {
        let lines = try forumdesk(["dashboard", "--data", copy.path] + now).stdout.split(separator: "\n").map(
            String.init)
        var out: [String] = [], inside = false
        for line in lines {
            if !line.hasPrefix("  ") { inside = line.contains("[\(id)]") } else if inside { out.append(line) }
        }
        return out.joined(separator: "\n")
    }

    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: readAll(out.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func test_letters_writtenForExactlyThoseWhoPreferOne_recorded_validHTMLAndPDF_andNotWrittenTwice() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path] + Self.now
        // notify e-mails everyone else and leaves the two to a letter.
        let notify = try forumdesk(["notify", Self.meeting] + data)
        #expect(
            notify.stdout.contains(
                "by hand: Cllr Orla Hollowell (prefers letter, 01632 960173): not notified; `forumdesk letters \(Self.meeting)` writes the letter"
            ), "\(notify.stdout)")
        #expect(try Self.dashboard(copy, Self.meeting).contains("not notified: 4 of 9 councillors"))

        let dry = try forumdesk(["letters", Self.meeting, "--dry-run"] + data)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout.contains(
                "would write letters/\(Self.meeting)/cllr-orla-hollowell-request-0.html: Cllr Orla Hollowell, invitation, SEQUENCE 0"
            ))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/letters"), "a dry run writes nothing")

        let run = try forumdesk(["letters", Self.meeting] + data)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let folder = "\(copy.path)/letters/\(Self.meeting)"
        #expect(
            Self.files(folder) == Self.letterPreferring.flatMap { ["\($0)-request-0.html", "\($0)-request-0.pdf"] })
        #expect(run.stdout.contains("PDF made with weasyprint"))
        for name in Self.files(folder) {
            let mode = try #require(
                try FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)")[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(name): \(String(mode, radix: 8))")
        }
        // The HTML passes the Nu HTML Checker; the PDF, read back by poppler, names the recipient and the meeting.
        let htmlOnly = copy.folder + "/html"
        try FileManager.default.createDirectory(atPath: htmlOnly, withIntermediateDirectories: true)
        for name in Self.files(folder) where name.hasSuffix(".html") {
            try FileManager.default.copyItem(atPath: "\(folder)/\(name)", toPath: "\(htmlOnly)/\(name)")
        }
        #expect(try html5Problems(folder: htmlOnly) == "")
        let pdf = try Self.pdfText("\(folder)/cllr-orla-hollowell-request-0.pdf")
        for text in [
            "Cllr Orla Hollowell", "c/o Flitwick Town Council Offices", "Let's Talk Together: Ampthill and Flitwick",
            "Tuesday 12 January 2027, 6.30 pm to 8.30 pm", "Dear Cllr Orla Hollowell,", "23 November 2026",
        ] {
            #expect(pdf.contains(text), "PDF lacks \(text): \(pdf)")
        }

        // Recorded on the meeting as notices by letter; the dashboard no longer counts them as not notified.
        let byLetter = try Self.notices(copy, Self.meeting).filter { $0["method"] as? String == "letter" }
        #expect(byLetter.compactMap { $0["councillor"] as? String }.sorted() == Self.letterPreferring)
        #expect(byLetter.allSatisfy { $0["delivery"] as? String == "sent" && $0["sentAt"] != nil })
        let after = try Self.dashboard(copy, Self.meeting)
        #expect(after.contains("not notified: Cllr Lowri Rookwood, Cllr Florian Rushmere"), "\(after)")
        #expect(!after.contains("Hollowell") && !after.contains("Ambridge-Cole"))
        #expect(try forumdesk(["validate"] + data).status == 0)

        // A second run writes nothing and says why.
        let again = try forumdesk(["letters", Self.meeting] + data)
        #expect(again.status == 0)
        #expect(again.stdout.contains("No letters owed for \(Self.meeting)"), "\(again.stdout)")
        #expect(Self.files(folder).count == 4)
        #expect(try Self.notices(copy, Self.meeting).filter { $0["method"] as? String == "letter" }.count == 2)
    }

    @Test func test_preferringALetterWithoutAnAddress_isListed_andNothingRecorded() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["letters", Self.noAddress, "--data", copy.path] + Self.now)
        #expect(run.status == 1, "someone owed a letter got none, as `remind` and `brief` say: \(run.stderr)")
        #expect(
            run.stdout.contains("no letter: Cllr Jago Sallowmere (no postal address in the directory): not notified"),
            "\(run.stdout)")
        #expect(run.stdout.contains("cllr-deepak-violetta-request-0.html"))
        let notices = try Self.notices(copy, Self.noAddress)
        #expect(!notices.contains { $0["councillor"] as? String == "cllr-jago-sallowmere" })
        #expect(
            notices.contains {
                $0["councillor"] as? String == "cllr-deepak-violetta" && $0["method"] as? String == "letter"
            })
    }

    /// `-o` naming a file, not a folder: refused before anything is written or recorded (the copies would
    /// otherwise fail after the letters were recorded as sent, and never reach the print share).
    @Test func test_outputThatIsNotAFolder_isRefusedBeforeAnything() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/afile"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(["letters", Self.meeting, "--data", copy.path, "-o", file] + Self.now)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("is not a folder (nothing was written)"))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/letters"))
        #expect(try !Self.notices(copy, Self.meeting).contains { $0["method"] as? String == "letter" })
    }

    /// A converter that fails: the letters are written and recorded (the HTML prints), but the run does not say
    /// "PDF made", and says 1.
    @Test func test_failingConverter_isNotReportedAsMade() throws {
        let copy = try SampleCopy()
        let bin = copy.folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nexit 1\n".write(toFile: bin + "/weasyprint", atomically: true, encoding: .utf8)
        chmod(bin + "/weasyprint", 0o755)
        let run = try forumdesk(
            ["letters", Self.meeting, "--data", copy.path] + Self.now, environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("PDF made"))
        #expect(run.stdout.contains("PDF(s) could not be made with weasyprint"), "\(run.stdout)")
    }

    @Test func test_withoutAConverter_htmlOnly_andSaysSo_andCopiesToAPrintFolder() throws {
        let copy = try SampleCopy()
        let share = copy.folder + "/print"
        try FileManager.default.createDirectory(atPath: share, withIntermediateDirectories: true)
        let run = try forumdesk(
            ["letters", Self.meeting, "--data", copy.path, "-o", share] + Self.now,
            environment: ["PATH": "/nonexistent"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("HTML only: no PDF converter is installed (apt install weasyprint)"), "\(run.stdout)")
        #expect(
            Self.files("\(copy.path)/letters/\(Self.meeting)") == Self.letterPreferring.map { "\($0)-request-0.html" })
        #expect(Self.files(share) == Self.letterPreferring.map { "\($0)-request-0.html" })
    }

    @Test func test_refusedForAMeetingThatHasBegun() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["letters", "2026-10-27-ampthill-flitwick-ltt", "--data", copy.path] + Self.now)
        #expect(run.status == 2)
        #expect(run.stderr.contains("letters are for meetings to come"))
    }

    /// Letters are personal data: `person show` lists them, `person erase` deletes them with the address, and
    /// `purge` deletes a past meeting's letters.
    @Test func test_personShowErase_andPurge_coverTheLetters() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path] + Self.now
        #expect(try forumdesk(["letters", Self.meeting] + data).status == 0)
        let folder = "\(copy.path)/letters/\(Self.meeting)"
        let show = try forumdesk(["person", "show", "Orla Hollowell"] + data)
        #expect(
            show.stdout.contains(
                "postal address: c/o Flitwick Town Council Offices, 4 Station Road, Flitwick, MK45 1ZB"),
            "\(show.stdout)")
        #expect(
            show.stdout.contains(
                "letters/\(Self.meeting)/cllr-orla-hollowell-request-0.pdf  -  letter: the whole file"),
            "\(show.stdout)")
        #expect(!show.stdout.contains("cllr-priya-ambridge-cole-request"))

        let erase = try forumdesk(["person", "erase", "cllr-orla-hollowell", "--yes"] + data)
        #expect(erase.status == 0, "\(erase.stdout)\(erase.stderr)")
        #expect(
            Self.files(folder) == ["cllr-priya-ambridge-cole-request-0.html", "cllr-priya-ambridge-cole-request-0.pdf"])
        let people = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        #expect(!people.contains("Flitwick Town Council Offices") && !people.contains("4 Station Road"))

        let purge = try forumdesk(["purge", "--before", "2027-02-01", "--data", copy.path, "--now", "2027-03-01T12:00"])
        #expect(purge.status == 0, "\(purge.stdout)\(purge.stderr)")
        #expect(
            purge.stdout.contains("deleted letters/\(Self.meeting)/cllr-priya-ambridge-cole-request-0.pdf"),
            "\(purge.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
