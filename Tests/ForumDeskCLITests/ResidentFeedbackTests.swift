import Foundation
import ForumDeskTestSupport
import Testing

/// A resident who asked to be told: consent recorded, the action done by its owner's e-mailed answer,
/// the "you said, we did" message sent through msmtp to a loopback SMTP server and read by Python's email package,
/// shown, then purged.
@Suite(.serialized) struct ResidentFeedbackTests {
    static let reply = repositoryRoot.appendingPathComponent("Tests/Fixtures/action-replies/thunderbird-bottom.eml")
        .path

    /// The message as Python's email package reads it (policy.strict): headers and the plain text.
    func parsed(_ data: Data, in folder: String) throws -> [String: String] {
        let file = folder + "/received.eml"
        try data.write(to: URL(fileURLWithPath: file))
        let script = """
            import sys, json, email
            from email import policy
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.strict)
            body = m.get_body(('plain',)).get_content()
            print(json.dumps({'to': str(m['To']), 'subject': str(m['Subject']), 'from': str(m['From']), 'text': body,
                              'ascii': str(all(b < 128 for b in open(sys.argv[1], 'rb').read()))}))
            """
        let run = try runProgram(["python3", "-c", script, file])
        #expect(run.status == 0, "\(run.out)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: String])
    }

    @Test func test_consent_answered_sentToTheResident_readByPython_thenShownAndPurged() throws {
        let copy = try SampleCopy()
        let server = try SMTPServer()
        try server.configure(copy)
        let data = ["--data", copy.path]
        // At the meeting of 12 May, R-2026-039 became A-2026-031 (Groundwork); another resident asks about an open issue.
        #expect(
            try forumdesk(
                [
                    "resident", "add", "R-2026-039", "--consent", "--email", "resident.one@example.net", "--now",
                    "2026-11-23T09:00",
                ] + data
            ).status == 0)
        #expect(
            try forumdesk(
                [
                    "resident", "add", "R-2026-090", "--consent", "--email", "resident.two@example.net", "--now",
                    "2026-11-23T09:00",
                ] + data
            ).status == 0)
        let noConsent = try forumdesk(["resident", "add", "R-2026-091", "--email", "x@example.net"] + data)
        #expect(noConsent.status == 2 && noConsent.stderr.contains("--consent is required"))
        let residents = copy.path + "/.forumdesk-residents.json"
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: residents)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        // Not shared: sync's .gitignore leaves every top-level .forumdesk* file out of the record.
        let sync = try forumdesk(["sync", "--data", copy.path, "--now", "2026-11-23T10:00"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let tracked = try runProgram(["git", "-C", copy.path, "ls-files"])
        #expect(
            tracked.out.contains("meetings/2026/2026-05-12-dunstable-houghton-regis-ltt.json"),
            "the record was committed")
        #expect(!tracked.out.contains("forumdesk-residents"), "the residents' contacts were not")

        // Nothing settled yet: nobody is told.
        let early = try forumdesk(["send", "--now", "2026-11-24T09:00"] + data)
        #expect(!early.stdout.contains("you said, we did"), "\(early.stdout)")
        #expect(server.messages().isEmpty)

        // Carys Brackenbury answers by e-mail that A-2026-031 is done; the next send tells the first resident only.
        #expect(try forumdesk(["import", "reply", Self.reply, "--now", "2026-11-27T09:00"] + data).status == 0)
        let send = try forumdesk(["send", "--now", "2026-11-27T10:00"] + data)
        #expect(send.status == 0, "\(send.stdout)\(send.stderr)")
        #expect(
            send.stdout.contains(
                "outbox/residents/r-2026-039-told-20261127T100000.eml: \"you said, we did\" about R-2026-039"))
        #expect(send.stdout.contains("sent: residents/r-2026-039-told-20261127T100000.eml"), "\(send.stdout)")
        #expect(send.stdout.contains("1 sent, 0 not sent, 0 maybe sent"))
        let received = server.messages()
        #expect(received.count == 1)
        let mail = try parsed(try #require(received.first), in: copy.folder)
        #expect(mail["to"]?.contains("resident.one@example.net") == true)
        #expect(mail["subject"] == "What happened about the issue you raised on Tuesday 12 May 2026")
        #expect(mail["ascii"] == "True", "7-bit on the wire")
        let text = try #require(mail["text"])
        #expect(text.contains("You said: "))
        #expect(text.contains("We did: "))
        #expect(text.contains("only so that we could tell you this"))
        try Data((mail.map { "\($0.key): \($0.value)" }.sorted().joined(separator: "\n")).utf8).write(
            to: URL(fileURLWithPath: copy.folder + "/received.txt"))

        // Told once.
        let again = try forumdesk(["send", "--now", "2026-11-28T10:00"] + data)
        #expect(!again.stdout.contains("you said, we did"))
        #expect(server.messages().count == 1)

        // What is held, for the resident who asks.
        let shown = try forumdesk(["resident", "show", "resident.one@example.net"] + data)
        #expect(
            shown.stdout.contains("R-2026-039 (raised at 2026-05-12-dunstable-houghton-regis-ltt): consent recorded"))
        #expect(shown.stdout.contains("file: sent/residents/r-2026-039-told-20261127T100000.eml"))

        // Retention: the issue is closed and its meeting ended before the date: the contact and its message go;
        // the open issue's resident stays.
        let purge = try forumdesk(["purge", "--before", "2026-06-01", "--now", "2026-11-28T11:00"] + data)
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(
            purge.stdout.contains(
                "removed 1 resident contact(s) (R-2026-039) and 2 message file(s) from .forumdesk-residents.json"))
        let left = try String(contentsOfFile: residents, encoding: .utf8)
        #expect(!left.contains("resident.one@example.net") && left.contains("resident.two@example.net"))
        #expect(
            !FileManager.default.fileExists(atPath: copy.path + "/sent/residents/r-2026-039-told-20261127T100000.eml"))
        #expect(try forumdesk(["resident", "show", "R-2026-039"] + data).stdout.contains("Nothing is held"))

        // Erasure on request.
        let erased = try forumdesk(["resident", "erase", "resident.two@example.net"] + data)
        #expect(erased.status == 0 && erased.stdout.contains("erased: 1 record(s) (R-2026-090)"))
        #expect(!(try String(contentsOfFile: residents, encoding: .utf8)).contains("resident.two"))
    }
}
