import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Runs the real `forumdesk` binary, as a user or a script would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

let repositoryRoot = TestPaths.repositoryRoot
let binary = TestPaths.binary

/// With `viaShell`, `arguments` is a whole command line starting with the program (e.g. `sh -c …`).
func forumdesk(
    _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:],
    viaShell: Bool = false
) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: viaShell ? "/bin/sh" : binary)
    process.arguments = viaShell ? Array(arguments.dropFirst()) : arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    env.removeValue(forKey: "FORUMDESK_DATA")
    // The machine configuration beside the data folder (`SampleCopy.machineConfig`), never the developer's own.
    if let flag = arguments.firstIndex(of: "--data"), flag + 1 < arguments.count {
        env["FORUMDESK_CONFIG"] = (arguments[flag + 1] as NSString).deletingLastPathComponent + "/machine-config.json"
    } else {
        env["FORUMDESK_CONFIG"] = "/nonexistent/forumdesk-config.json"
    }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = readAll(out.fileHandleForReading)
    let stderr = readAll(err.fileHandleForReading)
    process.waitUntilExit()
    return Run(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

func withBrokenCopy<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
        "forumdesk-cli-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
        at: repositoryRoot.appendingPathComponent("data"), to: folder.appendingPathComponent("data"))
    func edit(_ name: String, _ old: String, _ new: String) throws {
        let url = folder.appendingPathComponent("data/meetings/2026/\(name).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "fixture text not found in \(name)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
    // A missing comma, a date in the wrong format, an unknown ward: three kinds of mistake a hand edit makes.
    try edit(
        "2026-10-06-cranfield-marston-woburn-ltt", "\"kind\": \"lets-talk-together\",",
        "\"kind\": \"lets-talk-together\"")
    try edit(
        "2026-08-13-sandy-biggleswade-ltt", "\"end\": \"2026-08-13T21:00:00+01:00\"", "\"end\": \"13/08/2026 21:00\"")
    try edit("2026-10-15-sandy-biggleswade-ltt", "\"potton\",", "\"pottonn\",")
    return try body(folder)
}
