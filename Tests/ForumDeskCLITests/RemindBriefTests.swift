import Foundation
import ForumDeskTestSupport
import Testing

/// Runs scripts/check-digest.py (Python's email in strict mode, and icalendar) on e-mails; the HTML parts are
/// written into `htmlDir` for the HTML5 checker. Returns its status and JSON.
func checkDigests(_ files: [String], htmlDir: String) throws -> (status: Int32, json: [[String: Any]]) {
    try FileManager.default.createDirectory(atPath: htmlDir, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
        ["python3", repositoryRoot.appendingPathComponent("scripts/check-digest.py").path, "--html-dir", htmlDir]
        + files
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = readAll(out.fileHandleForReading)
    process.waitUntilExit()
    return (process.terminationStatus, (try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? [])
}

/// The reminders recorded on an action in a meeting file: [(at, to)].
func reminders(_ path: String, action: String) throws -> [[String: String]] {
    let json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    let a = try #require((json["actions"] as? [[String: Any]])?.first { $0["id"] as? String == action })
    return (a["reminders"] as? [[String: String]]) ?? []
}
