import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The crash-safety harness: the real binary in a real terminal, minuting a meeting live, killed with
/// SIGKILL at random moments (between entries and in the middle of a save). After each kill, every entry the
/// screen showed as saved must be in the file, the file must be valid JSON, and the next start must leave no
/// temp file behind. FORUMDESK_KILL_TRIALS sets the trials (100 by default; `scripts/torture` runs 1,000).
@Suite(.serialized) struct CrashTortureTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    enum Entry {
        case action(String), issue(String), outcome(item: Int, text: String)

        /// The footer line that confirms the save.
        func isConfirmed(by line: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return switch self {
            case .action(let text): trimmed.hasPrefix("Saved: A-") && trimmed.hasSuffix(" " + text)
            case .issue(let text): trimmed.hasPrefix("Saved: R-") && trimmed.hasSuffix(" " + text)
            case .outcome(let item, let text): trimmed == "Saved: outcome of item \(item): \(text)"
            }
        }

        func isOnDisk(_ meeting: [String: Any]) -> Bool {
            switch self {
            case .action(let text):
                ((meeting["actions"] as? [[String: Any]]) ?? []).contains { $0["description"] as? String == text }
            case .issue(let text):
                ((meeting["issues"] as? [[String: Any]]) ?? []).contains { $0["text"] as? String == text }
            case .outcome(let item, let text):
                ((meeting["agenda"] as? [[String: Any]]) ?? []).contains {
                    $0["number"] as? Int == item && $0["outcome"] as? String == text
                }
            }
        }
    }

    @Test func test_sigkillAtRandomMoments_losesNoConfirmedEntry() throws {
        let trials = Int(ProcessInfo.processInfo.environment["FORUMDESK_KILL_TRIALS"] ?? "") ?? 100
        let data = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let command = "exec env " + data.command + " --live \(id)"
        let tmux = try Tmux(width: 100, height: 30, command: "sleep 600")
        // The pane stays when the app is killed, so the next trial can start in it.
        try tmux.run(["set-option", "-t", "main", "remain-on-exit", "on"])
        var confirmed = 0, lost = 0, midSave = 0, lastOutcome: [Int: String] = [:]
        var rng = SystemRandomNumberGenerator()
        for trial in 1...trials {
            try tmux.run(["respawn-pane", "-k", "-t", "main", command])
            try tmux.wait(for: "LIVE")
            let pid = try #require(try tmux.panePID())
            var saved: [Entry] = []
            var inFlight: Entry?
            var onAgenda = false  // live notes open on the attendance pane; Tab moves to the agenda
            let entries = Int.random(in: 0...6, using: &rng)
            for n in 0...entries {
                let text =
                    "T\(trial)-\(n) " + [
                        "fix the lamp", "survey the footpath", "ring the clerk", "gritting on Mill Lane",
                    ]
                    .randomElement(using: &rng)!
                let entry: Entry =
                    switch Int.random(in: 0..<5, using: &rng) {
                    case 0: .issue(text)
                    case 1: .outcome(item: 1, text: "Resolved: " + text)
                    default: .action(text)
                    }
                switch entry {
                case .action(let text):
                    try tmux.send("a")
                    try tmux.type(text)
                case .issue(let text):
                    try tmux.send("i")
                    try tmux.type(text)
                case .outcome(_, let text):
                    if !onAgenda { try tmux.send("Tab") }
                    onAgenda = true
                    try tmux.send("Enter", "C-u")
                    try tmux.type(text)
                }
                try tmux.send("Enter")
                if n == entries {
                    // The last entry is killed in flight: before, during or just after its save.
                    usleep(UInt32.random(in: 0...6_000, using: &rng))
                    kill(pid, SIGKILL)
                    inFlight = entry
                    midSave += 1
                    break
                }
                let shown = try tmux.waitForLine { entry.isConfirmed(by: $0) }
                let screen = shown ? "" : try tmux.screen()
                #expect(shown, "trial \(trial): \(entry) was never shown as saved:\n\(screen)")
                if shown { saved.append(entry) }
                if case .outcome(let item, let text) = entry, shown { lastOutcome[item] = text }
            }
            var status: Int32 = 0
            _ = waitpid(pid, &status, WNOHANG)
            Thread.sleep(forTimeInterval: 0.05)
            let meeting = try meetingJSON(data, id)  // valid JSON, or this throws
            // An outcome killed in flight may have been saved before the kill: it then replaces the confirmed one.
            if case .outcome(let item, let text)? = inFlight, Entry.outcome(item: item, text: text).isOnDisk(meeting) {
                lastOutcome[item] = text
            }
            // An outcome confirmed earlier may be replaced by a later one: only the last confirmed must be there.
            // So may the entry killed in flight, when its save landed before the kill.
            let mustBeThere = saved.filter {
                guard case .outcome(let item, let text) = $0 else { return true }
                if case .outcome(item, _)? = inFlight, inFlight?.isOnDisk(meeting) == true { return false }
                return lastOutcome[item] == text
            }
            let missing = mustBeThere.filter { !$0.isOnDisk(meeting) }
            #expect(missing.isEmpty, "trial \(trial): confirmed but not on disk: \(missing)")
            confirmed += saved.count
            lost += missing.count
        }
        // The next start removes what the killed processes left; the folder validates.
        try tmux.run(["respawn-pane", "-k", "-t", "main", command])
        try tmux.wait(for: "LIVE")
        let folder = "\(data.path)/meetings/2026"
        let leftovers =
            try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
            + (try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.contains(".tmp-") })
        #expect(leftovers.isEmpty, "temp files left: \(leftovers)")
        try tmux.run(["respawn-pane", "-k", "-t", "main", "sleep 600"])
        let problems = try spawn([binary, "validate", "--data", data.path, "--now", "2026-11-23T12:00"])
        #expect(problems.isEmpty, "validate: \(problems)")
        print(
            "kill -9 torture: \(trials) trials, \(midSave) kills in flight, \(confirmed) entries confirmed, \(lost) lost"
        )
    }
}
