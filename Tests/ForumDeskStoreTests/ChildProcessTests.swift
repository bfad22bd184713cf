import Foundation
import Testing
@testable import ForumDeskStore

/// The one way ForumDesk starts a program (`ChildProcess`): input from a file, output and errors kept, a time
/// limit that stops even a program that keeps writing, and a program that cannot be started said as such.
@Suite struct ChildProcessTests {
    @Test func test_inputFromAFile_outputAndErrorsTogether_andTheExitStatus() throws {
        let input = NSTemporaryDirectory() + "forumdesk-child-" + UUID().uuidString
        try "Dear Cllr Siân\n".write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let run = try ChildProcess.run(
            ["sh", "-c", "cat; echo refused >&2; exit 75"], input: input, searchPath: true, mergeErrors: true
        ).get()
        #expect(String(decoding: run.output, as: UTF8.self) == "Dear Cllr Siân\nrefused\n")
        #expect(run.exitStatus == 75 && run.signal == 0 && !run.timedOut && run.status == 75)
    }

    @Test func test_outputAndErrorsApart() throws {
        let run = try ChildProcess.run(["sh", "-c", "echo out; echo err >&2"], searchPath: true).get()
        #expect(
            String(decoding: run.output, as: UTF8.self) == "out\n"
                && String(decoding: run.errors, as: UTF8.self) == "err\n")
    }

    /// Past its time limit a program is killed, even one that keeps writing (so that poll never goes quiet).
    @Test(arguments: ["sleep 30", "while :; do echo still here; sleep 0.01; done"])
    func test_timeLimit_stopsTheProgram(script: String) throws {
        let run = try ChildProcess.run(["sh", "-c", script], searchPath: true, timeout: 0.3, mergeErrors: true).get()
        #expect(run.timedOut && run.signal == SIGKILL && run.status == 128 + SIGKILL)
    }

    @Test func test_aProgramThatDoesNotExist_isNotStarted() {
        if case .success = ChildProcess.run(["forumdesk-no-such-program"], searchPath: true) {
            Issue.record("started a program that does not exist")
        }
    }
}
