import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `forumdesk notify` killed with SIGKILL at random moments, a meeting change before each run so that every run
/// has notices to write (and earlier ones to withdraw). After each kill the outbox and the meeting file must agree,
/// or a notice transaction must be open (`outbox-pending/<meeting>/`) for the next start to finish; after the next
/// run (which repairs first) they must agree, with at most one e-mail per person in the outbox.
/// FORUMDESK_NOTIFY_KILL_TRIALS sets the trials (30 by default; `scripts/torture-notify` runs 1,000).
@Suite(.serialized) struct NotifyKillTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"

    /// The e-mail notices the meeting file records and has not withdrawn, by outbox file name, with SEQUENCE.
    func recorded(_ path: String) throws -> [String: Int] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var names: [String: Int] = [:]
        for notice in (json["notifications"] as? [[String: Any]]) ?? []
        where notice["method"] as? String == "email" && notice["withdrawn"] == nil {
            let kind = notice["kind"] as? String == "cancellation" ? "cancel" : "request"
            let sequence = notice["sequence"] as? Int ?? 0
            names["\(notice["councillor"] as? String ?? "")-\(kind)-\(sequence).eml"] = sequence
        }
        return names
    }

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The outbox holds exactly the recorded notices written by the trials (the sample's older notices were sent
    /// long ago and are not in it), one per person.
    func disagreement(_ copy: SampleCopy, base: Int) throws -> String? {
        let notices = try recorded(copy.path + "/meetings/2026/\(id).json")
        let inOutbox = Set(files(copy.path + "/outbox/\(id)"))
        let owed = Set(notices.filter { $0.value > base }.keys)
        if inOutbox != owed {
            return
                "outbox without record: \(inOutbox.subtracting(owed).sorted()); recorded, not in outbox: \(owed.subtracting(inOutbox).sorted())"
        }
        let people = inOutbox.map { $0.components(separatedBy: "-request-")[0].components(separatedBy: "-cancel-")[0] }
        if Set(people).count != people.count { return "two e-mails to one person: \(inOutbox.sorted())" }
        return nil
    }

    @Test func test_sigkillDuringNotify_outboxAndRecordAgree() throws {
        let trials = Int(ProcessInfo.processInfo.environment["FORUMDESK_NOTIFY_KILL_TRIALS"] ?? "") ?? 30
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/\(id).json"
        let base = try recorded(path).values.max() ?? 0
        let now = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        var rng = SystemRandomNumberGenerator()
        var duration = 0.5, killedInFlight = 0, openAfterKill = 0, repaired = 0, disagreements = 0, duplicates = 0
        func figures(_ done: Int) -> String {
            "\(done) trials, \(killedInFlight) killed before finishing, \(openAfterKill) left a transaction open, "
                + "\(repaired) repaired at the next start, \(disagreements) disagreements between outbox and record, "
                + "\(duplicates) with two e-mails to one person"
        }
        for trial in 1...trials {
            // Half an hour later, or back: every notice sent is stale, so this run writes updates and withdraws.
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let (from, to) = trial % 2 == 1 ? ("19:00", "19:30") : ("19:30", "19:00")
            let start = try #require(text.range(of: "\"start\": \"2026-12-17T\(from):00+00:00\""))
            text.replaceSubrange(start, with: "\"start\": \"2026-12-17T\(to):00+00:00\"")
            try text.write(toFile: path, atomically: true, encoding: .utf8)

            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["notify", id] + now
            process.environment = ["SWIFT_BACKTRACE": "enable=no", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Most of a run is start-up and loading: the kills are spread over its second half, where it writes.
            usleep(UInt32(Double.random(in: 0.4...1.15, using: &rng) * duration * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedInFlight += 1 }

            // Agree now, or a transaction is open for the next start.
            let open = FileManager.default.fileExists(atPath: copy.path + "/outbox-pending/\(id)")
            if open { openAfterKill += 1 }
            if !open, let problem = try disagreement(copy, base: base) {
                disagreements += 1
                if problem.hasPrefix("two e-mails") { duplicates += 1 }
                Issue.record("trial \(trial), after the kill: \(problem)")
            }
            // The next start repairs, then writes whatever is still owed, never a second copy.
            let nextBegan = Date()
            let next = try forumdesk(["notify", id] + now)
            duration = Date().timeIntervalSince(nextBegan)
            #expect(next.status == 0, "trial \(trial): \(next.stderr)")
            if next.stderr.contains("repaired: ") { repaired += 1 }
            if let problem = try disagreement(copy, base: base) {
                disagreements += 1
                if problem.hasPrefix("two e-mails") { duplicates += 1 }
                Issue.record("trial \(trial), after the next run: \(problem)\n\(next.stdout)\(next.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: copy.path + "/outbox-pending/\(id)"))
            // A long run (scripts/torture-notify) tells how far it has got.
            if trials > 30 && trial % 25 == 0 { print("notify kill -9 torture so far: \(figures(trial))") }
        }
        let problems = try forumdesk(["validate", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(problems.status == 0, "validate: \(problems.stdout)")
        print("notify kill -9 torture: \(figures(trials))")
    }
}
