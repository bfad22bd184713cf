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
            guard fd >= 0 else {
                return Run(status: 127, output: "", errors: "cannot run git: no temp file for its input")
            }
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

    /// One run of git (`ChildProcess`): output and errors read together, so neither pipe can fill and block git.
    static func spawn(_ argv: [String], environment: [String: String], input: String? = nil) -> Run {
        switch ChildProcess.run(argv, environment: environment, input: input) {
        case .failure(let error):
            return Run(status: 127, output: "", errors: "cannot run git: \(String(cString: strerror(error.code)))")
        case .success(let outcome):
            return Run(
                status: outcome.status, output: String(decoding: outcome.output, as: UTF8.self),
                errors: String(decoding: outcome.errors, as: UTF8.self), bytes: outcome.output)
        }
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
