import Foundation
import ForumDeskTestSupport
import Testing

/// `forumdesk daily` under a fixed clock (`--now`) with a stand-in mail program: the first run reminds, briefs the
/// councillors of the meeting three days ahead, publishes and sends; the second sends nothing twice. A mail program
/// that refuses is a failed run: recorded, e-mailed to the team through the outbox, and cleared by the next good run.
@Suite struct DailyTests {
    static func received(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func test_twoRuns_theSecondSendsNothingTwice() throws {
        let copy = try SampleCopy()
        let mail = copy.folder + "/received"
        try FileManager.default.createDirectory(atPath: mail, withIntermediateDirectories: true)
        try copy.setMailProgram(["/bin/sh", "-c", "cat > \"$0\"/$$.eml && echo accepted", mail])
        let args = ["daily", "--data", copy.path, "--brief-days", "3", "--site", copy.folder + "/site"]
        let first = try forumdesk(args + ["--now", "2026-11-23T07:00"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("07:00 sync: skipped, the folder is not shared through git"), "\(first.stdout)")
        #expect(
            first.stdout.contains("07:00 brief cllr-tamsin-rushmere for 2026-11-26-leighton-rural-ltt: exit 0"),
            "\(first.stdout)")
        // Reminders, briefings, notices and one "action raised" e-mail (A-2026-073's owner, told how to answer).
        #expect(first.stdout.contains("14 sent, 0 not sent, 0 maybe sent"), "\(first.stdout)")
        #expect(first.stdout.hasSuffix("07:00 done\n"))
        let after = Self.received(mail)
        #expect(after.count == 14)
        // Every message handed over is a well-formed RFC 5322 e-mail (Python's email package, strict policy).
        for file in after {
            let parsed = try runPython([
                "-c",
                """
                import sys, email, email.policy
                m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.strict)
                print(m['To'] is not None and m['Subject'] is not None)
                """, mail + "/" + file,
            ])
            #expect(parsed.trimmingCharacters(in: .whitespacesAndNewlines) == "True", "\(file)")
        }
        #expect(FileManager.default.fileExists(atPath: copy.folder + "/site/index.html"))

        let second = try forumdesk(args + ["--now", "2026-11-23T07:30"])
        #expect(second.status == 0, "\(second.stdout)")
        #expect(
            second.stdout.contains(
                "07:30 brief: cllr-tamsin-rushmere already briefed for 2026-11-26-leighton-rural-ltt"),
            "\(second.stdout)")
        #expect(second.stdout.contains("action(s) left out, chased within the last 7 day(s)"), "\(second.stdout)")
        #expect(!second.stdout.contains("sent: "), "\(second.stdout)")
        #expect(Self.received(mail) == after, "the second run sent nothing")
        // Both runs are in the day's log, in the machine-local folder that sync leaves out.
        let log = try String(contentsOfFile: copy.path + "/.forumdesk-daily/2026-11-23.log", encoding: .utf8)
        #expect(
            log.contains("07:00 forumdesk daily on Mon 23 Nov 2026 07:00")
                && log.contains("07:30 forumdesk daily on Mon 23 Nov 2026 07:30"))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/.forumdesk-daily/failed"))
    }

    @Test func test_aRefusingMailProgram_isAFailure_recordedAndMailedToTheTeam_thenCleared() throws {
        let copy = try SampleCopy()
        try copy.setMailProgram(["/bin/sh", "-c", "cat > /dev/null; echo 'mail server unreachable' >&2; exit 75"])
        let args = ["daily", "--data", copy.path, "--brief-days", "3"]
        let failed = try forumdesk(args + ["--now", "2026-11-23T07:00"])
        #expect(failed.status == 1, "\(failed.stdout)")
        #expect(failed.stdout.contains("07:00 send: FAILED, exit 1"), "\(failed.stdout)")
        #expect(failed.stdout.contains("recorded in .forumdesk-daily/failed"), "\(failed.stdout)")
        let record = try String(contentsOfFile: copy.path + "/.forumdesk-daily/failed", encoding: .utf8)
        #expect(record.hasPrefix("forumdesk daily failed on Mon 23 Nov 2026 07:00:\nsend: exit 1"), "\(record)")
        // The team's e-mail waits in the outbox for the next send (the mail program refused it too).
        let waiting = Self.received(copy.path + "/outbox/daily")
        #expect(waiting == ["team-daily-20261123T070000.eml"], "\(waiting)")
        let message = try String(contentsOfFile: copy.path + "/outbox/daily/" + waiting[0], encoding: .utf8)
        #expect(message.contains("To: \"Community Engagement Team\" <engagement@example.org>"), "\(message)")

        // Repaired: the next run sends everything waiting, the team's e-mail included, and clears the record.
        let mail = copy.folder + "/received"
        try FileManager.default.createDirectory(atPath: mail, withIntermediateDirectories: true)
        try copy.setMailProgram(["/bin/sh", "-c", "cat > \"$0\"/$$.eml && echo accepted", mail])
        let good = try forumdesk(args + ["--now", "2026-11-24T07:00"])
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("sent: daily/team-daily-20261123T070000.eml"), "\(good.stdout)")
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/.forumdesk-daily/failed"))
    }

    /// The systemd user units in scripts/systemd pass `systemd-analyze verify` (with ExecStart pointed at the built
    /// binary, as an installer sets it).
    @Test func test_theSystemdUnits_verify() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") else { return }
        let dir = NSTemporaryDirectory() + "forumdesk-units-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = TestPaths.repositoryRoot.appendingPathComponent("scripts/systemd").path
        let service = try String(contentsOfFile: source + "/forumdesk-daily.service", encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/forumdesk", with: TestPaths.binary)
        try service.write(toFile: dir + "/forumdesk-daily.service", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: source + "/forumdesk-daily.timer", toPath: dir + "/forumdesk-daily.timer")
        let verified = try runProgram([
            "/usr/bin/systemd-analyze", "verify", "--man=no", dir + "/forumdesk-daily.timer",
            dir + "/forumdesk-daily.service",
        ])
        #expect(verified.status == 0, "\(verified.out)")
        #expect(!verified.out.contains("forumdesk-daily"), "\(verified.out)")
    }
}
