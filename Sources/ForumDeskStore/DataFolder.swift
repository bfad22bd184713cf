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
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DataFolder {
        if let option, !option.isEmpty { return DataFolder(option) }
        if let env = environment["FORUMDESK_DATA"], !env.isEmpty { return DataFolder(env) }
        return DataFolder("data")
    }

    /// A fixed path of ForumDesk's own (`directory/people.json`); anything made from data goes through `inside`.
    public func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// The one way to make a path in the data folder from parts that come from data (ids, stamps): each part must
    /// be one plain name, so the result can only be inside the folder. A part is refused when it is empty, `.` or
    /// `..`, starts with `.` (hidden, like our temp files), holds `/`, NUL or another control character, or is
    /// longer than a file name may be.
    public func inside(_ parts: [String]) throws(PathError) -> String {
        guard !parts.isEmpty else { throw PathError(path: root, reason: "no file named") }
        for part in parts {
            if let reason = Self.problem(part) {
                throw PathError(
                    path: root + "/" + parts.map { IdentifierRule.shown($0) }.joined(separator: "/"), reason: reason)
            }
        }
        return root + "/" + parts.joined(separator: "/")
    }

    /// The name of a file made for one meeting (`<id>-minutes.md`, `<id>-<time>.json`), refused unless the id is a
    /// valid meeting id: conflict copies, exports and outbox folders are named by it.
    public func meetingFileName(_ id: String, _ suffix: String = "") throws(PathError) -> String {
        guard MeetingID(id) != nil else {
            throw PathError(path: IdentifierRule.shown(id) + suffix, reason: "not a valid meeting id")
        }
        return id + suffix
    }

    /// `inside` for a relative path written with `/` between its parts (`outbox/<meeting>/<file>.eml`).
    public func inside(_ relative: String) throws(PathError) -> String {
        try inside(relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
    }

    static func problem(_ part: String) -> String? {
        if part.isEmpty { return "an empty name (a doubled or leading `/`)" }
        if part.utf8.count > 255 { return "a name longer than 255 bytes" }
        if part.hasPrefix(".") { return "a name starting with `.` (`..` leaves the folder; others are hidden)" }
        // Printable ASCII holds no control, format or separator character: only `/` and `\` to look for.
        if part.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "\\") }) {
            return nil
        }
        for scalar in part.unicodeScalars
        where scalar == "/" || scalar == "\\" || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .lineSeparator
            || scalar.properties.generalCategory == .paragraphSeparator
        {
            return "a name holding `/`, `\\` or a control or format character"
        }
        return nil
    }

    public var settings: String { path("forumdesk.json") }
    public var areas: String { path("directory/areas.json") }
    public var people: String { path("directory/people.json") }
    public var organisations: String { path("directory/organisations.json") }
    public var meetingsFolder: String { path("meetings") }
    public var topicsFolder: String { path("topics") }

    /// `topics/winter-gritting-routes.json`; refused unless `id` is a valid topic id.
    public func topicFile(_ id: String) throws(PathError) -> String {
        guard TopicID(id) != nil else {
            throw PathError(path: "topics/\(IdentifierRule.shown(id)).json", reason: "not a valid topic id")
        }
        return try inside(["topics", "\(id).json"])
    }

    public var consultationsFolder: String { path("consultations") }

    /// `consultations/library-opening-hours-2027.json`; refused unless `id` is a valid consultation id.
    public func consultationFile(_ id: String) throws(PathError) -> String {
        guard ConsultationID(id) != nil else {
            throw PathError(
                path: "consultations/\(IdentifierRule.shown(id)).json", reason: "not a valid consultation id")
        }
        return try inside(["consultations", "\(id).json"])
    }

    /// `meetings/2026/2026-11-24-sandy-biggleswade-ltt.json`: filed under the year it starts (London time);
    /// refused unless the id is a valid meeting id.
    public func meetingFile(for meeting: Meeting) throws(PathError) -> String {
        guard MeetingID(meeting.id) != nil else {
            throw PathError(path: "meetings/\(IdentifierRule.shown(meeting.id)).json", reason: "not a valid meeting id")
        }
        return try inside(["meetings", String(LondonTime.date(meeting.start).year), "\(meeting.id).json"])
    }

    public func file(for ref: DataFileRef) -> String? {
        switch ref {
        case .config: settings
        case .areas: areas
        case .people: people
        case .organisations: organisations
        case .meeting: nil
        case .topic(let id): try? topicFile(id)
        case .consultation(let id): try? consultationFile(id)
        }
    }
}

/// A path that cannot be made, or written or deleted, inside the data folder.
public struct PathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "refused \(path): \(reason)" }
}
