#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A sendmail-compatible program (msmtp, Postfix's or Exim's `sendmail`), run without a shell with one message on
/// its standard input: the interface every Unix mail transfer agent provides. `-t` makes it take the recipients
/// from the message's To header. It exits 0 when it has accepted the message (handed it to the server, or queued
/// it), and non-zero, saying why on its output, when it has not (sysexits.h: 67 unknown user, 69 unavailable,
/// 75 temporary failure…).
public struct MailProgram: Sendable {
    /// The program (looked up in PATH) and its arguments: `["msmtp", "-t", "--read-envelope-from"]`.
    public var command: [String]
    /// Seconds the program may take with one message before it is killed (and the message counted as maybe sent).
    public var timeout: TimeInterval

    public init(command: [String], timeout: TimeInterval = 120) {
        self.command = command
        self.timeout = timeout
    }

    /// What the program did with one message.
    public enum Answer: Sendable, Equatable {
        /// Exit 0: accepted. Its output (msmtp prints nothing; some programs print a queue id).
        case accepted(output: String)
        /// A non-zero exit: not accepted, with the exit status and what it printed.
        case refused(status: Int32, output: String)
        /// It could not be started (not installed, not executable): certainly nothing was sent.
        case notStarted(reason: String)
        /// Killed by a signal, or by us after `timeout`: it may or may not have handed the message over.
        case interrupted(reason: String, output: String)
    }

    /// The command as the user wrote it, for messages and the sent log.
    public var display: String { command.joined(separator: " ") }

    /// Runs the program with the file at `input` as its standard input; standard output and error are captured
    /// together (up to 4 KiB kept). Blocks until it exits or `timeout` passes (`ChildProcess`).
    public func run(input: String) -> Answer {
        guard let program = command.first, !program.isEmpty else {
            return .notStarted(reason: "no mail program is set")
        }
        let inputFD = open(input, O_RDONLY | O_CLOEXEC)
        guard inputFD >= 0 else { return .notStarted(reason: "cannot read \(input): \(Self.errorText(errno))") }
        close(inputFD)
        switch ChildProcess.run(command, input: input, searchPath: true, timeout: timeout, mergeErrors: true) {
        case .failure(let error):
            return .notStarted(reason: "cannot run \(program): \(Self.errorText(error.code))")
        case .success(let outcome):
            let output = Self.text(outcome.output)
            if outcome.timedOut {
                return .interrupted(
                    reason: "\(program) took longer than \(Int(timeout)) s and was stopped", output: output)
            }
            if outcome.signal != 0 {
                return .interrupted(reason: "\(program) was killed by signal \(outcome.signal)", output: output)
            }
            return outcome.exitStatus == 0
                ? .accepted(output: output) : .refused(status: outcome.exitStatus, output: output)
        }
    }

    static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(validatingCString: $0) ?? "error \(code)" } ?? "error \(code)"
    }

    /// What the program printed, trimmed, at most 4 KiB, as text.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
