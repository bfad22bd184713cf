#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The one way ForumDesk starts another program (git, the mail program, WeasyPrint): `posix_spawn` without a
/// shell, standard input from a file or /dev/null, standard output and error read as they come with poll(2) so
/// neither pipe can fill and block the program, an optional time limit after which it is killed, and its end
/// (exit status or signal). posix_spawn rather than Foundation's Process, which on Linux closes every possible
/// descriptor before each exec (about 0.1 s a run where the descriptor limit is high).
public enum ChildProcess {
    public struct Outcome: Sendable {
        /// The exit status, or 0 when it was killed by a signal (see `signal`).
        public var exitStatus: Int32
        /// The signal that ended it, 0 when it exited.
        public var signal: Int32
        /// Killed by us after the time limit.
        public var timedOut: Bool
        public var output: [UInt8]
        /// Empty with `mergeErrors` (they are in `output`).
        public var errors: [UInt8]
        /// git's convention for a status: the exit status, or 128 plus the signal.
        public var status: Int32 { signal == 0 ? exitStatus : 128 + signal }
    }

    /// Runs `argv` (argv[0] a path, or a name looked up in PATH with `searchPath`) with `environment` (nil: this
    /// process's), its standard input from the file at `input` (nil: /dev/null). With `mergeErrors` standard error
    /// goes where standard output goes, in the order written. Returns why it could not be started otherwise.
    public static func run(
        _ argv: [String], environment: [String: String]? = nil, input: String? = nil, searchPath: Bool = false,
        timeout: TimeInterval? = nil, mergeErrors: Bool = false
    ) -> Result<Outcome, SystemCallError> {
        guard let program = argv.first, !program.isEmpty else {
            return .failure(SystemCallError(operation: "run", path: "(no program)", code: ENOENT))
        }
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, mergeErrors || pipe(&errPipe) == 0 else {
            return .failure(SystemCallError(operation: "pipe", path: program, code: errno))
        }
        let reading = mergeErrors ? [outPipe[0]] : [outPipe[0], errPipe[0]]
        let writing = mergeErrors ? [outPipe[1]] : [outPipe[1], errPipe[1]]
        // Not inherited by the program beyond its stdout and stderr (dup2 clears the flag on those).
        for fd in reading + writing { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergeErrors ? outPipe[1] : errPipe[1], 2)
        let args = argv.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map {
            $0.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer {
            args.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned: Int32 =
            envp.map { envp in
                searchPath
                    ? posix_spawnp(&pid, program, &actions, nil, args, envp)
                    : posix_spawn(&pid, program, &actions, nil, args, envp)
            }
            ?? (searchPath
                ? posix_spawnp(&pid, program, &actions, nil, args, environ)
                : posix_spawn(&pid, program, &actions, nil, args, environ))
        for fd in writing { close(fd) }
        defer { for fd in reading { close(fd) } }
        guard spawned == 0 else { return .failure(SystemCallError(operation: "run", path: program, code: spawned)) }

        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var out: [UInt8] = [], err: [UInt8] = []
        var open = reading
        var buffer = [UInt8](repeating: 0, count: 65536)
        var timedOut = false, status: Int32 = 0, exited = false
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            // With a time limit, wake at least every 50 ms to look at the clock and at the program.
            let ready = poll(&fds, nfds_t(fds.count), deadline == nil ? -1 : 50)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if entry.fd == outPipe[0] { out += buffer[0..<n] } else { err += buffer[0..<n] }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
            guard let deadline else { continue }
            if !timedOut, Date() > deadline {
                kill(pid, SIGKILL)
                timedOut = true
            }
            // A program that has ended is not waited for further, even if something it started holds its output.
            if ready == 0, waitpid(pid, &status, WNOHANG) == pid { exited = true; break }
        }
        if !exited { while waitpid(pid, &status, 0) < 0, errno == EINTR {} }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let signal = status & 0x7F
        return .success(
            Outcome(
                exitStatus: signal == 0 ? (status >> 8) & 0xFF : 0, signal: signal, timedOut: timedOut,
                output: out, errors: err))
    }
}
