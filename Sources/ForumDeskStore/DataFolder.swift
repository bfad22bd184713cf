import Foundation
import ForumDeskCore

/// Where everything lives in a data folder (DESIGN §3).
public struct DataFolder: Sendable, Equatable {
    /// The folder as the user named it, kept for messages (`data/meetings/...` rather than an absolute path).
    public var root: String

    public init(_ root: String) {
        var r = root
        while r.count > 1, r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    /// `--data DIR`, else `FORUMDESK_DATA`, else `./data`.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DataFolder {
        if let option, !option.isEmpty { return DataFolder(option) }
        if let env = environment["FORUMDESK_DATA"], !env.isEmpty { return DataFolder(env) }
        return DataFolder("data")
    }

    public func path(_ relative: String) -> String { "\(root)/\(relative)" }

    public var settings: String { path("forumdesk.json") }
    public var areas: String { path("directory/areas.json") }
    public var people: String { path("directory/people.json") }
    public var organisations: String { path("directory/organisations.json") }
    public var meetingsFolder: String { path("meetings") }
    public var lockFile: String { path(".forumdesk.lock") }
    public var topicsFolder: String { path("topics") }

    /// `topics/winter-gritting-routes.json`.
    public func topicFile(_ id: String) -> String { "\(topicsFolder)/\(id).json" }

    /// `meetings/2026/2026-11-24-sandy-biggleswade-ltt.json`: filed under the year it starts (London time).
    public func meetingFile(for meeting: Meeting) -> String {
        "\(meetingsFolder)/\(LondonTime.date(meeting.start).year)/\(meeting.id).json"
    }

    public func file(for ref: DataFileRef) -> String? {
        switch ref {
        case .config: settings
        case .areas: areas
        case .people: people
        case .organisations: organisations
        case .meeting: nil
        case .topic(let id): topicFile(id)
        }
    }
}
