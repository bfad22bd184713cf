import Foundation
import ForumDeskCore

/// What was read from a file, to notice later that someone else changed it.
public struct FileFingerprint: Sendable, Equatable {
    /// nil: the file did not exist when read.
    public var hash: UInt64?
    /// Set when the file could not be read or understood: it must never be overwritten.
    public var unreadable: Bool = false
}

/// Everything loaded from a data folder, with what is needed to save it back safely.
public struct DataSet: Sendable {
    public var settings: Settings
    public var directory: Directory
    /// Meetings in date order.
    public var meetings: [Meeting]
    /// Files that could not be read, each with its position and reason.
    public var loadErrors: [Diagnostic]
    /// Problems found while filing meetings (duplicate ids, a file named unlike its id).
    public var fileProblems: [Diagnostic]

    var fingerprints: [String: FileFingerprint]
    /// Where each meeting was read from, by id.
    var meetingPaths: [String: String]
    var areasFileExtra: UnknownFields
    var peopleFileExtra: UnknownFields
    var organisationsFileExtra: UnknownFields

    public func meeting(_ id: String) -> Meeting? { meetings.first { $0.id == id } }

    /// The file a meeting was loaded from, or where a new one will be written.
    public func path(ofMeeting id: String) -> String? { meetingPaths[id] }
}
