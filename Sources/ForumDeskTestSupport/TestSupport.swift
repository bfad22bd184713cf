import Foundation

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
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("forumdesk").path
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

    /// The app's full-screen command line on this copy with a fixed "today", for a shell.
    public var command: String { "SWIFT_BACKTRACE=enable=no \(TestPaths.binary) tui --data \(path) --now 2026-11-23T12:00" }
}
