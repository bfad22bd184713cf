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
        public var ok: Bool { status == 0 }
    }

    /// Where `git` is, or nil when it is not installed.
    public static var program: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `git -C <folder> arguments…`, waiting for it; output and errors are read as they come so a long
    /// output never blocks the pipe. Never prompts: a remote that asks for a password fails instead.
    @discardableResult
    public func git(_ arguments: [String], input: String? = nil) -> Run {
        guard let program = Self.program else { return Run(status: 127, output: "", errors: "git is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-C", folder.root] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_SSH_COMMAND"] = env["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes -o ConnectTimeout=10"
        env["LC_ALL"] = "C"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Run(status: 127, output: "", errors: "cannot run git: \(error.localizedDescription)")
        }
        let collected = OutputBox()
        let group = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(String(decoding: data, as: UTF8.self), error: isError)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: collected.output, errors: collected.errors)
    }

    final class OutputBox: @unchecked Sendable {
        private let lock = NSLock()
        private var out = "", err = ""
        func set(_ text: String, error: Bool) {
            lock.lock()
            if error { err = text } else { out = text }
            lock.unlock()
        }
        var output: String { lock.lock(); defer { lock.unlock() }; return out }
        var errors: String { lock.lock(); defer { lock.unlock() }; return err }
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
