import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A real SMTP server on loopback (aiosmtpd, `Tests/Fixtures/smtp/smtp_server.py`), which keeps every message it
/// accepts exactly as it arrived.
final class SMTPServer: @unchecked Sendable {
    let folder: String
    let mail: String
    let process = Process()
    let port: Int

    init(_ options: [String] = []) throws {
        folder = NSTemporaryDirectory() + "forumdesk-smtp-" + UUID().uuidString
        mail = folder + "/mail"
        try FileManager.default.createDirectory(atPath: mail, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", TestPaths.repositoryRoot.path + "/Tests/Fixtures/smtp/smtp_server.py", mail, folder + "/port"]
            + options
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var port: Int?
        for _ in 0..<400 where port == nil {
            port = (try? String(contentsOfFile: folder + "/port", encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(25_000) }
        }
        guard let port else { throw SMTPServerError.notStarted }
        self.port = port
    }

    enum SMTPServerError: Error { case notStarted }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The messages received, in order.
    func messages() -> [Data] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mail)) ?? []).filter { $0.hasSuffix(".eml") }
            .sorted()
        return names.compactMap { FileManager.default.contents(atPath: mail + "/" + $0) }
    }

    /// An msmtp configuration for this server (msmtp wants it private), and the "sendmail" setting that uses it.
    func configure(_ copy: SampleCopy) throws {
        let rc = copy.folder + "/msmtprc"
        try "account default\nhost 127.0.0.1\nport \(port)\nfrom engagement@example.org\nauth off\ntls off\n"
            .write(toFile: rc, atomically: true, encoding: .utf8)
        chmod(rc, 0o600)
        try copy.setMailProgram(["msmtp", "-C", rc, "-t", "--read-envelope-from", "--logfile=-"])
    }
}

/// The e-mail notices in a meeting file: outbox file name → delivery state ("queued", "sent", …, "" when unset).
func deliveries(_ path: String) throws -> [String: String] {
    let json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    var states: [String: String] = [:]
    for notice in (json["notifications"] as? [[String: Any]]) ?? []
    where notice["method"] as? String == "email" && notice["withdrawn"] == nil {
        let kind = notice["kind"] as? String == "cancellation" ? "cancel" : "request"
        states["\(notice["councillor"] as? String ?? "")-\(kind)-\(notice["sequence"] as? Int ?? 0).eml"] =
            notice["delivery"] as? String ?? ""
    }
    return states
}

func listing(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
}

@Suite(.serialized) struct SendTests {
    let id = "2027-01-07-shefford-stotfold-arlesey-ltt"
    var meetingFile: String { "/meetings/2027/\(id).json" }

