import Foundation
import ForumDeskTestSupport
import Testing

/// `import reply` on mailboxes as mail programs write them (Tests/Fixtures/mbox, made by make_corpus.py: Python's
/// `mailbox`, and mutt, mboxcl, Thunderbird and Google Takeout layouts written by hand).
@Suite(.serialized) struct MboxCorpusTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]
    static let corpus = repositoryRoot.appendingPathComponent("Tests/Fixtures/mbox")

    func notices(_ copy: SampleCopy) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: copy.path + "/meetings/2026/\(id).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var out: [String: [String: Any]] = [:]
        for n in json["notifications"] as? [[String: Any]] ?? [] { out[n["councillor"] as? String ?? ""] = n }
        return out
    }

    /// Each file, the replies it must record (councillor → reply, comment) and the messages it must name as passed over.
    static let cases: [(file: String, replies: [String: String], comments: [String: String], passedOver: [String])] = [
        (
            "python-mailbox.mbox", ["cllr-tamsin-lanternby": "accepted", "cllr-cyrus-underhill": "declined"],
            ["cllr-cyrus-underhill": "sorry, planning committee"], ["message 2 (“Newsletter”): no calendar part"]
        ),
        ("mboxo-unescaped.mbox", ["cllr-tamsin-lanternby": "accepted", "cllr-otis-rookwood": "tentative"], [:], []),
        ("mboxcl.mbox", ["cllr-farah-greenhalgh": "declined", "cllr-cyrus-underhill": "accepted"], [:], []),
        (
            "thunderbird.mbox", ["cllr-tamsin-lanternby": "tentative"], [:],
            [
                "message 2 (“Invitation: Let's Talk Together: Sandy and Biggleswade”): a calendar METHOD:REQUEST, not a reply"
            ]
        ),
        (
            "takeout.mbox", ["cllr-cyrus-underhill": "declined", "cllr-tamsin-lanternby": "accepted"],
            [
                "cllr-cyrus-underhill": "sorry, planning committee that evening",
                "cllr-tamsin-lanternby": "looking forward to it",
            ], []
        ),
    ]

    @Test(arguments: cases.indices)
    func test_mailbox_readAsMailProgramsReadIt(index: Int) throws {
        let c = Self.cases[index]
        let copy = try SampleCopy()
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let file = Self.corpus.appendingPathComponent(c.file).path
        let run = try forumdesk(["import", "reply", file, "--data", copy.path] + now)
        #expect(run.status == 0, "\(c.file): \(run.stdout)\(run.stderr)")
        let recorded = try notices(copy)
        for (who, reply) in c.replies {
            #expect(recorded[who]?["reply"] as? String == reply, "\(c.file): \(who) \(recorded[who] ?? [:])")
        }
        for (who, comment) in c.comments {
            #expect(recorded[who]?["comment"] as? String == comment, "\(c.file): \(who)")
        }
        for named in c.passedOver {
            #expect(run.stderr.contains("passed over: \(file): \(named)"), "\(c.file): \(run.stderr)")
        }
        if c.passedOver.isEmpty { #expect(!run.stderr.contains("passed over"), "\(c.file): \(run.stderr)") }
    }
}
