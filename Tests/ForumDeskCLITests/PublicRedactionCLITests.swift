import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 36: contact details typed into a meeting (the spellings) reach none of what the council publishes:
/// a byte search of the whole site, `export ics`, `report` in every format and the calendars attached to briefings.
@Suite struct PublicRedactionCLITests {
    static let phones = [
        "(01632) 960000", "(01632) 960 000", "+44 (0)1632 960000", "0044 1632 960000", "+44 (0) 7700 900 123",
        "01632 960001", "07700900124", "01632-960-002 ext. 45",
    ]
    static let emails = ["ada.resident@example.org", "ada [at] example [dot] org", "bob at example dot org"]
    static let addresses = ["12 Mill Lane, LU6 3AB", "ROSE COTTAGE, MILL LANE, SANDY, SG19 1AB"]
    /// What must not appear anywhere: each spelling, and the telling part of each.
    static let needles =
        phones + emails + addresses + [
            "960 000", "1632 96000", "7700 900 1", "ada.resident", "example [dot]",
            "bob at example", "Mill Lane, LU6", "LU6 3AB", "ROSE COTTAGE", "SG19 1AB",
        ]

    /// A held meeting (this year's report, the last 90 days of `export ics`) and one to come (briefings), each with
    /// the details in every free-text field the public sees.
    static func inject(_ copy: SampleCopy) throws {
        var n = 0
        func details() -> String {
            n += 1
            let phone = phones[n % phones.count], email = emails[n % emails.count],
                address = addresses[n % addresses.count]
            return "Resident of \(address) asks to be called on \(phone) or mailed at \(email)."
        }
        for id in ["2026-10-15-sandy-biggleswade-ltt", "2026-12-17-sandy-biggleswade-ltt"] {
            let path = copy.path + "/meetings/2026/\(id).json"
            var m = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            m["title"] = "Let's Talk Together \(details())"
            m["publicNotes"] = details()
            var venue = m["venue"] as! [String: Any]
            venue["accessibility"] = details()
            venue["name"] = "Hall (bookings \(phones[0]))"
            m["venue"] = venue
            m["agenda"] = (m["agenda"] as! [[String: Any]]).map { item in
                var item = item
                item["title"] = "Item \(details())"
                item["notes"] = details()
                if m["status"] as? String == "held" {
                    item["discussion"] = details() + "\n\n" + details()
                    item["outcome"] = "Resolved: " + details()
                }
                return item
            }
            m["actions"] = ((m["actions"] as? [[String: Any]]) ?? []).map { a in
                var a = a
                a["description"] = details()
                a["feedback"] = details()
                return a
            }
            m["issues"] = ((m["issues"] as? [[String: Any]]) ?? []).map { i in
                var i = i
                i["text"] = details()
                i["answer"] = details()
                i["status"] = "answered"
                return i
            }
            try JSONSerialization.data(withJSONObject: m, options: [.prettyPrinted, .sortedKeys]).write(
                to: URL(fileURLWithPath: path))
        }
    }

    /// Every file under `folder`, base64 parts of e-mails decoded (a briefing's calendar is base64).
    static func texts(under folder: String) throws -> [(String, String)] {
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            !$0.hasPrefix(".")
        }
        return try paths.compactMap { relative in
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if path.hasSuffix(".eml") {
                // A briefing's public part is its calendar (the letter itself goes to the councillor only).
                let blocks = text.components(separatedBy: "\r\n\r\n")
                text = ""
                for (i, block) in blocks.enumerated()
                where i > 0 && blocks[i - 1].contains("Content-Type: text/calendar") {
                    let data = try #require(Data(base64Encoded: block.replacingOccurrences(of: "\r\n", with: "")))
                    text += String(decoding: data, as: UTF8.self)
                }
                #expect(text.contains("BEGIN:VEVENT"), "\(path)")
            }
            // Unfolded and unescaped as a calendar program reads them (RFC 5545 §3.1, §3.3.11).
            text = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",")
                .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "&amp;", with: "&")
            return (relative, text)
        }
    }

    @Test func test_injectedContactDetails_areNowhereInWhatIsPublished() throws {
        let copy = try SampleCopy()
        try Self.inject(copy)
        let now = ["--now", "2026-11-23T12:00"], out = copy.folder + "/public"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // The review holds back every passage naming an address; an officer checking them does not let the
        // contact details through: the redaction still applies.
        let review = try forumdesk(["publish", "--review", "--data", copy.path] + now)
        let keys = review.stdout.split(separator: "\n").filter {
            $0.contains(":") && !$0.hasPrefix(" ") && $0.contains("  ")
        }
        .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(keys.count > 20, "\(review.stdout.prefix(500))")
        let mark = try forumdesk(["publish"] + keys.flatMap { ["--mark-checked", $0] } + ["--data", copy.path] + now)
        #expect(mark.status == 0, "\(mark.stderr)")
        let runs = [
            ["publish", "--out", out + "/site", "--base-url", "https://www.example.gov.uk/meetings/"],
            ["export", "ics", "-o", out + "/all.ics"], ["export", "ics", "--area", "sandy", "-o", out + "/sandy.ics"],
            ["report", "--year", "2026", "-o", out + "/report.md"],
            ["report", "--year", "2026", "--format", "html", "-o", out + "/report.html"],
            ["report", "--year", "2026", "--format", "text", "-o", out + "/report.txt"],
            ["brief", "--councillor", "Tamsin Lanternby", "--weeks", "13"],
        ]
        for arguments in runs {
            let run = try forumdesk(arguments + ["--data", copy.path] + now)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let files =
            try Self.texts(under: out)
            + Self.texts(under: copy.path + "/outbox/briefings").map { ("briefing/" + $0.0, $0.1) }
        #expect(files.count > 100)
        var found: [String] = []
        for (path, text) in files {
            for needle in Self.needles where text.contains(needle) { found.append("\(path): \(needle)") }
        }
        #expect(found.isEmpty, "\(found.prefix(20))")
        // The details were there to remove: the placeholder stands where they were, and the venue's postcode stays.
        let page = try #require(files.first { $0.0 == "site/meetings/2026/2026-10-15-sandy-biggleswade-ltt.html" }?.1)
        #expect(page.components(separatedBy: "[contact details removed]").count > 20)
        // Markdown escapes the brackets
        #expect(try #require(files.first { $0.0 == "report.md" }?.1).contains("contact details removed"))
        #expect(try #require(files.first { $0.0 == "all.ics" }?.1).contains("[contact details removed]"))
        #expect(
            try #require(files.first { $0.0 == "site/meetings/2026/2026-12-17-sandy-biggleswade-ltt.html" }?.1)
                .contains("SG18 0AT"))
    }
}

enum PublicReviewText {
    static let heldBack = "(This passage is being checked before it is published.)"
}
