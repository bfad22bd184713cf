import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

let binary = TestPaths.binary

/// A private tmux server with one window, driven like a user at a real terminal.
final class Tmux {
    let socket = "forumdesk-e2e-\(UUID().uuidString.prefix(8))"

    init(width: Int, height: Int, command: String) throws {
        // The server this starts outlives the command and would hold a captured pipe open forever.
        try run(
            ["new-session", "-d", "-x", String(width), "-y", String(height), "-s", "main", command], capture: false)
    }

    deinit { _ = try? run(["kill-server"]) }

    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        try spawn(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
    }

    /// Keys as tmux names them: "q", "Enter", "Tab", "BTab", "Down", "C-c".
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

    func type(_ text: String) throws { try run(["send-keys", "-t", "main", "-l", text]) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "main"]) }

    /// Polls the screen until it contains `text`; records an issue with the last screen if it never does.
    @discardableResult
    func wait(
        for text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) {
                // A frame can be caught half drawn: return it once a second look agrees (for up to a second).
                let settled = Date().addingTimeInterval(1)
                while Date() < settled {
                    Thread.sleep(forTimeInterval: 0.02)
                    let again = try screen()
                    if again == last { break }
                    if again.contains(text) { last = again }
                }
                return last
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record(
            "timed out waiting for \(text.debugDescription); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Polls until some line of the screen satisfies `matches`; false on timeout (no issue recorded).
    func waitForLine(timeout: TimeInterval = 10, _ matches: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try screen().split(separator: "\n").contains(where: { matches(String($0)) }) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// The pid of the pane's process: the app itself when it was started with `exec`.
    func panePID() throws -> Int32? {
        Int32(
            try run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines))
    }

    /// The pid of the process running in the pane's shell, if any.
    func childOfShell() throws -> Int32? {
        guard let shell = try panePID() else { return nil }
        return try spawn(["pgrep", "-P", String(shell)]).split(separator: "\n").first.flatMap { Int32($0) }
    }
}

func tmuxIsInstalled() -> Bool {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program found on PATH and waits for it, with posix_spawn and waitpid rather than Foundation's
/// Process: tmux's server daemonises from the client, and Process on Linux then never sees the client exit.
/// Without `capture`, output goes to /dev/null (a daemon would otherwise hold the pipe open forever).
@discardableResult
func spawn(_ arguments: [String], capture: Bool = true) throws -> String {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var fds: [Int32] = [-1, -1]
    if capture {
        guard pipe(&fds) == 0 else { throw SpawnError(description: "pipe failed") }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "TMUX")
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // Children inherit the signal mask, and the test runs on a libdispatch thread that blocks SIGTERM,
    // SIGWINCH and the like: give tmux (and so the app) a clean one, as a user's shell would.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    if capture { close(fds[1]) }
    guard status == 0 else {
        if capture { close(fds[0]) }
        throw SpawnError(description: "cannot run \(arguments[0]): \(String(cString: strerror(status)))")
    }
    var output: [UInt8] = []
    if capture {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            output.append(contentsOf: chunk[0..<n])
        }
        close(fds[0])
    }
    var exit: Int32 = 0
    while waitpid(pid, &exit, 0) < 0, errno == EINTR {}
    return String(decoding: output, as: UTF8.self)
}

/// Runs the app from a shell, ends it with `finish`, then reads `stty -a` from the same terminal.
func terminalSettingsAfter(
    _ data: SampleCopy? = nil, shellPrefix: String = "",
    _ finish: (Tmux) throws -> Void
) throws -> (stty: String, status: String) {
    let output = NSTemporaryDirectory() + "forumdesk-stty-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: output) }
    let data = try data ?? SampleCopy()
    let tmux = try Tmux(width: 120, height: 40, command: "bash --norc --noprofile")
    try tmux.type("\(shellPrefix)\(data.command); echo \"status $?\" > \(output).status; stty -a > \(output)")
    try tmux.send("Enter")
    try tmux.wait(for: "What needs attention")
    try finish(tmux)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline, (try? String(contentsOfFile: output, encoding: .utf8))?.contains("icanon") != true {
        Thread.sleep(forTimeInterval: 0.05)
    }
    return (
        (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
        (try? String(contentsOfFile: output + ".status", encoding: .utf8)) ?? ""
    )
}

func expectSane(_ stty: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    #expect(flags.contains("icanon") && flags.contains("echo"), "stty -a: \(stty)", sourceLocation: sourceLocation)
    #expect(!flags.contains("-icanon") && !flags.contains("-echo"), "stty -a: \(stty)", sourceLocation: sourceLocation)
}
