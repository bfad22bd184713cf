#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The data folder as a git repository, driven through the real `git` program (Foundation `Process`): what
/// `forumdesk sync` and `forumdesk history` need of it, nothing more.
public struct GitRepository: Sendable {
    public let folder: DataFolder
    /// Extra environment for every git run (the merge note for the driver, identities).
    public var environment: [String: String] = [:]

    public init(folder: DataFolder) {
        self.folder = folder
    }

    /// What a git run said.
    public struct Run: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
        /// The output as bytes, unchanged (blobs that are not UTF-8 text).
        public var bytes: [UInt8] = []
        public var ok: Bool { status == 0 }
    }

    /// Where `git` is, or nil when it is not installed.
    public static var program: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `git -C <folder> arguments…`, waiting for it; output and errors are read as they come so a long
    /// output never blocks the pipe. Never prompts: a remote that asks for a password fails instead. `input`, when
    /// given, is git's standard input (from a private temp file, so neither side can block on a pipe).
    @discardableResult
    public func git(_ arguments: [String], input: String? = nil) -> Run {
        guard let program = Self.program else { return Run(status: 127, output: "", errors: "git is not installed") }
        var inputPath: String?
        if let input {
            var template = Array("\(NSTemporaryDirectory())/forumdesk-git-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else { return Run(status: 127, output: "", errors: "cannot run git: no temp file for its input") }
            let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let bytes = Array(input.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
                if n <= 0 { if errno == EINTR { continue }; break }
                written += n
            }
            close(fd)
            inputPath = path
        }
        defer { if let inputPath { unlink(inputPath) } }
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_SSH_COMMAND"] = env["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes -o ConnectTimeout=10"
        env["LC_ALL"] = "C"
        for (k, v) in environment { env[k] = v }
        return Self.spawn([program, "-C", folder.root] + arguments, environment: env, input: inputPath)
    }

    /// posix_spawn rather than Foundation's Process, which on Linux closes every possible descriptor before each
    /// exec (about 0.1 s a run where the descriptor limit is high: a sync runs git a dozen times). Output and
    /// errors are read together with poll(2), so neither pipe can fill and block git.
    static func spawn(_ argv: [String], environment: [String: String], input: String? = nil) -> Run {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return Run(status: 127, output: "", errors: "cannot run git: no pipe")
        }
        // Not inherited by git beyond its stdout and stderr (dup2 clears the flag on those).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let args = argv.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            args.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, args, envp)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else { return Run(status: 127, output: "", errors: "cannot run git: \(String(cString: strerror(spawned)))") }
        var out: [UInt8] = [], err: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
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
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(status: code, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self), bytes: out)
    }

    public var isRepository: Bool { FileManager.default.fileExists(atPath: folder.path(".git")) }

    /// A setting from the repository's (or the user's) git config, or nil.
    public func config(_ key: String) -> String? {
        let run = git(["config", "--get", key])
        let value = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return run.ok && !value.isEmpty ? value : nil
    }

    /// The file's content at a commit, or nil (not there).
    public func show(_ commit: String, _ path: String) -> [UInt8]? {
        let run = git(["show", "\(commit):\(path)"])
        return run.ok ? Array(run.output.utf8) : nil
    }
}