    @Test func test_send_throughMsmtp_arrivesByteForByte_movesToSentAndRecords() throws {
        let server = try SMTPServer()
        let copy = try SampleCopy()
        try server.configure(copy)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["notify", id] + data).status == 0)
        let queued = listing(copy.path + "/outbox/\(id)")
        #expect(queued.count == 8)
        #expect(try deliveries(copy.path + meetingFile).values.allSatisfy { $0 == "queued" })

        let dry = try forumdesk(["send", "--dry-run"] + data)
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("8 e-mail(s) would be sent"))
        #expect(server.messages().isEmpty)
        #expect(listing(copy.path + "/outbox/\(id)") == queued)

        let run = try forumdesk(["send"] + data)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("8 sent, 0 not sent, 0 maybe sent"))
        let received = server.messages()
        #expect(received.count == 8)
        let sent = listing(copy.path + "/sent/\(id)").filter { $0.hasSuffix(".eml") }
        #expect(sent == queued)
        #expect(listing(copy.path + "/outbox/\(id)").isEmpty)
        // Byte for byte what was written to the outbox, and the server's answer in each log.
        let files = Set(sent.compactMap { FileManager.default.contents(atPath: copy.path + "/sent/\(id)/\($0)") })
        #expect(Set(received) == files)
        let log = try String(contentsOfFile: copy.path + "/sent/\(id)/\(sent[0]).log", encoding: .utf8)
        #expect(log.contains("smtpstatus=250") && log.contains("queued as"))
        #expect(try deliveries(copy.path + meetingFile).values.allSatisfy { $0 == "sent" })

        // Nothing twice: a second run finds the outbox empty.
        let again = try forumdesk(["send"] + data)
        #expect(again.status == 0)
        #expect(again.stdout.contains("The outbox is empty"))
        #expect(server.messages().count == 8)
    }

    @Test func test_send_refusedRecipient_staysInOutboxWithTheReason() throws {
        let server = try SMTPServer(["--refuse", "amara.primrose@councillors.example.org"])
        let copy = try SampleCopy()
        try server.configure(copy)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["notify", id] + data).status == 0)
        let run = try forumdesk(["send"] + data)
        #expect(run.status == 1)
        #expect(run.stdout.contains("not sent: \(id)/cllr-amara-primrose-request-0.eml"))
        #expect(run.stdout.contains("550"))
        #expect(run.stdout.contains("7 sent, 1 not sent"))
        #expect(server.messages().count == 7)
        #expect(listing(copy.path + "/outbox/\(id)") == ["cllr-amara-primrose-request-0.eml"])
        let states = try deliveries(copy.path + meetingFile)
        #expect(states["cllr-amara-primrose-request-0.eml"] == "failed")
        let json = try String(contentsOfFile: copy.path + meetingFile, encoding: .utf8)
        #expect(json.contains("\"deliveryNote\": \"msmtp exited"))
    }

    @Test func test_send_connectionDropped_nothingArrives_allStayQueued() throws {
        let server = try SMTPServer(["--drop"])
        let copy = try SampleCopy()
        try server.configure(copy)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["notify", id] + data).status == 0)
        let run = try forumdesk(["send", "--meeting", id] + data)
        #expect(run.status == 1)
        #expect(run.stdout.contains("0 sent, 8 not sent"))
        #expect(server.messages().isEmpty)
        #expect(listing(copy.path + "/outbox/\(id)").count == 8)
        #expect(listing(copy.path + "/outbox-sending/\(id)").isEmpty)
        #expect(try deliveries(copy.path + meetingFile).values.allSatisfy { $0 == "failed" })
    }

    /// SIGKILL of `send` at random moments (FORUMDESK_SEND_KILL_TRIALS, 24 by default: dozens in CI, as issue 24 asks; `scripts/torture-send` runs
    /// 1,000). Each trial moves the meeting so `notify` writes eight updates, kills `send` part-way, settles what
    /// it left "maybe sent" as an officer would (asks the server: arrived → --confirm-sent, else --resend), and
    /// sends the rest. Nothing may arrive twice, and everything that arrived must be in sent/ and recorded.
    @Test func test_sigkillDuringSend_nothingTwice_everyDeliveredRecorded() throws {
        let trials = Int(ProcessInfo.processInfo.environment["FORUMDESK_SEND_KILL_TRIALS"] ?? "") ?? 24
        let server = try SMTPServer()
        let copy = try SampleCopy()
        try server.configure(copy)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let path = copy.path + meetingFile
        var rng = SystemRandomNumberGenerator()
        var killed = 0, maybeSent = 0, confirmed = 0, resent = 0, duration = 0.0
        for trial in 1...trials {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let (from, to) = trial % 2 == 1 ? ("19:00", "19:30") : ("19:30", "19:00")
            let start = try #require(text.range(of: "\"start\": \"2027-01-07T\(from):00+00:00\""))
            text.replaceSubrange(start, with: "\"start\": \"2027-01-07T\(to):00+00:00\"")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try forumdesk(["notify", id] + data).status == 0)

            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["send"] + data
            process.environment = [
                "SWIFT_BACKTRACE": "enable=no", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let began = Date()
            try process.run()
            // The first run goes to the end, to time one; later ones are killed over its length, mostly while sending.
            if trial > 1 {
                usleep(UInt32(Double.random(in: 0.3...1.05, using: &rng) * duration * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                killed += 1
            } else {
                duration = max(duration, Date().timeIntervalSince(began))
            }
            usleep(200_000)  // an msmtp the kill orphaned finishes its message (or fails) by itself

            // The officer settles each maybe-sent message by looking at what arrived (by its Message-ID).
            let arrived = server.messages().map { String(decoding: $0, as: UTF8.self) }
            for file in listing(copy.path + "/outbox-sending/\(id)") {
                maybeSent += 1
                let bytes = try String(contentsOfFile: copy.path + "/outbox-sending/\(id)/\(file)", encoding: .utf8)
                let messageID = bytes.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") } ?? "?"
                let didArrive = arrived.contains { $0.contains(messageID) }
                if didArrive { confirmed += 1 } else { resent += 1 }
                #expect(
                    try forumdesk(["send", didArrive ? "--confirm-sent" : "--resend", "\(id)/\(file)"] + data).status
                        == 0)
            }
            let finish = try forumdesk(["send"] + data)
            #expect(finish.status == 0, "trial \(trial): \(finish.stdout)\(finish.stderr)")

            // Invariants: every Message-ID at most once at the server; the outbox is empty; every arrived one in sent/.
            let ids = server.messages().map { message in
                String(decoding: message, as: UTF8.self).components(separatedBy: "\r\n").first {
                    $0.hasPrefix("Message-ID:")
                } ?? ""
            }
            #expect(Set(ids).count == ids.count, "trial \(trial): a message arrived twice")
            #expect(listing(copy.path + "/outbox/\(id)").isEmpty, "trial \(trial)")
            let sentFiles = listing(copy.path + "/sent/\(id)").filter { $0.hasSuffix(".eml") }
            let sentIDs = Set(
                sentFiles.compactMap { try? String(contentsOfFile: copy.path + "/sent/\(id)/\($0)", encoding: .utf8) }
                    .map { $0.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") } ?? "" })
            #expect(Set(ids).isSubset(of: sentIDs), "trial \(trial): delivered but not in sent/")
            let states = try deliveries(path)
            for file in sentFiles {
                #expect(
                    states[file] == "sent", "trial \(trial): \(file) in sent/ but recorded \(states[file] ?? "nothing")"
                )
            }
            if ids.count != Set(ids).count { break }
            if trial % 50 == 0 {
                print(
                    "send kill -9 torture: \(trial) trials so far, \(killed) killed, \(maybeSent) maybe sent (\(confirmed) had arrived), "
                        + "\(ids.count) delivered, duplicates: \(ids.count - Set(ids).count)")
            }
        }
        print(
            "send kill -9 torture: \(trials) trials, \(killed) killed mid-run, \(maybeSent) left maybe sent "
                + "(\(confirmed) had arrived, \(resent) had not), \(server.messages().count) messages delivered, duplicates: "
                + "\(server.messages().count - Set(server.messages()).count)")
    }
}
